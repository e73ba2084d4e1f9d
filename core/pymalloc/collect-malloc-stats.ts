import {
  ARENA_SIZE,
  INDEX2SIZE,
  NB_SMALL_SIZE_CLASSES,
  NUMBLOCKS,
  POOL_OVERHEAD,
  POOL_SIZE,
  SMALL_REQUEST_THRESHOLD,
} from './constants';
import type { PymallocStructure } from './snapshot';

/**
 * The numbers `sys._debugmallocstats()` prints, as data: computed from a snapshot the way
 * `_PyObject_DebugMallocStats` walks the arenas (collectMallocStats), rendered in CPython's
 * format (render-debugmallocstats.ts), or parsed back from real CPython output
 * (parseDebugMallocStats.ts) so the two can be compared number by number.
 *
 * @public
 */

/** One row of the class table (CPython prints only classes with at least one pool in use). */
export interface SizeClassStats {
  readonly szidx: number;
  readonly size: number;
  readonly numPools: number;
  readonly blocksInUse: number;
  readonly availBlocks: number;
}

/** A free-list line, e.g. "80 free PyDictObjects * 48 bytes each": label "free PyDictObject". */
export interface FreeListStats {
  /** The block name; CPython appends the plural "s". */
  readonly label: string;
  readonly count: number;
  readonly size: number;
}

export interface DebugMallocStats {
  readonly smallRequestThreshold: number;
  readonly numSizeClasses: number;
  readonly classes: readonly SizeClassStats[];
  readonly arenasAllocatedTotal: number;
  readonly arenasReclaimed: number;
  readonly arenasHighwater: number;
  readonly arenasAllocatedCurrent: number;
  readonly arenaSize: number;
  readonly bytesInAllocatedBlocks: number;
  readonly bytesInAvailableBlocks: number;
  readonly unusedPools: number;
  readonly poolSize: number;
  readonly bytesLostToPoolHeaders: number;
  readonly bytesLostToQuantization: number;
  readonly bytesLostToArenaAlignment: number;
  readonly arenaMapMidNodes: number;
  readonly arenaMapBotNodes: number;
  /** Free lists owned by the object layer (floats, lists, dicts, tuples...), supplied by the caller. */
  readonly freeLists: readonly FreeListStats[];
}

/** _PyObject_DebugMallocStats' walk: every carved pool of every allocated arena; pools with ref.count 0 are unused. */
export function collectMallocStats(
  structure: PymallocStructure,
  freeLists: readonly FreeListStats[] = [],
): DebugMallocStats {
  const numPools = new Array<number>(NB_SMALL_SIZE_CLASSES).fill(0);
  const numBlocks = new Array<number>(NB_SMALL_SIZE_CLASSES).fill(0);
  const numFree = new Array<number>(NB_SMALL_SIZE_CLASSES).fill(0);
  let unusedPools = 0;
  let alignmentLoss = 0;
  for (const arena of structure.arenas) {
    unusedPools += arena.nfreepools;
    if (arena.address % POOL_SIZE !== 0) alignmentLoss += POOL_SIZE;
    for (const pool of arena.pools) {
      if (pool.count === 0) continue;
      numPools[pool.szidx]++;
      numBlocks[pool.szidx] += pool.count;
      numFree[pool.szidx] += NUMBLOCKS(pool.szidx) - pool.count;
    }
  }
  const classes: SizeClassStats[] = [];
  for (let i = 0; i < NB_SMALL_SIZE_CLASSES; i++) {
    if (numPools[i] > 0) {
      classes.push({
        szidx: i,
        size: INDEX2SIZE(i),
        numPools: numPools[i],
        blocksInUse: numBlocks[i],
        availBlocks: numFree[i],
      });
    }
  }
  const sum = (f: (c: SizeClassStats) => number): number => classes.reduce((total, c) => total + f(c), 0);
  const { counters } = structure;
  return {
    smallRequestThreshold: SMALL_REQUEST_THRESHOLD,
    numSizeClasses: NB_SMALL_SIZE_CLASSES,
    classes,
    arenasAllocatedTotal: counters.arenasAllocatedTotal,
    arenasReclaimed: counters.arenasReclaimed,
    arenasHighwater: counters.arenasHighwater,
    arenasAllocatedCurrent: counters.arenasAllocatedCurrent,
    arenaSize: ARENA_SIZE,
    bytesInAllocatedBlocks: sum((c) => c.blocksInUse * c.size),
    bytesInAvailableBlocks: sum((c) => c.availBlocks * c.size),
    unusedPools,
    poolSize: POOL_SIZE,
    bytesLostToPoolHeaders: sum((c) => c.numPools * POOL_OVERHEAD),
    bytesLostToQuantization: sum((c) => c.numPools * ((POOL_SIZE - POOL_OVERHEAD) % c.size)),
    bytesLostToArenaAlignment: alignmentLoss,
    arenaMapMidNodes: counters.arenaMapMidNodes,
    arenaMapBotNodes: counters.arenaMapBotNodes,
    freeLists,
  };
}
