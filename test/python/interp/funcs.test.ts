// Functions and classes as teaching programs write them (annotations, slices, ...): each program
// in funcs/ runs on python3 and on the simulator, and stdout and exit status must be identical.
import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import { runProgram } from '../../../python/interp/run';
import { describeWithCPython } from '../../support/cpython311';
import { runOnCPython } from '../../support/run-cpython';

const dir = path.join(__dirname, 'funcs');
const programs = readdirSync(dir)
  .filter((f) => f.endsWith('.py'))
  .map((f) => [f, readFileSync(path.join(dir, f), 'utf8')] as const);

test('the programs are there', () => {
  expect(programs.length).toBeGreaterThan(1);
});

describeWithCPython('function and class programs compared with python3', () => {
  test.each(programs)('%s: stdout and exit status identical to python3', (name, source) => {
    const real = runOnCPython(name, source);
    const sim = runProgram(source, real.file);
    expect(sim.stdout).toBe(real.stdout);
    expect(sim.exitCode).toBe(real.exitCode);
    if (real.exitCode === 0) expect(sim.stderr).toBe('');
    else expect(sim.stderr.trimEnd().split('\n').pop()).toBe(real.stderr.trimEnd().split('\n').pop());
  });
});
