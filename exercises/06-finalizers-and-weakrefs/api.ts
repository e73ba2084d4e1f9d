/**
 * The student API of exercise 6 (`pymemlab/exercises/06-finalizers-and-weakrefs/api`): types only;
 * the primitives come as the `api` argument. Objects are named by their id.
 */

export type ObjectId = number;

export interface FinalizationApi {
  // --- finalize_garbage: the `collectable` list, and a `seen` list beside it ---------------------
  /** Move the first object of the collectable list to the end of the seen list and return it; null when empty. */
  takeNext(): ObjectId | null;
  /** Put the seen list back into the collectable list (gc_list_merge). */
  putSeenBack(): void;
  /** Whether the object's type has a finalizer (`__del__`, tp_finalize). */
  hasFinalizer(op: ObjectId): boolean;
  /** The FINALIZED flag (PEP 442): set once the finalizer has run. */
  isFinalized(op: ObjectId): boolean;
  markFinalized(op: ObjectId): void;
  incref(op: ObjectId): void;
  decref(op: ObjectId): void;
  /** Call the object's finalizer (the caller must hold a reference to it). It may resurrect objects or free others. */
  callFinalizer(op: ObjectId): void;

  // --- handle_weakrefs: the `unreachable` list ---------------------------------------------------
  /** The objects of the unreachable list, in order. */
  unreachable(): ObjectId[];
  isWeakref(op: ObjectId): boolean;
  /** The weakrefs that refer to `op` (its weakref list), in order. */
  weakrefsTo(op: ObjectId): ObjectId[];
  /** Clear a weakref: it no longer refers to anything (calling it gives None). Its callback stays. */
  clearWeakref(wr: ObjectId): void;
  hasCallback(wr: ObjectId): boolean;
  /** Whether the object is in the unreachable list (garbage). */
  isUnreachable(op: ObjectId): boolean;
  /** Keep `wr` alive (a new reference) on the list of callbacks to call, in order. */
  scheduleCallback(wr: ObjectId): void;
  /** Call the callback of a scheduled weakref and drop that reference; true if the weakref was freed by it. */
  runCallback(wr: ObjectId): boolean;
}

export interface Finalization {
  /** finalize_garbage over the collectable list. */
  finalizeGarbage(): void;
  /** handle_weakrefs over the unreachable list; returns how many weakrefs were freed after their callback. */
  handleWeakrefs(): number;
}

export type CreateFinalization = (api: FinalizationApi) => Finalization;
