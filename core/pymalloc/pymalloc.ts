import type { Allocator } from './allocator';
import { ArenaMap } from './arena-map';
import * as arenaMmap from './arena-mmap';
import * as constants from './constants';
import { DoubleFreeError, InvalidFreeError, InvalidRequestError } from './errors';
import { RawMalloc } from './raw-malloc';
import type { ArenaSnapshot, LiveBlock, PoolSnapshot, PymallocSnapshot, PymallocStructure } from './snapshot';

/**
 * The reference pymalloc: Objects/obmalloc.c of CPython 3.11 (64-bit), function for function.
 * Read README.md in this folder first, then `malloc` and `free` below.
 *
 * Storage is struct-of-arrays, so the hot path touches only typed arrays:
 *
 * - Arena objects (the `arenas` vector): indexed by arenaindex, `maxarenas` slots, doubling.
 * - Pool headers: indexed by pool id. Ids 0..31 are the usedpools list heads (obmalloc's PTA
 *   trick: a head acts as a pool whose only meaningful fields are nextpool/prevpool). A real
 *   pool's id is 32 + its pool frame (arenaMmap.ts): POOL_ADDR(p) leads straight to the
 *   header, as in CPython, with one multiplication.
 * - Block memory: one 16-bit word per 16-byte granule of every pool frame. A free block's word
 *   is what CPython stores in it, `*(block **)bp`: the next free block, as an offset in the
 *   pool (0 = NULL, always < 0x4000). A live block's word is the side table: LIVE | its
 *   requested size, which refuses bad frees and lists live blocks.
 *
 * In-pool pointers (freeblock, nextoffset) are offsets from the pool's address; addresses
 * handed out are plain numbers (above 2^32, below 2^53).
 *
 * @public
 */
// Captured once at load: esbuild's CommonJS output turns each imported binding into a getter
// call, which the hot path cannot afford.
const {
  ALIGNMENT,
  ALIGNMENT_SHIFT,
  DUMMY_SIZE_IDX,
  INDEX2SIZE,
  INITIAL_ARENA_OBJECTS,
  MAX_POOLS_IN_ARENA,
  NB_SMALL_SIZE_CLASSES,
  NUMBLOCKS,
  POOL_BITS,
  POOL_OVERHEAD,
  POOL_SIZE,
  SMALL_REQUEST_THRESHOLD,
  sizeClassIndex,
} = constants;
const { ArenaMmap, poolFrameOf } = arenaMmap;

const NIL = -1;
/** Pool ids below this are the usedpools list heads, one per size class. */
const HEADS = NB_SMALL_SIZE_CLASSES;
/** log2 of the 16-byte words in a pool. */
const WORDS_SHIFT = POOL_BITS - ALIGNMENT_SHIFT;
const ALIGNMENT_MASK = ALIGNMENT - 1;
/** Tag of a live block's word (its low bits are the requested size); a free block's word is a next offset, below it. */
const LIVE = 0x8000;

type BadUse = 'free' | 'realloc';

function resized<A extends Int32Array | Float64Array | Uint16Array>(array: A, length: number, fill: number): A {
  const grown = new (array.constructor as new (n: number) => A)(length);
  grown.fill(fill);
  grown.set(array as unknown as ArrayLike<number>);
  return grown;
}

/** @public */
export interface PymallocOptions {
  /**
   * Unmapped pages between consecutive arenas (arenaMmap.ts). 0, the default, maps arenas back
   * to back as Linux does: all share one misalignment and have 63 pools. 1 makes one arena in
   * four pool aligned (64 pools).
   */
  readonly mmapGapPages?: number;
}

function checkRequest(operation: 'malloc' | 'realloc', nbytes: number): void {
  if (!Number.isSafeInteger(nbytes) || nbytes < 0) throw new InvalidRequestError(operation, nbytes);
}

export class Pymalloc implements Allocator {
  // ---- arena objects: the `arenas` vector ----------------------------------------------------------
  protected maxarenas = 0;
  /** `address`: 0 marks an arena object with no arena (it is on unused_arena_objects). */
  protected arenaAddress = new Float64Array(0);
  /** `pool_address`: the next pool to carve. */
  protected arenaPoolAddress = new Float64Array(0);
  protected nfreepools = new Int32Array(0);
  protected ntotalpools = new Int32Array(0);
  /** Head pool id of the arena's singly linked `freepools` list (through nextpool). */
  protected freepools = new Int32Array(0);
  protected nextarena = new Int32Array(0);
  protected prevarena = new Int32Array(0);
  protected unusedArenaObjects = NIL;
  protected usableArenas = NIL;
  /** nfp2lasta[nfp]: the rightmost arena in usable_arenas with nfp free pools. */
  protected readonly nfp2lasta = new Int32Array(MAX_POOLS_IN_ARENA + 1).fill(NIL);

  // ---- pool headers, by pool id; arenaindex is NIL for a frame that is not a carved pool ----------
  protected poolAddress = new Float64Array(HEADS);
  /** `ref.count`. */
  protected count = new Int32Array(HEADS);
  /** Offset of the first free block, 0 = NULL. */
  protected freeblock = new Int32Array(HEADS);
  protected nextpool = Int32Array.from({ length: HEADS }, (_, i) => i);
  protected prevpool = Int32Array.from({ length: HEADS }, (_, i) => i);
  protected arenaindex = new Int32Array(HEADS).fill(NIL);
  protected szidx = new Int32Array(HEADS).fill(DUMMY_SIZE_IDX);
  protected nextoffset = new Int32Array(HEADS);
  protected maxnextoffset = new Int32Array(HEADS);

  // ---- block memory: a 16-bit word per 16-byte granule of every pool frame ----------------------
  protected blockWord = new Uint16Array(0);

  // ---- counters ------------------------------------------------------------------------------------
  protected ntimesArenaAllocated = 0;
  protected narenasCurrentlyAllocated = 0;
  protected narenasHighwater = 0;
  protected rawAllocatedBlocks = 0;

  protected readonly mmap: arenaMmap.ArenaMmap;
  protected readonly arenaMap: ArenaMap;
  protected readonly raw = new RawMalloc();

  constructor(options: PymallocOptions = {}) {
    this.mmap = new ArenaMmap({ gapPages: options.mmapGapPages });
    this.arenaMap = new ArenaMap(this.mmap);
  }

  // ================================================================================================
  // Public entry points: PyObject_Malloc, PyObject_Free, PyObject_Realloc.
  // ================================================================================================

  /**
   * _PyObject_Malloc with pymalloc_alloc written in (it is `static inline` in CPython): 1..512
   * bytes come from the head of usedpools[size class], whose free list always has a block —
   * allocation is a pop; when the list runs dry the pool carves another block or turns full.
   * Other sizes go to the raw allocator, counted in raw_allocated_blocks.
   */
  malloc(nbytes: number): number {
    if (!(nbytes > 0 && nbytes <= SMALL_REQUEST_THRESHOLD && (nbytes | 0) === nbytes)) return this.mallocRaw(nbytes);
    const size = this.sizeClassIndex(nbytes);
    const pool = this.nextpool[size];
    if (pool === size) return this.mallocFromNewPool(size, nbytes);
    ++this.count[pool];
    const bp = this.freeblock[pool];
    const word = this.wordIndex(pool, bp);
    const next = this.blockWord[word];
    this.freeblock[pool] = next;
    if (next === 0) this.pymallocPoolExtend(pool, size);
    this.blockWord[word] = nbytes | LIVE;
    return this.poolAddress[pool] + bp;
  }

  /** _PyObject_Free: NULL is a no-op; a block outside every carved pool goes to the raw allocator. */
  free(address: number): void {
    const pool = this.carvedPoolAt(address);
    if (pool === NIL) {
      this.freeOutsidePools(address);
      return;
    }
    const bp = address - this.poolAddress[pool];
    this.checkLive(pool, bp, 'free');
    this.pymallocFree(pool, bp);
  }

  /**
   * _PyObject_Realloc + pymalloc_realloc. Shrinking in place wastes the tail of the block, moving
   * costs a copy; CPython moves only when at least 25% of the block can be shaved off. A raw
   * block is never taken over by pymalloc (nothing says how much of it is valid to copy).
   */
  realloc(address: number, nbytes: number): number {
    checkRequest('realloc', nbytes);
    if (address === 0) return this.malloc(nbytes);
    const pool = this.carvedPoolAt(address);
    if (pool === NIL) {
      this.freeRaw(address, 'realloc');
      return this.raw.malloc(nbytes);
    }
    const bp = address - this.poolAddress[pool];
    const word = this.checkLive(pool, bp, 'realloc');
    const size = INDEX2SIZE(this.szidx[pool]);
    if (nbytes <= size && 4 * nbytes > 3 * size) {
      this.blockWord[word] = nbytes | LIVE;
      return address;
    }
    const moved = this.malloc(nbytes);
    this.free(address);
    return moved;
  }

  // ================================================================================================
  // Allocation.
  // ================================================================================================

  /** malloc of 0 or > 512 bytes: PyMem_RawMalloc, counted in raw_allocated_blocks. */
  private mallocRaw(nbytes: number): number {
    checkRequest('malloc', nbytes);
    this.rawAllocatedBlocks++;
    return this.raw.malloc(nbytes);
  }

  /** The size class of a small request; a method so that a test double can get it wrong. */
  protected sizeClassIndex(nbytes: number): number {
    return sizeClassIndex(nbytes);
  }

  /** malloc's slow path: allocate_from_new_pool, then record the request (the pool is now usedpools' head). */
  private mallocFromNewPool(size: number, nbytes: number): number {
    const address = this.allocateFromNewPool(size);
    const pool = this.nextpool[size];
    this.blockWord[this.wordIndex(pool, address - this.poolAddress[pool])] = nbytes | LIVE;
    return address;
  }

  /**
   * pymalloc_pool_extend: called when the freelist is exhausted. Blocks are carved lazily, one
   * at a time, so untouched memory stays untouched; when nothing is left to carve the pool is
   * full and leaves usedpools (a full pool is linked nowhere).
   */
  protected pymallocPoolExtend(pool: number, size: number): void {
    const nextoffset = this.nextoffset[pool];
    if (nextoffset <= this.maxnextoffset[pool]) {
      this.freeblock[pool] = nextoffset;
      this.nextoffset[pool] = nextoffset + INDEX2SIZE(size);
      this.blockWord[this.wordIndex(pool, nextoffset)] = 0;
      return;
    }
    const next = this.nextpool[pool];
    const prev = this.prevpool[pool];
    this.prevpool[next] = prev;
    this.nextpool[prev] = next;
  }

  /**
   * allocate_from_new_pool: usedpools[size] is empty, so take a pool from the head of
   * usable_arenas — the arena with the fewest free pools, so nearly empty arenas get a chance
   * to drain and be returned to the OS. A cached empty pool is preferred to carving a new one.
   */
  protected allocateFromNewPool(size: number): number {
    if (this.usableArenas === NIL) {
      const ao = this.newArena();
      this.usableArenas = ao;
      this.nextarena[ao] = this.prevarena[ao] = NIL;
      this.nfp2lasta[this.nfreepools[ao]] = ao;
    }
    const ao = this.usableArenas;
    // ao already has the smallest nfreepools, so losing one pool keeps usable_arenas sorted.
    const nf = this.nfreepools[ao];
    if (this.nfp2lasta[nf] === ao) this.nfp2lasta[nf] = NIL;
    if (nf > 1) this.nfp2lasta[nf - 1] = ao;

    let pool = this.freepools[ao];
    if (pool !== NIL) {
      this.freepools[ao] = this.nextpool[pool];
    } else {
      pool = this.carvePool(ao);
    }
    if (--this.nfreepools[ao] === 0) {
      // Wholly allocated: the arena leaves usable_arenas.
      this.usableArenas = this.nextarena[ao];
      if (this.usableArenas !== NIL) this.prevarena[this.usableArenas] = NIL;
    }

    // Front-link into the (empty) usedpools[size] list.
    this.nextpool[pool] = this.prevpool[pool] = size;
    this.nextpool[size] = this.prevpool[size] = pool;
    this.count[pool] = 1;
    if (this.szidx[pool] === size) {
      // The pool last held this size class: its free list is still valid.
      const bp = this.freeblock[pool];
      this.freeblock[pool] = this.blockWord[this.wordIndex(pool, bp)];
      return this.poolAddress[pool] + bp;
    }
    return this.initPool(pool, size);
  }

  /** Carve the pool at the arena's pool_address (the highwater mark of carved pools). */
  protected carvePool(ao: number): number {
    const address = this.arenaPoolAddress[ao];
    const pool = HEADS + poolFrameOf(address);
    this.poolAddress[pool] = address;
    this.arenaindex[pool] = ao;
    this.szidx[pool] = DUMMY_SIZE_IDX;
    this.arenaPoolAddress[ao] = address + POOL_SIZE;
    return pool;
  }

  /**
   * Initialise a pool for size class `size`: only the first two blocks are touched — the first
   * is returned, the second becomes a one-block free list — in keeping with pymalloc never
   * touching memory before it is needed.
   */
  protected initPool(pool: number, size: number): number {
    const blockSize = INDEX2SIZE(size);
    this.szidx[pool] = size;
    this.nextoffset[pool] = POOL_OVERHEAD + 2 * blockSize;
    this.maxnextoffset[pool] = POOL_SIZE - blockSize;
    this.freeblock[pool] = POOL_OVERHEAD + blockSize;
    this.blockWord[this.wordIndex(pool, POOL_OVERHEAD + blockSize)] = 0;
    return this.poolAddress[pool] + POOL_OVERHEAD;
  }

  /**
   * new_arena: map a fresh arena. The arenas vector grows only when no arena object is unused,
   * doubling from INITIAL_ARENA_OBJECTS; an arena that is not pool aligned loses its first
   * partial pool ("bytes lost to arena alignment").
   */
  protected newArena(): number {
    if (this.unusedArenaObjects === NIL) this.growArenasVector();
    const ao = this.unusedArenaObjects;
    this.unusedArenaObjects = this.nextarena[ao];
    const address = this.mmap.map();
    this.arenaMap.markUsed(address, ao);
    this.reservePoolFrames(poolFrameOf(address));
    this.arenaAddress[ao] = address;

    ++this.narenasCurrentlyAllocated;
    ++this.ntimesArenaAllocated;
    if (this.narenasCurrentlyAllocated > this.narenasHighwater) this.narenasHighwater = this.narenasCurrentlyAllocated;
    this.freepools[ao] = NIL;
    this.arenaPoolAddress[ao] = address;
    this.nfreepools[ao] = MAX_POOLS_IN_ARENA;
    const excess = address % POOL_SIZE;
    if (excess !== 0) {
      --this.nfreepools[ao];
      this.arenaPoolAddress[ao] += POOL_SIZE - excess;
    }
    this.ntotalpools[ao] = this.nfreepools[ao];
    return ao;
  }

  /** Double the arenas vector and link the new slots on unused_arena_objects. */
  private growArenasVector(): void {
    const numarenas = this.maxarenas === 0 ? INITIAL_ARENA_OBJECTS : this.maxarenas * 2;
    this.arenaAddress = resized(this.arenaAddress, numarenas, 0);
    this.arenaPoolAddress = resized(this.arenaPoolAddress, numarenas, 0);
    this.nfreepools = resized(this.nfreepools, numarenas, 0);
    this.ntotalpools = resized(this.ntotalpools, numarenas, 0);
    this.freepools = resized(this.freepools, numarenas, NIL);
    this.nextarena = resized(this.nextarena, numarenas, NIL);
    this.prevarena = resized(this.prevarena, numarenas, NIL);
    for (let i = this.maxarenas; i < numarenas; i++) {
      this.nextarena[i] = i < numarenas - 1 ? i + 1 : NIL;
    }
    this.unusedArenaObjects = this.maxarenas;
    this.maxarenas = numarenas;
  }

  /** Make room for pool headers and block words up to pool frame `lastFrame` (an arena's lowest frame). */
  private reservePoolFrames(lastFrame: number): void {
    const needed = HEADS + lastFrame + 1;
    if (this.poolAddress.length >= needed) return;
    const length = Math.max(needed, HEADS + (this.poolAddress.length - HEADS) * 2);
    this.poolAddress = resized(this.poolAddress, length, 0);
    this.count = resized(this.count, length, 0);
    this.freeblock = resized(this.freeblock, length, 0);
    this.nextpool = resized(this.nextpool, length, NIL);
    this.prevpool = resized(this.prevpool, length, NIL);
    this.arenaindex = resized(this.arenaindex, length, NIL);
    this.szidx = resized(this.szidx, length, DUMMY_SIZE_IDX);
    this.nextoffset = resized(this.nextoffset, length, 0);
    this.maxnextoffset = resized(this.maxnextoffset, length, 0);
    this.blockWord = resized(this.blockWord, (length - HEADS) << WORDS_SHIFT, 0);
  }

  // ================================================================================================
  // Free.
  // ================================================================================================

  /**
   * pymalloc_free: push the block on its pool's free list; the pool's state may change. A full
   * pool becomes used again (insert_to_usedpool); a used pool whose last block goes becomes
   * empty (insert_to_freepool).
   */
  protected pymallocFree(pool: number, bp: number): void {
    const lastfree = this.freeblock[pool];
    this.blockWord[this.wordIndex(pool, bp)] = lastfree;
    this.freeblock[pool] = bp;
    const count = --this.count[pool];
    if (lastfree === 0) {
      this.insertToUsedpool(pool);
      return;
    }
    if (count !== 0) return;
    this.insertToFreepool(pool);
  }

  /**
   * insert_to_usedpool: a full pool just got a free block. Link it at the FRONT of
   * usedpools[szidx], so the next allocation of that class reuses the block just freed
   * ("mimics LRU pool usage") and nearly full pools fill up first.
   */
  protected insertToUsedpool(pool: number): void {
    const size = this.szidx[pool];
    const next = this.nextpool[size];
    const prev = this.prevpool[next];
    this.nextpool[pool] = next;
    this.prevpool[pool] = prev;
    this.prevpool[next] = pool;
    this.nextpool[prev] = pool;
  }

  /**
   * insert_to_freepool: a pool became empty. It moves from usedpools to the front of its
   * arena's freepools (recently freed pools are reused last: they may be paged out), and the
   * arena, now with one more free pool, is repositioned in usable_arenas — four cases:
   *   1. every pool is free and the arena is not the last usable one: release it to the OS;
   *   2. it is the arena's only free pool: the arena was full, put it at the head of the list;
   *   3. it now has more free pools than its right neighbour: slide it right, after
   *      nfp2lasta[old nf], keeping the list sorted in O(1) (bpo-37029);
   *   4. otherwise nothing moves.
   */
  protected insertToFreepool(pool: number): void {
    const next = this.nextpool[pool];
    const prev = this.prevpool[pool];
    this.prevpool[next] = prev;
    this.nextpool[prev] = next;

    const ao = this.arenaindex[pool];
    this.nextpool[pool] = this.freepools[ao];
    this.freepools[ao] = pool;
    let nf = this.nfreepools[ao];
    // If ao is the rightmost arena with nf free pools, its left neighbour may inherit the title.
    const lastnf = this.nfp2lasta[nf];
    if (lastnf === ao) {
      const p = this.prevarena[ao];
      this.nfp2lasta[nf] = p !== NIL && this.nfreepools[p] === nf ? p : NIL;
    }
    this.nfreepools[ao] = ++nf;

    if (this.shouldReleaseArena(ao, nf)) {
      this.releaseArena(ao);
      return;
    }
    if (nf === 1) {
      this.nextarena[ao] = this.usableArenas;
      this.prevarena[ao] = NIL;
      if (this.usableArenas !== NIL) this.prevarena[this.usableArenas] = ao;
      this.usableArenas = ao;
      if (this.nfp2lasta[1] === NIL) this.nfp2lasta[1] = ao;
      return;
    }
    if (this.nfp2lasta[nf] === NIL) this.nfp2lasta[nf] = ao;
    if (ao === lastnf) return;
    this.slideArenaRight(ao, lastnf);
  }

  /**
   * Case 1's test. Keeping the last arena of usable_arenas even when wholly free stops a loop
   * that allocates and frees one object from mapping and unmapping an arena every iteration
   * (bpo-37257).
   */
  protected shouldReleaseArena(ao: number, nf: number): boolean {
    return nf === this.ntotalpools[ao] && this.nextarena[ao] !== NIL;
  }

  /** Case 1: unlink the arena from usable_arenas, recycle its arena object, munmap it. */
  protected releaseArena(ao: number): void {
    const prev = this.prevarena[ao];
    const next = this.nextarena[ao];
    if (prev === NIL) this.usableArenas = next;
    else this.nextarena[prev] = next;
    if (next !== NIL) this.prevarena[next] = prev;
    this.nextarena[ao] = this.unusedArenaObjects;
    this.unusedArenaObjects = ao;
    for (const pool of this.carvedPools(ao)) this.arenaindex[pool] = NIL;
    const address = this.arenaAddress[ao];
    this.arenaMap.markUnused(address);
    this.mmap.unmap(address);
    this.arenaAddress[ao] = 0;
    --this.narenasCurrentlyAllocated;
  }

  /** Case 3: move `ao` to just after `lastnf`, the rightmost arena with ao's old free-pool count. */
  protected slideArenaRight(ao: number, lastnf: number): void {
    const prev = this.prevarena[ao];
    const next = this.nextarena[ao];
    if (prev !== NIL) this.nextarena[prev] = next;
    else this.usableArenas = next;
    this.prevarena[next] = prev;
    const after = this.nextarena[lastnf];
    this.prevarena[ao] = lastnf;
    this.nextarena[ao] = after;
    if (after !== NIL) this.prevarena[after] = ao;
    this.nextarena[lastnf] = ao;
  }

  // ================================================================================================
  // Addressing and misuse checks.
  // ================================================================================================

  /** POOL_ADDR(p) as a pool id, when p lies in a carved pool of a live arena; NIL otherwise. */
  protected carvedPoolAt(address: number): number {
    const frame = poolFrameOf(address);
    const pool = HEADS + frame;
    return frame >= 0 && pool < this.arenaindex.length && this.arenaindex[pool] !== NIL ? pool : NIL;
  }

  /** Index of the block word for offset `bp` in `pool`. */
  protected wordIndex(pool: number, bp: number): number {
    return ((pool - HEADS) << WORDS_SHIFT) + (bp >> ALIGNMENT_SHIFT);
  }

  /** free() of an address in no carved pool: NULL, or a raw block. */
  private freeOutsidePools(address: number): void {
    if (address === 0) return;
    this.freeRaw(address, 'free');
    this.rawAllocatedBlocks--;
  }

  /** PyMem_RawFree of `address`, or a named error saying whose address it is not. */
  private freeRaw(address: number, operation: BadUse): void {
    if (this.raw.free(address, operation)) return;
    // address_in_range(p) with p in no carved pool: CPython would corrupt memory here.
    const reason =
      this.arenaMap.arenaindexAt(address) === NIL
        ? 'neither a pymalloc block nor a raw block'
        : 'inside an arena but not inside a carved pool';
    throw new InvalidFreeError(operation, address, reason);
  }

  /** The block word of the live block at offset `bp`; anything else is misuse. */
  protected checkLive(pool: number, bp: number, operation: BadUse): number {
    const word = this.wordIndex(pool, bp);
    if ((bp & ALIGNMENT_MASK) === 0 && this.blockWord[word] >= LIVE) return word;
    throw this.misuseError(pool, bp, operation);
  }

  /** Why offset `bp` of `pool` is not a live block: a free one (double free) or no block start. */
  private misuseError(pool: number, bp: number, operation: BadUse): Error {
    const address = this.poolAddress[pool] + bp;
    const size = INDEX2SIZE(this.szidx[pool]);
    const isCarvedBlock = bp >= POOL_OVERHEAD && (bp - POOL_OVERHEAD) % size === 0 && bp < this.nextoffset[pool];
    if (isCarvedBlock) return new DoubleFreeError(operation, address);
    return new InvalidFreeError(operation, address, 'not the start of a block');
  }

  /** Pool ids of the carved pools of arena `ao`, in address order. */
  protected carvedPools(ao: number): number[] {
    const pools: number[] = [];
    const arena = this.arenaAddress[ao];
    const first = arena + ((POOL_SIZE - (arena % POOL_SIZE)) % POOL_SIZE);
    for (let address = first; address < this.arenaPoolAddress[ao]; address += POOL_SIZE) {
      pools.push(HEADS + poolFrameOf(address));
    }
    return pools;
  }

  // ================================================================================================
  // Snapshot.
  // ================================================================================================

  snapshot(): PymallocSnapshot {
    const liveBlocks: LiveBlock[] = this.raw.liveBlocks();
    for (let ao = 0; ao < this.maxarenas; ao++)
      if (this.arenaAddress[ao] !== 0)
        for (const pool of this.carvedPools(ao)) this.collectLiveBlocks(pool, liveBlocks);
    liveBlocks.sort((a, b) => a.address - b.address);
    return { ...this.structure(), liveBlocks };
  }

  /**
   * The snapshot without its live blocks: arenas, pools, lists and counters, in time proportional
   * to the pools rather than the blocks (the step-through recorder reads it after every statement).
   */
  structure(): PymallocStructure {
    const arenas: ArenaSnapshot[] = [];
    for (let ao = 0; ao < this.maxarenas; ao++) {
      if (this.arenaAddress[ao] !== 0) arenas.push(this.arenaSnapshot(ao));
    }
    const usedpools: number[][] = [];
    for (let size = 0; size < NB_SMALL_SIZE_CLASSES; size++) {
      usedpools.push(this.walk(this.nextpool[size], this.nextpool, size).map((pool) => this.poolAddress[pool]));
    }
    return {
      maxarenas: this.maxarenas,
      arenas,
      usableArenas: this.walk(this.usableArenas, this.nextarena, NIL),
      usedpools,
      nfp2lasta: Array.from(this.nfp2lasta, (ao) => (ao === NIL ? null : ao)),
      counters: {
        arenasAllocatedTotal: this.ntimesArenaAllocated,
        arenasReclaimed: this.ntimesArenaAllocated - this.narenasCurrentlyAllocated,
        arenasHighwater: this.narenasHighwater,
        arenasAllocatedCurrent: this.narenasCurrentlyAllocated,
        rawAllocatedBlocks: this.rawAllocatedBlocks,
        arenaMapMidNodes: this.arenaMap.midNodes,
        arenaMapBotNodes: this.arenaMap.botNodes,
      },
    };
  }

  private arenaSnapshot(ao: number): ArenaSnapshot {
    const pools = this.carvedPools(ao);
    return {
      arenaindex: ao,
      address: this.arenaAddress[ao],
      poolAddress: this.arenaPoolAddress[ao],
      nfreepools: this.nfreepools[ao],
      ntotalpools: this.ntotalpools[ao],
      pools: pools.map((pool) => this.poolSnapshot(pool)),
      freepools: this.walk(this.freepools[ao], this.nextpool, NIL).map((pool) => this.poolAddress[pool]),
    };
  }

  private poolSnapshot(pool: number): PoolSnapshot {
    const address = this.poolAddress[pool];
    const freeblock: number[] = [];
    // Bounded, so that a corrupted (cyclic) free list in a test double cannot hang the snapshot.
    for (let bp = this.freeblock[pool]; bp !== 0 && freeblock.length <= NUMBLOCKS(0);) {
      freeblock.push(address + bp);
      bp = this.blockWord[this.wordIndex(pool, bp)] & (LIVE - 1);
    }
    return {
      address,
      arenaindex: this.arenaindex[pool],
      szidx: this.szidx[pool],
      count: this.count[pool],
      nextoffset: this.nextoffset[pool],
      maxnextoffset: this.maxnextoffset[pool],
      freeblock,
    };
  }

  private collectLiveBlocks(pool: number, into: LiveBlock[]): void {
    const base = this.wordIndex(pool, 0);
    const end = Math.min(this.nextoffset[pool], POOL_SIZE) >> ALIGNMENT_SHIFT;
    for (let w = POOL_OVERHEAD >> ALIGNMENT_SHIFT; w < end; w++) {
      const word = this.blockWord[base + w];
      if (word >= LIVE)
        into.push({ address: this.poolAddress[pool] + (w << ALIGNMENT_SHIFT), nbytes: word & (LIVE - 1), raw: false });
    }
  }

  /** Follow `links` from `head` until `stop`, at most as many steps as there are entries. */
  private walk(head: number, links: Int32Array, stop: number): number[] {
    const seen: number[] = [];
    for (let id = head; id !== stop && id !== NIL && seen.length < links.length; id = links[id]) seen.push(id);
    return seen;
  }
}
