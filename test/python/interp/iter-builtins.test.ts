// zip, enumerate, reversed, sorted and list.sort against python3, byte for byte.
import { runProgram } from '../../../python/interp/run';
import { ITER_BUILTIN_PROGRAMS } from './iter-builtin-programs';
import { describeWithCPython } from '../../support/cpython311';
import { runOnCPython } from '../../support/run-cpython';

describeWithCPython('iterator built-in programs compared with python3', () => {
  test.each(Object.entries(ITER_BUILTIN_PROGRAMS))('%s: stdout identical to python3', (name, source) => {
    const real = runOnCPython(name, source);
    expect(real.exitCode).toBe(0);
    const sim = runProgram(source, real.file);
    expect(sim.stderr).toBe('');
    expect(sim.stdout).toBe(real.stdout);
  });
});
