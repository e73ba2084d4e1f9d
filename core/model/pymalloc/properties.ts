import fc from 'fast-check';
import type { Allocator } from '../../pymalloc/allocator';
import { INVARIANT_NAMES, checkInvariants, type InvariantName, type Violation } from '../../pymalloc/invariants';
import { observeAllocator } from '../../pymalloc/live-block-ledger';
import { Pymalloc } from '../../pymalloc/pymalloc';
import type { PymallocStructure } from '../../pymalloc/snapshot';
import { traceCommands, type TraceConstraints } from './arbitraries';
import { TraceRunner, emptyModel, type TraceCommand } from './commands';

/**
 * Properties over generated traces. Each builds a fresh allocator per run and checks after
 * every step; a failure throws an error carrying the violations and the trace log, which
 * fast-check shrinks to a minimal command list.
 */

const tail = (log: readonly string[]): string => log.slice(-12).join('\n  ');

/** The allocator's own live-block records disagree with what its client holds. */
export class LedgerMismatchError extends Error {
  constructor(readonly log: readonly string[]) {
    super(`the allocator's own liveBlocks differ from its client's\nafter:\n  ${tail(log)}`);
    this.name = 'LedgerMismatchError';
  }
}

/** Invariants broken after a step. */
export class InvariantViolationError extends Error {
  constructor(
    readonly violations: readonly Violation[],
    readonly log: readonly string[],
  ) {
    const names = [...new Set(violations.map((v) => v.invariant))].join(', ');
    const details = violations
      .slice(0, 5)
      .map((v) => `  [${v.invariant}] ${v.message}`)
      .join('\n');
    super(`invariant(s) violated: ${names}\n${details}\nafter:\n  ${tail(log)}`);
    this.name = 'InvariantViolationError';
  }
}

/** A candidate allocator behaved differently from the reference. */
export class DivergenceError extends Error {
  constructor(
    readonly what: string,
    readonly log: readonly string[],
  ) {
    super(`differs from the reference: ${what}\nafter:\n  ${tail(log)}`);
    this.name = 'DivergenceError';
  }
}

export interface PropertyOptions {
  /** A fresh allocator under test. */
  readonly make: () => Allocator;
  readonly trace?: TraceConstraints;
}

function traceProperty(
  trace: TraceConstraints | undefined,
  setup: () => TraceRunner,
): fc.IProperty<[Iterable<TraceCommand>]> {
  return fc.property(traceCommands(trace), (commands) => {
    fc.modelRun(() => ({ model: emptyModel(), real: setup() }), commands);
  });
}

/** After every step, the named invariants (default: all) hold for the allocator and the blocks its client holds. */
export function invariantsHold(
  options: PropertyOptions & { readonly invariants?: readonly InvariantName[] },
): fc.IProperty<[Iterable<TraceCommand>]> {
  const names = options.invariants ?? INVARIANT_NAMES;
  return traceProperty(options.trace, () => {
    const allocator = observeAllocator(options.make());
    return new TraceRunner(allocator, (runner) => {
      const violations = checkInvariants(allocator.snapshot(), names);
      if (violations.length > 0) throw new InvariantViolationError(violations, runner.log);
    });
  });
}

/** After every step, the allocator's own snapshot lists exactly the blocks its client holds, with their sizes. */
export function liveBlocksMatchLedger(options: PropertyOptions): fc.IProperty<[Iterable<TraceCommand>]> {
  return traceProperty(options.trace, () => {
    const observed = observeAllocator(options.make());
    return new TraceRunner(observed, (runner) => {
      const own = JSON.stringify(observed.inner.snapshot().liveBlocks);
      if (own !== JSON.stringify(observed.ledger.blocks())) throw new LedgerMismatchError(runner.log);
    });
  });
}

const structureOf = (allocator: Allocator): string => {
  const { liveBlocks: _, ...structure } = allocator.snapshot();
  return JSON.stringify(structure satisfies PymallocStructure);
};

/**
 * Runs a candidate and the reference in lockstep: every call must return the same address
 * (so both see the same addresses from then on).
 */
function lockstep(candidate: Allocator, reference: Allocator, log: () => readonly string[]): Allocator {
  const same = (what: string, got: number, want: number): number => {
    if (got !== want)
      throw new DivergenceError(`${what} returned 0x${got.toString(16)}, the reference 0x${want.toString(16)}`, log());
    return got;
  };
  return {
    malloc: (nbytes) => same(`malloc(${nbytes})`, candidate.malloc(nbytes), reference.malloc(nbytes)),
    free: (address) => {
      candidate.free(address);
      reference.free(address);
    },
    realloc: (address, nbytes) =>
      same(`realloc(.., ${nbytes})`, candidate.realloc(address, nbytes), reference.realloc(address, nbytes)),
    snapshot: () => candidate.snapshot(),
  };
}

/** The candidate is indistinguishable from the reference Pymalloc: same addresses, same structure after every step. */
export function sameAsReference(options: PropertyOptions): fc.IProperty<[Iterable<TraceCommand>]> {
  return traceProperty(options.trace, () => {
    const candidate = options.make();
    const reference = new Pymalloc();
    const runner: TraceRunner = new TraceRunner(
      lockstep(candidate, reference, () => runner.log),
      () => {
        if (structureOf(candidate) !== structureOf(reference))
          throw new DivergenceError('the arena/pool structure', runner.log);
      },
    );
    return runner;
  });
}
