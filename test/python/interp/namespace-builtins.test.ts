// locals() inside functions, exec() and the copy module against python3, byte for byte.
import { runProgram } from '../../../python/interp/run';
import { NAMESPACE_BUILTIN_PROGRAMS } from './namespace-builtin-programs';
import { describeWithCPython } from '../../support/cpython311';
import { runOnCPython } from '../../support/run-cpython';

describeWithCPython('locals, exec and copy programs compared with python3', () => {
  test.each(Object.entries(NAMESPACE_BUILTIN_PROGRAMS))('%s: stdout identical to python3', (name, source) => {
    const real = runOnCPython(name, source);
    expect(real.exitCode).toBe(0);
    const sim = runProgram(source, real.file);
    expect(sim.stderr).toBe('');
    expect(sim.stdout).toBe(real.stdout);
  });
});
