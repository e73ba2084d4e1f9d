/**
 * The fast-check command that runs one heap operation on a HeapWorld and checks the invariants
 * right after it.
 */
import fc from 'fast-check';
import type { HeapSnapshot } from '../../snapshot';
import { type HeapObserver } from '../../snapshot';
import { checkInvariants, type InvariantName, type OperationView, type Violation } from '../../invariants/heap';
import { type HeapOp, opToString } from './operations';
import { type HeapWorld } from './world';
import { heapOpArb } from './arbitraries';

/** The model side of a run: the previous snapshot, for invariants that compare before and after. */
export interface HeapModel {
  observer: HeapObserver;
  last: HeapSnapshot;
  readonly invariants: readonly InvariantName[];
}

/** Thrown when an operation leaves the heap violating an invariant; names it in the message. */
export class InvariantViolationError extends Error {
  constructor(
    readonly op: HeapOp,
    readonly violations: readonly Violation[],
  ) {
    super(`after \`${opToString(op)}\`: ${violations.map((v) => `[${v.invariant}] ${v.message}`).join('; ')}`);
    this.name = 'InvariantViolationError';
  }
}

function operationView(op: HeapOp): OperationView {
  return op.op === 'collect' ? { kind: 'collect', generation: op.generation } : { kind: 'other', name: op.op };
}

export class HeapCommand implements fc.Command<HeapModel, HeapWorld> {
  constructor(readonly op: HeapOp) {}

  check(): boolean {
    return true;
  }

  run(model: HeapModel, world: HeapWorld): void {
    world.apply(this.op);
    const after = model.observer.snapshot();
    const violations = checkInvariants(after, model.last, operationView(this.op), model.invariants);
    model.last = after;
    if (violations.length > 0) throw new InvariantViolationError(this.op, violations);
  }

  toString(): string {
    return opToString(this.op);
  }
}

/** Sequences of heap commands. */
export function heapCommandsArb(maxCommands = 40): fc.Arbitrary<Iterable<fc.Command<HeapModel, HeapWorld>>> {
  return fc.commands([heapOpArb.map((op) => new HeapCommand(op))], { maxCommands, size: 'max' });
}
