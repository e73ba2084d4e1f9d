/**
 * results.json: one submission's grade in a versioned schema of our own, published as
 * schemas/results.schema.json. Everything the reports show comes from this plain data, so a merge
 * of shards renders exactly what an unsharded run renders. Bump RESULTS_VERSION on any change of
 * meaning; add optional fields without bumping.
 */
import type { CheckStatus } from '../core/checks/result';
import type { HeapSnapshot } from '../core/snapshot';
import type { CheckKind, Visibility } from './exercise';
import type { SubmissionGrade } from './grade';
import type { ExerciseStatus } from './exercise-status';

/** The file in a class folder recording what the class was graded with (seed, runs, limits, checks). */
export const RUN_FILE = 'run.json';

export const RESULTS_VERSION = 1;
export const RESULTS_SCHEMA_ID = 'https://pymemlab.dev/schemas/results.schema.json';

export interface FailureResult {
  readonly reason: string;
  readonly message: string;
  readonly steps: readonly string[];
  /** 0-based index into steps, or null. */
  readonly failing_step: number | null;
  readonly expected: string | null;
  readonly observed: string | null;
  readonly heap: HeapSnapshot | null;
}

export interface CheckResultEntry {
  readonly name: string;
  readonly meaning: string;
  readonly kind: CheckKind;
  readonly visibility: Visibility;
  readonly status: CheckStatus;
  readonly score: number;
  readonly max_score: number;
  /** An efficiency check whose points are withheld until the exercise's correctness checks pass. */
  readonly gated: boolean;
  readonly seed: number;
  readonly runs: number;
  readonly path: string | null;
  readonly failure: FailureResult | null;
  readonly replay: string | null;
}

export interface ExerciseResult {
  readonly id: string;
  readonly title: string;
  readonly score: number;
  readonly max_score: number;
  /** What happened, in one word: passed, failed, missing, compile-error, timeout, memory, output-limit, crash. */
  readonly status?: ExerciseStatus;
  /** Why no check could run (missing file, refused import), or null. */
  readonly error: string | null;
  readonly checks: readonly CheckResultEntry[];
}

export interface SubmissionResults {
  readonly $schema: typeof RESULTS_SCHEMA_ID;
  readonly version: typeof RESULTS_VERSION;
  readonly submission: string;
  readonly seed: number;
  readonly score: number;
  readonly max_score: number;
  readonly exercises: readonly ExerciseResult[];
}

/** The grade as results.json data (plain, JSON round-trippable). */
export function toResults(grade: SubmissionGrade): SubmissionResults {
  return {
    $schema: RESULTS_SCHEMA_ID,
    version: RESULTS_VERSION,
    submission: grade.name,
    seed: grade.seed,
    score: grade.score,
    max_score: grade.maxScore,
    exercises: grade.exercises.map((e) => ({
      id: e.exercise.id,
      title: e.exercise.title,
      score: e.score,
      max_score: e.maxScore,
      status: e.status,
      error: e.error,
      checks: e.checks.map(({ check, result, score, gated, replay }) => ({
        name: check.name,
        meaning: check.meaning,
        kind: check.kind,
        visibility: check.visibility,
        status: result.status,
        score,
        max_score: check.points,
        gated,
        seed: result.seed,
        runs: result.numRuns,
        path: result.path,
        failure: result.failure && {
          reason: result.failure.reason,
          message: result.failure.message,
          steps: result.failure.steps,
          failing_step: result.failure.failingStep,
          expected: result.failure.expected,
          observed: result.failure.observed,
          heap: result.failure.heap,
        },
        replay,
      })),
    })),
  };
}
