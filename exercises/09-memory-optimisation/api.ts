/**
 * The student API of exercise 9 (`pymemlab/exercises/09-memory-optimisation/api`): types only.
 * Sizes are those of 64-bit CPython 3.11, in bytes, as sys.getsizeof reports them.
 */

/** The shape of a class's instances. */
export interface InstanceLayout {
  /** How many names `__slots__` lists (besides `__weakref__`), or null for a class without `__slots__` (it has a `__dict__` and supports weakrefs). */
  readonly slots: number | null;
  /** With `__slots__`: whether `__weakref__` is one of them. */
  readonly weakref: boolean;
}

/** sys.getsizeof of an instance of a class with that layout. */
export type InstanceSize = (layout: InstanceLayout) => number;

/** list_resize: the new capacity (ob_alloc) of a list of capacity `allocated` growing to `newsize` items by an append. */
export type ListResize = (allocated: number, newsize: number) => number;

/** sys.getsizeof of a list of capacity `allocated`. */
export type ListSize = (allocated: number) => number;
