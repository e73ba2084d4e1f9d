/**
 * The student API of exercise 8 (`pymemlab/exercises/08-pools-and-arenas/api`): the only module your
 * pools-and-arenas.ts may import. Types only: the primitives come as the `os` argument, and the
 * numbers you need (16-byte alignment, 512-byte threshold, 16 KiB pools, 1 MiB arenas, 48-byte pool
 * header) are in README.md. Addresses are plain numbers.
 */

/** An address in the simulated address space (0 is NULL). */
export type Address = number;

/** What the operating system and the C library give your allocator: nothing else is reachable. */
export interface OsApi {
  /** mmap of one arena (1 MiB): its address, page aligned but not pool aligned. Freed slots are reused. */
  mapArena(): Address;
  /** munmap of an arena you mapped and no longer use. */
  unmapArena(address: Address): void;
  /** PyMem_RawMalloc: where requests of 0 bytes or more than 512 go. */
  rawMalloc(nbytes: number): Address;
  /** PyMem_RawFree: true when `address` was a live raw block (and is now freed), false when it never was one. */
  rawFree(address: Address): boolean;
}

/** One carved pool: its pool_header, and its free list. */
export interface PoolView {
  readonly address: Address;
  /** The index of its arena's arena object. */
  readonly arenaindex: number;
  /** Its size class (block size / 16 - 1); an empty pool keeps the class it last had. */
  readonly szidx: number;
  /** `ref.count`: blocks allocated from it now. */
  readonly count: number;
  /** Offset from the pool's address of the first never-carved block. */
  readonly nextoffset: number;
  /** The largest nextoffset that still leaves room for a whole block. */
  readonly maxnextoffset: number;
  /** The addresses on its free list (`freeblock`), head first. */
  readonly freeblock: readonly Address[];
}

/** One mapped arena: its arena_object. */
export interface ArenaView {
  /** Its index in the `arenas` vector of arena objects. */
  readonly arenaindex: number;
  /** The address mapArena returned. */
  readonly address: Address;
  /** `pool_address`: where the next never-used pool will be carved. */
  readonly poolAddress: Address;
  /** Empty pools plus never-carved pools. */
  readonly nfreepools: number;
  /** 64 when the arena is pool aligned, 63 otherwise. */
  readonly ntotalpools: number;
  /** Its carved pools, in address order. */
  readonly pools: readonly PoolView[];
  /** The addresses of the pools on its `freepools` list, head first. */
  readonly freepools: readonly Address[];
}

/** Your allocator's structure, as obmalloc.c keeps it. */
export interface AllocatorView {
  /** Slots in the `arenas` vector: 16 at first, doubling when every slot is in use. */
  readonly maxarenas: number;
  /** The mapped arenas, in arenaindex order. */
  readonly arenas: readonly ArenaView[];
  /** `usable_arenas`, head first, as arenaindex values. */
  readonly usableArenas: readonly number[];
  /** `usedpools[i]` for each of the 32 size classes: pool addresses, head first. */
  readonly usedpools: readonly (readonly Address[])[];
  /** `nfp2lasta[n]` for n = 0..64: the arenaindex of the last arena in usable_arenas with n free pools, or null. */
  readonly nfp2lasta: readonly (number | null)[];
}

/** PyObject_Malloc, PyObject_Free and PyObject_Realloc, and a view of the structure behind them. */
export interface PoolsAndArenas {
  /** A 16-byte-aligned block of at least `nbytes` (0 or more than 512 bytes: a raw block). */
  malloc(nbytes: number): Address;
  /** Give a block back; freeing 0 does nothing. */
  free(address: Address): void;
  /** Resize a block with CPython's rules (README.md); returns where the data now is. */
  realloc(address: Address, nbytes: number): Address;
  /** The structure now (read by the checks after every step). */
  view(): AllocatorView;
}

/** What pools-and-arenas.ts exports: given the primitives, a fresh allocator. */
export type CreateAllocator = (os: OsApi) => PoolsAndArenas;
