/** Decorators and the descriptors they make, on the simulator against python3. */
import { runProgram } from '../../../python/interp/run';
import { Descriptors } from '../../../python/interp/descriptors';
import { DECORATOR_PROGRAMS } from './decorator-programs';
import { describeWithCPython } from '../../support/cpython311';
import { runOnCPython, withoutCarets } from '../../support/run-cpython';

/** Run `name` with one private method of Descriptors replaced by a no-op (an injected modelling bug). */
function withBrokenDescriptors(method: string, name: string, file: string): string {
  const spy = jest.spyOn(Descriptors.prototype as unknown as Record<string, () => void>, method);
  spy.mockImplementation(() => undefined);
  try {
    return runProgram(DECORATOR_PROGRAMS[name], file).stdout;
  } finally {
    spy.mockRestore();
  }
}

describeWithCPython('decorator programs compared with python3', () => {
  test.each(Object.entries(DECORATOR_PROGRAMS))('%s', (name, source) => {
    const real = runOnCPython(name, source);
    const sim = runProgram(source, real.file);
    expect(sim.stdout).toBe(real.stdout);
    expect(sim.exitCode).toBe(real.exitCode);
    expect(sim.stderr).toBe(withoutCarets(real.stderr));
  });

  test('the comparison catches a staticmethod without the dict functools_wraps makes', () => {
    const name = 'staticmethod and classmethod: binding, sizes, functools_wraps dicts';
    const real = runOnCPython(name, DECORATOR_PROGRAMS[name]);
    expect(withBrokenDescriptors('copyFunctionAttributes', name, real.file)).not.toBe(real.stdout);
  });

  test('the comparison catches a class that never calls its properties’ __set_name__', () => {
    const name = 'descriptor errors in CPython words, and a decorator that raises';
    const real = runOnCPython(name, DECORATOR_PROGRAMS[name]);
    expect(withBrokenDescriptors('classCreated', name, real.file)).not.toBe(real.stdout);
  });
});

test('a decorated definition outside the subset is refused by its own construct and line', () => {
  const sim = runProgram('def d(f):\n    return f\n@d\nasync def g():\n    pass\n', 'p.py');
  expect(sim.exitCode).toBe(1);
  expect(sim.stderr).toMatch(/^p\.py: line 3: async functions are not supported/);
});
