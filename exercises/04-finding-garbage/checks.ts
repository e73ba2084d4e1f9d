/**
 * The checks of exercise 4: random heap operations, collections among them, run with the student's
 * deduce stages inside the reference collector; the collector invariants after every step, and the
 * same operations on the reference.
 */
import type { InvariantName } from '../../core/invariants/heap';
import { heapOpsCheck } from '../heap-run';
import type { ExerciseCheck } from '../types';
import { studentDeduceStages } from './adapter';

const COLLECTOR_INVARIANTS: readonly InvariantName[] = [
  'collector-safety',
  'cycles-reclaimed',
  'no-freed-reachable',
  'refcount-conservation',
  'generation-accounting',
];

const base = {
  invariants: COLLECTOR_INVARIANTS,
  components: (student: Parameters<typeof studentDeduceStages>[0]) => ({ stages: studentDeduceStages(student) }),
};

export const CHECKS: readonly ExerciseCheck[] = [
  heapOpsCheck({ ...base, name: 'finds-the-garbage', maxOps: 25, numRuns: 60, compareEvents: false }),
  heapOpsCheck({ ...base, name: 'same-order-as-cpython', maxOps: 25, numRuns: 60, compareEvents: true }),
  heapOpsCheck({ ...base, name: 'long-programs', maxOps: 60, numRuns: 60, compareEvents: true }),
];
