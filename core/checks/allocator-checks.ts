/**
 * The allocator check: malloc-lab-like traces as plain data, observed from outside the allocator
 * (the addresses it hands out, and its structure next to the blocks its client really holds), then
 * judged by pymalloc's named invariants and by a comparison with the reference Pymalloc.
 */
import fc from 'fast-check';
import type { Allocator } from '../pymalloc/allocator';
import { Pymalloc } from '../pymalloc/pymalloc';
import { observeAllocator } from '../pymalloc/live-block-ledger';
import { checkInvariants } from '../pymalloc/invariants';
import type { PymallocSnapshot } from '../pymalloc/snapshot';
import { largeRequestSize, requestSize } from '../model/pymalloc/arbitraries';
import type { Check, CheckComponents, Verdict } from './check';
import { CheckTimeoutError, type Deadline } from './deadline';
import type { StepFault } from './heap-observe';

/** One step of a trace; a handle names a live block by index modulo the live set. */
export type AllocOp =
  | { readonly op: 'malloc'; readonly nbytes: number }
  | { readonly op: 'free'; readonly handle: number }
  | { readonly op: 'realloc'; readonly handle: number; readonly nbytes: number }
  | { readonly op: 'mallocMany'; readonly count: number; readonly nbytes: number }
  | { readonly op: 'freeMany'; readonly start: number; readonly count: number; readonly stride: number };

export function allocOpToString(op: AllocOp): string {
  switch (op.op) {
    case 'malloc':
      return `malloc(${op.nbytes})`;
    case 'free':
      return `free(live[${op.handle} % n])`;
    case 'realloc':
      return `realloc(live[${op.handle} % n], ${op.nbytes})`;
    case 'mallocMany':
      return `mallocMany(${op.count}, ${op.nbytes})`;
    case 'freeMany':
      return `freeMany(live[${op.start} % n], ${op.count}, stride ${op.stride})`;
  }
}

export interface AllocStep {
  /** Each call made, with the address it returned: `malloc(24) -> 0x...`. */
  readonly calls: readonly string[];
  /** The allocator's structure and the client's live blocks after the step. */
  readonly allocator: PymallocSnapshot;
}

export interface AllocObservation {
  readonly steps: readonly AllocStep[];
  readonly fault: StepFault | null;
}

const hex = (address: number): string => `0x${address.toString(16)}`;

/** Carry out one step on `allocator`, keeping the client's live addresses; returns the calls made. */
function applyAllocOp(allocator: Allocator, live: number[], op: AllocOp, deadline: Deadline): string[] {
  const calls: string[] = [];
  const malloc = (nbytes: number): void => {
    deadline.tick();
    const address = allocator.malloc(nbytes);
    live.push(address);
    calls.push(`malloc(${nbytes}) -> ${hex(address)}`);
  };
  const free = (index: number): void => {
    deadline.tick();
    const [address] = live.splice(index, 1);
    allocator.free(address);
    calls.push(`free(${hex(address)})`);
  };
  switch (op.op) {
    case 'malloc':
      malloc(op.nbytes);
      break;
    case 'free':
      if (live.length > 0) free(op.handle % live.length);
      break;
    case 'realloc':
      if (live.length > 0) {
        const index = op.handle % live.length;
        const moved = allocator.realloc(live[index], op.nbytes);
        calls.push(`realloc(${hex(live[index])}, ${op.nbytes}) -> ${hex(moved)}`);
        live[index] = moved;
      }
      break;
    case 'mallocMany':
      for (let i = 0; i < op.count; i++) malloc(op.nbytes);
      break;
    case 'freeMany': {
      if (live.length === 0) break;
      const indices: number[] = [];
      for (let i = op.start % live.length; i < live.length && indices.length < op.count; i += op.stride)
        indices.push(i);
      for (const index of indices.reverse()) free(index);
      break;
    }
  }
  return calls;
}

/** Run a trace on the allocator under test (the reference Pymalloc when none is given). */
export function observeAllocatorTrace(
  components: CheckComponents,
  ops: readonly AllocOp[],
  deadline: Deadline,
): AllocObservation {
  const steps: AllocStep[] = [];
  let allocator;
  try {
    allocator = observeAllocator(components.allocator?.() ?? new Pymalloc());
  } catch (error) {
    return { steps, fault: allocFault(error, null) };
  }
  const live: number[] = [];
  for (let i = 0; i < ops.length; i++) {
    try {
      deadline.check();
      const calls = applyAllocOp(allocator, live, ops[i], deadline);
      steps.push({ calls, allocator: allocator.snapshot() });
    } catch (error) {
      return { steps, fault: allocFault(error, i) };
    }
  }
  return { steps, fault: null };
}

function allocFault(error: unknown, step: number | null): StepFault {
  if (error instanceof CheckTimeoutError) return { kind: 'timeout', step, message: error.message };
  return { kind: 'crash', step, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

/** The parts of the structure compared with the reference, in order, each by a stable name. */
const STRUCTURE_PARTS = {
  'usable-arenas': (s: PymallocSnapshot) => s.usableArenas,
  usedpools: (s: PymallocSnapshot) => s.usedpools,
  arenas: (s: PymallocSnapshot) => s.arenas,
  nfp2lasta: (s: PymallocSnapshot) => s.nfp2lasta,
  counters: (s: PymallocSnapshot) => s.counters,
} as const;

/** Judge a trace: faults, pymalloc's named invariants, then the reference's addresses and structure. */
export function judgeAllocator(
  ops: readonly AllocOp[],
  observed: AllocObservation,
  reference: AllocObservation,
): Verdict | null {
  const steps = ops.map(allocOpToString);
  const failure = (
    reason: string,
    step: number | null,
    message: string,
    expected: string | null,
    got: string | null,
  ) => ({
    reason,
    message,
    steps,
    failingStep: step,
    expected,
    observed: got,
    heap: null,
  });
  for (let i = 0; i < observed.steps.length; i++) {
    const step = observed.steps[i];
    const violations = checkInvariants(step.allocator);
    if (violations.length > 0) {
      const v = violations[0];
      return {
        status: 'fail',
        failure: failure(v.invariant, i, `After step ${i + 1} (${steps[i]}): ${v.message}`, null, v.message),
      };
    }
    const ref = reference.steps[i];
    if (ref === undefined) continue;
    const differs = ref.calls.findIndex((call, k) => step.calls[k] !== call);
    if (differs >= 0 || ref.calls.length !== step.calls.length) {
      const k = differs >= 0 ? differs : Math.min(ref.calls.length, step.calls.length);
      return {
        status: 'fail',
        failure: failure(
          'differs-from-reference:addresses',
          i,
          `At step ${i + 1} (${steps[i]}) your allocator handed out other addresses than CPython's.`,
          ref.calls[k] ?? 'no call',
          step.calls[k] ?? 'no call',
        ),
      };
    }
    for (const [part, pick] of Object.entries(STRUCTURE_PARTS)) {
      const want = JSON.stringify(pick(ref.allocator));
      const got = JSON.stringify(pick(step.allocator));
      if (want !== got)
        return {
          status: 'fail',
          failure: failure(
            `differs-from-reference:${part}`,
            i,
            `After step ${i + 1} (${steps[i]}) your allocator's ${part} differ from CPython's.`,
            want,
            got,
          ),
        };
    }
  }
  const fault = observed.fault;
  if (fault === null) return null;
  const where = fault.step === null ? 'while it was being created' : `at step ${fault.step + 1}`;
  return {
    status: fault.kind,
    failure: failure(
      fault.kind,
      fault.step,
      `Your allocator ${fault.kind === 'timeout' ? 'ran out of time' : 'crashed'} ${where}: ${fault.message}`,
      null,
      fault.message,
    ),
  };
}

const sizes = fc.oneof({ weight: 3, arbitrary: requestSize() }, { weight: 1, arbitrary: largeRequestSize() });
const handle = fc.nat({ max: 10_000 });

/** Traces with bursts: full and empty pools, several arenas with equal free-pool counts, released arenas. */
export const allocOpsArb: fc.Arbitrary<AllocOp[]> = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('malloc' as const), nbytes: sizes }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('free' as const), handle }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('realloc' as const), handle, nbytes: sizes }) },
    {
      weight: 3,
      arbitrary: fc.record({
        op: fc.constant('mallocMany' as const),
        count: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 2000, max: 6000 })),
        nbytes: fc.oneof(
          { weight: 3, arbitrary: largeRequestSize() },
          { weight: 1, arbitrary: fc.constantFrom(16, 32, 64) },
        ),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        op: fc.constant('freeMany' as const),
        start: handle,
        count: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 2000, max: 6000 })),
        stride: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 4 })),
      }),
    },
  ),
  { maxLength: 12, size: 'max' },
);

type AllocSituation = (ops: readonly AllocOp[], reference: AllocObservation) => boolean;
const someSnapshot =
  (test: (s: PymallocSnapshot) => boolean): AllocSituation =>
  (_ops, reference) =>
    reference.steps.some((step) => test(step.allocator));

export const ALLOCATOR_CHECK: Check<AllocOp, AllocObservation> = {
  name: 'allocator',
  meaning:
    "Every address handed out is 16-byte aligned, overlaps no live block and sits in a pool of a size class that fits; pools, arenas and their lists evolve exactly as CPython 3.11's obmalloc.",
  ops: allocOpsArb,
  numRuns: 30,
  describe: allocOpToString,
  observe: observeAllocatorTrace,
  judge: judgeAllocator,
  situations: {
    'full-pool': someSnapshot((s) =>
      s.arenas.some((a) =>
        a.pools.some((p) => p.freeblock.length === 0 && p.nextoffset > p.maxnextoffset && p.count > 0),
      ),
    ),
    'empty-pool': someSnapshot((s) => s.arenas.some((a) => a.freepools.length > 0)),
    'many-arenas': someSnapshot((s) => s.arenas.length >= 3),
    'arena-released': someSnapshot((s) => s.counters.arenasReclaimed > 0),
  },
};
