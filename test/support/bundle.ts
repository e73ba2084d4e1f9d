// Tests that run the pymemlab command run what users run: the bundle `npm run build` makes (npm test
// builds it first). A bundle older than its sources would test stale code, so it is refused.
import { statSync } from 'fs';
import path from 'path';
import { globSync } from 'glob';

const ROOT = path.join(__dirname, '..', '..');

/** bin/pymemlab.js, which loads dist/pymemlab.mjs (and, per command, its chunks). */
export const PYMEMLAB = path.join(ROOT, 'bin', 'pymemlab.js');

/** Throws when dist/pymemlab.mjs is missing or older than a source file it is built from. */
export function assertFreshBundle(): void {
  const bundle = path.join(ROOT, 'dist', 'pymemlab.mjs');
  let built: number;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    throw new Error(`${bundle} is missing: run "npm run build" (npm test runs it first)`);
  }
  const sources = globSync('{bin,core,python,fidelity}/**/*.ts', { cwd: ROOT, absolute: true });
  const newer = sources.find((file) => statSync(file).mtimeMs > built);
  if (newer !== undefined)
    throw new Error(`${bundle} is older than ${newer}: run "npm run build" (npm test runs it first)`);
}
