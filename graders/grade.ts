/**
 * Grading one submission: bundle each exercise, start its sandbox, run every check (visible and
 * hidden) against the sandbox's observations, and score. Points per check come from the exercise's
 * metadata (or the instructor's config); an efficiency check scores only once every correctness
 * check of its exercise passes; the seed is derived from --seed and the submission's name, so a
 * regrade gives the same result.
 */
import { createHash } from 'crypto';
import { ObservationText } from '../core/checks/check';
import type { CheckResult, CheckStatus } from '../core/checks/result';
import type { GradedCheck, GradedExercise, Observe } from './exercise';
import type { Submission } from './discover';
import { bundleExercise } from './bundle';
import { runPool, Sandbox, type SandboxLimits } from './sandbox/pool';
import { SandboxError, type SandboxErrorKind } from './sandbox/errors';
import { exerciseStatus, type ExerciseStatus } from './exercise-status';

/** Where a submission's bundle runs: a Sandbox (always, when grading); bench/ compares with an in-process one. */
export interface Subject {
  /** The observation, or its JSON text (ObservationText) for the judge to parse if it must. */
  observe(check: string, operations: unknown): Promise<unknown>;
  close(): void;
  /** What the submission printed (capped). */
  readonly printed: string;
}

export interface GradeOptions {
  /** The class seed (--seed). */
  readonly seed: number;
  /** Runs per check (--runs); by default each check's own number. */
  readonly runs?: number;
  readonly limits: SandboxLimits;
  /** How to run a bundle; default a sandboxed child process. */
  readonly subject?: (code: string, limits: SandboxLimits) => Subject;
}

export interface CheckGrade {
  readonly check: GradedCheck;
  readonly result: CheckResult;
  readonly score: number;
  /** True when an efficiency check's points are withheld because a correctness check failed. */
  readonly gated: boolean;
  readonly replay: string | null;
}

export interface ExerciseGrade {
  readonly exercise: GradedExercise;
  readonly score: number;
  readonly maxScore: number;
  /** What happened, in one word (exercise-status.ts). */
  readonly status: ExerciseStatus;
  /** Why nothing could run (a missing file, a refused import), or null. */
  readonly error: string | null;
  readonly checks: readonly CheckGrade[];
}

export interface SubmissionGrade {
  readonly name: string;
  readonly seed: number;
  readonly score: number;
  readonly maxScore: number;
  readonly exercises: readonly ExerciseGrade[];
  /** What the submission printed (capped), for the instructor. */
  readonly printed: string;
}

/** A seed per submission: the class seed and the name hashed to a 31-bit integer (fast-check's range). */
export function submissionSeed(classSeed: number, name: string): number {
  return createHash('sha256').update(`${classSeed}\0${name}`).digest().readUInt32BE(0) & 0x7fffffff;
}

/**
 * An observe function that stops the check once the child is gone: after a timeout, a broken limit
 * or a death, shrinking would only wait for the same limit again, so later requests fail at once
 * with the first error, which `run` reports as the check's status.
 */
function latchingObserve(sandbox: Subject, check: GradedCheck): { observe: Observe; fatal: () => SandboxError | null } {
  let fatal: SandboxError | null = null;
  const observe: Observe = async (operations) => {
    if (fatal) throw fatal;
    try {
      const sent = await sandbox.observe(check.name, operations);
      return sent instanceof ObservationText && check.acceptsText !== true ? sent.parse() : sent;
    } catch (error) {
      if (error instanceof SandboxError && error.processGone) fatal = error;
      throw error;
    }
  };
  return { observe, fatal: () => fatal };
}

/** How a check that ended without a verdict of its own is reported, per reason it ended. */
const ABORTED: Readonly<
  Record<SandboxErrorKind | 'not-graded' | 'judge-error', { status: CheckStatus; reason: string }>
> = {
  timeout: { status: 'timeout', reason: 'time-limit' },
  memory: { status: 'crash', reason: 'memory-limit' },
  'output-limit': { status: 'crash', reason: 'output-limit' },
  died: { status: 'crash', reason: 'process-died' },
  threw: { status: 'crash', reason: 'raised' },
  invalid: { status: 'crash', reason: 'invalid-observation' },
  'not-graded': { status: 'crash', reason: 'not-graded' },
  'judge-error': { status: 'crash', reason: 'judge-error' },
};

/** A result for a check that ended without a verdict of its own (no bundle, a broken limit, a dead process). */
function abortedResult(
  check: GradedCheck,
  seed: number,
  why: keyof typeof ABORTED,
  message: string,
  steps: readonly string[] = [],
): CheckResult {
  const { status, reason } = ABORTED[why];
  return {
    check: check.name,
    meaning: check.meaning,
    status,
    seed,
    numRuns: 0,
    path: null,
    failure: { reason, message, steps, failingStep: null, expected: null, observed: null, heap: null },
  };
}

/**
 * Run one check in the sandbox. A dead child or a broken limit overrides whatever the check made
 * of it; a submission error that escaped the check (a throw outside the observer, a malformed
 * reply) is a crash; and a judge that throws on what a submission sent ends this check alone,
 * never the batch.
 */
async function runOne(
  check: GradedCheck,
  sandbox: Subject,
  seed: number,
  runs: number | undefined,
): Promise<CheckResult> {
  const { observe, fatal } = latchingObserve(sandbox, check);
  let result: CheckResult | null = null;
  let escaped: unknown = null;
  try {
    result = await check.run(observe, { seed, numRuns: runs });
  } catch (error) {
    escaped = error;
  }
  const stopped = fatal() ?? (escaped instanceof SandboxError ? escaped : null);
  if (stopped) return abortedResult(check, seed, stopped.kind, stopped.message, result?.failure?.steps ?? []);
  if (result) return result;
  const detail = escaped instanceof Error ? escaped.message : String(escaped);
  return abortedResult(
    check,
    seed,
    'judge-error',
    `the grader could not judge this submission's observations (${detail.slice(0, 500)})`,
  );
}

/**
 * Score the checks of an exercise: correctness gates efficiency. An efficiency check's points count
 * only once the correctness checks it names in `gatedBy` pass (all of them when it names none).
 */
export function scoreChecks(exercise: GradedExercise, results: readonly CheckResult[]): CheckGrade[] {
  const passed = new Set(exercise.checks.filter((_, i) => results[i]!.status === 'pass').map((c) => c.name));
  const correctness = exercise.checks.filter((c) => c.kind === 'correctness').map((c) => c.name);
  return exercise.checks.map((check, i) => {
    const result = results[i]!;
    const gated = check.kind === 'efficiency' && !(check.gatedBy ?? correctness).every((name) => passed.has(name));
    const score = result.status === 'pass' && !gated ? check.points : 0;
    const replay = result.status === 'pass' ? null : exercise.replayCommand(check.name, result.seed, result.path);
    return { check, result, score, gated, replay };
  });
}

/** A sandboxed child as the subject: its observations come back as text, parsed only if judged. */
function sandboxSubject(code: string, limits: SandboxLimits): Subject {
  const sandbox = new Sandbox(code, limits);
  return {
    observe: (check, operations) => sandbox.observeText(check, operations),
    close: () => sandbox.close(),
    get printed() {
      return sandbox.printed;
    },
  };
}

/** Grade one exercise of a submission. */
async function gradeExercise(exercise: GradedExercise, submission: Submission, seed: number, options: GradeOptions) {
  const maxScore = exercise.checks.reduce((sum, c) => sum + c.points, 0);
  const bundle = await bundleExercise(exercise, submission.dir);
  if (!bundle.ok) {
    const results = exercise.checks.map((c) => abortedResult(c, seed, 'not-graded', bundle.error));
    const status = exerciseStatus(bundle.kind, results);
    return {
      grade: { exercise, score: 0, maxScore, status, error: bundle.error, checks: scoreChecks(exercise, results) },
      printed: '',
    };
  }
  const sandbox = (options.subject ?? sandboxSubject)(bundle.code, options.limits);
  try {
    const results: CheckResult[] = [];
    for (const check of exercise.checks) results.push(await runOne(check, sandbox, seed, options.runs));
    const checks = scoreChecks(exercise, results);
    const score = checks.reduce((sum, c) => sum + c.score, 0);
    const status = exerciseStatus(null, results);
    return { grade: { exercise, score, maxScore, status, error: null, checks }, printed: sandbox.printed };
  } finally {
    sandbox.close();
  }
}

/**
 * Exercises of one submission graded at once. The grader judges while a child observes, and each
 * waits for the other within one exercise; with two exercises in flight both cores stay busy.
 * Each exercise has its own child, so they cannot affect each other.
 */
const EXERCISES_AT_ONCE = 2;

/** Grade every exercise of one submission; results in course order. */
export async function gradeSubmission(
  submission: Submission,
  exercises: readonly GradedExercise[],
  options: GradeOptions,
): Promise<SubmissionGrade> {
  const seed = submissionSeed(options.seed, submission.name);
  const inOrder = [...exercises].sort((a, b) => a.order - b.order);
  const graded = await runPool(inOrder, EXERCISES_AT_ONCE, (exercise) =>
    gradeExercise(exercise, submission, seed, options),
  );
  const grades: ExerciseGrade[] = graded.map((g) => g.grade);
  const printed = graded.map((g) => g.printed).join('');
  return {
    name: submission.name,
    seed,
    score: grades.reduce((s, g) => s + g.score, 0),
    maxScore: grades.reduce((s, g) => s + g.maxScore, 0),
    exercises: grades,
    printed,
  };
}
