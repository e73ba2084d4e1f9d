/**
 * Heap-operation checks, shared by the exercises whose component runs inside a runtime
 * (reference counting, deallocation, the collector's stages): observe a sequence of `HeapOp`s on
 * a runtime built with the student's component, then judge each step with the named invariants and
 * against the reference runtime's record of the same operations.
 */
import fc from 'fast-check';
import type { RuntimeOptions } from '../core/runtime';
import type { Components } from '../core/components';
import { heapOpArb } from '../core/model/heap/arbitraries';
import { HeapWorld } from '../core/model/heap/world';
import { opToString, type HeapOp } from '../core/model/heap/operations';
import { HeapObserver, type HeapSnapshot } from '../core/snapshot';
import { checkInvariants, type InvariantName, type OperationView, type Violation } from '../core/invariants/heap';
import { heapText } from './heap-text';
import { anyCheck, type ExerciseCheck, type Mismatch } from './types';
import type { LoadedStudent } from './sandbox';
import { errorText } from './student-exports';

/** What one operation did, seen from outside the component. */
export interface HeapStep {
  /** In order: `free #id`, `__del__ #id`, `clear #id`, `callback #id`, `collect(g) -> m, n`. */
  readonly events: readonly string[];
  readonly heap: HeapSnapshot;
}

/** The observation of a run: the heap after each step, or the step at which the code threw. */
export interface HeapRun {
  /** Ids below this belong to the interpreter (classes, module, strings), not to the operations. */
  readonly firstId: number;
  readonly steps: readonly HeapStep[];
  readonly error: { readonly step: number; readonly message: string } | null;
}

/** Run `ops` on a runtime built with `options`, recording events and a snapshot after each. */
export function observeHeapOps(options: RuntimeOptions, ops: readonly HeapOp[]): HeapRun {
  const world = new HeapWorld(options);
  const observer = new HeapObserver(world.rt);
  observer.snapshot();
  const firstId = world.rt.peekNextId();
  let events: string[] = [];
  world.rt.listeners.push((e) => {
    if (e.kind === 'dealloc') events.push(`free #${e.id}`);
    else if (e.kind === 'finalize') events.push(`__del__ #${e.id}`);
    else if (e.kind === 'clear') events.push(`clear #${e.id}`);
    else if (e.kind === 'weakref-callback') events.push(`callback #${e.id}`);
    else if (e.kind === 'collect') events.push(`collect(${e.generation}) -> ${e.collected}, ${e.uncollectable}`);
  });
  const steps: HeapStep[] = [];
  for (let i = 0; i < ops.length; i++) {
    try {
      world.apply(ops[i]);
    } catch (error) {
      return { firstId, steps, error: { step: i + 1, message: errorText(error) } };
    }
    steps.push({ events, heap: observer.snapshot() });
    events = [];
  }
  return { firstId, steps, error: null };
}

function operationView(op: HeapOp): OperationView {
  return op.op === 'collect' ? { kind: 'collect', generation: op.generation } : { kind: 'other', name: op.op };
}

/** The numbered steps of a counterexample. */
export function describeHeapOps(ops: readonly HeapOp[]): string[] {
  return ops.map(opToString);
}

/** The first few violations, one a line, and how many more there are. */
function violationsText(violations: readonly Violation[]): string {
  const shown = violations.slice(0, MAX_VIOLATIONS_SHOWN).map((v) => `[${v.invariant}] ${v.message}`);
  const more = violations.length - shown.length;
  return [...shown, ...(more > 0 ? [`... and ${more} more`] : [])].join('\n');
}

const MAX_VIOLATIONS_SHOWN = 5;

const list = (events: readonly string[]): string => (events.length === 0 ? '(nothing)' : events.join(', '));

/**
 * Judge a run, step by step: the first step where the code threw, an invariant broke, or (when
 * `compareEvents`) what was freed, finalized, cleared or called back differs from the reference.
 */
export function judgeHeapRun(
  ops: readonly HeapOp[],
  observed: HeapRun,
  expected: HeapRun,
  invariants: readonly InvariantName[],
  compareEvents: boolean,
): Mismatch | null {
  let before: HeapSnapshot | null = null;
  for (let i = 0; i < ops.length; i++) {
    const want = expected.steps[i];
    if (observed.error !== null && observed.error.step === i + 1) {
      return {
        step: i + 1,
        message: 'your code threw an error',
        expected: want === undefined ? 'no error' : `no error; ${list(want.events)}`,
        observed: observed.error.message,
        heap: before === null ? undefined : heapText(before, observed.firstId),
      };
    }
    const got = observed.steps[i];
    if (got === undefined || want === undefined) return null;
    const violations = checkInvariants(got.heap, before, operationView(ops[i]), invariants);
    if (violations.length > 0) {
      return {
        step: i + 1,
        message: `invariant ${violations[0].invariant} broken`,
        expected: `${violations[0].invariant} holds`,
        observed: violationsText(violations),
        heap: heapText(got.heap, observed.firstId),
      };
    }
    if (compareEvents && list(got.events) !== list(want.events)) {
      return {
        step: i + 1,
        message: 'what this step freed, finalized, cleared or called back differs from CPython (the reference)',
        expected: list(want.events),
        observed: list(got.events),
        heap: heapText(got.heap, observed.firstId),
      };
    }
    before = got.heap;
  }
  return null;
}

/** How one heap-operation check is set up. */
export interface HeapCheckSpec {
  readonly name: string;
  /** The longest operation sequence generated. */
  readonly maxOps: number;
  readonly numRuns: number;
  /** The invariants judged after every step. */
  readonly invariants: readonly InvariantName[];
  /** Also compare each step's frees, finalizers, clears and callbacks with the reference. */
  readonly compareEvents: boolean;
  /** The student's component(s) to build the runtime with. */
  readonly components: (student: LoadedStudent) => Partial<Components>;
}

/** A check over random heap operations, with the student's components in the runtime. */
export function heapOpsCheck(spec: HeapCheckSpec): ExerciseCheck {
  return anyCheck({
    name: spec.name,
    arbitrary: fc.array(heapOpArb, { minLength: 1, maxLength: spec.maxOps }),
    numRuns: spec.numRuns,
    observe: (student, ops: HeapOp[]) => observeHeapOps({ components: spec.components(student) }, ops),
    expect: (ops: HeapOp[]) => observeHeapOps({}, ops),
    judge: (ops: HeapOp[], observed: HeapRun, expected: HeapRun) =>
      judgeHeapRun(ops, observed, expected, spec.invariants, spec.compareEvents),
    describe: describeHeapOps,
  });
}
