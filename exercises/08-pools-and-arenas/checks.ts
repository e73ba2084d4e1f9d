/**
 * The checks of exercise 8. Correctness first: the core's allocator check (every pymalloc
 * invariant after every step, and the same addresses, pool lists and arena lists as CPython),
 * except that keeping a wholly free arena is not wrong, only wasteful. Then efficiency, as the
 * CS:APP malloc lab grades utilization: the arenas held at the peak and at the end of the same
 * traces, next to what CPython 3.11 holds on them.
 */
import {
  ALLOCATOR_CHECK,
  judgeAllocator,
  replayAllocatorTrace,
  type AllocObservation,
  type AllocOp,
} from '../../core/checks/allocator-checks';
import type { Check, Verdict } from '../../core/checks/check';
import { checkInvariants, type InvariantName } from '../../core/pymalloc/invariants';
import type { PymallocCounters } from '../../core/pymalloc/snapshot';
import { fromCoreCheck } from '../core-check';
import type { LoadedStudent } from '../sandbox';
import type { ExerciseCheck } from '../types';
import { studentAllocator } from './adapter';

const components = (student: LoadedStudent) => ({ allocator: () => studentAllocator(student) });

/** The correctness verdict on one trace, with arenas kept beyond CPython's left to efficiency. */
const judgeCorrectness = (ops: readonly AllocOp[], observed: AllocObservation, reference: AllocObservation) =>
  judgeAllocator(ops, observed, reference, 'keeping-is-inefficiency');

/** The core allocator check, with arenas kept beyond CPython's left to the efficiency checks. */
const POOLS_AND_ARENAS: Check<AllocOp, AllocObservation> = {
  ...ALLOCATOR_CHECK,
  judge: judgeCorrectness,
};

/** What an efficiency check measures: a counter of the last step, and how to say it. */
interface ArenaMeasure {
  readonly name: string;
  /** The counter measured after the last step (0 for an empty trace). */
  readonly counter: (counters: PymallocCounters | undefined) => number;
  readonly when: string;
}

const plural = (n: number): string => `${n} arena${n === 1 ? '' : 's'} (${n} MiB)`;

/**
 * The malloc lab's validity of a trace, which efficiency is measured on: the allocator finished it,
 * and every block it handed out was aligned, inside one of its pools, of a size class that fits,
 * and overlapped no live block. (Whether it also did what CPython does is the correctness checks'
 * business: an allocator that keeps pools CPython would reuse is measured, and found wasteful.)
 */
const VALID_BLOCKS: readonly InvariantName[] = ['alignment', 'no-overlap', 'block-in-carved-pool', 'size-class-fits'];

function invalidTrace(ops: readonly AllocOp[], observed: AllocObservation): string | null {
  if (observed.fault !== null)
    return `your allocator ${observed.fault.kind === 'timeout' ? 'ran out of time' : 'crashed'}: ${observed.fault.message}`;
  const snapshots = replayAllocatorTrace(ops, observed);
  for (let i = 0; i < snapshots.length; i++) {
    const [violation] = checkInvariants(snapshots[i], VALID_BLOCKS);
    if (violation !== undefined) return `after step ${i + 1}, [${violation.invariant}] ${violation.message}`;
  }
  return null;
}

/**
 * Pass when the allocator held at most as many arenas as CPython on the trace. Arenas are whole
 * mebibytes and a faithful allocator holds exactly CPython's, so there is no tolerance: one more
 * arena is a mebibyte that CPython 3.11 would have given back or never mapped. As in the malloc
 * lab, a trace on which a block handed out is not valid is not measured: it fails.
 */
function judgeArenas(measure: ArenaMeasure) {
  return (ops: readonly AllocOp[], observed: AllocObservation, reference: AllocObservation): Verdict | null => {
    const steps = ops.map(ALLOCATOR_CHECK.describe);
    const invalid = invalidTrace(ops, observed);
    if (invalid !== null) {
      const message = `Not measured: ${invalid}`;
      const failure = { reason: 'not-measured', message, steps, failingStep: null, expected: null, observed: null };
      return { status: observed.fault?.kind ?? 'fail', failure: { ...failure, heap: null } };
    }
    const want = measure.counter(reference.steps.at(-1)?.structure.counters);
    const got = measure.counter(observed.steps.at(-1)?.structure.counters);
    if (got <= want) return null;
    return {
      status: 'fail',
      failure: {
        reason: measure.name,
        message: `${measure.when} of this trace, CPython 3.11 holds ${plural(want)}; your allocator holds ${plural(got)}.`,
        steps,
        failingStep: observed.steps.length - 1,
        expected: `at most ${plural(want)}`,
        observed: plural(got),
        heap: null,
      },
    };
  };
}

/**
 * Runs of each efficiency check and of the hidden correctness check: the traces are the visible
 * check's, drawn from other seeds; with 20 visible runs, exercise 8 stays near 1 s of CPU in all.
 */
const FEWER_RUNS = 8;

/** An efficiency check: the allocator check's traces and observations, judged by `measure`. */
const efficiency = (measure: ArenaMeasure): ExerciseCheck =>
  fromCoreCheck({
    name: measure.name,
    check: { ...ALLOCATOR_CHECK, name: measure.name, numRuns: FEWER_RUNS, judge: judgeArenas(measure) },
    components,
  });

export const CHECKS: readonly ExerciseCheck[] = [
  fromCoreCheck({ name: 'pools-and-arenas', check: POOLS_AND_ARENAS, components }),
  efficiency({ name: 'arenas-at-peak', counter: (c) => c?.arenasHighwater ?? 0, when: 'At the busiest moment' }),
  efficiency({ name: 'arenas-at-end', counter: (c) => c?.arenasAllocatedCurrent ?? 0, when: 'At the end' }),
  fromCoreCheck({ name: 'more-traces', check: POOLS_AND_ARENAS, numRuns: FEWER_RUNS, components }),
];
