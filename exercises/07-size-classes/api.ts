/**
 * The student API of exercise 7 (`pymemlab/exercises/07-size-classes/api`): types only. The
 * numbers you need are in README.md; deriving them is the exercise.
 */

/** A size class index: 0 for 16-byte blocks, 1 for 32, ... */
export type SizeClass = number;

/** What size-classes.ts exports. */
export interface SizeClasses {
  /** The size class serving a request of `nbytes`, or null when the raw allocator (malloc) serves it. */
  sizeClass(nbytes: number): SizeClass | null;
  /** The block size of a size class, in bytes. */
  blockSize(sizeClass: SizeClass): number;
  /** How many blocks of that class one pool holds. */
  blocksPerPool(sizeClass: SizeClass): number;
}
