import { INDEX2SIZE, MAX_POOLS_IN_ARENA, NUMBLOCKS, POOL_OVERHEAD, POOL_SIZE } from '../../../core/pymalloc/constants';
import { DoubleFreeError, InvalidFreeError, InvalidRequestError } from '../../../core/pymalloc/errors';
import { checkInvariants } from '../../../core/pymalloc/invariants';
import { Pymalloc } from '../../../core/pymalloc/pymalloc';
import type { PoolSnapshot, PymallocSnapshot } from '../../../core/pymalloc/snapshot';

/** Concrete facts about the reference allocator, each one a line of obmalloc.c made observable. */

const poolOf = (snapshot: PymallocSnapshot, address: number): PoolSnapshot => {
  const pool = snapshot.arenas
    .flatMap((arena) => arena.pools)
    .find((p) => address >= p.address && address < p.address + POOL_SIZE);
  if (pool === undefined) throw new Error(`no pool holds 0x${address.toString(16)}`);
  return pool;
};

const mallocMany = (allocator: Pymalloc, count: number, nbytes: number): number[] =>
  Array.from({ length: count }, () => allocator.malloc(nbytes));

describe('Pymalloc: pools and blocks', () => {
  test('a fresh pool carves lazily: only its first two blocks are touched', () => {
    const allocator = new Pymalloc();
    const address = allocator.malloc(100);
    const pool = poolOf(allocator.snapshot(), address);
    const size = INDEX2SIZE(6);
    expect(address).toBe(pool.address + POOL_OVERHEAD);
    expect(pool).toMatchObject({
      szidx: 6,
      count: 1,
      nextoffset: POOL_OVERHEAD + 2 * size,
      maxnextoffset: POOL_SIZE - size,
    });
    expect(pool.freeblock).toEqual([address + size]);
  });

  test('blocks come out in address order, and a freed block is the next one handed out', () => {
    const allocator = new Pymalloc();
    const [a, b, c] = mallocMany(allocator, 3, 32);
    expect([b - a, c - b]).toEqual([32, 32]);
    allocator.free(b);
    expect(allocator.malloc(30)).toBe(b);
  });

  test('a pool holds NUMBLOCKS blocks, then is full and linked nowhere', () => {
    const allocator = new Pymalloc();
    const blocks = mallocMany(allocator, NUMBLOCKS(31), 512);
    const snapshot = allocator.snapshot();
    expect(poolOf(snapshot, blocks[0])).toMatchObject({ count: 31, freeblock: [] });
    expect(snapshot.usedpools[31]).toEqual([]);
    const next = allocator.malloc(512);
    expect(poolOf(allocator.snapshot(), next).address).not.toBe(poolOf(snapshot, blocks[0]).address);
  });

  test('LRU: a full pool that gets a free block is linked at the FRONT of usedpools', () => {
    const allocator = new Pymalloc();
    const first = mallocMany(allocator, NUMBLOCKS(31) + 1, 512);
    const [fullPool, secondPool] = [first[0], first[NUMBLOCKS(31)]].map((a) => poolOf(allocator.snapshot(), a).address);
    expect(allocator.snapshot().usedpools[31]).toEqual([secondPool]);
    allocator.free(first[5]);
    expect(allocator.snapshot().usedpools[31]).toEqual([fullPool, secondPool]);
    expect(allocator.malloc(500)).toBe(first[5]);
  });

  test('an empty pool goes on its arena freepools and keeps its size class for a same-class reuse', () => {
    const allocator = new Pymalloc();
    const [a, b] = mallocMany(allocator, 2, 64);
    const pool = poolOf(allocator.snapshot(), a).address;
    allocator.free(a);
    allocator.free(b);
    const snapshot = allocator.snapshot();
    expect(snapshot.arenas[0].freepools).toEqual([pool]);
    expect(snapshot.usedpools[3]).toEqual([]);
    // Same class: the old free list is reused as is (b was freed last, so it is its head).
    expect(allocator.malloc(64)).toBe(b);
    allocator.free(b);
    // Another class: the pool is re-initialised, its first block is handed out again.
    expect(allocator.malloc(16)).toBe(pool + POOL_OVERHEAD);
    expect(poolOf(allocator.snapshot(), pool).szidx).toBe(0);
  });
});

describe('Pymalloc: arenas', () => {
  test('arenas mapped back to back share one misalignment: each loses a pool to it', () => {
    const allocator = new Pymalloc();
    mallocMany(allocator, 3 * 63 * NUMBLOCKS(31), 512);
    const arenas = allocator.snapshot().arenas;
    expect(arenas.map((a) => a.ntotalpools)).toEqual([63, 63, 63]);
    expect(arenas.map((a) => a.address % POOL_SIZE)).toEqual([12288, 12288, 12288]);
    expect(arenas[0].poolAddress - arenas[0].address).toBe(63 * POOL_SIZE + 4096);
  });

  test('with a page between mappings, offsets cycle: one arena in four is pool aligned and keeps 64 pools', () => {
    const allocator = new Pymalloc({ mmapGapPages: 1 });
    mallocMany(allocator, (63 + 63 + 63 + 64) * NUMBLOCKS(31), 512);
    const arenas = allocator.snapshot().arenas.slice(0, 4);
    expect(arenas.map((a) => a.ntotalpools)).toEqual([63, 63, 63, 64]);
    expect(arenas.map((a) => a.address % 4096)).toEqual([0, 0, 0, 0]);
    expect(arenas.map((a) => a.address % POOL_SIZE)).toEqual([12288, 8192, 4096, 0]);
  });

  test('the arenas vector starts at 16 arena objects and doubles', () => {
    const allocator = new Pymalloc();
    allocator.malloc(1);
    expect(allocator.snapshot().maxarenas).toBe(16);
    mallocMany(allocator, 16 * MAX_POOLS_IN_ARENA * NUMBLOCKS(31), 512);
    const { maxarenas, counters } = allocator.snapshot();
    expect(counters.arenasAllocatedCurrent).toBe(17);
    expect(maxarenas).toBe(32);
  });

  test('allocation comes from the usable arena with the fewest free pools; usable_arenas is sorted with nfp2lasta', () => {
    const allocator = new Pymalloc();
    // Three arenas; then empty 10 pools of arena #0 and 20 of arena #1 (31 blocks of 512 per pool).
    const blocks = mallocMany(allocator, (63 + 63 + 5) * 31, 512);
    blocks.slice(0, 10 * 31).forEach((a) => allocator.free(a));
    blocks.slice(63 * 31, 83 * 31).forEach((a) => allocator.free(a));
    const snapshot = allocator.snapshot();
    const free = (i: number): number => snapshot.arenas[i].nfreepools;
    expect([free(0), free(1), free(2)]).toEqual([10, 20, 58]);
    expect(snapshot.usableArenas).toEqual([0, 1, 2]);
    expect(snapshot.nfp2lasta[10]).toBe(0);
    expect(snapshot.nfp2lasta[20]).toBe(1);
    expect(snapshot.nfp2lasta[58]).toBe(2);
    expect(snapshot.nfp2lasta.filter((x) => x !== null)).toHaveLength(3);
    // The next new pool comes from arena #0, the most used one.
    const next = allocator.malloc(16);
    expect(snapshot.arenas[0].pools.some((p) => p.address === poolOf(allocator.snapshot(), next).address)).toBe(true);
    expect(checkInvariants(allocator.snapshot())).toEqual([]);
  });

  test('an arena that gains free pools slides right past arenas with fewer (case 3, bpo-37029)', () => {
    const allocator = new Pymalloc();
    const blocks = mallocMany(allocator, (63 + 63 + 5) * 31, 512);
    blocks.slice(63 * 31, 65 * 31).forEach((a) => allocator.free(a)); // arena #1: 2 free pools
    blocks.slice(0, 31).forEach((a) => allocator.free(a)); // arena #0: 1 free pool, goes to the head (case 2)
    expect(allocator.snapshot().usableArenas).toEqual([0, 1, 2]);
    blocks.slice(31, 3 * 31).forEach((a) => allocator.free(a)); // arena #0: 3 free pools, passes arena #1
    const snapshot = allocator.snapshot();
    expect(snapshot.usableArenas).toEqual([1, 0, 2]);
    expect(checkInvariants(snapshot)).toEqual([]);
  });

  test('a wholly free arena is released, except the last usable one (bpo-37257)', () => {
    const allocator = new Pymalloc();
    const blocks = mallocMany(allocator, 2 * 63 * 31, 512);
    blocks.forEach((a) => allocator.free(a));
    const { counters, arenas, usableArenas } = allocator.snapshot();
    expect(counters).toMatchObject({
      arenasAllocatedTotal: 2,
      arenasReclaimed: 1,
      arenasAllocatedCurrent: 1,
      arenasHighwater: 2,
    });
    expect(arenas[0].nfreepools).toBe(arenas[0].ntotalpools);
    expect(usableArenas).toEqual([arenas[0].arenaindex]);
  });

  test('a loop allocating and freeing one object does not map and unmap an arena each time', () => {
    const allocator = new Pymalloc();
    for (let i = 0; i < 1000; i++) allocator.free(allocator.malloc(24));
    expect(allocator.snapshot().counters).toMatchObject({ arenasAllocatedTotal: 1, arenasAllocatedCurrent: 1 });
  });

  test('1,000,000 mallocs of 32 bytes, then frees: arenas as the formula says, all but one reclaimed', () => {
    const allocator = new Pymalloc();
    const blocks = mallocMany(allocator, 1_000_000, 32);
    const pools = Math.ceil(1_000_000 / NUMBLOCKS(1)); // 1961 pools of 510 blocks
    const expected = Math.ceil(pools / (MAX_POOLS_IN_ARENA - 1)); // 63 pools per arena: 32 arenas
    expect([pools, expected]).toEqual([1961, 32]);
    expect(allocator.snapshot().counters).toMatchObject({
      arenasAllocatedCurrent: expected,
      arenasHighwater: expected,
    });
    blocks.forEach((a) => allocator.free(a));
    expect(allocator.snapshot().counters).toMatchObject({
      arenasAllocatedTotal: expected,
      arenasReclaimed: expected - 1,
      arenasAllocatedCurrent: 1,
      arenasHighwater: expected,
    });
  });
});

describe('Pymalloc: realloc (pymalloc_realloc)', () => {
  test('stays in place while the new size fits the block and shaves off less than 25%', () => {
    const allocator = new Pymalloc();
    const p = allocator.malloc(100); // 112-byte block
    expect(allocator.realloc(p, 112)).toBe(p);
    expect(allocator.realloc(p, 85)).toBe(p); // 4*85 = 340 > 3*112 = 336
    const moved = allocator.realloc(p, 84); // 336 is not > 336: copy to a smaller class
    expect(moved).not.toBe(p);
    expect(poolOf(allocator.snapshot(), moved).szidx).toBe(5);
    expect(allocator.realloc(moved, 200)).not.toBe(moved);
  });

  test('realloc(0, n) is malloc(n); realloc(p, 0) moves p to the raw allocator', () => {
    const allocator = new Pymalloc();
    const p = allocator.realloc(0, 40);
    expect(poolOf(allocator.snapshot(), p).szidx).toBe(2);
    const q = allocator.realloc(p, 0);
    expect(allocator.snapshot().counters.rawAllocatedBlocks).toBe(1);
    expect(allocator.snapshot().liveBlocks).toEqual([{ address: q, nbytes: 0, raw: true }]);
  });

  test('a raw block stays raw, even when shrunk to a small size', () => {
    const allocator = new Pymalloc();
    const p = allocator.malloc(1000);
    const q = allocator.realloc(p, 8);
    expect(allocator.snapshot().liveBlocks).toEqual([{ address: q, nbytes: 8, raw: true }]);
    expect(allocator.snapshot().counters.rawAllocatedBlocks).toBe(1);
    expect(allocator.snapshot().arenas).toEqual([]);
  });
});

describe('Pymalloc: raw requests and misuse', () => {
  test('0 and > 512 bytes go to the raw allocator, counted, aligned, outside every arena', () => {
    const allocator = new Pymalloc();
    const raw = [allocator.malloc(0), allocator.malloc(513), allocator.malloc(1 << 20)];
    expect(allocator.snapshot().counters.rawAllocatedBlocks).toBe(3);
    expect(raw.every((a) => a !== 0 && a % 16 === 0)).toBe(true);
    expect(allocator.snapshot().arenas).toEqual([]);
    allocator.free(raw[1]);
    expect(allocator.snapshot().counters.rawAllocatedBlocks).toBe(2);
    allocator.free(0);
  });

  type Misuse = (allocator: Pymalloc) => () => unknown;
  const cases: Array<[string, Misuse, typeof InvalidFreeError | typeof DoubleFreeError | typeof InvalidRequestError]> =
    [
      [
        'a double free of a pooled block',
        (a) => {
          const p = a.malloc(8);
          a.free(p);
          return () => a.free(p);
        },
        DoubleFreeError,
      ],
      [
        'a double free of a raw block',
        (a) => {
          const p = a.malloc(600);
          a.free(p);
          return () => a.free(p);
        },
        DoubleFreeError,
      ],
      [
        'a realloc of a freed block',
        (a) => {
          const p = a.malloc(8);
          a.free(p);
          return () => a.realloc(p, 4);
        },
        DoubleFreeError,
      ],
      [
        'a free inside a block',
        (a) => {
          const p = a.malloc(100);
          return () => a.free(p + 16);
        },
        InvalidFreeError,
      ],
      ['a free of an address never returned', (a) => () => a.free(0x1234_5670), InvalidFreeError],
      [
        'a free in a never-carved pool',
        (a) => {
          const p = a.malloc(8);
          return () => a.free(p + 5 * POOL_SIZE);
        },
        InvalidFreeError,
      ],
      [
        'a free of a raw address never returned',
        (a) => {
          const p = a.malloc(600);
          return () => a.free(p + 16);
        },
        InvalidFreeError,
      ],
      ['a negative size', (a) => () => a.malloc(-1), InvalidRequestError],
      ['a fractional size', (a) => () => a.malloc(1.5), InvalidRequestError],
      [
        'a NaN size in realloc',
        (a) => {
          const p = a.malloc(8);
          return () => a.realloc(p, NaN);
        },
        InvalidRequestError,
      ],
    ];
  test.each(cases)('%s raises a named error and changes nothing', (_, setUp, errorClass) => {
    const allocator = new Pymalloc();
    allocator.malloc(32);
    const misuse = setUp(allocator);
    const before = JSON.stringify(allocator.snapshot());
    expect(misuse).toThrow(errorClass);
    expect(JSON.stringify(allocator.snapshot())).toBe(before);
  });

  test('the snapshot is plain JSON data', () => {
    const allocator = new Pymalloc();
    [allocator.malloc(1), allocator.malloc(700), allocator.malloc(300)].forEach((a, i) => i === 1 && allocator.free(a));
    const snapshot = allocator.snapshot();
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });
});
