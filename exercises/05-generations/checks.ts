/**
 * The checks of exercise 5: the scheduling decision on random collector states (counts,
 * thresholds, long-lived totals) against the reference gc_collect_generations, and the core's
 * cycle-collector and finalizer checks with the student's counts, merging and promotion inside; and
 * random Python programs printing with them as with the reference's.
 */
import fc from 'fast-check';
import { Runtime } from '../../core/runtime';
import type { Collector } from '../../core/components';
import { COLLECT_GENERATIONS_CHECK, CYCLE_COLLECTOR_CHECK, FINALIZERS_CHECK } from '../../core/checks/heap-checks';
import { fromCoreCheck, heapCheckText, VISIBLE_RUNS } from '../core-check';
import { pythonProgramsCheck } from '../python-programs';
import type { LoadedStudent } from '../sandbox';
import { anyCheck, type ExerciseCheck } from '../types';
import { studentGenerations } from './adapter';

/** The collector's state when an allocation asks whether to collect. */
export interface CollectorState {
  readonly counts: readonly [number, number, number];
  readonly thresholds: readonly [number, number, number];
  readonly longLivedPending: number;
  readonly longLivedTotal: number;
}

const stateArb: fc.Arbitrary<CollectorState> = fc.record({
  counts: fc.tuple(fc.nat(800), fc.nat(12), fc.nat(12)),
  thresholds: fc.tuple(fc.nat(800), fc.nat(12), fc.nat(12)),
  longLivedPending: fc.nat(400),
  longLivedTotal: fc.nat(1600),
});

/** Which generation a scheduler collects from `state` (null: none): the collector only records it. */
function chosenGeneration(
  scheduler: ((rt: Runtime) => { collectGenerations(): number }) | undefined,
  state: CollectorState,
): number | null {
  let chosen: number | null = null;
  const recorder = (): Collector => ({
    collectMain: (generation) => {
      chosen ??= generation;
      return { collected: 0, uncollectable: 0 };
    },
  });
  const rt = new Runtime({ components: { collector: recorder, ...(scheduler === undefined ? {} : { scheduler }) } });
  rt.gc.generations.forEach((g, i) => {
    g.count = state.counts[i];
    g.threshold = state.thresholds[i];
  });
  rt.gc.longLivedPending = state.longLivedPending;
  rt.gc.longLivedTotal = state.longLivedTotal;
  rt.scheduler.collectGenerations();
  return chosen;
}

const show = (g: number | null): string => (g === null ? 'no collection' : `collect generation ${g}`);

const whichGeneration = anyCheck<CollectorState, number | null, number | null>({
  name: 'which-generation',
  arbitrary: stateArb,
  numRuns: 300,
  observe: (student: LoadedStudent, state) => chosenGeneration(studentGenerations(student).scheduler, state),
  expect: (state) => chosenGeneration(undefined, state),
  judge: (_state, observed, expected) =>
    observed === expected
      ? null
      : {
          step: 1,
          message: 'an automatic collection collects the wrong generation',
          expected: show(expected),
          observed: show(observed),
        },
  describe: (s) => [
    `gc.get_count() == (${s.counts.join(', ')}); gc.get_threshold() == (${s.thresholds.join(', ')})`,
    `long_lived_pending == ${s.longLivedPending}; long_lived_total == ${s.longLivedTotal}`,
    'an allocation triggers gc_collect_generations()',
  ],
});

export const CHECKS: readonly ExerciseCheck[] = [
  whichGeneration,
  fromCoreCheck({
    name: 'long-lived-rule',
    check: COLLECT_GENERATIONS_CHECK,
    components: studentGenerations,
    heapOf: heapCheckText,
  }),
  fromCoreCheck({
    name: 'cycle-collector',
    numRuns: VISIBLE_RUNS,
    check: CYCLE_COLLECTOR_CHECK,
    components: studentGenerations,
    heapOf: heapCheckText,
  }),
  fromCoreCheck({
    name: 'finalizers-across-generations',
    check: FINALIZERS_CHECK,
    components: studentGenerations,
    heapOf: heapCheckText,
  }),
  pythonProgramsCheck(studentGenerations),
];
