import * as constants from './constants';

// Captured once at load (esbuild's CommonJS imports are getters; mappingSlotOf is on the free path).
const { ARENA_SIZE, SYSTEM_PAGE_SIZE } = constants;

/**
 * The simulated mmap that arenas come from (obmalloc's `_PyObject_Arena.alloc`).
 *
 * Real Linux places anonymous mappings top-down below `mmap_base`, page aligned but with no
 * particular alignment to pymalloc's 16 KiB pools. The model is deterministic:
 *
 *   mapping slot k lives at  MMAP_TOP - (k + 1) * MAPPING_STRIDE,  MAPPING_STRIDE = 1 MiB + 4 KiB
 *
 * so consecutive arenas sit one page apart (as if a small mapping sat between them). Their
 * offsets modulo POOL_SIZE then cycle through 12 KiB, 8 KiB, 4 KiB, 0: three arenas in four
 * lose a pool to alignment (ntotalpools 63) and one in four keeps all 64. That is what
 * CPython 3.11.7 shows on this machine after start-up ("# bytes lost to arena alignment =
 * 49,152" with 4 arenas), and it exercises both branches of new_arena().
 *
 * munmap'ed slots are reused lowest slot first (the highest free address, as Linux's top-down
 * gap search would). Addresses are below 2^47, so they stay exact in a JS number.
 *
 * @public
 */
export const MMAP_TOP = 0x7f00_0000_0000;

/** Distance between consecutive mappings: an arena plus one page. */
export const MAPPING_STRIDE = ARENA_SIZE + SYSTEM_PAGE_SIZE;

/** 1 / POOL_SIZE, exact in binary floating point: POOL_ADDR arithmetic multiplies instead of dividing. */
const INV_POOL_SIZE = 1 / constants.POOL_SIZE;

/**
 * Pool frames: the address space below MMAP_TOP cut into POOL_SIZE frames, numbered downward
 * (frame f spans [MMAP_TOP - (f+1)*POOL_SIZE, MMAP_TOP - f*POOL_SIZE)). MMAP_TOP is pool
 * aligned, so every pool is exactly one frame and POOL_ADDR(p) is the start of p's frame;
 * the simulator keeps pool headers in tables indexed by frame. Negative for addresses above
 * MMAP_TOP.
 */
export function poolFrameOf(address: number): number {
  return Math.floor((MMAP_TOP - 1 - address) * INV_POOL_SIZE);
}

/** Address of mapping slot `slot`. */
export function mappingAddress(slot: number): number {
  return MMAP_TOP - (slot + 1) * MAPPING_STRIDE;
}

/** The mapping slot whose arena covers `address`, or -1 (above MMAP_TOP or in a gap page). */
export function mappingSlotOf(address: number): number {
  const distance = MMAP_TOP - address;
  if (distance <= 0) return -1;
  const slot = Math.ceil(distance / MAPPING_STRIDE) - 1;
  return address - mappingAddress(slot) < ARENA_SIZE ? slot : -1;
}

/** Hands out and takes back 1 MiB arena mappings, deterministically. */
export class ArenaMmap {
  private slotsUsed = 0;
  private readonly unmapped: number[] = [];

  /** mmap(ARENA_SIZE): the address of a fresh arena. */
  map(): number {
    if (this.unmapped.length === 0) return mappingAddress(this.slotsUsed++);
    let lowest = 0;
    for (let i = 1; i < this.unmapped.length; i++) {
      if (this.unmapped[i] < this.unmapped[lowest]) lowest = i;
    }
    const [slot] = this.unmapped.splice(lowest, 1);
    return mappingAddress(slot);
  }

  /** munmap(address, ARENA_SIZE). */
  unmap(address: number): void {
    this.unmapped.push(mappingSlotOf(address));
  }
}
