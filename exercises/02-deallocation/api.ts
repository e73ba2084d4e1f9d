/**
 * The student API of exercise 2 (`pymemlab/exercises/02-deallocation/api`): types only; the
 * primitives come as the `api` argument. Objects are named by their id.
 */

export type ObjectId = number;

/** The containers whose deallocation is yours; every other type keeps the reference's. */
export type ContainerKind = 'list' | 'tuple' | 'dict';

export interface DeallocApi {
  kind(op: ObjectId): ContainerKind;
  /**
   * What the container holds, in storage order: a list's or tuple's items by index; a dict's
   * entries in insertion order as key, value, key, value, ...
   */
  items(op: ObjectId): ObjectId[];
  /** PyObject_GC_UnTrack: the collector must never see a dying object. */
  untrack(op: ObjectId): void;
  /** Py_DECREF of one reference the container held. */
  decref(op: ObjectId): void;
  /** Give the container's memory back (its free list or the allocator); call it last, once its references are released. */
  freeShell(op: ObjectId): void;
}

/** tp_dealloc of lists, tuples and dicts: called when the container's refcount has reached 0. */
export interface Deallocator {
  dealloc(op: ObjectId): void;
}

export type CreateDeallocator = (api: DeallocApi) => Deallocator;
