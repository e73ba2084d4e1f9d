import { runProgram } from '../../../python/interp/run';
import { moduleTables } from '../../../python/interp/builtin-modules';
import { MODULE_NAMES } from '../../../python/lang/module-names';
import { Runtime } from '../../../core/runtime';
import { GcModule } from '../../../core/gc/gcmodule';
import { AtExit } from '../../../python/interp/modules/atexit';
import { MODULE_FAILING, MODULE_PROGRAMS } from './module-programs';
import { describeWithCPython, testWithCPython } from '../../support/cpython311';
import { expectSameStdout, runOnCPython } from '../../support/run-cpython';

describeWithCPython('module programs compared with python3', () => {
  test.each(Object.entries(MODULE_PROGRAMS))('%s: stdout identical to python3', (name, source) => {
    expectSameStdout(name, source);
  });
});

describe.each(Object.entries(MODULE_FAILING))('%s', (name, { source, lastLine }) => {
  test('stderr ends with the error in Python words, exit status 1', () => {
    const sim = runProgram(source, 'prog.py');
    expect(sim.exitCode).toBe(1);
    expect(sim.stderr.trimEnd().split('\n').pop()).toBe(lastLine);
    expect(sim.stderr).not.toMatch(/\n\s+at /);
  });
  testWithCPython('stdout, exit status and last stderr line match python3', () => {
    const real = runOnCPython(name, source);
    const sim = runProgram(source, real.file);
    expect(sim.stdout).toBe(real.stdout);
    expect(sim.exitCode).toBe(real.exitCode);
    expect(sim.stderr.trimEnd().split('\n').pop()).toBe(real.stderr.trimEnd().split('\n').pop());
  });
});

test('a refused module is named with its line', () => {
  const sim = runProgram('import gc\nfrom os import path\n', 'prog.py');
  expect(sim.exitCode).toBe(1);
  expect(sim.stderr).toMatch(/line 2: imports of 'os' \(modules other than/);
});

test('relative and star imports are refused by name', () => {
  expect(runProgram('from gc import *\n', 'p.py').stderr).toMatch(/line 1: 'from \.\.\. import \*' statements/);
  expect(runProgram('from . import gc\n', 'p.py').stderr).toMatch(/line 1: relative 'from \. import' statements/);
});

test('the names the front end accepts are exactly the names the module tables define', () => {
  const rt = new Runtime();
  const context = {
    rt,
    gc: new GcModule(rt),
    debugMallocStats: () => '',
    scriptPath: 'p.py',
    stdout: () => {},
    getAttr: () => rt.none(),
    call: () => rt.none(),
    atexit: new AtExit(rt, () => rt.none()),
    frames: () => [],
  };
  const defined = Object.fromEntries(
    moduleTables(context).map((t) => [t.name, [...t.functions.map((f) => f.name), ...t.constants().map(([k]) => k)]]),
  );
  expect(defined).toEqual(MODULE_NAMES);
});

test('an unmodelled name of a supported module is refused with its line, however it is reached', () => {
  const refused = (source: string) => runProgram(source, 'p.py').stderr;
  expect(
    refused('import weakref as w\nclass A:\n    def m(self):\n        pass\na = A()\nf = w.WeakMethod(a.m)\n'),
  ).toBe(
    "p.py: line 6: uses of 'weakref.WeakMethod' are not supported by pymemlab (supported: see docs/language.md)\n",
  );
  expect(refused('from weakref import ref, WeakMethod as W\n')).toMatch(
    /^p\.py: line 1: uses of 'weakref\.WeakMethod' are not supported/,
  );
  expect(refused('import sys\ndef f():\n    return sys.version\n')).toMatch(/line 3: uses of 'sys\.version'/);
  // A modelled name, and an attribute of something that is not a module, are not refused.
  expect(runProgram('import weakref as w\nprint(w.getweakrefcount(1))\n', 'p.py').stdout).toBe('0\n');
});
