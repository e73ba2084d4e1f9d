/**
 * Resuming an interrupted batch (`pymemlab grade --resume`). A submission is finished when its
 * results.json is there and valid: outputs.ts writes it last, atomically, after the submission's
 * reports, so its presence means every file of that submission is complete. A resumed run keeps
 * finished submissions as they are, deletes what an interrupted one left (its folder, and the
 * temporary files of writes cut short), and grades the rest; the class files are then written from
 * every submission's results, so they always match them.
 *
 * A run records what it was graded with (run.json: seed, runs, limits, exercises, points); resuming
 * with anything different is refused, since the finished results would not match the new ones.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'fs';
import path from 'path';
import writeFileAtomic from 'write-file-atomic';
import type { Submission } from './discover';
import type { GradedExercise } from './exercise';
import type { GradeOptions } from './grade';
import { readResults, MergeError } from './merge';
import { RUN_FILE, type SubmissionResults } from './results';

export class ResumeError extends Error {}

/** What a run was graded with: equal fingerprints give equal results. */
export interface RunFingerprint {
  readonly seed: number;
  readonly runs: number | null;
  readonly limits: GradeOptions['limits'];
  readonly exercises: readonly { id: string; checks: readonly { name: string; points: number; kind: string }[] }[];
}

export function runFingerprint(exercises: readonly GradedExercise[], options: GradeOptions): RunFingerprint {
  return {
    seed: options.seed,
    runs: options.runs ?? null,
    limits: options.limits,
    exercises: exercises.map((e) => ({
      id: e.id,
      checks: e.checks.map((c) => ({ name: c.name, points: c.points, kind: c.kind })),
    })),
  };
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** Record what this run grades with (before grading anything). */
export function writeRunFile(out: string, fingerprint: RunFingerprint): void {
  writeFileAtomic.sync(path.join(out, RUN_FILE), json(fingerprint));
}

/** write-file-atomic's temporary name: the target's name, a dot and a number. */
const TEMPORARY = /\.\d+$/;

/** Delete temporary files of writes cut short in `dir` (not below). */
function removeTemporaries(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }))
    if (entry.isFile() && TEMPORARY.test(entry.name)) rmSync(path.join(dir, entry.name));
}

/**
 * The results of the submissions an interrupted run finished, keyed by name; everything else it
 * left in `out` is removed. Refused when `out` was graded with another fingerprint.
 */
export function resumeFrom(
  out: string,
  submissions: readonly Submission[],
  fingerprint: RunFingerprint,
): Map<string, SubmissionResults> {
  const finished = new Map<string, SubmissionResults>();
  const runFile = path.join(out, RUN_FILE);
  if (!existsSync(runFile)) return finished; // nothing was graded yet: start afresh
  let recorded: string;
  try {
    recorded = json(JSON.parse(readFileSync(runFile, 'utf8')));
  } catch (error) {
    throw new ResumeError(`${runFile}: not valid JSON (${(error as Error).message}); grade again without --resume`);
  }
  if (recorded !== json(fingerprint))
    throw new ResumeError(
      `${out} was graded with other options (seed, runs, limits or exercises differ from ${runFile}); ` +
        'grade again without --resume, or into another --out folder',
    );
  removeTemporaries(out);
  for (const submission of submissions) {
    const dir = path.join(out, submission.name);
    if (!existsSync(dir)) continue;
    const results = path.join(dir, 'results.json');
    const done = existsSync(results) ? readFinished(results, submission.name) : null;
    if (done) {
      removeTemporaries(dir);
      finished.set(submission.name, done);
    } else rmSync(dir, { recursive: true, force: true });
  }
  return finished;
}

/** A valid results.json of `name`, or null (then the submission is graded again). */
function readFinished(file: string, name: string): SubmissionResults | null {
  try {
    const results = readResults(file);
    return results.submission === name ? results : null;
  } catch (error) {
    if (error instanceof MergeError) return null;
    throw error;
  }
}
