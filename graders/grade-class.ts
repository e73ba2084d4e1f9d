/**
 * Grading a class: every submission through gradeSubmission, `jobs` at a time (each in its own
 * sandboxed child), each one's files written as soon as it is graded, then the class files. With
 * `resume`, the submissions an interrupted run finished are read back instead of graded again.
 */
import { mkdirSync } from 'fs';
import type { Submission } from './discover';
import type { GradedExercise } from './exercise';
import { gradeSubmission, type GradeOptions } from './grade';
import { toResults, type SubmissionResults } from './results';
import { writeClass, writeSubmission, type Format } from './outputs';
import type { Renderer } from './render';
import type { Progress } from './progress';
import { runPool } from './sandbox/pool';
import { resumeFrom, runFingerprint, writeRunFile } from './resume';

/** Submissions graded at once unless --jobs or the config says otherwise: one per core of the 2-core machines. */
export const DEFAULT_JOBS = 2;

export interface ClassOptions extends GradeOptions {
  readonly jobs: number;
  readonly out: string;
  readonly formats: readonly Format[];
  readonly renderer: Renderer;
  readonly progress?: Progress;
  /** Keep the submissions an interrupted run into `out` finished (resume.ts). */
  readonly resume?: boolean;
}

export async function gradeClass(
  submissions: readonly Submission[],
  exercises: readonly GradedExercise[],
  options: ClassOptions,
): Promise<SubmissionResults[]> {
  const fingerprint = runFingerprint(exercises, options);
  const finished = options.resume ? resumeFrom(options.out, submissions, fingerprint) : new Map();
  mkdirSync(options.out, { recursive: true });
  writeRunFile(options.out, fingerprint);
  const all = await runPool(submissions, options.jobs, async (submission) => {
    const done = finished.get(submission.name);
    if (done) {
      options.progress?.tick(done.submission, done.score, done.max_score);
      return done;
    }
    const results = toResults(await gradeSubmission(submission, exercises, options));
    writeSubmission(options.out, results, options.formats, options.renderer);
    options.progress?.tick(results.submission, results.score, results.max_score);
    return results;
  });
  options.progress?.stop();
  writeClass(options.out, all, options.renderer);
  return all;
}
