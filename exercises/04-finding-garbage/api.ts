/**
 * The student API of exercise 4 (`pymemlab/exercises/04-finding-garbage/api`): the only module your
 * finding-garbage.ts may import. Types only; the primitives come as the `api` argument. Objects are
 * named by their id.
 */

/** An object of the simulated heap, by its id. */
export type ObjectId = number;

/** What your stages may ask about an object. */
export interface GcApi {
  /** ob_refcnt: every reference to the object, from inside the generation or not. */
  refcount(op: ObjectId): number;
  /** The objects `op` references, in tp_traverse order (a list's items last to first, as CPython visits them). */
  referents(op: ObjectId): ObjectId[];
}

/** gc_refs of each object of the generation being collected (and only of those). */
export type GcRefs = Map<ObjectId, number>;

/** What move_unreachable leaves behind: the two lists, each in its final order. */
export interface Partition {
  /** `young` after the scan: the reachable objects, in list order. */
  readonly reachable: ObjectId[];
  /** The `unreachable` list, in list order. */
  readonly unreachable: ObjectId[];
}

/** The three steps of deduce_unreachable over one generation's list `members` (in list order). */
export interface FindingGarbage {
  /** update_refs: gc_refs = ob_refcnt for every member. */
  updateRefs(members: readonly ObjectId[]): GcRefs;
  /** subtract_refs: take off every reference one member makes to another member. */
  subtractRefs(members: readonly ObjectId[], gcRefs: GcRefs): void;
  /** move_unreachable: split the members into what is reachable from outside and what is not. */
  moveUnreachable(members: readonly ObjectId[], gcRefs: GcRefs): Partition;
}

/** What finding-garbage.ts exports: given the primitives, your three stages. */
export type CreateFindingGarbage = (api: GcApi) => FindingGarbage;
