import fc from 'fast-check';
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
