import type { ArenaMmap } from './arena-mmap';
import { ARENA_BITS, ARENA_SIZE } from './constants';

const NIL = -1;

/** 64-bit, IGNORE_BITS 0: 15 top bits, 15 mid bits, 14 bottom bits, 20 arena bits. */
const MAP_MID_SHIFT = 14 + ARENA_BITS;
const MAP_TOP_SHIFT = 15 + MAP_MID_SHIFT;

/**
 * obmalloc's arena map: answers address_in_range(p) — "is p inside an arena pymalloc owns,
 * and which one?" — which is how PyObject_Free tells pooled blocks from raw ones.
 *
 * CPython uses a three-level radix tree keyed by the high bits of the address. The simulator
 * answers the same question in O(1) from the deterministic mmap layout (arenaMmap.ts), and
 * only counts the radix-tree nodes CPython would have created (they are never freed), since
 * `sys._debugmallocstats()` reports them.
 *
 * @internal
 */
export class ArenaMap {
  private slotArena = new Int32Array(16).fill(NIL);
  private readonly midKeys = new Set<number>();
  private readonly botKeys = new Set<number>();

  constructor(private readonly mmap: ArenaMmap) {}

  /** arena_map_mark_used(base, 1): `base` now belongs to arena object `arenaindex`. */
  markUsed(base: number, arenaindex: number): void {
    const slot = this.mmap.slotOf(base);
    if (slot >= this.slotArena.length) {
      const grown = new Int32Array(Math.max(slot + 1, this.slotArena.length * 2)).fill(NIL);
      grown.set(this.slotArena);
      this.slotArena = grown;
    }
    this.slotArena[slot] = arenaindex;
    this.touchNodes(base);
    // A base that is not arena-size aligned straddles two ideal arenas, so two leaves.
    if (base % ARENA_SIZE !== 0) this.touchNodes(base + ARENA_SIZE);
  }

  /** arena_map_mark_used(base, 0). */
  markUnused(base: number): void {
    this.slotArena[this.mmap.slotOf(base)] = NIL;
  }

  /** address_in_range: the arenaindex covering `address`, or -1 when pymalloc does not own it. */
  arenaindexAt(address: number): number {
    const slot = this.mmap.slotOf(address);
    return slot < 0 || slot >= this.slotArena.length ? NIL : this.slotArena[slot];
  }

  /** `arena_map_mid_count`. */
  get midNodes(): number {
    return this.midKeys.size;
  }

  /** `arena_map_bot_count`. */
  get botNodes(): number {
    return this.botKeys.size;
  }

  private touchNodes(address: number): void {
    this.midKeys.add(Math.floor(address / 2 ** MAP_TOP_SHIFT));
    this.botKeys.add(Math.floor(address / 2 ** MAP_MID_SHIFT));
  }
}
