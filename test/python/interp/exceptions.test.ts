/** Exceptions on the simulator against python3: stdout, exit status and the printed traceback. */
import { runProgram } from '../../../python/interp/run';
import { Handlers } from '../../../python/interp/handlers';
import { EXCEPTION_PROGRAMS } from './exception-programs';
import { describeWithCPython } from '../../support/cpython311';
import { runOnCPython, withoutCarets } from '../../support/run-cpython';

describeWithCPython('exception programs compared with python3', () => {
  test.each(Object.entries(EXCEPTION_PROGRAMS))('%s', (name, source) => {
    const real = runOnCPython(name, source);
    const sim = runProgram(source, real.file);
    expect(sim.stdout).toBe(real.stdout);
    expect(sim.exitCode).toBe(real.exitCode);
    expect(sim.stderr).toBe(withoutCarets(real.stderr));
  });

  test('the comparison catches a handler that keeps its name bound (the exception outlives the handler)', () => {
    const name = 'an exception keeps its traceback, frames and their locals alive';
    const real = runOnCPython(name, EXCEPTION_PROGRAMS[name]);
    const unbind = jest.spyOn(Handlers.prototype as unknown as { unbind: () => void }, 'unbind');
    unbind.mockImplementation(() => undefined);
    try {
      expect(runProgram(EXCEPTION_PROGRAMS[name], real.file).stdout).not.toBe(real.stdout);
    } finally {
      unbind.mockRestore();
    }
    expect(runProgram(EXCEPTION_PROGRAMS[name], real.file).stdout).toBe(real.stdout);
  });
});

test('an uncaught exception raised while handling another prints both tracebacks, joined', () => {
  const r = runProgram(EXCEPTION_PROGRAMS['uncaught: exception raised while handling another'], 'p.py');
  expect(r.exitCode).toBe(1);
  expect(r.stderr).toBe(
    [
      'Traceback (most recent call last):',
      '  File "p.py", line 3, in f',
      '    1 // 0',
      'ZeroDivisionError: integer division or modulo by zero',
      '',
      'During handling of the above exception, another exception occurred:',
      '',
      'Traceback (most recent call last):',
      '  File "p.py", line 7, in <module>',
      '    f()',
      '  File "p.py", line 5, in f',
      "    raise ValueError('wrapped')",
      'ValueError: wrapped',
      '',
    ].join('\n'),
  );
});

test('except* is still refused, naming the construct and its line', () => {
  const r = runProgram('x = 1\ntry:\n    pass\nexcept* ValueError:\n    pass\n', 'star.py');
  expect(r.exitCode).toBe(1);
  expect(r.stderr).toBe(
    "star.py: line 2: 'except*' clauses are not supported by pymemlab (supported: see docs/language.md)\n",
  );
});

test('raising something that is not an exception is a TypeError, as in CPython', () => {
  const r = runProgram('try:\n    raise 3\nexcept TypeError as e:\n    print(e)\n', 't.py');
  expect(r.stdout).toBe('exceptions must derive from BaseException\n');
  const bad = runProgram('try:\n    pass\nexcept int:\n    pass\nelse:\n    print(1)\n', 'u.py');
  expect(bad.stdout).toBe('1\n');
  const matched = runProgram('try:\n    1 // 0\nexcept int:\n    pass\n', 'v.py');
  expect(matched.stderr.trimEnd().split('\n').pop()).toBe(
    'TypeError: catching classes that do not inherit from BaseException is not allowed',
  );
});
