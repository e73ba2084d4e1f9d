import { runProgram } from '../../../python/interp/run';
import { MODULE_FAILING, MODULE_PROGRAMS } from './module-programs';
import { describeWithCPython, testWithCPython } from '../../support/cpython311';
import { runOnCPython } from '../../support/run-cpython';

describeWithCPython('module programs compared with python3', () => {
  test.each(Object.entries(MODULE_PROGRAMS))('%s: stdout identical to python3', (name, source) => {
    const real = runOnCPython(name, source);
    expect(real.exitCode).toBe(0);
    const sim = runProgram(source, real.file);
    expect(sim.stderr).toBe('');
    expect(sim.stdout).toBe(real.stdout);
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
