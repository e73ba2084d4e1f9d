/**
 * The kit's exercises (exercises/) as the grader sees them. Metadata (points, visibility, kind)
 * comes from each exercise.json; each check's generate, expect and judge halves run here, in the
 * grader, and its observe half runs in the sandbox (kit-observer.ts, bundled with the student's
 * files from the exercise's folder of the submission).
 */
import path from 'path';
import fc from 'fast-check';
import type { CheckFailure, CheckOptions, CheckResult } from '../core/checks/result';
import type { HeapSnapshot } from '../core/snapshot';
import { exercises as loadKit, type Exercise, type ExerciseCheck, type Mismatch } from '../exercises';
import type { GradedCheck, GradedExercise, Observe } from './exercise';
import { SandboxError } from './sandbox/errors';
import { operationsHeap } from './heap-focus';
import { kitPath } from '../core/kit-root';

export class ExerciseSourceError extends Error {}

/** The judge's verdict travels out of the property as this error. */
class MismatchError extends Error {
  constructor(
    readonly mismatch: Mismatch,
    readonly heap: HeapSnapshot | null,
  ) {
    super(mismatch.message);
  }
}

/**
 * The observed heap at a mismatch's step, when the observation records one per step (the heap
 * checks' `{ initial, steps: [{ heap }] }`, where ids from `initial.nextId` on are the operations'),
 * cut down to what the operations made; Mismatch itself carries the heap only as text.
 */
function heapAt(observed: unknown, step: number | null): HeapSnapshot | null {
  const run = observed as { initial?: { nextId?: unknown } | null; steps?: { heap?: HeapSnapshot }[] } | null;
  const steps = run?.steps;
  const firstId = run?.initial?.nextId;
  if (!Array.isArray(steps) || steps.length === 0 || typeof firstId !== 'number') return null;
  const index = step === null ? steps.length - 1 : Math.min(steps.length, Math.max(1, step)) - 1;
  const heap = steps[index]?.heap;
  return heap && Array.isArray(heap.objects) && Array.isArray(heap.roots) ? operationsHeap(heap, firstId) : null;
}

/** Observe through the sandbox; the submission throwing (or answering garbage) is a mismatch. */
async function observeOrMismatch(observe: Observe, input: unknown): Promise<unknown> {
  try {
    return await observe(input);
  } catch (error) {
    if (!(error instanceof SandboxError) || error.kind === 'timeout' || error.kind === 'died') throw error;
    const message = error.kind === 'threw' ? 'your code threw an error' : 'your code returned something unexpected';
    throw new MismatchError({ step: null, message, expected: 'no error', observed: error.message }, null);
  }
}

/** A check of the kit, run asynchronously against the sandbox (exercises' runCheck observes synchronously, in-process). */
function gradedCheck(exercise: Exercise, check: ExerciseCheck): GradedCheck {
  const meta = exercise.meta.checks.find((c) => c.name === check.name)!;
  return {
    name: meta.name,
    meaning: meta.meaning,
    points: meta.points,
    visibility: meta.visibility,
    kind: meta.kind ?? 'correctness',
    async run(observe: Observe, options: CheckOptions): Promise<CheckResult> {
      const details = await fc.check(
        fc.asyncProperty(check.arbitrary, async (input) => {
          const observing = observeOrMismatch(observe, input); // the child works while we compute the reference
          const expected = check.expect(input);
          const observed = await observing;
          const mismatch = check.judge(input, observed, expected);
          if (mismatch !== null) throw new MismatchError(mismatch, heapAt(observed, mismatch.step));
        }),
        { seed: options.seed, numRuns: options.numRuns ?? check.numRuns, path: options.path },
      );
      const error = details.errorInstance;
      if (details.failed && !(error instanceof MismatchError)) throw error;
      const failure: CheckFailure | null =
        error instanceof MismatchError
          ? {
              reason: error.mismatch.step === null ? 'mismatch' : `mismatch-at-step-${error.mismatch.step}`,
              message: error.mismatch.message,
              steps: check.describe(details.counterexample![0]),
              failingStep: error.mismatch.step === null ? null : error.mismatch.step - 1,
              expected: error.mismatch.expected,
              observed: error.mismatch.observed,
              heap: error.heap,
            }
          : null;
      return {
        check: meta.name,
        meaning: meta.meaning,
        status: details.failed ? 'fail' : 'pass',
        seed: options.seed,
        numRuns: details.numRuns,
        path: details.counterexamplePath,
        failure,
      };
    },
  };
}

/** One exercise of the kit for the grader; student files live in `<submission>/<exercise id>/`. */
export function gradedExercise(exercise: Exercise): GradedExercise {
  const checks = path.join(exercise.dir, 'checks.ts');
  const observer = kitPath('graders', 'kit-observer.ts');
  return {
    id: exercise.meta.id,
    title: exercise.meta.title,
    order: exercise.meta.order,
    folder: exercise.meta.id,
    studentFiles: exercise.meta.studentFiles,
    api: { specifier: exercise.meta.api.module, file: path.join(exercise.dir, 'api.ts') },
    sandboxEntry: [
      `import { CHECKS } from ${JSON.stringify(checks)};`,
      `import { kitObserve } from ${JSON.stringify(observer)};`,
      'export const observe = kitObserve(CHECKS);',
    ].join('\n'),
    replayCommand: (check, seed, p) =>
      `npx pymemlab check ${exercise.meta.id} --only ${check} --seed ${seed}${p ? ` --path ${p}` : ''}`,
    checks: exercise.checks.map((c) => gradedCheck(exercise, c)),
  };
}

/** Every exercise of the kit, in course order. */
export function kitExercises(): readonly GradedExercise[] {
  return loadKit().map(gradedExercise);
}
