import * as constants from './constants';
import { DoubleFreeError, InvalidFreeError } from './errors';
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
 * Blocks are recorded in allocation order, which is address order, so a free finds its block
 * by binary search in typed arrays (no per-block objects).
 *
 * @public
 */
export const RAW_HEAP_BASE = 0x5555_5555_0000;

const CHUNK_HEADER = 16;
const FREED = -1;

export class RawMalloc {
  private top = RAW_HEAP_BASE;
  private length = 0;
  /** Block addresses, ascending. */
  private addresses = new Float64Array(64);
  /** Requested nbytes while live, FREED afterwards. */
  private nbytes = new Float64Array(64);

  /** malloc(nbytes); malloc(0) returns a unique non-NULL block, as glibc does. */
  malloc(nbytes: number): number {
    const address = this.top + CHUNK_HEADER;
    this.top = address + Math.ceil(Math.max(nbytes, 1) / ALIGNMENT) * ALIGNMENT;
    if (this.length === this.addresses.length) this.grow();
    this.addresses[this.length] = address;
    this.nbytes[this.length++] = nbytes;
    return address;
  }

  /** free(address); refuses addresses it never returned and blocks already freed. */
  free(address: number, operation: 'free' | 'realloc' = 'free'): void {
    const i = this.indexOf(address);
    if (i < 0) throw new InvalidFreeError(operation, address, 'neither a pymalloc block nor a raw block');
    if (this.nbytes[i] === FREED) throw new DoubleFreeError(operation, address);
    this.nbytes[i] = FREED;
  }

  /** realloc(address, nbytes): a new block; the old one is freed. */
  realloc(address: number, nbytes: number): number {
    this.free(address, 'realloc');
    return this.malloc(nbytes);
  }

  /** Live raw blocks, for the snapshot. */
  liveBlocks(): LiveBlock[] {
    const live: LiveBlock[] = [];
    for (let i = 0; i < this.length; i++) {
      if (this.nbytes[i] !== FREED) live.push({ address: this.addresses[i], nbytes: this.nbytes[i], raw: true });
    }
    return live;
  }

  private indexOf(address: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.addresses[mid];
      if (at === address) return mid;
      if (at < address) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private grow(): void {
    const addresses = new Float64Array(this.addresses.length * 2);
    const nbytes = new Float64Array(this.nbytes.length * 2);
    addresses.set(this.addresses);
    nbytes.set(this.nbytes);
    this.addresses = addresses;
    this.nbytes = nbytes;
  }
}
