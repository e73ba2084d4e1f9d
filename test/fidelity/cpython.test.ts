// The CPython runner: fresh interpreters (shutdown output included), results in input order,
// timeouts, exit statuses, non-UTF-8 output, and a clear error when python3 is missing.
import { findPython, pythonEnv, PythonNotFoundError, runOnCPython, runOnCPythonSync } from '../../fidelity/cpython';
import { cpython311 as python, describeWithCPython } from '../support/cpython311';

test('a missing interpreter is a clear PythonNotFoundError', () => {
  expect(() => findPython('no-such-python-here')).toThrow(PythonNotFoundError);
  expect(() => findPython('no-such-python-here')).toThrow("cannot run 'no-such-python-here' (not found)");
});

test('the children run with the environment of the CPython facts', () => {
  const env = pythonEnv({ PATH: '/bin', PYTHONPATH: '/evil', PYTHONDEVMODE: '1', PYTHONUNBUFFERED: '' });
  expect(env).toMatchObject({
    PATH: '/bin',
    PYTHONUNBUFFERED: '1',
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONIOENCODING: 'utf-8',
  });
  expect(env.PYTHONPATH).toBeUndefined();
  expect(env.PYTHONDEVMODE).toBeUndefined();
});

describeWithCPython('runOnCPython (python3)', () => {
  test('resolves the real executable and checks the version', () => {
    expect(python!.version).toMatch(/^3\.11\./);
    expect(python!.executable).toMatch(/python/);
    if (!python!.version.startsWith('3.12'))
      expect(() => findPython('python3', '3.12')).toThrow(/is Python 3\.11\.\d+; the simulator models CPython 3\.12/);
  });

  test('each program in a fresh interpreter, results in order, shutdown output and exit statuses included', async () => {
    const sources = [
      'print("zero")\n',
      'class A:\n    def __del__(self):\n        print("del at exit")\na = A()\nprint("end")\n',
      'print("before")\nundefined_name\n',
      'import sys\nprint("x")\nsys.exit(3)\n',
      'import gc\ngc.collect()\nprint(gc.get_count())\n',
    ];
    const batch = await runOnCPython(python!, [...sources, ...sources], { concurrency: 3 });
    const expected = [
      ['zero\n', 0],
      ['end\ndel at exit\n', 0],
      ['before\n', 1],
      ['x\n', 3],
      ['(0, 0, 0)\n', 0],
    ];
    expect(batch.results.map((r) => [r.stdout, r.exitCode])).toEqual([...expected, ...expected]);
    expect(batch.results[2].stderr).toMatch(/NameError: name 'undefined_name' is not defined/);
    expect(batch.programsPerSecond).toBeGreaterThan(0);
  });

  test('a program that runs too long is stopped and marked timed out', async () => {
    const batch = await runOnCPython(python!, ['while True:\n    pass\n', 'print(1)\n'], { timeoutMs: 700 });
    expect(batch.results[0]).toMatchObject({ timedOut: true, exitCode: null });
    expect(batch.results[1]).toMatchObject({ timedOut: false, exitCode: 0, stdout: '1\n' });
  });

  test('output that is not UTF-8 is flagged (and shown with U+FFFD)', async () => {
    const batch = await runOnCPython(python!, [
      'import sys\nsys.stdout.buffer.write(b"ok \\xff\\n")\n',
      'print("é")\n',
    ]);
    expect(batch.results[0]).toMatchObject({ stdoutIsUtf8: false, stdout: 'ok \ufffd\n', exitCode: 0 });
    expect(batch.results[1]).toMatchObject({ stdoutIsUtf8: true, stdout: 'é\n' });
  });

  test('the synchronous runner gives the same as the batch runner', async () => {
    const source = 'import gc\nclass A:\n    pass\na = A()\na.me = a\ndel a\nprint(gc.collect())\n';
    const [batch] = (await runOnCPython(python!, [source])).results;
    const one = runOnCPythonSync(python!, source, { filename: 'x.py' });
    expect(one).toMatchObject({ stdout: batch.stdout, exitCode: batch.exitCode, timedOut: false });
    expect(one.stdout).toBe('1\n');
    expect(one.filename).toMatch(/x\.py$/);
  });
});
