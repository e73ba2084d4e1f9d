/**
 * The kit's exercises (exercises/) as the grader sees them. Metadata (points, visibility, kind)
 * comes from each exercise.json; each check's generate, expect and judge halves run here, in the
 * grader, and its observe half runs in the sandbox (kit-observer.ts, bundled with the student's
 * files from the exercise's folder of the submission).
 */
import path from 'path';
import type { CheckFailure, CheckOptions, CheckResult } from '../core/checks/result';
import { ObservationText } from '../core/checks/check';
import type { HeapSnapshot } from '../core/snapshot';
import {
  checkMeta,
  exercises as loadKit,
  runCheckRemote,
  UnreadableObservation,
  type CheckMeta,
  type Exercise,
  type ExerciseCheck,
  type RemoteCheckReport,
} from '../exercises';
import type { GradedCheck, GradedExercise, Observe } from './exercise';
import { SandboxError } from './sandbox/errors';
import { operationsHeap } from './heap-focus';
import { kitPath } from '../core/kit-root';

export class ExerciseSourceError extends Error {}

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

/**
 * The sandbox's errors as the exercises' runner sees them: a throw or an unreadable answer is the
 * submission's wrong answer (judged like any other); a timeout, a broken limit or a dead process
 * ends the check, and the grader reports it with its own status.
 */
function remoteObserve(observe: Observe): (input: unknown) => Promise<unknown> {
  const readable = (error: unknown): unknown =>
    error instanceof SandboxError && error.kind === 'invalid' ? new UnreadableObservation(error.message) : error;
  return (input) =>
    observe(input).then(
      // a text is validated when the judge parses it: its refusal reads as any unreadable answer's
      (sent) =>
        sent instanceof ObservationText
          ? new ObservationText(sent.json, () => {
              try {
                return sent.parse();
              } catch (error) {
                throw readable(error);
              }
            })
          : sent,
      (error: unknown) => {
        throw readable(error);
      },
    );
}

const ends = (error: unknown) => error instanceof SandboxError && error.kind !== 'threw' && error.kind !== 'invalid';

/** The exercises' report of a check as the grader's result, with the heap of the failing step. */
function checkResult(meta: CheckMeta, options: CheckOptions, remote: RemoteCheckReport): CheckResult {
  const { report } = remote;
  const mismatch = report.failure?.mismatch;
  const failure: CheckFailure | null =
    report.failure === undefined || mismatch === undefined
      ? null
      : {
          reason: mismatch.step === null ? 'mismatch' : `mismatch-at-step-${mismatch.step}`,
          message: mismatch.message,
          steps: report.failure.steps,
          failingStep: mismatch.step === null ? null : mismatch.step - 1,
          expected: mismatch.expected,
          observed: mismatch.observed,
          heap: heapAt(remote.observed, mismatch.step),
        };
  return {
    check: meta.name,
    meaning: meta.meaning,
    status: report.passed ? 'pass' : 'fail',
    seed: options.seed,
    numRuns: report.numRuns,
    path: report.failure?.path || null,
    failure,
  };
}

/** A check of the kit, run by the exercises' own asynchronous runner against the sandbox. */
function gradedCheck(exercise: Exercise, check: ExerciseCheck): GradedCheck {
  const meta = checkMeta(exercise, check.name);
  return {
    name: meta.name,
    meaning: meta.meaning,
    points: meta.points,
    visibility: meta.visibility,
    kind: meta.kind ?? 'correctness',
    ...(meta.gatedBy === undefined ? {} : { gatedBy: meta.gatedBy }),
    acceptsText: true, // runCheckRemote reads an ObservationText
    async run(observe: Observe, options: CheckOptions): Promise<CheckResult> {
      const remote = await runCheckRemote(exercise, check, remoteObserve(observe), {
        seed: options.seed,
        numRuns: options.numRuns,
        path: options.path,
        fatal: ends,
      });
      return checkResult(meta, options, remote);
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
