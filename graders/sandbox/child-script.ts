/**
 * The child's script as plain JavaScript: child.ts bundled by esbuild once, into a cache folder
 * of its own, so the child never compiles anything and its read permission covers that folder only.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'fs';
import path from 'path';
import { buildSync } from 'esbuild';
import { kitPath } from '../../core/kit-root';

const SANDBOX_DIR = kitPath('graders', 'sandbox');
const SOURCE = path.join(SANDBOX_DIR, 'child.ts');
const BUILT = path.join(SANDBOX_DIR, 'child.js');
const CACHE = kitPath('node_modules', '.cache', 'pymemlab-sandbox');

/** Path of the child script, built on first use (or when child.ts changed); a shipped child.js next to child.ts wins. */
export function childScript(): string {
  if (existsSync(BUILT)) return BUILT;
  const out = path.join(CACHE, 'child.js');
  const sources = ['child.ts', 'protocol.ts', 'harden.ts'].map((f) => path.join(SANDBOX_DIR, f));
  const stale = !existsSync(out) || sources.some((s) => statSync(s).mtimeMs > statSync(out).mtimeMs);
  if (stale) {
    mkdirSync(CACHE, { recursive: true, mode: 0o755 });
    // Built aside and renamed into place: graders running at once never run a half-written script.
    const aside = `${out}.${process.pid}.tmp`;
    buildSync({
      entryPoints: [SOURCE],
      bundle: true,
      platform: 'node',
      target: 'node20',
      outfile: aside,
      // SES refuses sloppy mode; esbuild takes "strict" from tsconfig.json, which it ignores when
      // the kit is installed as a package (under node_modules), so it is said here.
      banner: { js: '"use strict";' },
      logLevel: 'silent',
    });
    renameSync(aside, out);
  }
  readFileSync(out); // fail here, in the grader, if the build did not produce it
  return out;
}
