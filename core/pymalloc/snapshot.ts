/**
 * A plain-data, JSON-serialisable picture of a pymalloc allocator, in obmalloc's vocabulary.
 * Invariants, graders, `sys._debugmallocstats()` and the occupancy picture read only this.
 *
 * The snapshot has two pieces. `PymallocStructure` is what the allocator alone knows (arenas,
 * pools, lists, counters). `liveBlocks` is what its client knows: the blocks it holds and the
 * size it asked for. An outside observer (a grader wrapping a student's allocator) can build
 * `liveBlocks` itself from the requests it made (see liveBlockLedger.ts) and pair it with the
 * allocator's structure, so a buggy allocator cannot vouch for itself.
 *
 * Arenas are named by `arenaindex` (their slot in the `arenas` vector, as pools record it);
 * pools and blocks by address.
 *
 * @public
 */

/** One carved pool: its pool_header fields plus its free list, head first. */
export interface PoolSnapshot {
  readonly address: number;
  readonly arenaindex: number;
  /** Size class index; a cached empty pool keeps the class it last had. */
  readonly szidx: number;
  /** `ref.count`: blocks currently allocated from this pool. */
  readonly count: number;
  /** Offset of the first never-carved block. */
  readonly nextoffset: number;
  /** Largest nextoffset that still leaves room for a whole block. */
  readonly maxnextoffset: number;
  /** Addresses on `freeblock`, in list order. */
  readonly freeblock: readonly number[];
}

/** One allocated arena (an `arena_object` whose address is not 0). */
export interface ArenaSnapshot {
  readonly arenaindex: number;
  /** Page-aligned address the simulated mmap returned. */
  readonly address: number;
  /** `pool_address`: the next pool to carve. */
  readonly poolAddress: number;
  /** Free pools plus never-carved pools. */
  readonly nfreepools: number;
  /** 64, or 63 when the arena is not pool aligned. */
  readonly ntotalpools: number;
  /** Carved pools, in address order. */
  readonly pools: readonly PoolSnapshot[];
  /** Pool addresses on `freepools`, in list order. */
  readonly freepools: readonly number[];
}

/** obmalloc's global counters, plus the radix-tree node counts `_debugmallocstats` prints. */
export interface PymallocCounters {
  /** `ntimes_arena_allocated`. */
  readonly arenasAllocatedTotal: number;
  /** `ntimes_arena_allocated - narenas_currently_allocated`. */
  readonly arenasReclaimed: number;
  /** `narenas_highwater`. */
  readonly arenasHighwater: number;
  /** `narenas_currently_allocated`. */
  readonly arenasAllocatedCurrent: number;
  /** `raw_allocated_blocks`: live blocks PyObject_Malloc passed to the raw allocator. */
  readonly rawAllocatedBlocks: number;
  /** `arena_map_mid_count` (radix-tree interior nodes ever created). */
  readonly arenaMapMidNodes: number;
  /** `arena_map_bot_count` (radix-tree leaves ever created). */
  readonly arenaMapBotNodes: number;
}

/** Everything the allocator alone knows about itself. */
export interface PymallocStructure {
  /** Slots in the `arenas` vector (16, 32, 64, ...). */
  readonly maxarenas: number;
  /** Allocated arenas, in `arenas`-vector order. */
  readonly arenas: readonly ArenaSnapshot[];
  /** `usable_arenas`, head first, as arenaindex values. */
  readonly usableArenas: readonly number[];
  /** `usedpools[2*i]` for each size class i: pool addresses, head first. */
  readonly usedpools: readonly (readonly number[])[];
  /** `nfp2lasta[nfp]` for nfp = 0..MAX_POOLS_IN_ARENA, as an arenaindex or null. */
  readonly nfp2lasta: readonly (number | null)[];
  readonly counters: PymallocCounters;
}

/** A block the client holds: where it is, what it asked for, and which allocator served it. */
export interface LiveBlock {
  readonly address: number;
  readonly nbytes: number;
  /** True when the block came from the raw allocator (0 or > 512 bytes, or realloc of a raw block). */
  readonly raw: boolean;
}

export interface PymallocSnapshot extends PymallocStructure {
  /** Live blocks in ascending address order. */
  readonly liveBlocks: readonly LiveBlock[];
}
