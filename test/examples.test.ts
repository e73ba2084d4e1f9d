/**
 * The bundled teaching programs print exactly what CPython 3.11 prints. Compared with `python3`
 * when it is there (it is in CI); otherwise the comparison is skipped, visibly.
 */
import { execFileSync, spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import path from 'path';
import { globSync } from 'glob';
import { runProgram } from '../python/interp/run';

const EXAMPLES = globSync('examples/programs/*.py', { cwd: path.join(__dirname, '..'), absolute: true }).sort();

function python311(): boolean {
  const r = spawnSync('python3', ['-c', 'import sys; print(sys.version_info[:2] == (3, 11))'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === 'True';
}
const HAVE_PYTHON = python311();
if (!HAVE_PYTHON) console.warn('python3 3.11 not found: the examples are not compared with CPython');

test('there are teaching programs to compare', () => {
  expect(EXAMPLES.length).toBeGreaterThanOrEqual(7);
});

(HAVE_PYTHON ? test.each(EXAMPLES) : test.skip.each(EXAMPLES))('%s prints what python3 prints', (file) => {
  const cpython = execFileSync('python3', [file], { encoding: 'utf8', env: { ...process.env, PYTHONUNBUFFERED: '1' } });
  const sim = runProgram(readFileSync(file, 'utf8'), file);
  expect(sim.exitCode).toBe(0);
  expect(sim.stdout).toBe(cpython);
});
