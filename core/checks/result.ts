/**
 * What a check reports: the public shape graders, exercises and reports build on. Plain data,
 * JSON-serialisable, so a verdict computed in one process can be rendered in another.
 */
import type { HeapSnapshot } from '../snapshot';

/** pass: no run failed; fail: a named check or the differential found a difference; timeout: the time budget ran out; crash: the component threw. */
export type CheckStatus = 'pass' | 'fail' | 'timeout' | 'crash';

export interface CheckFailure {
  /** What broke: an invariant's stable name (e.g. 'refcount-conservation') or 'differs-from-reference:<what>' (e.g. 'differs-from-reference:free-order'). */
  readonly reason: string;
  /** One or two sentences a student can act on. */
  readonly message: string;
  /** The shrunk counterexample, one readable line per step (as opToString prints HeapOps). */
  readonly steps: readonly string[];
  /** 0-based index into steps where the failure showed; null if it happened while setting up. */
  readonly failingStep: number | null;
  readonly expected: string | null;
  readonly observed: string | null;
  /** The observed heap at the failing step, when there is one (allocator checks: null). */
  readonly heap: HeapSnapshot | null;
}

export interface CheckResult {
  /** Stable name. */
  readonly check: string;
  /** One sentence: what the check guarantees. */
  readonly meaning: string;
  readonly status: CheckStatus;
  readonly seed: number;
  readonly numRuns: number;
  /** fast-check counterexamplePath, for replay. */
  readonly path: string | null;
  readonly failure: CheckFailure | null;
  /** How often each hard situation was reached (share of runs, 0..1). */
  readonly coverage?: Readonly<Record<string, number>>;
  /** Runs until the first failing one was found (1-based), when a run failed. */
  readonly runsToFailure?: number;
}

export interface CheckOptions {
  readonly seed: number;
  readonly numRuns?: number;
  readonly timeBudgetMs?: number;
  readonly path?: string;
}
