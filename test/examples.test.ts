/**
 * The bundled teaching programs print exactly what CPython 3.11 prints. Compared with `python3`
 * when it is there (it is in CI); otherwise the comparison is skipped, visibly.
 */
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import path from 'path';
import { globSync } from 'glob';
import { runProgram } from '../python/interp/run';
import { cpython311, describeWithCPython } from './support/cpython311';

const EXAMPLES = globSync('examples/programs/*.py', { cwd: path.join(__dirname, '..'), absolute: true }).sort();

test('there are teaching programs to compare', () => {
  expect(EXAMPLES.length).toBeGreaterThanOrEqual(7);
});

describeWithCPython('teaching programs compared with python3', () => {
  test.each(EXAMPLES)('%s prints what python3 prints', (file) => {
    const cpython = execFileSync(cpython311!.executable, [file], {
      encoding: 'utf8',
      env: { ...process.env, PYTHONUNBUFFERED: '1' },
    });
    const sim = runProgram(readFileSync(file, 'utf8'), file);
    expect(sim.exitCode).toBe(0);
    expect(sim.stdout).toBe(cpython);
  });
});
