/**
 * An exercise check made from one of the core's checks (core/checks): the core's generator,
 * observer and judge, with the student's component(s) plugged in through the exercise's adapter.
 * The exercises add no heap harness of their own; they only say which component is the student's.
 */
import type { Check, CheckComponents, Verdict } from '../core/checks/check';
import type { HeapObservation } from '../core/checks/heap-observe';
import { Deadline } from '../core/checks/deadline';
import { LRUCache } from 'lru-cache';
import { heapText } from './heap-text';
import type { LoadedStudent } from './sandbox';
import { anyCheck, type ExerciseCheck, type Mismatch } from './types';

/** How long one observation of a student's component may take before it counts as a timeout. */
const OBSERVE_BUDGET_MS = 10_000;

/**
 * Runs of a core heap check when a student checks an exercise: half the core's default, so that
 * `pymemlab check` of one exercise stays near 3 s on 2 cores; the grader's hidden checks run the
 * core's full number.
 */
export const VISIBLE_RUNS = 30;

/** How an exercise uses a core check. */
export interface CoreCheckSpec<Op, Observation> {
  /** The exercise's own stable name for it (exercise.json). */
  readonly name: string;
  readonly check: Check<Op, Observation>;
  readonly numRuns?: number;
  /** The student's component(s), through the exercise's adapter. */
  readonly components: (student: LoadedStudent) => CheckComponents;
  /** The heap at the failing step as text, when the observation has one. */
  readonly heapOf?: (observed: Observation, verdict: Verdict) => string | undefined;
}

/** A core verdict as the mismatch a student reads. */
function mismatchOf(verdict: Verdict, heap: string | undefined): Mismatch {
  const f = verdict.failure;
  return {
    step: f.failingStep === null ? null : f.failingStep + 1,
    message: `[${f.reason}] ${f.message}`,
    expected: f.expected ?? (f.reason === 'crash' || f.reason === 'timeout' ? 'no error' : `${f.reason} holds`),
    observed: f.observed ?? f.message,
    heap,
  };
}

/** How many of the reference's observations each core check keeps (a few hundred kilobytes each at most). */
const EXPECTED_KEPT = 256;

/** The reference's observations of a core check, by operations, shared by every exercise that uses it. */
const expectedByCheck = new WeakMap<object, LRUCache<string, object, readonly unknown[]>>();

/**
 * The reference's observation of `ops`, computed once. A grader runs every check of a submission
 * with the submission's seed, so exercises built on the same core check (the cycle collector's in
 * exercises 1, 4, 5 and 6) are given the same operations; the reference is deterministic, so
 * computing its side again would only repeat the same work. Least recently used entries go first.
 */
function referenceObservation<Op, Observation>(check: Check<Op, Observation>, ops: readonly Op[]): Observation {
  let kept = expectedByCheck.get(check);
  if (kept === undefined) {
    kept = new LRUCache({
      max: EXPECTED_KEPT,
      memoMethod: (_key, _stale, { context }) => check.observe({}, context as readonly Op[], Deadline.none()) as object,
    });
    expectedByCheck.set(check, kept);
  }
  return kept.memo(JSON.stringify(ops), { context: ops }) as Observation;
}

export function fromCoreCheck<Op, Observation>(spec: CoreCheckSpec<Op, Observation>): ExerciseCheck {
  const { check } = spec;
  return anyCheck<Op[], Observation, Observation>({
    name: spec.name,
    arbitrary: check.ops,
    numRuns: spec.numRuns ?? check.numRuns,
    observe: (student, ops) =>
      check.observe(spec.components(student), ops, new Deadline(Date.now() + OBSERVE_BUDGET_MS, OBSERVE_BUDGET_MS)),
    expect: (ops) => referenceObservation(check, ops),
    judge: (ops, observed, expected) => {
      const verdict = check.judge(ops, observed, expected);
      return verdict === null ? null : mismatchOf(verdict, spec.heapOf?.(observed, verdict));
    },
    describe: (ops) => ops.map((op) => check.describe(op)),
    wire: check.wire,
    expectsObservation: true,
  });
}

/** The heap of a failing heap check, showing the objects the operations made. */
export function heapCheckText(observed: HeapObservation, verdict: Verdict): string | undefined {
  const heap = verdict.failure.heap;
  if (heap === null) return undefined;
  return heapText(heap, observed.initial?.nextId ?? 0);
}
