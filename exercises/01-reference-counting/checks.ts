/**
 * The checks of exercise 1: random heap operations run through the student's reference counting,
 * the refcount invariants after every step, and the same operations on the reference.
 */
import fc from 'fast-check';
import { heapOpArb } from '../../core/model/heap/arbitraries';
import type { HeapOp } from '../../core/model/heap/operations';
import type { InvariantName } from '../../core/invariants/heap';
import { describeHeapOps, judgeHeapRun, observeHeapOps, type HeapRun } from '../heap-run';
import { anyCheck, type ExerciseCheck } from '../types';
import { studentRefCounting } from './adapter';

const REFCOUNT_INVARIANTS: readonly InvariantName[] = [
  'refcount-conservation',
  'no-freed-reachable',
  'immediate-reclamation',
];

/** One heap check: `maxOps` operations, the refcount invariants, and optionally the reference's events. */
function heapCheck(
  name: string,
  maxOps: number,
  numRuns: number,
  compareEvents: boolean,
): ExerciseCheck<HeapOp[], HeapRun> {
  return {
    name,
    arbitrary: fc.array(heapOpArb, { minLength: 1, maxLength: maxOps }),
    numRuns,
    observe: (student, ops) => observeHeapOps({ components: { refcounting: studentRefCounting(student) } }, ops),
    expect: (ops) => observeHeapOps({}, ops),
    judge: (ops, observed, expected) => judgeHeapRun(ops, observed, expected, REFCOUNT_INVARIANTS, compareEvents),
    describe: describeHeapOps,
  };
}

export const CHECKS: readonly ExerciseCheck[] = [
  heapCheck('refcounts-exact', 25, 60, false),
  heapCheck('frees-like-cpython', 25, 60, true),
  heapCheck('long-programs', 60, 60, true),
].map(anyCheck);
