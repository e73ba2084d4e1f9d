/**
 * The student API of exercise 5 (`pymemlab/exercises/05-generations/api`): types only; the
 * primitives come as the `api` argument. Generations are 0 (youngest), 1 and 2 (oldest).
 */

export type Generation = number;

/** The collector's state, and the one thing you may ask of it: a collection. */
export interface GenerationsApi {
  /** generations[g].count: allocations (g = 0), or collections of the next younger generation (g = 1, 2). */
  count(g: Generation): number;
  setCount(g: Generation, value: number): void;
  /** generations[g].threshold (gc.set_threshold). */
  threshold(g: Generation): number;
  /** How many objects generation g's list holds. */
  size(g: Generation): number;
  /** gc_list_merge: move every object of generation `from` to the end of generation `to`. */
  merge(from: Generation, to: Generation): void;
  /** Objects promoted into the oldest generation since the last full collection. */
  longLivedPending(): number;
  setLongLivedPending(value: number): void;
  /** Objects that survived the last full collection. */
  longLivedTotal(): number;
  setLongLivedTotal(value: number): void;
  /** gc_collect_with_callback(g): collect generation g now; returns how many unreachable objects it found. */
  collect(g: Generation): number;
}

/** The parts of the collector that deal with generations. */
export interface Generations {
  /** Top of gc_collect_main: the counters when generation `g` is collected. */
  updateCounts(g: Generation): void;
  /** Collecting g collects the younger generations too: merge them into g, youngest first. */
  mergeYounger(g: Generation): void;
  /** After the garbage is found: the survivors of g move to the next generation (or, for 2, stay). */
  promoteSurvivors(g: Generation): void;
  /** gc_collect_generations: on an automatic trigger, collect the right generation (or none); return what it found. */
  collectGenerations(): number;
}

export type CreateGenerations = (api: GenerationsApi) => Generations;
