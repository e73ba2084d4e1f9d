// Exercise 7 with a realistic bug: the size class is nbytes / 16 rounded down (the shift without
// its "- 1"), so a request of an exact multiple of 16 lands one size class too high.
import type { SizeClass } from 'pymemlab/exercises/07-size-classes/api';

const ALIGN = 16;
const LARGEST_SMALL_REQUEST = 512;
const POOL_BYTES = 16 * 1024;
const POOL_HEADER = 48;

export function sizeClass(nbytes: number): SizeClass | null {
  if (nbytes < 1 || nbytes > LARGEST_SMALL_REQUEST) return null;
  return Math.floor(nbytes / ALIGN); // BUG: rounds a multiple of 16 up to the next class (16 bytes get a 32-byte block)
}

export function blockSize(cls: SizeClass): number {
  return (cls + 1) * ALIGN;
}

export function blocksPerPool(cls: SizeClass): number {
  return Math.floor((POOL_BYTES - POOL_HEADER) / blockSize(cls));
}
