import type { PyObject } from '../objects/pyobject';
import { gcListNew } from './gclist';

/** gc.DEBUG_* flags (Modules/gcmodule.c). */
export const DEBUG_STATS = 1;
export const DEBUG_COLLECTABLE = 2;
export const DEBUG_UNCOLLECTABLE = 4;
export const DEBUG_SAVEALL = 32;
export const DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

/** struct gc_generation: a list head, a threshold and a count. */
export interface Generation {
  readonly head: PyObject;
  threshold: number;
  count: number;
}

/** struct gc_generation_stats, as `gc.get_stats()` reports it. */
export interface GenerationStats {
  collections: number;
  collected: number;
  uncollectable: number;
}

/**
 * The collector's state (struct _gc_runtime_state): what every collector implementation, the
 * reference one or a student's, reads and writes, and what a grader observes.
 *
 * count semantics (exact, as 3.11 keeps them):
 * - generations[0].count: GC allocations minus GC deallocations since the last collection
 *   (objects served by a free list touch neither);
 * - generations[1].count: gen-0 collections since the last collection of gen 1 or older;
 * - generations[2].count: gen-1 collections since the last full collection.
 */
export class GcState {
  enabled = true;
  /** Set while a collection runs: automatic and explicit collections do not nest. */
  collecting = false;
  debug = 0;
  readonly generations: Generation[];
  readonly permanent: Generation;
  readonly stats: GenerationStats[] = [0, 1, 2].map(() => ({ collections: 0, collected: 0, uncollectable: 0 }));
  /** Survivors promoted into the oldest generation since the last full collection. */
  longLivedPending = 0;
  /** Survivors of the last full collection. */
  longLivedTotal = 0;

  constructor(thresholds: readonly [number, number, number]) {
    this.generations = thresholds.map((threshold) => ({ head: gcListNew(), threshold, count: 0 }));
    this.permanent = { head: gcListNew(), threshold: 0, count: 0 };
  }
}
