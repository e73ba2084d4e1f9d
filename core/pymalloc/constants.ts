/**
 * pymalloc's tunable settings, as a 64-bit CPython 3.11 build with the default
 * WITH_PYMALLOC_RADIX_TREE sets them (Objects/obmalloc.c, "Main tunable settings section").
 * Each constant carries its reason; the invariants obmalloc enforces with `#error` are checked
 * when this module loads, so a bad edit fails at import time, not deep inside a trace.
 *
 * @public
 */

/** Every returned address is a multiple of this: the strictest alignment a 64-bit C type needs. */
export const ALIGNMENT = 16;

/** log2(ALIGNMENT): turns a request size into its size class with one shift. */
export const ALIGNMENT_SHIFT = 4;

/** Largest request served from pools; bigger (and zero-byte) requests go to the raw allocator. */
export const SMALL_REQUEST_THRESHOLD = 512;

/** One size class per ALIGNMENT step up to the threshold: 16, 32, ..., 512. */
export const NB_SMALL_SIZE_CLASSES = SMALL_REQUEST_THRESHOLD / ALIGNMENT;

/** The page size obmalloc assumes; arenas come from mmap, so they are page aligned (not pool aligned). */
export const SYSTEM_PAGE_SIZE = 4 * 1024;

/** log2(ARENA_SIZE): 64-bit builds use large arenas (USE_LARGE_ARENAS). */
export const ARENA_BITS = 20;

/** An arena is the unit pymalloc asks the OS for (mmap) and gives back (munmap): 1 MiB. */
export const ARENA_SIZE = 1 << ARENA_BITS;

/** log2(POOL_SIZE): large pools need the radix tree, which 3.11 enables by default. */
export const POOL_BITS = 14;

/** A pool holds blocks of one size class; POOL_ADDR(p) rounds p down to this: 16 KiB. */
export const POOL_SIZE = 1 << POOL_BITS;

/** Pools in an arena when the arena happens to be pool aligned (one fewer otherwise). */
export const MAX_POOLS_IN_ARENA = ARENA_SIZE / POOL_SIZE;

/**
 * The pool header rounded up to ALIGNMENT: ref (8) + freeblock (8) + nextpool (8) + prevpool (8)
 * + arenaindex, szidx, nextoffset, maxnextoffset (4 each) = 48 bytes on 64-bit.
 */
export const POOL_OVERHEAD = 48;

/** Arena objects preallocated by the first new_arena(); the vector doubles when they run out. */
export const INITIAL_ARENA_OBJECTS = 16;

/** szidx of a freshly carved pool that has never held blocks, so the "same size class" shortcut never fires. */
export const DUMMY_SIZE_IDX = 0xffff;

/** Block size of size class `i`: classes are spaced ALIGNMENT bytes apart, starting at ALIGNMENT. */
export function INDEX2SIZE(i: number): number {
  return (i + 1) << ALIGNMENT_SHIFT;
}

/** Blocks in a pool of size class `i`: what remains after the header, cut into equal blocks. */
export function NUMBLOCKS(i: number): number {
  return Math.floor((POOL_SIZE - POOL_OVERHEAD) / INDEX2SIZE(i));
}

/** Size class of a small request (1..SMALL_REQUEST_THRESHOLD bytes), as pymalloc_alloc computes it. */
export function sizeClassIndex(nbytes: number): number {
  return (nbytes - 1) >> ALIGNMENT_SHIFT;
}

/** True when PyObject_Malloc(nbytes) is served by pymalloc rather than the raw allocator. */
export function isSmallRequest(nbytes: number): boolean {
  return nbytes > 0 && nbytes <= SMALL_REQUEST_THRESHOLD;
}

const isPowerOfTwo = (n: number): boolean => n > 0 && (n & (n - 1)) === 0;

/** The TypeScript form of obmalloc's `#error` guards. */
function assertConstantInvariants(): void {
  const guards: Array<[boolean, string]> = [
    [isPowerOfTwo(ALIGNMENT) && 1 << ALIGNMENT_SHIFT === ALIGNMENT, 'ALIGNMENT must be 2^ALIGNMENT_SHIFT'],
    [
      ALIGNMENT <= SMALL_REQUEST_THRESHOLD && SMALL_REQUEST_THRESHOLD <= 512,
      'ALIGNMENT <= SMALL_REQUEST_THRESHOLD <= 512',
    ],
    [SMALL_REQUEST_THRESHOLD % ALIGNMENT === 0, 'SMALL_REQUEST_THRESHOLD must be evenly divisible by ALIGNMENT'],
    [NB_SMALL_SIZE_CLASSES <= 64, 'NB_SMALL_SIZE_CLASSES should be less than 64'],
    [isPowerOfTwo(POOL_SIZE) && isPowerOfTwo(ARENA_SIZE), 'pool and arena sizes must be powers of 2'],
    [MAX_POOLS_IN_ARENA * POOL_SIZE === ARENA_SIZE, 'arena size not an exact multiple of pool size'],
    [ARENA_BITS < 32, 'arena size must be < 2^32'],
    [POOL_SIZE % SYSTEM_PAGE_SIZE === 0, 'pools must be whole pages'],
    [
      POOL_OVERHEAD % ALIGNMENT === 0 && POOL_OVERHEAD >= 48,
      'POOL_OVERHEAD is the 48-byte header rounded up to ALIGNMENT',
    ],
    // "used" means neither empty nor full, which needs room for at least two blocks.
    [NUMBLOCKS(NB_SMALL_SIZE_CLASSES - 1) >= 2, 'every pool must hold at least two blocks'],
    [DUMMY_SIZE_IDX >= NB_SMALL_SIZE_CLASSES, 'DUMMY_SIZE_IDX must not be a real size class'],
  ];
  for (const [holds, message] of guards) {
    if (!holds) throw new Error(`#error "${message}"`);
  }
}

assertConstantInvariants();
