import * as constants from './constants';
import { DoubleFreeError } from './errors';
import type { LiveBlock } from './snapshot';

const { ALIGNMENT } = constants;

/**
 * The raw allocator (PyMem_RawMalloc, i.e. the C library's malloc) that PyObject_Malloc falls
 * back to for 0-byte and > 512-byte requests.
 *
 * Modelled as a bump allocator in its own region (where glibc's brk heap would be), far below
 * the arenas so the two never meet: each block gets a 16-byte chunk header, like glibc's
 * malloc_chunk, and 16-byte alignment. Addresses are never reused, which keeps them unique
 * and deterministic and lets a second free of the same address be reported as a double free.
 * realloc always moves the block.
 *
 * Live blocks sit in a small open-addressing hash table of typed arrays, keyed by address
 * (Fibonacci hashing: block addresses are evenly spaced, so their low bits alone would cluster). Every block start ever
 * handed out is also kept, in address order (bump allocation appends in order), so that a
 * bad free can be told apart from a double free.
 *
 * @public
 */
export const RAW_HEAP_BASE = 0x5555_5555_0000;

const CHUNK_HEADER = 16;
const EMPTY = 0;

export class RawMalloc {
  private top = RAW_HEAP_BASE;
  /** Live blocks: a linear-probing table of addresses (EMPTY = free slot) and their nbytes. */
  private addresses = new Float64Array(256);
  private nbytes = new Float64Array(256);
  private nlive = 0;
  /** 32 - log2(table size): home() keeps the top bits of the hash. */
  private shift = 32 - 8;
  /** Every block start handed out, ascending. */
  private starts = new Float64Array(256);
  private nstarts = 0;

  /** malloc(nbytes); malloc(0) returns a unique non-NULL block, as glibc does. */
  malloc(nbytes: number): number {
    const address = this.top + CHUNK_HEADER;
    this.top = address + Math.ceil(Math.max(nbytes, 1) / ALIGNMENT) * ALIGNMENT;
    if (2 * ++this.nlive > this.addresses.length) this.rehash(this.addresses.length * 2);
    const slot = this.slotOf(address);
    this.addresses[slot] = address;
    this.nbytes[slot] = nbytes;
    if (this.nstarts === this.starts.length) {
      const grown = new Float64Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.nstarts++] = address;
    return address;
  }

  /**
   * free(address): false when the raw allocator never returned `address` (the caller decides
   * whose misuse it is); throws DoubleFreeError for a block already freed.
   */
  free(address: number, operation: 'free' | 'realloc' = 'free'): boolean {
    const slot = this.slotOf(address);
    if (this.addresses[slot] === EMPTY) {
      if (this.wasHandedOut(address)) throw new DoubleFreeError(operation, address);
      return false;
    }
    this.removeSlot(slot);
    this.nlive--;
    return true;
  }

  /** Live raw blocks, in address order. */
  liveBlocks(): LiveBlock[] {
    const blocks: LiveBlock[] = [];
    for (let slot = 0; slot < this.addresses.length; slot++) {
      const address = this.addresses[slot];
      if (address !== EMPTY) blocks.push({ address, nbytes: this.nbytes[slot], raw: true });
    }
    return blocks.sort((a, b) => a.address - b.address);
  }

  /** Home slot of an address: the top bits of its granule number times 2^32 / golden ratio. */
  private home(address: number): number {
    return Math.imul((address / ALIGNMENT) | 0, 0x9e3779b1) >>> this.shift;
  }

  /** The slot holding `address`, or the EMPTY slot where it would go. */
  private slotOf(address: number): number {
    const mask = this.addresses.length - 1;
    let slot = this.home(address);
    while (this.addresses[slot] !== address && this.addresses[slot] !== EMPTY) slot = (slot + 1) & mask;
    return slot;
  }

  /** Backward-shift deletion: pull later entries of the probe run into the hole, so lookups never stop early. */
  private removeSlot(hole: number): void {
    const mask = this.addresses.length - 1;
    for (let next = (hole + 1) & mask; this.addresses[next] !== EMPTY; next = (next + 1) & mask) {
      const home = this.home(this.addresses[next]);
      // The entry at `next` may move into the hole only if its home is not cyclically in (hole, next].
      const staysPut = hole <= next ? hole < home && home <= next : hole < home || home <= next;
      if (staysPut) continue;
      this.addresses[hole] = this.addresses[next];
      this.nbytes[hole] = this.nbytes[next];
      hole = next;
    }
    this.addresses[hole] = EMPTY;
  }

  private rehash(capacity: number): void {
    const addresses = this.addresses;
    const nbytes = this.nbytes;
    this.addresses = new Float64Array(capacity);
    this.nbytes = new Float64Array(capacity);
    this.shift = 32 - Math.log2(capacity);
    for (let old = 0; old < addresses.length; old++) {
      if (addresses[old] === EMPTY) continue;
      const slot = this.slotOf(addresses[old]);
      this.addresses[slot] = addresses[old];
      this.nbytes[slot] = nbytes[old];
    }
  }

  private wasHandedOut(address: number): boolean {
    let lo = 0;
    let hi = this.nstarts - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] === address) return true;
      if (this.starts[mid] < address) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}
