/**
 * exercises.check_seconds: the wall time of `pymemlab check EXERCISE` (a fresh process: load,
 * type check, bundle, the visible checks) on the correct sample submission, per exercise. The
 * target is under 3 s each on the 2-core machines.
 */
import { spawnSync } from 'child_process';
import { cpSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { exercises } from '../exercises';
import { initWorkspace } from '../exercises/workspace';

export interface ExerciseBench {
  /** Seconds per exercise, the best of `repeats` runs. */
  readonly check_seconds: Record<string, number>;
  readonly max_check_seconds: number;
}

export function benchExercises(repeats = 3): ExerciseBench {
  const ws = mkdtempSync(path.join(tmpdir(), 'pymemlab-bench-'));
  const bin = path.join(__dirname, '..', 'bin', 'pymemlab.js');
  const all = exercises();
  initWorkspace(path.join(ws, 'w'), all);
  cpSync(path.join(__dirname, '..', 'examples', 'submissions', 'correct'), path.join(ws, 'w'), {
    recursive: true,
    dereference: true,
  });
  const check_seconds: Record<string, number> = {};
  for (const e of all) {
    let best = Infinity;
    for (let i = 0; i < repeats; i++) {
      const start = process.hrtime.bigint();
      const run = spawnSync('node', [bin, 'check', e.meta.id], { cwd: path.join(ws, 'w'), encoding: 'utf8' });
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (run.status !== 0)
        throw new Error(`pymemlab check ${e.meta.id} failed on the correct submission:\n${run.stdout}`);
      best = Math.min(best, seconds);
    }
    check_seconds[e.meta.id] = Math.round(best * 100) / 100;
  }
  rmSync(ws, { recursive: true, force: true });
  return { check_seconds, max_check_seconds: Math.max(...Object.values(check_seconds)) };
}
