/** Calls with keywords, `*` and `**`, and every parameter kind, on the simulator against python3. */
import { runProgram } from '../../../python/interp/run';
import * as calls from '../../../python/interp/calls';
import { CALL_PROGRAMS } from './call-programs';
import { describeWithCPython } from '../../support/cpython311';
import { runOnCPython, withoutCarets } from '../../support/run-cpython';

describeWithCPython('call programs compared with python3', () => {
  test.each(Object.entries(CALL_PROGRAMS))('%s', (name, source) => {
    const real = runOnCPython(name, source);
    const sim = runProgram(source, real.file);
    expect(sim.stdout).toBe(real.stdout);
    expect(sim.exitCode).toBe(real.exitCode);
    expect(sim.stderr).toBe(withoutCarets(real.stderr));
  });

  test('the comparison catches keywords bound in the wrong order', () => {
    const name =
      '*args, **kwargs, keyword-only and positional-only parameters; * and ** in calls (refcounts, gc counts)';
    const real = runOnCPython(name, CALL_PROGRAMS[name]);
    const original = calls.bindArguments;
    const spy = jest
      .spyOn(calls, 'bindArguments')
      .mockImplementation((rt, code, func, args, kwargs, nameStr) =>
        original(rt, code, func, args, [...kwargs].reverse(), nameStr),
      );
    try {
      expect(runProgram(CALL_PROGRAMS[name], real.file).stdout).not.toBe(real.stdout);
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});

test('the TypeError messages of a bad call, word for word', () => {
  expect(calls.missingArguments(['a', 'b', 'c'], 'positional')).toBe(
    "missing 3 required positional arguments: 'a', 'b', and 'c'",
  );
  expect(calls.missingArguments(['d'], 'keyword-only')).toBe("missing 1 required keyword-only argument: 'd'");
  expect(calls.tooManyPositional(1, 1, 2, 0)).toBe('takes from 0 to 1 positional arguments but 2 were given');
  expect(calls.tooManyPositional(1, 0, 2, 1)).toBe(
    'takes 1 positional argument but 2 positional arguments (and 1 keyword-only argument) were given',
  );
});

test('starred expressions outside call arguments are still refused with their line', () => {
  const sim = runProgram('xs = [1]\na, *b = xs\n', 'p.py');
  expect(sim.exitCode).toBe(1);
  expect(sim.stderr).toMatch(/^p\.py: line 2: starred \('\*'\) expressions are not supported/);
});
