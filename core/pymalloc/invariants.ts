import * as constants from './constants';
import type { ArenaSnapshot, LiveBlock, PoolSnapshot, PymallocSnapshot } from './snapshot';

// Captured once at load (esbuild's CommonJS imports are getters; these run once per block per step).
const {
  ALIGNMENT,
  ARENA_SIZE,
  INDEX2SIZE,
  MAX_POOLS_IN_ARENA,
  NB_SMALL_SIZE_CLASSES,
  NUMBLOCKS,
  POOL_OVERHEAD,
  POOL_SIZE,
  isSmallRequest,
  sizeClassIndex,
} = constants;

/**
 * pymalloc's invariants, written once as plain functions over a snapshot. Tests check them
 * after every step of a trace; graders run them by name against a student's allocator; the
 * CLI can explain a violation with the message. Each returns the list of its violations
 * (empty when it holds).
 *
 * @public
 */
export type InvariantName =
  | 'alignment'
  | 'no-overlap'
  | 'block-in-carved-pool'
  | 'size-class-fits'
  | 'pool-count'
  | 'pool-state'
  | 'usable-arenas-sorted'
  | 'arena-release';

export interface Violation {
  readonly invariant: InvariantName;
  readonly message: string;
}

export type Invariant = (snapshot: PymallocSnapshot) => Violation[];

const hex = (address: number): string => `0x${address.toString(16)}`;
const describe = (block: LiveBlock): string => `block ${hex(block.address)} (${block.nbytes} bytes)`;

/** Where a pool lives, for lookups by address. */
interface PoolEntry {
  readonly pool: PoolSnapshot;
  readonly arena: ArenaSnapshot;
}

/** Lookups every invariant needs, built once per snapshot. */
interface SnapshotIndex {
  readonly arenaByIndex: ReadonlyMap<number, ArenaSnapshot>;
  readonly poolByAddress: ReadonlyMap<number, PoolEntry>;
  /** Pooled live blocks per pool address. */
  readonly liveByPool: ReadonlyMap<number, LiveBlock[]>;
  arenaContaining(address: number): ArenaSnapshot | undefined;
}

const indexCache = new WeakMap<PymallocSnapshot, SnapshotIndex>();

const poolAddressOf = (address: number): number => Math.floor(address / POOL_SIZE) * POOL_SIZE;

function indexOf(snapshot: PymallocSnapshot): SnapshotIndex {
  const cached = indexCache.get(snapshot);
  if (cached !== undefined) return cached;
  const arenaByIndex = new Map(snapshot.arenas.map((arena) => [arena.arenaindex, arena]));
  const poolByAddress = new Map<number, PoolEntry>();
  for (const arena of snapshot.arenas) {
    for (const pool of arena.pools) poolByAddress.set(pool.address, { pool, arena });
  }
  const liveByPool = new Map<number, LiveBlock[]>();
  for (const block of snapshot.liveBlocks) {
    if (block.raw) continue;
    const key = poolAddressOf(block.address);
    const blocks = liveByPool.get(key);
    if (blocks === undefined) liveByPool.set(key, [block]);
    else blocks.push(block);
  }
  const index: SnapshotIndex = {
    arenaByIndex,
    poolByAddress,
    liveByPool,
    arenaContaining: (address) => snapshot.arenas.find((a) => address >= a.address && address < a.address + ARENA_SIZE),
  };
  indexCache.set(snapshot, index);
  return index;
}

/** Blocks carved so far in a pool: every one is either live or on the free list. */
const carvedBlocks = (pool: PoolSnapshot): number => (pool.nextoffset - POOL_OVERHEAD) / INDEX2SIZE(pool.szidx);

type PoolState = 'used' | 'full' | 'empty';
const stateOf = (pool: PoolSnapshot): PoolState =>
  pool.count === 0 ? 'empty' : pool.count >= NUMBLOCKS(pool.szidx) ? 'full' : 'used';

/** Every address handed out is non-zero and 16-byte aligned (raw blocks included). */
export const alignment: Invariant = (snapshot) =>
  snapshot.liveBlocks
    .filter((block) => block.address === 0 || block.address % ALIGNMENT !== 0)
    .map((block) => ({ invariant: 'alignment', message: `${describe(block)} is not ${ALIGNMENT}-byte aligned` }));

/** No two live blocks share a byte (each spans its requested size, at least one byte). */
export const noOverlap: Invariant = (snapshot) => {
  const violations: Violation[] = [];
  const blocks = [...snapshot.liveBlocks].sort((a, b) => a.address - b.address);
  for (let i = 1; i < blocks.length; i++) {
    const previous = blocks[i - 1];
    if (blocks[i].address < previous.address + Math.max(previous.nbytes, 1)) {
      violations.push({ invariant: 'no-overlap', message: `${describe(blocks[i])} overlaps ${describe(previous)}` });
    }
  }
  return violations;
};

/**
 * Every pooled live block lies in a carved pool of an allocated arena, at a block boundary,
 * among the blocks carved so far and inside the pool; no raw block lies inside an arena.
 */
export const blockInCarvedPool: Invariant = (snapshot) => {
  const index = indexOf(snapshot);
  const violations: Violation[] = [];
  const fail = (block: LiveBlock, why: string): void => {
    violations.push({ invariant: 'block-in-carved-pool', message: `${describe(block)} ${why}` });
  };
  for (const block of snapshot.liveBlocks) {
    // A carved pool's block lies in that pool's arena: look the arena up only when there is none.
    const entry = block.raw ? undefined : index.poolByAddress.get(poolAddressOf(block.address));
    const inPool = entry !== undefined && block.address - entry.arena.address < ARENA_SIZE;
    const arena = inPool ? entry.arena : index.arenaContaining(block.address);
    if (block.raw) {
      if (arena !== undefined) fail(block, `is a raw block but lies inside arena #${arena.arenaindex}`);
      continue;
    }
    if (arena === undefined) {
      fail(block, 'lies in no allocated arena');
      continue;
    }
    if (entry === undefined || entry.arena !== arena) {
      fail(block, `lies in arena #${arena.arenaindex} but in none of its carved pools`);
      continue;
    }
    const { pool } = entry;
    const size = INDEX2SIZE(pool.szidx);
    const offset = block.address - pool.address;
    if (offset < POOL_OVERHEAD || (offset - POOL_OVERHEAD) % size !== 0) {
      fail(block, `is not at a block boundary of pool ${hex(pool.address)} (offset ${offset}, ${size}-byte blocks)`);
    } else if (offset >= pool.nextoffset) {
      fail(
        block,
        `lies beyond the carved blocks of pool ${hex(pool.address)} (offset ${offset}, nextoffset ${pool.nextoffset})`,
      );
    } else if (offset + size > POOL_SIZE) {
      fail(block, `runs past the end of pool ${hex(pool.address)} (offset ${offset} + ${size} > ${POOL_SIZE})`);
    }
  }
  return violations;
};

/**
 * A pooled block's size class is its request's, (nbytes - 1) >> 4, or a larger one that
 * realloc kept in place because shrinking would shave off less than 25% (4*nbytes > 3*size).
 */
export const sizeClassFits: Invariant = (snapshot) => {
  const index = indexOf(snapshot);
  const violations: Violation[] = [];
  for (const block of snapshot.liveBlocks) {
    if (block.raw) continue;
    if (!isSmallRequest(block.nbytes)) {
      violations.push({
        invariant: 'size-class-fits',
        message: `${describe(block)} is pooled, but such requests go to the raw allocator`,
      });
      continue;
    }
    const entry = index.poolByAddress.get(poolAddressOf(block.address));
    if (entry === undefined) continue; // reported by block-in-carved-pool
    const size = INDEX2SIZE(entry.pool.szidx);
    const fits =
      entry.pool.szidx === sizeClassIndex(block.nbytes) || (block.nbytes <= size && 4 * block.nbytes > 3 * size);
    if (!fits) {
      violations.push({
        invariant: 'size-class-fits',
        message: `${describe(block)} is in a ${size}-byte block (class ${entry.pool.szidx}); its request's class is ${sizeClassIndex(block.nbytes)}`,
      });
    }
  }
  return violations;
};

/**
 * Each pool's ref.count equals the live blocks in it, and every carved block is either live
 * or on the pool's free list, exactly once.
 */
export const poolCount: Invariant = (snapshot) => {
  const index = indexOf(snapshot);
  const violations: Violation[] = [];
  const fail = (pool: PoolSnapshot, why: string): void => {
    violations.push({ invariant: 'pool-count', message: `pool ${hex(pool.address)} (class ${pool.szidx}) ${why}` });
  };
  for (const { pool } of index.poolByAddress.values()) {
    const live = index.liveByPool.get(pool.address) ?? [];
    if (pool.count !== live.length) fail(pool, `has ref.count ${pool.count} but ${live.length} live blocks`);
    if (pool.szidx >= NB_SMALL_SIZE_CLASSES) continue;
    const onFreeList = new Set(pool.freeblock);
    if (onFreeList.size !== pool.freeblock.length) fail(pool, 'has a block twice on its free list');
    const liveAndFree = live.filter((block) => onFreeList.has(block.address));
    for (const block of liveAndFree) fail(pool, `lists live ${describe(block)} on its free list`);
    if (live.length + pool.freeblock.length !== carvedBlocks(pool)) {
      fail(pool, `has ${live.length} live + ${pool.freeblock.length} free blocks but ${carvedBlocks(pool)} carved`);
    }
  }
  return violations;
};

/**
 * The pool state machine: a used pool is in usedpools[szidx] and only there; a full pool is
 * linked nowhere and has no free block; an empty pool is on its own arena's freepools and
 * only there; an arena's nfreepools counts its free pools plus its never-carved ones.
 */
export const poolState: Invariant = (snapshot) => {
  const index = indexOf(snapshot);
  const violations: Violation[] = [];
  const fail = (message: string): void => {
    violations.push({ invariant: 'pool-state', message });
  };
  const inUsedpools = new Map<number, number>();
  snapshot.usedpools.forEach((list, size) => {
    for (const address of list) {
      const entry = index.poolByAddress.get(address);
      if (inUsedpools.has(address)) fail(`pool ${hex(address)} is linked twice in usedpools`);
      inUsedpools.set(address, size);
      if (entry === undefined) fail(`usedpools[${size}] links ${hex(address)}, which is not a carved pool`);
      else if (entry.pool.szidx !== size)
        fail(`usedpools[${size}] links pool ${hex(address)} of class ${entry.pool.szidx}`);
    }
  });
  const inFreepools = new Map<number, ArenaSnapshot>();
  for (const arena of snapshot.arenas) {
    for (const address of arena.freepools) {
      if (inFreepools.has(address)) fail(`pool ${hex(address)} is on freepools twice`);
      inFreepools.set(address, arena);
      if (index.poolByAddress.get(address)?.arena !== arena) {
        fail(`arena #${arena.arenaindex}'s freepools links ${hex(address)}, which is not one of its carved pools`);
      }
    }
    const neverCarved = arena.ntotalpools - arena.pools.length;
    if (arena.nfreepools !== arena.freepools.length + neverCarved) {
      fail(
        `arena #${arena.arenaindex} has nfreepools ${arena.nfreepools} but ${arena.freepools.length} free + ${neverCarved} never-carved pools`,
      );
    }
  }
  for (const { pool, arena } of index.poolByAddress.values()) {
    // Built only for a message: most pools of most steps have none.
    const name = (): string => `pool ${hex(pool.address)} (class ${pool.szidx}, ref.count ${pool.count})`;
    if (pool.arenaindex !== arena.arenaindex)
      fail(`${name()} says arenaindex ${pool.arenaindex} but lies in arena #${arena.arenaindex}`);
    const state = stateOf(pool);
    const usedIn = inUsedpools.get(pool.address);
    const freeIn = inFreepools.get(pool.address);
    if (state === 'used' && usedIn !== pool.szidx) fail(`${name()} is used but not in usedpools[${pool.szidx}]`);
    if (state !== 'used' && usedIn !== undefined) fail(`${name()} is ${state} but linked in usedpools[${usedIn}]`);
    if (state === 'empty' && freeIn !== arena)
      fail(`${name()} is empty but not on arena #${arena.arenaindex}'s freepools`);
    if (state !== 'empty' && freeIn !== undefined)
      fail(`${name()} is ${state} but on arena #${freeIn.arenaindex}'s freepools`);
    if (state === 'used' && pool.freeblock.length === 0) fail(`${name()} is used but its free list is empty`);
    if (state === 'full' && pool.freeblock.length > 0) fail(`${name()} is full but has free blocks`);
  }
  return violations;
};

/**
 * usable_arenas holds exactly the allocated arenas with a free pool, in ascending nfreepools
 * (most-used first), and nfp2lasta[n] is the rightmost of them with n free pools (or null).
 */
export const usableArenasSorted: Invariant = (snapshot) => {
  const index = indexOf(snapshot);
  const violations: Violation[] = [];
  const fail = (message: string): void => {
    violations.push({ invariant: 'usable-arenas-sorted', message });
  };
  const seen = new Set<number>();
  const lastWith = new Map<number, number>();
  let previous: ArenaSnapshot | undefined;
  for (const arenaindex of snapshot.usableArenas) {
    const arena = index.arenaByIndex.get(arenaindex);
    if (seen.has(arenaindex)) fail(`arena #${arenaindex} appears twice in usable_arenas`);
    seen.add(arenaindex);
    if (arena === undefined) {
      fail(`usable_arenas links arena #${arenaindex}, which is not allocated`);
      continue;
    }
    if (arena.nfreepools === 0) fail(`arena #${arenaindex} is in usable_arenas with no free pool`);
    if (previous !== undefined && arena.nfreepools < previous.nfreepools) {
      fail(
        `usable_arenas is out of order: arena #${arenaindex} (${arena.nfreepools} free pools) follows arena #${previous.arenaindex} (${previous.nfreepools})`,
      );
    }
    lastWith.set(arena.nfreepools, arenaindex);
    previous = arena;
  }
  for (const arena of snapshot.arenas) {
    if (arena.nfreepools > 0 && !seen.has(arena.arenaindex)) {
      fail(`arena #${arena.arenaindex} has ${arena.nfreepools} free pools but is not in usable_arenas`);
    }
  }
  for (let nfp = 0; nfp <= MAX_POOLS_IN_ARENA; nfp++) {
    const expected = nfp === 0 ? null : (lastWith.get(nfp) ?? null);
    const actual = snapshot.nfp2lasta[nfp] ?? null;
    if (actual !== expected)
      fail(
        `nfp2lasta[${nfp}] is ${actual === null ? 'null' : `#${actual}`}, expected ${expected === null ? 'null' : `#${expected}`}`,
      );
  }
  return violations;
};

/**
 * A wholly free arena is released unless it is the last one in usable_arenas (bpo-37257).
 * Nothing can later be linked after it (an arena catching up with its free-pool count becomes
 * wholly free itself while still in front of it, and is released), so at most one wholly free
 * arena exists, as the tail of usable_arenas; once an arena has been allocated, at least one
 * stays. The arena counters agree with the arenas.
 */
export const arenaRelease: Invariant = (snapshot) => {
  const violations: Violation[] = [];
  const fail = (message: string): void => {
    violations.push({ invariant: 'arena-release', message });
  };
  const { counters } = snapshot;
  if (counters.arenasAllocatedCurrent !== snapshot.arenas.length) {
    fail(
      `arenas allocated current is ${counters.arenasAllocatedCurrent} but ${snapshot.arenas.length} arenas are allocated`,
    );
  }
  if (counters.arenasReclaimed !== counters.arenasAllocatedTotal - counters.arenasAllocatedCurrent) {
    fail(
      `arenas reclaimed is ${counters.arenasReclaimed}, not total ${counters.arenasAllocatedTotal} - current ${counters.arenasAllocatedCurrent}`,
    );
  }
  if (
    counters.arenasHighwater < counters.arenasAllocatedCurrent ||
    counters.arenasHighwater > counters.arenasAllocatedTotal
  ) {
    fail(
      `arenas highwater mark ${counters.arenasHighwater} is not between current ${counters.arenasAllocatedCurrent} and total ${counters.arenasAllocatedTotal}`,
    );
  }
  if (counters.arenasAllocatedTotal > 0 && snapshot.arenas.length === 0) {
    fail('every arena was released: the last wholly free arena must be kept (bpo-37257)');
  }
  const whollyFree = snapshot.arenas.filter((arena) => arena.nfreepools === arena.ntotalpools);
  if (whollyFree.length > 1) {
    fail(
      `arenas ${whollyFree.map((a) => `#${a.arenaindex}`).join(', ')} are all wholly free: only the last usable arena may be kept`,
    );
  }
  const tail = snapshot.usableArenas[snapshot.usableArenas.length - 1];
  for (const arena of whollyFree) {
    if (arena.arenaindex !== tail)
      fail(
        `arena #${arena.arenaindex} is wholly free but not the last of usable_arenas, so it should have been released`,
      );
  }
  return violations;
};

/** Every invariant by its stable name, for graders and reports. */
export const PYMALLOC_INVARIANTS: Readonly<Record<InvariantName, Invariant>> = {
  alignment,
  'no-overlap': noOverlap,
  'block-in-carved-pool': blockInCarvedPool,
  'size-class-fits': sizeClassFits,
  'pool-count': poolCount,
  'pool-state': poolState,
  'usable-arenas-sorted': usableArenasSorted,
  'arena-release': arenaRelease,
};

export const INVARIANT_NAMES = Object.keys(PYMALLOC_INVARIANTS) as readonly InvariantName[];

/** Run the named invariants (all by default) and collect their violations. */
export function checkInvariants(
  snapshot: PymallocSnapshot,
  names: readonly InvariantName[] = INVARIANT_NAMES,
): Violation[] {
  return names.flatMap((name) => PYMALLOC_INVARIANTS[name](snapshot));
}
