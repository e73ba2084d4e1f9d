/**
 * The kit's root folder: the nearest folder above this module holding pymemlab's package.json.
 * Modules find their data files (templates, exercises, page scripts) from it rather than from
 * their own `__dirname`, which is `dist/` once the command runs from its esbuild bundle.
 */
import { existsSync, readFileSync } from 'fs';
import path from 'path';

function findKitRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'pymemlab') {
      return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`pymemlab: no pymemlab package.json above ${start}`);
  }
}

let root: string | null = null;

/**
 * A path inside the kit. Found on first use, never at import: the graders' sandbox bundles some
 * of these modules with `fs` and `path` stubbed out, where only the functions that run may touch them.
 */
export function kitPath(...segments: string[]): string {
  root ??= findKitRoot(__dirname);
  return path.join(root, ...segments);
}
