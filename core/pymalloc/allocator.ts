import type { PymallocSnapshot, PymallocStructure } from './snapshot';

/**
 * The object allocator as the rest of pymemlab sees it: the object heap, student
 * implementations and graders depend only on this interface.
 *
 * @public
 */
export interface Allocator {
  /** PyObject_Malloc: a non-zero, 16-byte-aligned address. 0 or > 512 bytes go to the raw allocator (counted, not pooled). */
  malloc(nbytes: number): number;
  /** PyObject_Free. Freeing 0 is a no-op. */
  free(address: number): void;
  /**
   * PyObject_Realloc with CPython's rules (shrink in place when the new size still fits the same size class... read pymalloc_realloc).
   * In detail: realloc(0, n) is malloc(n); a pooled block stays in place when n fits its block
   * and shaves off less than 25% of it; otherwise the data moves to malloc(n) and the old block
   * is freed. A raw block stays with the raw allocator, whatever the new size.
   */
  realloc(address: number, nbytes: number): number;
  /** A plain-data, JSON-serialisable picture of the allocator, for invariants, graders and reports. */
  snapshot(): PymallocSnapshot;
  /** The snapshot without its live blocks, when the allocator can give it faster. */
  structure?(): PymallocStructure;
}
