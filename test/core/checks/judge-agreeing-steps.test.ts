// judgeHeap looks closely only at the steps where the component's observation is not exactly the
// reference's (differential.ts agreeingSteps): these tests change one step of a correct
// observation and expect the verdict at that step, with the reason the full comparison gives.
import fc from 'fast-check';
import { CYCLE_COLLECTOR_CHECK } from '../../../core/checks';
import { Deadline } from '../../../core/checks/deadline';
import type { HeapObservation } from '../../../core/checks/heap-observe';
import type { HeapOp } from '../../../core/model/heap/operations';

type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };

const runs = fc
  .sample(CYCLE_COLLECTOR_CHECK.ops, { seed: 11, numRuns: 30 })
  .filter((ops) => ops.length >= 4)
  .slice(0, 10);

function observe(ops: readonly HeapOp[]): HeapObservation {
  return CYCLE_COLLECTOR_CHECK.observe({}, ops, Deadline.none());
}

/** A copy of `observation` with `change` applied to the heap after step `step` (0-based). */
function changedAt(
  observation: HeapObservation,
  step: number,
  change: (heap: Mutable<HeapObservation['steps'][number]['heap']>) => void,
): HeapObservation {
  const copy = structuredClone(observation) as Mutable<HeapObservation>;
  change(copy.steps[step].heap);
  return copy as HeapObservation;
}

test('a correct observation, equal to the reference at every step, passes', () => {
  for (const ops of runs) expect(CYCLE_COLLECTOR_CHECK.judge(ops, observe(ops), observe(ops))).toBeNull();
});

test('one refcount off at one step is caught at that step by the invariant, after steps that agreed', () => {
  for (const ops of runs) {
    const reference = observe(ops);
    const step = Math.floor(ops.length / 2);
    // a new view: snapshots share the views of unchanged leaves between steps
    const observed = changedAt(reference, step, (heap) => {
      const last = heap.objects.length - 1;
      heap.objects[last] = { ...heap.objects[last], refcnt: heap.objects[last].refcnt + 1 };
    });
    const verdict = CYCLE_COLLECTOR_CHECK.judge(ops, observed, reference);
    expect(verdict?.failure.failingStep).toBe(step);
    expect(verdict?.failure.reason).toBe('refcount-conservation');
  }
});

test('a difference no invariant sees (two frees in the other order) is reported by the differential', () => {
  let swapped = 0;
  for (const ops of fc.sample(CYCLE_COLLECTOR_CHECK.ops, { seed: 12, numRuns: 60 })) {
    const reference = observe(ops);
    const step = reference.steps.findIndex((s) => s.events.filter((e) => e.kind === 'free').length >= 2);
    if (step < 0) continue;
    const observed = structuredClone(reference) as Mutable<HeapObservation>;
    const events = observed.steps[step].events;
    const [i, j] = events.flatMap((e, k) => (e.kind === 'free' ? [k] : [])).slice(0, 2);
    [events[i], events[j]] = [events[j], events[i]];
    const verdict = CYCLE_COLLECTOR_CHECK.judge(ops, observed as HeapObservation, reference);
    expect(verdict?.failure.failingStep).toBe(step);
    expect(verdict?.failure.reason).toBe('differs-from-reference:free-order');
    swapped++;
  }
  expect(swapped).toBeGreaterThan(3);
});
