/**
 * weakref.finalize, atexit and leaving a program (sys.exit, exit, quit, SystemExit) against
 * python3, plus what must hold without it: the order of what runs at exit, the exit status and
 * stderr of an uncaught SystemExit, and the refusals that remain.
 */
import { runProgram } from '../../../python/interp/run';
import { describeWithCPython } from '../../support/cpython311';
import { expectSameStdout, runOnCPython } from '../../support/run-cpython';
import { EXIT_PROGRAMS, FINALIZE_PROGRAMS, TRACEBACK_PROGRAMS } from './finalize-programs';

const lastLine = (text: string) => text.trimEnd().split('\n').pop();

describeWithCPython('finalize, atexit and exit programs compared with python3', () => {
  test.each(Object.entries(FINALIZE_PROGRAMS))('%s: stdout identical to python3', (name, source) => {
    expectSameStdout(name, source);
  });
  test.each(Object.entries(EXIT_PROGRAMS))('%s: stdout, stderr and exit status identical', (name, source) => {
    const real = runOnCPython(name, source);
    const sim = runProgram(source, real.file);
    expect({ stdout: sim.stdout, stderr: sim.stderr, status: sim.exitCode }).toEqual({
      stdout: real.stdout,
      stderr: real.stderr,
      status: real.exitCode,
    });
  });
  test.each(Object.entries(TRACEBACK_PROGRAMS))('%s: stdout, status, last stderr line', (name, { source }) => {
    const real = runOnCPython(name, source);
    const sim = runProgram(source, real.file);
    expect(sim.stdout).toBe(real.stdout);
    expect(sim.exitCode).toBe(real.exitCode);
    expect(lastLine(sim.stderr)).toBe(lastLine(real.stderr));
    expect(sim.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('without python3', () => {
  test('at exit: atexit callbacks newest first, finalizers newest first where _exitfunc was registered, then teardown', () => {
    const source = [
      'import atexit, weakref',
      'class A:',
      '    def __del__(self):',
      '        print("del A")',
      'atexit.register(print, "atexit 1")',
      'a = A()',
      'b = A()',
      'weakref.finalize(a, print, "fin a")',
      'fb = weakref.finalize(b, print, "fin b")',
      'weakref.finalize(b, print, "fin b2").atexit = False',
      'atexit.register(print, "atexit 2")',
      'print("end", fb.alive)',
    ].join('\n');
    expect(runProgram(source, 'p.py')).toEqual({
      stdout: 'end True\natexit 2\nfin b\nfin a\natexit 1\ndel A\ndel A\n',
      stderr: '',
      exitCode: 0,
    });
  });

  test('an object dying runs its finalizer at once; a finalizer runs once; detach and peek', () => {
    const source = [
      'import weakref, sys',
      'class A:',
      '    pass',
      'a = A()',
      'f = weakref.finalize(a, print, "gone", 1)',
      'print(f.peek()[1:3], sys.getrefcount(f))',
      'del a',
      'print(f.alive, f(), f.peek(), f.detach())',
    ].join('\n');
    expect(runProgram(source, 'p.py').stdout).toBe(
      "(<built-in function print>, ('gone', 1)) 4\ngone 1\nFalse None None None\n",
    );
  });

  test.each([
    ['sys.exit(3)', 3, ''],
    ['sys.exit()', 0, ''],
    ['exit()', 0, ''],
    ['quit("bye")', 1, 'bye\n'],
    ['sys.exit(256 + 7)', 7, ''],
    ['raise SystemExit([1])', 1, '[1]\n'],
  ])('uncaught %s: status %d, stderr %j, no traceback', (statement, status, stderr) => {
    const r = runProgram(`import sys\nprint("before")\n${statement}\nprint("after")\n`, 'p.py');
    expect(r).toEqual({ stdout: 'before\n', stderr, exitCode: status });
  });

  test('SystemExit is caught by except and runs finally; its code and args', () => {
    const source = [
      'import sys',
      'try:',
      '    try:',
      '        sys.exit("out")',
      '    finally:',
      '        print("finally")',
      'except SystemExit as e:',
      '    print("caught", e.code, e.args)',
      'try:',
      '    exit()',
      'except Exception:',
      '    print("not an Exception")',
      'except BaseException as e:',
      '    print("BaseException", e.code)',
    ].join('\n');
    expect(runProgram(source, 'p.py').stdout).toBe("finally\ncaught out ('out',)\nBaseException None\n");
  });

  test('wrong calls fail as CPython words them', () => {
    const last = (source: string) => lastLine(runProgram(source, 'p.py').stderr);
    expect(last('import weakref\nweakref.finalize(1)\n')).toBe(
      "TypeError: finalize.__init__() missing 1 required positional argument: 'func'",
    );
    expect(last('import weakref\nweakref.finalize(1, print)\n')).toBe(
      "TypeError: cannot create weak reference to 'int' object",
    );
    expect(last('import sys\nsys.exit(1, 2)\n')).toBe('TypeError: exit expected at most 1 argument, got 2');
    expect(last('import atexit\natexit.register(1)\n')).toBe('TypeError: the first argument must be callable');
  });
});
