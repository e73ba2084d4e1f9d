import type { Allocator } from './allocator';
import type { PymallocSnapshot } from './snapshot';

/**
 * tracemalloc's hooks on the allocator (Modules/_tracemalloc.c): while tracing, every block handed
 * out is traced with the size that was *requested* (not its size class), a free forgets the
 * block's trace, and a realloc moves or resizes it. `traced` is the sum of the live traces
 * (tracemalloc_traced_memory) and `peak` its maximum since tracing started or the peak was reset.
 * A block allocated before tracing started has no trace, so freeing it changes nothing.
 *
 * The runtime's allocator is replaced by this one only while tracing (tracemalloc.start() to
 * stop()), so programs that never trace pay nothing for it.
 *
 * @public
 */
export class TracedAllocator implements Allocator {
  /** The live traced blocks: address to requested bytes (tracemalloc_traces). */
  private readonly traces = new Map<number, number>();
  /** Where each live traced block was allocated: address to the location `locate` gave (its traceback). */
  private readonly where = new Map<number, number>();
  private tracedBytes = 0;
  private peakBytes = 0;
  /** What happened since the peak was last reset that the simulator does not allocate byte for byte. */
  private unmodelled: string | null = null;

  /**
   * @param locate where an allocation happens now, as a number the caller interprets (traceback_new:
   * tracemalloc's default traceback is the innermost Python frame's file and line); kept with each
   * trace for snapshots. Called once per traced allocation, so it must be cheap.
   */
  constructor(
    readonly inner: Allocator,
    private readonly locate: () => number = () => 0,
  ) {}

  /**
   * _tracemalloc._get_traces' copy of the trace table: each live traced block's requested size and
   * location, in the order the blocks were traced.
   */
  copyTraces(): { sizes: number[]; locations: number[] } {
    const sizes: number[] = [];
    const locations: number[] = [];
    for (const [address, nbytes] of this.traces) {
      sizes.push(nbytes);
      locations.push(this.where.get(address) ?? 0);
    }
    return { sizes, locations };
  }

  /** tracemalloc_traced_memory: the bytes of every live traced block. */
  get traced(): number {
    return this.tracedBytes;
  }

  /** tracemalloc_peak_traced_memory: the most `traced` has been since the last reset. */
  get peak(): number {
    return this.peakBytes;
  }

  /** tracemalloc_alloc: allocate, then trace the block with the requested size. */
  malloc(nbytes: number): number {
    const address = this.inner.malloc(nbytes);
    this.addTrace(address, nbytes);
    return address;
  }

  /** tracemalloc_free: forget the block's trace (if it has one), then free it. */
  free(address: number): void {
    if (address === 0) return;
    this.removeTrace(address);
    this.inner.free(address);
  }

  /**
   * tracemalloc_realloc: a block that moved loses its old trace; the block where the data now
   * lives is traced with the new size, whether or not the old one was traced.
   */
  realloc(address: number, nbytes: number): number {
    const moved = this.inner.realloc(address, nbytes);
    if (address !== 0 && moved !== address) this.removeTrace(address);
    this.addTrace(moved, nbytes);
    return moved;
  }

  snapshot(): PymallocSnapshot {
    return this.inner.snapshot();
  }

  /**
   * Why the peak may differ from CPython's (null when it is exact): something ran since the peak
   * was last reset whose passing allocations the simulator does not make byte for byte.
   */
  get peakCaveat(): string | null {
    return this.unmodelled;
  }

  /** Note that `what` runs now, whose passing allocations CPython makes and the simulator does not model. */
  unmodelledAllocations(what: string): void {
    this.unmodelled ??= what;
  }

  /** tracemalloc_clear_traces: forget every trace; current and peak go back to zero. */
  clearTraces(): void {
    this.traces.clear();
    this.where.clear();
    this.tracedBytes = 0;
    this.resetPeak();
  }

  /** _tracemalloc.reset_peak: the peak starts again from what is traced now. */
  resetPeak(): void {
    this.peakBytes = this.tracedBytes;
    this.unmodelled = null;
  }

  /** ADD_TRACE: a block already traced at `address` is updated (size and traceback), not counted twice. */
  private addTrace(address: number, nbytes: number): void {
    this.tracedBytes += nbytes - (this.traces.get(address) ?? 0);
    this.traces.set(address, nbytes);
    this.where.set(address, this.locate());
    if (this.tracedBytes > this.peakBytes) this.peakBytes = this.tracedBytes;
  }

  /** REMOVE_TRACE */
  private removeTrace(address: number): void {
    const nbytes = this.traces.get(address);
    if (nbytes === undefined) return;
    this.traces.delete(address);
    this.where.delete(address);
    this.tracedBytes -= nbytes;
  }
}
