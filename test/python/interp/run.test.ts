import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { runProgram } from '../../../python/interp/run';
import { PROGRAMS, FAILING } from './programs';
import { describeWithCPython, testWithCPython } from '../../support/cpython311';
import { expectSameStdout, runOnCPython } from '../../support/run-cpython';
import { assertFreshBundle, PYMEMLAB } from '../../support/bundle';

const dir = mkdtempSync(path.join(tmpdir(), 'pymemlab-run-'));

describeWithCPython('programs compared with python3', () => {
  test.each(Object.entries(PROGRAMS))('%s: stdout identical to python3', (name, source) => {
    expectSameStdout(name, source);
  });
});

describe.each(Object.entries(FAILING))('%s', (name, { source, lastLine }) => {
  test('stderr ends with the error in Python words, exit status 1, the traceback names file and line', () => {
    const sim = runProgram(source, 'prog.py');
    expect(sim.exitCode).toBe(1);
    expect(sim.stderr.trimEnd().split('\n').pop()).toBe(lastLine);
    expect(sim.stderr).toMatch(/^Traceback \(most recent call last\):\n {2}File "prog\.py", line \d+, in <module>/);
    expect(sim.stderr).not.toMatch(/\n\s+at /);
  });
  testWithCPython('stdout and exit status match python3', () => {
    const real = runOnCPython(name, source);
    const sim = runProgram(source, real.file);
    expect(sim.stdout).toBe(real.stdout);
    expect(sim.exitCode).toBe(real.exitCode);
    // CPython may add a "Did you mean" suggestion; the simulator gives the message without it.
    expect(sim.stderr.trimEnd().split('\n').pop()).toBe(
      real.stderr.trimEnd().split('\n').pop()!.split('. Did you mean')[0],
    );
  });
});

test('an empty file runs and prints nothing', () => {
  expect(runProgram('', 'empty.py')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  expect(runProgram('# only a comment\n\n', 'c.py')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
});

test('a syntax error is reported as CPython reports it, exit 1', () => {
  const r = runProgram('x = = 1\n', 'bad.py');
  expect(r.exitCode).toBe(1);
  expect(r.stderr).toBe('  File "bad.py", line 1\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n');
});

test('a construct outside the subset is refused, naming it and its line', () => {
  const r = runProgram('x = 1\nx @= m\n', 'matmul.py');
  expect(r.exitCode).toBe(1);
  expect(r.stderr).toContain('line 2');
  expect(r.stderr).toContain('@=');
});

test('a program that does not stop is ended by the step limit', () => {
  const r = runProgram("print('start')\nwhile True:\n    pass\n", 'loop.py', { maxSteps: 1000 });
  expect(r.exitCode).toBe(1);
  expect(r.stdout).toBe('start\n');
  expect(r.stderr).toBe(
    'pymemlab: loop.py: step limit of 1000 exceeded; the program was stopped (raise it with --max-steps)\n',
  );
});

test('--trace shows refcounts, referrers, generations and what was freed', () => {
  const lines: string[] = [];
  runProgram('a = []\nb = a\ndel a, b\n', 't.py', { trace: (l) => lines.push(l) });
  const text = lines.join('\n');
  expect(text).toMatch(/line 2: b = a\n {4}#\d+ list \[\] {2}refcount=2 {2}gen0 {2}<- a, b/);
  expect(text).toMatch(/line 3: del a, b\n {4}freed #\d+ list/);
});

test('the CLI runs a file and passes its exit status through', () => {
  const file = path.join(dir, 'cli.py');
  writeFileSync(file, "print('hi')\nprint(undefined)\n");
  assertFreshBundle();
  const r = spawnSync(process.execPath, [PYMEMLAB, 'run', file], { encoding: 'utf8' });
  expect(r.stdout).toBe('hi\n');
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("NameError: name 'undefined' is not defined");
});

test('sys._debugmallocstats() and --malloc-stats print the allocator in CPython 3.11 format on stderr', () => {
  const ok = runProgram('import sys\nx = []\nsys._debugmallocstats()\n', 'm.py', {
    mallocStats: true,
    arenaPicture: true,
  });
  expect(ok.exitCode).toBe(0);
  expect(ok.stdout).toBe('');
  const reports = ok.stderr.split('Small block threshold = 512, in 32 size classes.').length - 1;
  expect(reports).toBe(2);
  expect(ok.stderr).toMatch(/# arenas allocated current\s+=\s+\d+/);
  expect(ok.stderr).toMatch(/free PyListObjects \* 40 bytes each/);
  expect(ok.stderr).toContain('one character per 16 KiB pool');
});
