/** Every check by its stable name, and what the checks are built from. */
import type { AnyCheck } from './check';
import { HEAP_CHECKS } from './heap-checks';
import { ALLOCATOR_CHECK } from './allocator-checks';

export const CHECKS: Readonly<Record<string, AnyCheck>> = Object.fromEntries(
  [...HEAP_CHECKS, ALLOCATOR_CHECK].map((check) => [check.name, check]),
);

export type { CheckStatus, CheckFailure, CheckResult, CheckOptions } from './result';
export type { Check, AnyCheck, CheckComponents, Verdict } from './check';
export { runCheck, DEFAULT_TIME_BUDGET_MS } from './run-check';
export type { CheckSubject, RemoteSubject } from './run-check';
export { Deadline, CheckTimeoutError } from './deadline';
export { observeHeap } from './heap-observe';
export type { HeapObservation, HeapStep, StepFault } from './heap-observe';
export {
  judgeHeap,
  HEAP_CHECKS,
  REFCOUNTING_CHECK,
  CYCLE_COLLECTOR_CHECK,
  FINALIZERS_CHECK,
  WEAKREFS_CHECK,
} from './heap-checks';
export { firstDifference, HEAP_DIFFERENCES } from './differential';
export type { Difference, HeapDifference } from './differential';
export { ALLOCATOR_CHECK, observeAllocatorTrace, judgeAllocator, allocOpToString } from './allocator-checks';
export type { AllocOp, AllocObservation, AllocStep } from './allocator-checks';
