import type { Allocator } from './allocator';
import { isSmallRequest } from './constants';
import type { LiveBlock, PymallocSnapshot } from './snapshot';

/**
 * The client's side of the snapshot: which blocks it holds and what it asked for, built only
 * from the requests it made. Graders wrap a student's allocator with `observeAllocator` so
 * that the invariants check the allocator's structure against what its client really holds,
 * not against the allocator's own (possibly wrong) records.
 *
 * A block is raw when the request that produced it went to the raw allocator under CPython's
 * rules: malloc of 0 or > 512 bytes, realloc to such a size, or realloc of a raw block (a raw
 * block is never taken over by pymalloc).
 *
 * @public
 */
export class LiveBlockLedger {
  /** Address → blocks recorded there (more than one only when an allocator hands out an address twice). */
  private readonly byAddress = new Map<number, LiveBlock[]>();

  record(address: number, nbytes: number, raw: boolean): void {
    const blocks = this.byAddress.get(address);
    const block: LiveBlock = { address, nbytes, raw };
    if (blocks === undefined) this.byAddress.set(address, [block]);
    else blocks.push(block);
  }

  /** Forget one block at `address`; returns it, or undefined when none was recorded. */
  release(address: number): LiveBlock | undefined {
    const blocks = this.byAddress.get(address);
    const block = blocks?.pop();
    if (blocks?.length === 0) this.byAddress.delete(address);
    return block;
  }

  /** Live blocks in ascending address order. */
  blocks(): LiveBlock[] {
    const blocks: LiveBlock[] = [];
    for (const at of this.byAddress.values()) for (const block of at) blocks.push(block);
    return blocks.sort((a, b) => a.address - b.address);
  }
}

/** An allocator whose snapshot's live blocks come from the requests made through it. */
export class ObservedAllocator implements Allocator {
  readonly ledger = new LiveBlockLedger();

  constructor(readonly inner: Allocator) {}

  malloc(nbytes: number): number {
    const address = this.inner.malloc(nbytes);
    this.ledger.record(address, nbytes, !isSmallRequest(nbytes));
    return address;
  }

  free(address: number): void {
    this.inner.free(address);
    if (address !== 0) this.ledger.release(address);
  }

  realloc(address: number, nbytes: number): number {
    const moved = this.inner.realloc(address, nbytes);
    const old = address === 0 ? undefined : this.ledger.release(address);
    this.ledger.record(moved, nbytes, (old?.raw ?? false) || !isSmallRequest(nbytes));
    return moved;
  }

  snapshot(): PymallocSnapshot {
    return { ...this.inner.snapshot(), liveBlocks: this.ledger.blocks() };
  }
}

/** Wrap `allocator` so that its snapshots report the live blocks its client actually holds. */
export function observeAllocator(allocator: Allocator): ObservedAllocator {
  return new ObservedAllocator(allocator);
}
