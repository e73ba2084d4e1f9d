import fc from 'fast-check';
import { MAX_POOLS_IN_ARENA, NUMBLOCKS, SMALL_REQUEST_THRESHOLD, sizeClassIndex } from '../../pymalloc/constants';
import type { AllocOp } from './trace-ops';
import {
  FreeCommand,
  FreeManyCommand,
  MallocCommand,
  MallocManyCommand,
  ReallocCommand,
  type TraceCommand,
} from './commands';

/**
 * Generators for malloc-lab-like traces against a pymalloc allocator: malloc / free / realloc
 * of sizes biased toward small classes (with exact class sizes, 0 and > 512 bytes), frees and
 * reallocs naming a live handle by index modulo the live set. Optional bursts (malloc many,
 * free many) reach multi-pool and multi-arena states in a few steps.
 */

/** Request sizes as a Python program makes them: mostly small objects, some exact class sizes, a few raw requests. */
export function requestSize(): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 64 }) },
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 32 }).map((k) => 16 * k) },
    { weight: 3, arbitrary: fc.integer({ min: 65, max: 512 }) },
    { weight: 1, arbitrary: fc.constantFrom(0, 513, 1000, 4096, 100_000) },
  );
}

/** Large-class requests: pools of 31..40 blocks fill after a few dozen mallocs. */
export function largeRequestSize(): fc.Arbitrary<number> {
  return fc.integer({ min: 400, max: 512 });
}

export interface TraceConstraints {
  /** Longest trace; default 60 commands. */
  readonly maxCommands?: number;
  /** Request sizes; default requestSize(). */
  readonly sizes?: fc.Arbitrary<number>;
  /** Largest burst (MallocMany count, FreeMany count); 0 (default) means no bursts. */
  readonly maxBurst?: number;
}

export function traceCommands(constraints: TraceConstraints = {}): fc.Arbitrary<Iterable<TraceCommand>> {
  const sizes = constraints.sizes ?? requestSize();
  const handle = fc.nat({ max: 10_000 });
  const commands: Array<fc.Arbitrary<TraceCommand>> = [
    sizes.map((nbytes) => new MallocCommand(nbytes)),
    handle.map((h) => new FreeCommand(h)),
    fc.tuple(handle, sizes).map(([h, nbytes]) => new ReallocCommand(h, nbytes)),
  ];
  const maxBurst = constraints.maxBurst ?? 0;
  if (maxBurst > 0) {
    const count = fc.integer({ min: 1, max: maxBurst });
    commands.push(
      fc.tuple(count, sizes).map(([n, nbytes]) => new MallocManyCommand(n, nbytes)),
      fc
        .tuple(handle, count, fc.integer({ min: 1, max: 4 }))
        .map(([start, n, stride]) => new FreeManyCommand(start, n, stride)),
    );
  }
  return fc.commands(commands, { maxCommands: constraints.maxCommands ?? 60, size: 'large' });
}

// ---- plain-data traces (the allocator check's AllocOp) ---------------------------------------------

/** The largest size class: the fewest blocks fill a pool (31) and an arena. */
const LARGEST_CLASS = sizeClassIndex(SMALL_REQUEST_THRESHOLD);

/**
 * 512-byte-class blocks in one arena: mmap'ed arenas are not pool aligned (arena-mmap.ts), so
 * each has MAX_POOLS_IN_ARENA - 1 pools of NUMBLOCKS blocks. A burst of k * BLOCKS_PER_ARENA of
 * them fills k arenas exactly, and live[j * BLOCKS_PER_ARENA] is the first block of arena j.
 */
export const BLOCKS_PER_ARENA = NUMBLOCKS(LARGEST_CLASS) * (MAX_POOLS_IN_ARENA - 1);

/** Requests of the largest size class (497..512 bytes). */
const largestClassSize = fc.integer({ min: SMALL_REQUEST_THRESHOLD - 15, max: SMALL_REQUEST_THRESHOLD });
const handle = fc.nat({ max: 10_000 });
const poolsOfBlocks = (pools: number): number => pools * NUMBLOCKS(LARGEST_CLASS);

/** A single request, free or realloc, of any size (the tail of a trace and the general trace). */
function singleOp(sizes: fc.Arbitrary<number>): fc.Arbitrary<AllocOp> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('malloc' as const), nbytes: sizes }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('free' as const), handle }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('realloc' as const), handle, nbytes: sizes }) },
  );
}

/** Bursts of any size: pools fill and empty, sometimes arenas (the general trace). */
function burstOp(): fc.Arbitrary<AllocOp> {
  const count = fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 200, max: 2500 }));
  return fc.oneof(
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('mallocMany' as const),
        count,
        nbytes: fc.oneof(
          { weight: 3, arbitrary: largeRequestSize() },
          { weight: 1, arbitrary: fc.constantFrom(16, 64) },
        ),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('freeMany' as const),
        start: handle,
        count,
        stride: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 4 })),
      }),
    },
  );
}

/**
 * A drain after `arenas` full arenas and a partly used one (live[j * BLOCKS_PER_ARENA] starts arena
 * j): frees with stride 1 that empty whole pools and whole arenas, so that usable_arenas must be
 * re-sorted by nfreepools and wholly free arenas are released.
 * - across a boundary: the last pools of arena j-1 and the first of arena j, so that two usable
 *   arenas pass through equal free-pool counts (and often end with equal counts: as many pools on
 *   each side) and one must slide right past the other;
 * - whole arenas: every block of arena j and of all after it, so that the last, partly used one
 *   becomes wholly free first and each full one after it is released; or of arena j alone, which
 *   then has the most free pools and is kept;
 * - fragmenting: every 2nd..4th block, so that pools stay used (nothing to release).
 */
function drainOp(arenas: number): fc.Arbitrary<AllocOp> {
  const freeMany = (start: number, count: number, stride = 1): AllocOp => ({ op: 'freeMany', start, count, stride });
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(
          fc.integer({ min: 1, max: Math.max(1, arenas - 1) }),
          fc.integer({ min: 1, max: 40 }),
          fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, fc.integer({ min: 0, max: 20 })),
        )
        .map(([j, before, after]) =>
          freeMany(
            j * BLOCKS_PER_ARENA - poolsOfBlocks(before),
            poolsOfBlocks(before) + poolsOfBlocks(after ?? before),
          ),
        ),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: arenas - 1 }), fc.oneof(fc.constant(true), fc.boolean()))
        .map(([j, toTheEnd]) => freeMany(j * BLOCKS_PER_ARENA, (toTheEnd ? arenas + 1 - j : 1) * BLOCKS_PER_ARENA)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(handle, fc.integer({ min: 100, max: 3 * BLOCKS_PER_ARENA }), fc.integer({ min: 2, max: 4 }))
        .map(([start, count, stride]) => freeMany(start, count, stride)),
    },
  );
}

/**
 * An arena scenario from an empty allocator: fill 1 or 2 arenas and part of the next with
 * largest-class blocks, drain once or twice, in half the runs refill 20 pools to an arena and 20
 * pools (which takes the cached empty pools back and maps released arenas again: an allocator
 * that hoards pools or arenas holds more of them at the peak), then a few single requests.
 */
function arenaScenario(): fc.Arbitrary<AllocOp[]> {
  return fc.constantFrom(2, 1, 2).chain((arenas) =>
    fc
      .tuple(
        fc.record({
          op: fc.constant('mallocMany' as const),
          count: fc.integer({ min: 1, max: 20 }).map((pools) => arenas * BLOCKS_PER_ARENA + poolsOfBlocks(pools)),
          nbytes: largestClassSize,
        }),
        fc.array(drainOp(arenas), { minLength: 1, maxLength: 2 }),
        fc.option(
          fc.record({
            op: fc.constant('mallocMany' as const),
            count: fc.integer({ min: 20, max: MAX_POOLS_IN_ARENA + 20 }).map(poolsOfBlocks),
            nbytes: largestClassSize,
          }),
          { freq: 2 },
        ),
        fc.array(fc.oneof({ weight: 4, arbitrary: singleOp(requestSize()) }, { weight: 1, arbitrary: burstOp() }), {
          maxLength: 4,
        }),
      )
      .map(([fill, drains, refill, tail]): AllocOp[] => [
        fill,
        ...drains,
        ...(refill === null ? [] : [refill]),
        ...tail,
      ]),
  );
}

/** A general trace: single requests of any size mixed with bursts. */
function generalTrace(): fc.Arbitrary<AllocOp[]> {
  const sizes = fc.oneof({ weight: 3, arbitrary: requestSize() }, { weight: 1, arbitrary: largeRequestSize() });
  return fc.array(fc.oneof({ weight: 3, arbitrary: singleOp(sizes) }, { weight: 1, arbitrary: burstOp() }), {
    maxLength: 10,
  });
}

/**
 * The allocator check's traces: mostly arena scenarios (several arenas, equal free-pool counts,
 * released arenas, full and empty pools), the rest general traces of every size.
 */
export function allocTrace(): fc.Arbitrary<AllocOp[]> {
  // Cross-shrinking lets a failure found in an arena scenario shrink to a short general trace.
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 1, arbitrary: generalTrace() },
    { weight: 3, arbitrary: arenaScenario() },
  );
}
