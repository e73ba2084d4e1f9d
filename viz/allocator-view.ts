/**
 * pymalloc as the step-through page draws it: each arena as a strip of pool states, the block each
 * object occupies, and the memory kept for reuse after objects die (free blocks in carved pools,
 * empty pools, dead objects parked on the type free lists): why memory is not returned to the OS.
 */
import { ARENA_SIZE, INDEX2SIZE, POOL_OVERHEAD, POOL_SIZE } from '../core/pymalloc/constants';
import { poolCells, type PoolCell } from '../core/pymalloc/picture';
import type { PymallocStructure } from '../core/pymalloc/snapshot';
import type { Runtime } from '../core/runtime';
import type { AllocatorRecord, BlockRecord } from './recording';

const CELL_CHARS: Readonly<Record<PoolCell, string>> = { lost: 'x', full: '#', used: '+', empty: '.', uncarved: '-' };

/** Finds the pool and arena of an address in one allocator snapshot. */
export class BlockLocator {
  private readonly poolSize = new Map<number, number>();
  private readonly arenas: { index: number; address: number }[];

  constructor(snapshot: PymallocStructure) {
    this.arenas = snapshot.arenas.map((a) => ({ index: a.arenaindex, address: a.address }));
    for (const arena of snapshot.arenas)
      for (const pool of arena.pools) this.poolSize.set(pool.address, INDEX2SIZE(pool.szidx));
  }

  /** The block at `address`, or null when pymalloc did not serve it (static, or the raw allocator). */
  block(address: number): BlockRecord | null {
    if (address === 0) return null;
    const pool = address - (address % POOL_SIZE);
    const size = this.poolSize.get(pool);
    const arena = this.arenas.find((a) => address >= a.address && address < a.address + ARENA_SIZE);
    if (size === undefined || arena === undefined) return null;
    return { address, size, pool, arena: arena.index };
  }
}

/** Free shells on the list, dict and tuple free lists. */
function freeListShells(rt: Runtime): number {
  const lists = rt.freelists;
  return lists.lists.length + lists.dicts.length + lists.tuples.reduce((n, t) => n + t.length, 0);
}

/** The allocator's picture at one step. */
export function allocatorRecord(rt: Runtime, snapshot: PymallocStructure): AllocatorRecord {
  let freeBlockBytes = 0;
  let emptyPools = 0;
  for (const arena of snapshot.arenas)
    for (const pool of arena.pools) {
      const size = INDEX2SIZE(pool.szidx);
      const carved = Math.floor((pool.nextoffset - POOL_OVERHEAD) / size);
      if (pool.count === 0) emptyPools++;
      else freeBlockBytes += (carved - pool.count) * size;
    }
  return {
    arenas: snapshot.arenas.map((arena) => ({
      index: arena.arenaindex,
      address: arena.address,
      pools: poolCells(arena)
        .map((cell) => CELL_CHARS[cell])
        .join(''),
    })),
    freeBlockBytes,
    emptyPools,
    freeListShells: freeListShells(rt),
  };
}
