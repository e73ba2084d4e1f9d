// Exercise 7: size classes. Read README.md first; `pymemlab hint 07` when stuck.
import type { SizeClass } from 'pymemlab/exercises/07-size-classes/api';

/** The size class serving a request of `nbytes`, or null for the raw allocator. */
export function sizeClass(nbytes: number): SizeClass | null {
  // TODO: 0 and more than 512 bytes go to the raw allocator; the rest round up to a multiple of 16.
  void nbytes;
  return null;
}

/** The block size of a size class, in bytes. */
export function blockSize(sizeClass: SizeClass): number {
  // TODO
  void sizeClass;
  return 0;
}

/** How many blocks of that class one 16 KiB pool holds. */
export function blocksPerPool(sizeClass: SizeClass): number {
  // TODO
  void sizeClass;
  return 0;
}
