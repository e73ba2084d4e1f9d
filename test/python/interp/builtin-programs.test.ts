// zip, enumerate, reversed, sorted, locals() inside functions, exec() and the copy module against
// python3, byte for byte.
import { runProgram } from '../../../python/interp/run';
import { NAMESPACE_BUILTIN_FAILING, NAMESPACE_BUILTIN_PROGRAMS } from './namespace-builtin-programs';
import { ITER_BUILTIN_PROGRAMS } from './iter-builtin-programs';
import { describeWithCPython } from '../../support/cpython311';
import { expectSameStdout, runOnCPython } from '../../support/run-cpython';

describeWithCPython('built-in function and copy programs compared with python3', () => {
  test.each(Object.entries({ ...ITER_BUILTIN_PROGRAMS, ...NAMESPACE_BUILTIN_PROGRAMS }))(
    '%s: stdout identical to python3',
    (name, source) => {
      expectSameStdout(name, source);
    },
  );

  test.each(Object.entries(NAMESPACE_BUILTIN_FAILING))('%s: traceback identical to python3', (name, source) => {
    const real = runOnCPython(name, source);
    expect(real.exitCode).toBe(1);
    const sim = runProgram(source, real.file);
    expect(sim.stderr).toBe(real.stderr);
    expect(sim.stdout).toBe(real.stdout);
    expect(sim.exitCode).toBe(1);
  });
});

test("a construct outside the subset in exec'd source stops the program, naming both lines", () => {
  const sim = runProgram('print(1)\nexec("a = 1\\nasync def f(): pass")\nprint(2)\n', 'prog.py');
  expect(sim.exitCode).toBe(1);
  expect(sim.stdout).toBe('1\n');
  expect(sim.stderr).toBe(
    'prog.py: line 2: async functions in the source given to exec() or eval() (File "<string>", line 2) ' +
      'are not supported by pymemlab (supported: see docs/language.md)\n',
  );
});

test("exec with a globals dict other than the module's is refused in words", () => {
  const sim = runProgram('exec("a = 1", {})\n', 'prog.py');
  expect(sim.exitCode).toBe(1);
  expect(sim.stderr.trimEnd().split('\n').pop()).toBe(
    "NotImplementedError: exec() with a globals dict other than the module's is not modelled by pymemlab",
  );
});
