/**
 * The allocator check: malloc-lab-like traces as plain data, observed from outside the allocator
 * (the addresses it hands out, and its structure next to the blocks its client really holds), then
 * judged by pymalloc's named invariants and by a comparison with the reference Pymalloc.
 */
import type { Allocator } from '../pymalloc/allocator';
import { Pymalloc } from '../pymalloc/pymalloc';
import { observeAllocator } from '../pymalloc/live-block-ledger';
import { INVARIANT_NAMES, checkInvariants } from '../pymalloc/invariants';
import type { PymallocSnapshot, PymallocStructure } from '../pymalloc/snapshot';
import { allocTrace } from '../model/pymalloc/arbitraries';
import { allocOpToString, type AllocOp } from '../model/pymalloc/trace-ops';
import type { Check, CheckComponents, Verdict } from './check';
import { CheckTimeoutError, type Deadline } from './deadline';
import type { StepFault } from './heap-observe';

export type { AllocOp } from '../model/pymalloc/trace-ops';
export { allocOpToString };

export interface AllocStep {
  /** The address each malloc and realloc of the step returned, in call order (frees return nothing). */
  readonly returned: readonly number[];
  /** The allocator's own structure after the step (its live blocks are rebuilt by the judge). */
  readonly structure: PymallocStructure;
}

export interface AllocObservation {
  readonly steps: readonly AllocStep[];
  readonly fault: StepFault | null;
}

const hex = (address: number): string => `0x${address.toString(16)}`;

/**
 * Carry out one step for a client holding `live` (its addresses, in allocation order). The same
 * function drives the allocator under test (observe) and the replay of what it returned (judge),
 * so both agree on which block each handle names.
 */
function applyAllocOp(allocator: Allocator, live: number[], op: AllocOp): void {
  const free = (index: number): void => allocator.free(live.splice(index, 1)[0]);
  switch (op.op) {
    case 'malloc':
      live.push(allocator.malloc(op.nbytes));
      break;
    case 'free':
      if (live.length > 0) free(op.handle % live.length);
      break;
    case 'realloc':
      if (live.length > 0) {
        const index = op.handle % live.length;
        live[index] = allocator.realloc(live[index], op.nbytes);
      }
      break;
    case 'mallocMany':
      for (let i = 0; i < op.count; i++) live.push(allocator.malloc(op.nbytes));
      break;
    case 'freeMany': {
      if (live.length === 0) break;
      const first = op.start % live.length;
      const end = Math.min(live.length, first + op.count * op.stride);
      // Last to first, as a loop over a list's items from its end frees them; then one pass removes them.
      for (let i = first + Math.floor((end - 1 - first) / op.stride) * op.stride; i >= first; i -= op.stride)
        allocator.free(live[i]);
      let kept = first;
      for (let i = first; i < live.length; i++) if (i >= end || (i - first) % op.stride !== 0) live[kept++] = live[i];
      live.length = kept;
      break;
    }
  }
}

/** `allocator` with every call ticking the deadline and every address it returns appended to `returned`. */
function recording(allocator: Allocator, returned: number[], deadline: Deadline): Allocator {
  return {
    malloc: (nbytes) => {
      deadline.tick();
      const address = allocator.malloc(nbytes);
      returned.push(address);
      return address;
    },
    free: (address) => {
      deadline.tick();
      allocator.free(address);
    },
    realloc: (address, nbytes) => {
      deadline.tick();
      const moved = allocator.realloc(address, nbytes);
      returned.push(moved);
      return moved;
    },
    snapshot: () => allocator.snapshot(),
  };
}

/** Run a trace on the allocator under test (the reference Pymalloc when none is given). */
export function observeAllocatorTrace(
  components: CheckComponents,
  ops: readonly AllocOp[],
  deadline: Deadline,
): AllocObservation {
  const steps: AllocStep[] = [];
  let allocator: Allocator;
  try {
    allocator = components.allocator?.() ?? new Pymalloc();
  } catch (error) {
    return { steps, fault: allocFault(error, null) };
  }
  const live: number[] = [];
  for (let i = 0; i < ops.length; i++) {
    try {
      deadline.check();
      const returned: number[] = [];
      applyAllocOp(recording(allocator, returned, deadline), live, ops[i]);
      const { liveBlocks: _, ...structure } = allocator.snapshot();
      steps.push({ returned, structure });
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

/**
 * The snapshots the client of an observed trace saw: each step's structure next to the live
 * blocks rebuilt here, on the trusted side, from the requests and the addresses returned (never
 * from what the allocator says it holds). One snapshot per observed step.
 */
export function replayAllocatorTrace(ops: readonly AllocOp[], observed: AllocObservation): PymallocSnapshot[] {
  let step: AllocStep = observed.steps[0];
  let next = 0;
  const returnedNext = (): number => step.returned[next++] ?? 0;
  const client = observeAllocator({
    malloc: returnedNext,
    free: () => {},
    realloc: returnedNext,
    snapshot: () => ({ ...step.structure, liveBlocks: [] }),
  });
  const live: number[] = [];
  return observed.steps.map((s, i) => {
    step = s;
    next = 0;
    applyAllocOp(client, live, ops[i]);
    return client.snapshot();
  });
}

/** The parts of the structure compared with the reference, in order, each by a stable name. */
const STRUCTURE_PARTS = {
  'usable-arenas': (s: PymallocStructure) => s.usableArenas,
  usedpools: (s: PymallocStructure) => s.usedpools,
  arenas: (s: PymallocStructure) => s.arenas,
  nfp2lasta: (s: PymallocStructure) => s.nfp2lasta,
  counters: (s: PymallocStructure) => s.counters,
} as const;

/** How a judge treats arenas the allocator keeps where CPython releases them. */
export type ReleasePolicy =
  /** As CPython 3.11 exactly: the arena-release invariant, and the reference's arenas at every step. */
  | 'exact'
  /**
   * Keeping a wholly free arena is left to an efficiency measure (exercise 8): no arena-release
   * invariant, and from the first step at which the allocator holds, besides CPython's arenas, only
   * extra wholly free ones, the comparison with the reference stops (the pools it hands out later
   * come from the arena it kept) and the other invariants alone judge the rest.
   */
  | 'keeping-is-inefficiency';

/** True when `observed` holds every arena of `reference`, and more, all of them wholly free. */
function keptFreeArenas(observed: PymallocStructure, reference: PymallocStructure): boolean {
  const referenceAddresses = new Set(reference.arenas.map((a) => a.address));
  const extra = observed.arenas.filter((a) => !referenceAddresses.has(a.address));
  return (
    extra.length > 0 &&
    extra.every((a) => a.nfreepools === a.ntotalpools) &&
    reference.arenas.every((a) => observed.arenas.some((o) => o.address === a.address))
  );
}

/** Judge a trace: faults, pymalloc's named invariants, then the reference's addresses and structure. */
export function judgeAllocator(
  ops: readonly AllocOp[],
  observed: AllocObservation,
  reference: AllocObservation,
  policy: ReleasePolicy = 'exact',
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
  const invariants = policy === 'exact' ? INVARIANT_NAMES : INVARIANT_NAMES.filter((n) => n !== 'arena-release');
  const snapshots = replayAllocatorTrace(ops, observed);
  let comparing = true;
  for (let i = 0; i < snapshots.length; i++) {
    const violations = checkInvariants(snapshots[i], invariants);
    if (violations.length > 0) {
      const v = violations[0];
      return {
        status: 'fail',
        failure: failure(v.invariant, i, `After step ${i + 1} (${steps[i]}): ${v.message}`, null, v.message),
      };
    }
    const step = observed.steps[i];
    const ref = reference.steps[i];
    if (!comparing || ref === undefined) continue;
    const k = firstDifferentAddress(ref.returned, step.returned);
    if (k >= 0) {
      const show = (list: readonly number[]) => (k < list.length ? hex(list[k]) : 'no address');
      return {
        status: 'fail',
        failure: failure(
          'differs-from-reference:addresses',
          i,
          `At step ${i + 1} (${steps[i]}) your allocator handed out other addresses than CPython's (address ${k + 1} of the step).`,
          show(ref.returned),
          show(step.returned),
        ),
      };
    }
    if (policy === 'keeping-is-inefficiency' && keptFreeArenas(step.structure, ref.structure)) {
      comparing = false;
      continue;
    }
    for (const [part, pick] of Object.entries(STRUCTURE_PARTS)) {
      const want = JSON.stringify(pick(ref.structure));
      const got = JSON.stringify(pick(step.structure));
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

/** Index of the first address that differs (or is missing on one side), -1 when none. */
function firstDifferentAddress(want: readonly number[], got: readonly number[]): number {
  const n = Math.max(want.length, got.length);
  for (let k = 0; k < n; k++) if (want[k] !== got[k]) return k;
  return -1;
}

type AllocSituation = (ops: readonly AllocOp[], reference: AllocObservation) => boolean;
const someSnapshot =
  (test: (s: PymallocStructure) => boolean): AllocSituation =>
  (_ops, reference) =>
    reference.steps.some((step) => test(step.structure));

export const ALLOCATOR_CHECK: Check<AllocOp, AllocObservation> = {
  name: 'allocator',
  meaning:
    "Every address handed out is 16-byte aligned, overlaps no live block and sits in a pool of a size class that fits; pools, arenas and their lists evolve exactly as CPython 3.11's obmalloc.",
  ops: allocTrace(),
  numRuns: 20,
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
    'equal-nfreepools': someSnapshot((s) => {
      const counts = s.arenas.filter((a) => s.usableArenas.includes(a.arenaindex)).map((a) => a.nfreepools);
      return new Set(counts).size < counts.length;
    }),
    'arena-released': someSnapshot((s) => s.counters.arenasReclaimed > 0),
  },
};
