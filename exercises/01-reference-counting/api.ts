/**
 * The student API of exercise 1 (`pymemlab/exercises/01-reference-counting/api`): the only module
 * your refcounting.ts may import. It holds types only; the primitives come as the `api` argument.
 * Objects are named by their id, never handed over themselves.
 */

/** An object of the simulated heap, by its id (as `id(x)` names an object in Python). */
export type ObjectId = number;

/** What your reference counting may do to an object. */
export interface RefCountApi {
  /** ob_refcnt of `op`. */
  refcount(op: ObjectId): number;
  /** Set ob_refcnt of `op`. */
  setRefcount(op: ObjectId, value: number): void;
  /**
   * _Py_Dealloc(op): run its type's tp_dealloc. That releases what `op` holds by calling *your*
   * `decref` on each of its references, so freeing one object can free many (the cascade).
   */
  deallocate(op: ObjectId): void;
}

/** Py_INCREF and Py_DECREF. */
export interface RefCounting {
  incref(op: ObjectId): void;
  decref(op: ObjectId): void;
}

/** What refcounting.ts exports: given the primitives, your reference counting. */
export type CreateRefCounting = (api: RefCountApi) => RefCounting;
