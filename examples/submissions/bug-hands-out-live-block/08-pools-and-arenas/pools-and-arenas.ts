// Exercise 8 with a realistic bug: a pool taken back from its arena's freepools for the size class
// it last had hands out the head of its free list but leaves it there (the C code's
// `pool->freeblock = *(block **)bp` forgotten), so the next malloc hands out the same, live block.
import type {
  Address,
  AllocatorView,
  ArenaView,
  CreateAllocator,
  OsApi,
  PoolView,
} from 'pymemlab/exercises/08-pools-and-arenas/api';

const ALIGNMENT = 16;
const SMALL_REQUEST_THRESHOLD = 512;
const SIZE_CLASSES = SMALL_REQUEST_THRESHOLD / ALIGNMENT;
const POOL_SIZE = 16 * 1024;
const ARENA_SIZE = 1024 * 1024;
const POOLS_PER_ARENA = ARENA_SIZE / POOL_SIZE;
const POOL_OVERHEAD = 48;
const INITIAL_ARENA_OBJECTS = 16;

const blockSize = (szidx: number): number => (szidx + 1) * ALIGNMENT;

interface Pool {
  readonly address: Address;
  readonly arena: Arena;
  szidx: number;
  count: number;
  nextoffset: number;
  maxnextoffset: number;
  /** Free blocks as offsets; the end of the array is the head of the free list. */
  free: number[];
}

interface Arena {
  readonly index: number;
  address: Address;
  nextPool: Address;
  nfreepools: number;
  ntotalpools: number;
  /** Emptied pools; the end of the array is the head of the freepools list. */
  emptied: Pool[];
}

export const createAllocator: CreateAllocator = (os: OsApi) => {
  const arenaObjects: Arena[] = [];
  const unusedArenaObjects: number[] = [];
  const pools = new Map<Address, Pool>();
  /** usable_arenas: ascending free pools; an arena whose count changes goes first among its new equals. */
  const usable: Arena[] = [];
  const usedpools: Pool[][] = Array.from({ length: SIZE_CLASSES }, () => []);

  // An arena whose free-pool count just changed goes in front of the arenas with as many or more.
  const placeInUsable = (arena: Arena): void => {
    const at = usable.indexOf(arena);
    if (at >= 0) usable.splice(at, 1);
    const before = usable.findIndex((other) => other.nfreepools >= arena.nfreepools);
    usable.splice(before < 0 ? usable.length : before, 0, arena);
  };

  // new_arena: reuse an arena object when one is free, else double the vector; map 1 MiB.
  const newArena = (): Arena => {
    if (unusedArenaObjects.length === 0) {
      const grown = arenaObjects.length === 0 ? INITIAL_ARENA_OBJECTS : arenaObjects.length * 2;
      for (let i = grown - 1; i >= arenaObjects.length; i--) unusedArenaObjects.push(i);
      while (arenaObjects.length < grown)
        arenaObjects.push({
          index: arenaObjects.length,
          address: 0,
          nextPool: 0,
          nfreepools: 0,
          ntotalpools: 0,
          emptied: [],
        });
    }
    const arena = arenaObjects[unusedArenaObjects.pop()!];
    arena.address = os.mapArena();
    const misaligned = arena.address % POOL_SIZE;
    arena.nextPool = misaligned === 0 ? arena.address : arena.address + POOL_SIZE - misaligned;
    arena.ntotalpools = arena.nfreepools = misaligned === 0 ? POOLS_PER_ARENA : POOLS_PER_ARENA - 1;
    arena.emptied = [];
    return arena;
  };

  // Give a wholly free arena back to the OS and its arena object to the unused stack.
  const releaseArena = (arena: Arena): void => {
    usable.splice(usable.indexOf(arena), 1);
    for (const [address, pool] of pools) if (pool.arena === arena) pools.delete(address);
    os.unmapArena(arena.address);
    arena.address = 0;
    unusedArenaObjects.push(arena.index);
  };

  // allocate_from_new_pool: the first usable arena (fewest free pools) gives a cached or a new pool.
  const allocateFromNewPool = (szidx: number): Address => {
    if (usable.length === 0) usable.push(newArena());
    const arena = usable[0];
    let pool = arena.emptied.pop();
    if (pool === undefined) {
      pool = { address: arena.nextPool, arena, szidx: -1, count: 0, nextoffset: 0, maxnextoffset: 0, free: [] };
      pools.set(pool.address, pool);
      arena.nextPool += POOL_SIZE;
    }
    arena.nfreepools--;
    if (arena.nfreepools === 0) usable.shift();
    usedpools[szidx].unshift(pool);
    pool.count = 1;
    if (pool.szidx !== szidx) {
      const size = blockSize(szidx);
      pool.szidx = szidx;
      pool.nextoffset = POOL_OVERHEAD + 2 * size;
      pool.maxnextoffset = POOL_SIZE - size;
      pool.free = [POOL_OVERHEAD + size];
      return pool.address + POOL_OVERHEAD;
    }
    return pool.address + pool.free[pool.free.length - 1]; // BUG: the block stays on the free list
  };

  const malloc = (nbytes: number): Address => {
    if (!(nbytes > 0 && nbytes <= SMALL_REQUEST_THRESHOLD)) return os.rawMalloc(nbytes);
    const szidx = Math.ceil(nbytes / ALIGNMENT) - 1;
    const list = usedpools[szidx];
    if (list.length === 0) return allocateFromNewPool(szidx);
    const pool = list[0];
    pool.count++;
    const offset = pool.free.pop()!;
    if (pool.free.length === 0) {
      if (pool.nextoffset <= pool.maxnextoffset) {
        pool.free.push(pool.nextoffset);
        pool.nextoffset += blockSize(pool.szidx);
      } else {
        list.shift(); // full: linked nowhere
      }
    }
    return pool.address + offset;
  };

  const poolOf = (address: Address): Pool | undefined => pools.get(address - (address % POOL_SIZE));

  // insert_to_freepool: the pool is empty; its arena gains a free pool, is re-sorted or released.
  const poolEmptied = (pool: Pool): void => {
    const list = usedpools[pool.szidx];
    list.splice(list.indexOf(pool), 1);
    const arena = pool.arena;
    arena.emptied.push(pool);
    arena.nfreepools++;
    const last = usable.length > 0 && usable[usable.length - 1] === arena;
    if (arena.nfreepools === arena.ntotalpools && !last) releaseArena(arena);
    else placeInUsable(arena);
  };

  const free = (address: Address): void => {
    if (address === 0) return;
    const pool = poolOf(address);
    if (pool === undefined) {
      if (!os.rawFree(address)) throw new Error(`free(${address}): not a block of this allocator`);
      return;
    }
    const offset = address - pool.address;
    if (offset < POOL_OVERHEAD || pool.free.includes(offset)) throw new Error(`free(${address}): not a live block`);
    const wasFull = pool.free.length === 0;
    pool.free.push(offset);
    pool.count--;
    if (wasFull) usedpools[pool.szidx].unshift(pool);
    else if (pool.count === 0) poolEmptied(pool);
  };

  const realloc = (address: Address, nbytes: number): Address => {
    if (address === 0) return malloc(nbytes);
    const pool = poolOf(address);
    if (pool === undefined) {
      if (!os.rawFree(address)) throw new Error(`realloc(${address}): not a block of this allocator`);
      return os.rawMalloc(nbytes);
    }
    const size = blockSize(pool.szidx);
    if (nbytes <= size && 4 * nbytes > 3 * size) return address;
    const moved = malloc(nbytes);
    free(address);
    return moved;
  };

  const poolView = (pool: Pool): PoolView => ({
    address: pool.address,
    arenaindex: pool.arena.index,
    szidx: pool.szidx,
    count: pool.count,
    nextoffset: pool.nextoffset,
    maxnextoffset: pool.maxnextoffset,
    freeblock: [...pool.free].reverse().map((offset) => pool.address + offset),
  });

  const arenaView = (arena: Arena): ArenaView => ({
    arenaindex: arena.index,
    address: arena.address,
    poolAddress: arena.nextPool,
    nfreepools: arena.nfreepools,
    ntotalpools: arena.ntotalpools,
    pools: [...pools.values()]
      .filter((pool) => pool.arena === arena)
      .sort((a, b) => a.address - b.address)
      .map(poolView),
    freepools: [...arena.emptied].reverse().map((pool) => pool.address),
  });

  const view = (): AllocatorView => {
    const nfp2lasta: (number | null)[] = new Array<number | null>(POOLS_PER_ARENA + 1).fill(null);
    for (const arena of usable) nfp2lasta[arena.nfreepools] = arena.index;
    return {
      maxarenas: arenaObjects.length,
      arenas: arenaObjects.filter((arena) => arena.address !== 0).map(arenaView),
      usableArenas: usable.map((arena) => arena.index),
      usedpools: usedpools.map((list) => list.map((pool) => pool.address)),
      nfp2lasta,
    };
  };

  return { malloc, free, realloc, view };
};
