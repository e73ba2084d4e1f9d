import type { Allocator } from '../../core/pymalloc/allocator';
import { ALIGNMENT, ALIGNMENT_SHIFT, INDEX2SIZE, POOL_SIZE } from '../../core/pymalloc/constants';
import type { InvariantName } from '../../core/pymalloc/invariants';
import { Pymalloc } from '../../core/pymalloc/pymalloc';
import { largeRequestSize, type TraceConstraints } from '../../core/model/pymalloc/arbitraries';

/**
 * Realistic bugs, each injected into a copy of the reference by overriding one step, and the
 * property that must catch it. A property that no bug can make fail would be a defect.
 */
export interface InjectedBug {
  /** The invariant (or the differential property) that must fail. */
  readonly catchBy: InvariantName | 'same-as-reference';
  readonly bug: string;
  readonly make: () => Allocator;
  /** Traces shaped to reach the bug (a property is only as good as what its traces can reach). */
  readonly trace: TraceConstraints;
}

/** Lays blocks out after a 40-byte pool header: sizeof(pool_header) rounded to 8 (the 32-bit ALIGNMENT), not 16. */
class MisalignedPoolHeader extends Pymalloc {
  protected override initPool(pool: number, size: number): number {
    super.initPool(pool, size);
    const header = 40;
    const blockSize = INDEX2SIZE(size);
    this.freeblock[pool] = header + blockSize;
    this.nextoffset[pool] = header + 2 * blockSize;
    this.blockWord[this.wordIndex(pool, header + blockSize)] = 0;
    return this.poolAddress[pool] + header;
  }
}

/** pymalloc_pool_extend advances nextoffset by ALIGNMENT instead of the block size. */
class CarvesByAlignment extends Pymalloc {
  protected override pymallocPoolExtend(pool: number, size: number): void {
    const nextoffset = this.nextoffset[pool];
    if (nextoffset > this.maxnextoffset[pool]) return super.pymallocPoolExtend(pool, size);
    this.freeblock[pool] = nextoffset;
    this.nextoffset[pool] = nextoffset + ALIGNMENT;
    this.blockWord[this.wordIndex(pool, nextoffset)] = 0;
  }
}

/** pymalloc_pool_extend tests nextoffset against POOL_SIZE instead of maxnextoffset: the last block overruns the pool. */
class CarvesPastMaxnextoffset extends Pymalloc {
  protected override pymallocPoolExtend(pool: number, size: number): void {
    const nextoffset = this.nextoffset[pool];
    if (nextoffset <= this.maxnextoffset[pool] || nextoffset >= POOL_SIZE) return super.pymallocPoolExtend(pool, size);
    this.freeblock[pool] = nextoffset;
    this.nextoffset[pool] = nextoffset + INDEX2SIZE(size);
    this.blockWord[this.wordIndex(pool, nextoffset)] = 0;
  }
}

/** Size class nbytes/16 - 1, rounding down: 17..31-byte requests get 16-byte blocks. */
class RoundsSizeClassDown extends Pymalloc {
  protected override sizeClassIndex(nbytes: number): number {
    return Math.max(0, (nbytes >> ALIGNMENT_SHIFT) - 1);
  }
}

/** pymalloc_free pushes the block but forgets --ref.count. */
class ForgetsRefCountDecrement extends Pymalloc {
  protected override pymallocFree(pool: number, bp: number): void {
    const lastfree = this.freeblock[pool];
    this.blockWord[this.wordIndex(pool, bp)] = lastfree;
    this.freeblock[pool] = bp;
    if (lastfree === 0) this.insertToUsedpool(pool);
    else if (this.count[pool] === 0) this.insertToFreepool(pool);
  }
}

/** Forgets insert_to_usedpool: a full pool that gets a free block stays linked nowhere. */
class ForgetsToRelinkFullPool extends Pymalloc {
  protected override insertToUsedpool(): void {}
}

/** insert_to_freepool forgets case 3: an arena that gained free pools is never slid right. */
class NeverSlidesArenaRight extends Pymalloc {
  protected override slideArenaRight(): void {}
}

/** Drops the `nextarena != NULL` test (bpo-37257): the last wholly free arena is released too. */
class ReleasesLastFreeArena extends Pymalloc {
  protected override shouldReleaseArena(ao: number, nf: number): boolean {
    return nf === this.ntotalpools[ao];
  }
}

/** insert_to_usedpool links the pool at the back of usedpools, not the front (no LRU reuse). */
class BackInsertsUsedpool extends Pymalloc {
  protected override insertToUsedpool(pool: number): void {
    const head = this.szidx[pool];
    const last = this.prevpool[head];
    this.nextpool[pool] = head;
    this.prevpool[pool] = last;
    this.nextpool[last] = pool;
    this.prevpool[head] = pool;
  }
}

const small: TraceConstraints = {};
const fullPools: TraceConstraints = { sizes: largeRequestSize(), maxBurst: 80, maxCommands: 20 };
const manyArenas: TraceConstraints = { sizes: largeRequestSize(), maxBurst: 3000, maxCommands: 12 };

export const INJECTED_BUGS: readonly InjectedBug[] = [
  { catchBy: 'alignment', bug: 'pool header taken as 40 bytes', make: () => new MisalignedPoolHeader(), trace: small },
  {
    catchBy: 'no-overlap',
    bug: 'pool_extend carves ALIGNMENT bytes apart',
    make: () => new CarvesByAlignment(),
    trace: fullPools,
  },
  {
    catchBy: 'block-in-carved-pool',
    bug: 'pool_extend carves past maxnextoffset',
    make: () => new CarvesPastMaxnextoffset(),
    trace: fullPools,
  },
  { catchBy: 'size-class-fits', bug: 'size class rounded down', make: () => new RoundsSizeClassDown(), trace: small },
  { catchBy: 'pool-count', bug: 'free forgets --ref.count', make: () => new ForgetsRefCountDecrement(), trace: small },
  {
    catchBy: 'pool-state',
    bug: 'full pool not relinked on free',
    make: () => new ForgetsToRelinkFullPool(),
    trace: fullPools,
  },
  {
    catchBy: 'usable-arenas-sorted',
    bug: 'arena never slid right (case 3)',
    make: () => new NeverSlidesArenaRight(),
    trace: manyArenas,
  },
  {
    catchBy: 'arena-release',
    bug: 'last wholly free arena released',
    make: () => new ReleasesLastFreeArena(),
    trace: small,
  },
  {
    catchBy: 'same-as-reference',
    bug: 'usedpools back insertion',
    make: () => new BackInsertsUsedpool(),
    trace: fullPools,
  },
];
