/**
 * The checks of exercise 1: random heap operations run through the student's reference counting,
 * the refcount invariants after every step, and the same operations on the reference.
 */
import type { InvariantName } from '../../core/invariants/heap';
import { heapOpsCheck } from '../heap-run';
import type { ExerciseCheck } from '../types';
import { studentRefCounting } from './adapter';

const REFCOUNT_INVARIANTS: readonly InvariantName[] = [
  'refcount-conservation',
  'no-freed-reachable',
  'immediate-reclamation',
];

const base = {
  invariants: REFCOUNT_INVARIANTS,
  components: (student: Parameters<typeof studentRefCounting>[0]) => ({ refcounting: studentRefCounting(student) }),
};

export const CHECKS: readonly ExerciseCheck[] = [
  heapOpsCheck({ ...base, name: 'refcounts-exact', maxOps: 25, numRuns: 60, compareEvents: false }),
  heapOpsCheck({ ...base, name: 'frees-like-cpython', maxOps: 25, numRuns: 60, compareEvents: true }),
  heapOpsCheck({ ...base, name: 'long-programs', maxOps: 60, numRuns: 60, compareEvents: true }),
];
