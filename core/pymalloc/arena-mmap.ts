import * as constants from './constants';

// Captured once at load (esbuild's CommonJS imports are getters; these are on the free path).
const { ARENA_SIZE, POOL_SIZE, SYSTEM_PAGE_SIZE } = constants;

/**
 * The simulated mmap that arenas come from (obmalloc's `_PyObject_Arena.alloc`).
 *
 * Linux places anonymous mappings top-down, page aligned but with no particular alignment to
 * pymalloc's 16 KiB pools; mappings made back to back are adjacent, so they share one
 * misalignment. Observed on CPython 3.11.7 here: bulk allocations fill runs of arenas of 63
 * pools each, one pool lost to alignment per arena.
 *
 * The model is deterministic. Mapping slot k lives at
 *
 *   FIRST_MAPPING - k * stride,   FIRST_MAPPING = MMAP_TOP - 4 KiB - 1 MiB,   stride = 1 MiB + gap pages
 *
 * With no gap (the default) every arena is 12 KiB past a pool boundary and has 63 pools. With a
 * one-page gap the offsets cycle through 12, 8, 4 and 0 KiB, so one arena in four is pool
 * aligned and keeps 64 pools, which exercises both branches of new_arena().
 *
 * munmap'ed slots are reused lowest slot first (the highest free address, as Linux's top-down
 * gap search would). Addresses stay below 2^47, exact in a JS number.
 *
 * @public
 */
export const MMAP_TOP = 0x7f00_0000_0000;
const FIRST_MAPPING = MMAP_TOP - SYSTEM_PAGE_SIZE - ARENA_SIZE;

/** 1 / POOL_SIZE, exact in binary floating point: POOL_ADDR arithmetic multiplies instead of dividing. */
const INV_POOL_SIZE = 1 / POOL_SIZE;

/**
 * Pool frames: the address space below MMAP_TOP cut into POOL_SIZE frames, numbered downward
 * (frame f spans [MMAP_TOP - (f+1)*POOL_SIZE, MMAP_TOP - f*POOL_SIZE)). MMAP_TOP is pool
 * aligned, so every pool is exactly one frame and POOL_ADDR(p) is the start of p's frame;
 * the simulator keeps pool headers in tables indexed by frame. Negative above MMAP_TOP.
 */
export function poolFrameOf(address: number): number {
  return Math.floor((MMAP_TOP - 1 - address) * INV_POOL_SIZE);
}

export interface ArenaMmapOptions {
  /** Unmapped pages between consecutive arenas: 0 (default) maps them back to back. */
  readonly gapPages?: number;
}

/** Hands out and takes back 1 MiB arena mappings, deterministically. */
export class ArenaMmap {
  /** Distance between consecutive mapping slots. */
  readonly stride: number;
  private slotsUsed = 0;
  private readonly unmapped: number[] = [];

  constructor(options: ArenaMmapOptions = {}) {
    this.stride = ARENA_SIZE + (options.gapPages ?? 0) * SYSTEM_PAGE_SIZE;
  }

  /** mmap(ARENA_SIZE): the address of a fresh arena. */
  map(): number {
    if (this.unmapped.length === 0) return this.slotAddress(this.slotsUsed++);
    const lowest = Math.min(...this.unmapped);
    this.unmapped.splice(this.unmapped.indexOf(lowest), 1);
    return this.slotAddress(lowest);
  }

  /** munmap(address, ARENA_SIZE). */
  unmap(address: number): void {
    this.unmapped.push(this.slotOf(address));
  }

  /** Address of mapping slot `slot`. */
  slotAddress(slot: number): number {
    return FIRST_MAPPING - slot * this.stride;
  }

  /** The mapping slot whose arena covers `address`, or -1 (outside every slot, or in a gap). */
  slotOf(address: number): number {
    const slot = Math.ceil((FIRST_MAPPING - address) / this.stride);
    if (slot < 0) return -1;
    const offset = address - this.slotAddress(slot);
    return offset >= 0 && offset < ARENA_SIZE ? slot : -1;
  }
}
