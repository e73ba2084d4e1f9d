/**
 * The heap checks: one per area an exercise covers (refcounting and deallocation, the cycle
 * collector, finalizers, weakrefs), each with operations biased toward its hard situations. All
 * judge the same way: every named heap invariant after every step, then the differential
 * comparison with the reference component; the earliest step that fails is reported.
 */
import type { HeapOp } from '../model/heap/operations';
import { opToString } from '../model/heap/operations';
import { heapOpsArb, type HeapBias } from '../model/heap/arbitraries';
import { checkInvariants, type OperationView } from '../invariants/heap';
import type { HeapSnapshot } from '../snapshot';
import type { Check, Verdict } from './check';
import type { CheckFailure } from './result';
import { observeHeap, type HeapObservation, type HeapStep } from './heap-observe';
import { decodeHeapObservation, encodeHeapObservation } from './heap-wire';
import equal from 'fast-deep-equal';
import { agreeingSteps, firstDifference } from './differential';

export type HeapCheck = Check<HeapOp, HeapObservation>;

function operationView(op: HeapOp): OperationView {
  return op.op === 'collect' ? { kind: 'collect', generation: op.generation } : { kind: 'other', name: op.op };
}

/**
 * The first step after which a named invariant is broken, with its first violation. A step whose
 * heap and the heap before it are exactly the reference's (`agreeing`, and the initial heaps) is
 * skipped: the invariants are functions of those two heaps and the operation, and the reference's
 * heaps satisfy them all (test/support/reference-seeds.ts judges the reference by every check on
 * many seeds), so only the steps where the component has gone its own way can break one.
 */
function firstViolation(
  ops: readonly HeapOp[],
  observed: HeapObservation,
  reference: HeapObservation,
  agreeing: readonly boolean[],
) {
  let before: HeapSnapshot | null = observed.initial;
  let beforeAgrees = equal(observed.initial, reference.initial);
  for (let i = 0; i < observed.steps.length; i++) {
    const after = observed.steps[i].heap;
    const agrees = agreeing[i] === true;
    if (!(agrees && beforeAgrees)) {
      const violations = checkInvariants(after, before, operationView(ops[i]));
      if (violations.length > 0) return { step: i, violation: violations[0] };
    }
    before = after;
    beforeAgrees = agrees;
  }
  return null;
}

/** The verdict for a run that did not finish (the component threw or ran out of time). */
function faultVerdict(ops: readonly HeapOp[], observed: HeapObservation): Verdict | null {
  const fault = observed.fault;
  if (fault === null) return null;
  const where =
    fault.step === null ? 'while the heap was being set up (before the first step)' : `at step ${fault.step + 1}`;
  const what = fault.kind === 'timeout' ? 'ran out of time' : 'crashed';
  return {
    status: fault.kind,
    failure: {
      reason: fault.kind,
      message: `Your component ${what} ${where}: ${fault.message}`,
      steps: ops.map(opToString),
      failingStep: fault.step,
      expected: null,
      observed: fault.message,
      heap: observed.steps.at(-1)?.heap ?? observed.initial,
    },
  };
}

/** Judge a heap observation: faults, then named invariants and differences, earliest step first. */
export function judgeHeap(
  ops: readonly HeapOp[],
  observed: HeapObservation,
  reference: HeapObservation,
): Verdict | null {
  const steps = ops.map(opToString);
  const agreeing = agreeingSteps(reference, observed);
  const violation = firstViolation(ops, observed, reference, agreeing);
  const difference = firstDifference(reference, observed, agreeing);
  const fail = (failure: Omit<CheckFailure, 'steps'>): Verdict => ({ status: 'fail', failure: { ...failure, steps } });
  if (violation !== null && (difference === null || violation.step <= difference.step)) {
    return fail({
      reason: violation.violation.invariant,
      message: `After step ${violation.step + 1} (${steps[violation.step]}): ${violation.violation.message}.`,
      failingStep: violation.step,
      expected: null,
      observed: violation.violation.message,
      heap: observed.steps[violation.step].heap,
    });
  }
  if (difference !== null) {
    return fail({
      reason: `differs-from-reference:${difference.what}`,
      message: `After step ${difference.step + 1} (${steps[difference.step]}) your component differs from CPython's in ${difference.what}: expected ${difference.expected}, got ${difference.observed}.`,
      failingStep: difference.step,
      expected: difference.expected,
      observed: difference.observed,
      heap: observed.steps[difference.step].heap,
    });
  }
  return faultVerdict(ops, observed);
}

// --- situations, recognised in the reference's observation -----------------------------------

type Situation = (ops: readonly HeapOp[], reference: HeapObservation) => boolean;

const someStep =
  (test: (step: HeapStep, op: HeapOp, before: HeapSnapshot | null) => boolean): Situation =>
  (ops, reference) =>
    reference.steps.some((step, i) => test(step, ops[i], i === 0 ? reference.initial : reference.steps[i - 1].heap));

const isCollect = (op: HeapOp): boolean => op.op === 'collect';
const alive = (step: HeapStep, id: number): boolean => step.heap.objects.some((o) => o.id === id);

const SITUATIONS = {
  'cyclic-garbage': someStep((step, op) => isCollect(op) && step.events.some((e) => e.kind === 'clear')),
  'finalizer-resurrects': someStep(
    (step, op) => isCollect(op) && step.events.some((e) => e.kind === 'finalize' && alive(step, e.id)),
  ),
  'legacy-uncollectable': someStep(
    (step, op, before) => isCollect(op) && step.heap.garbage.length > (before?.garbage.length ?? 0),
  ),
  'weakref-callback-by-gc': someStep((step, op) => isCollect(op) && step.events.some((e) => e.kind === 'callback')),
  'weakref-in-garbage': someStep(
    (step, op) => isCollect(op) && step.events.some((e) => e.kind === 'free' && e.type.startsWith('weakref')),
  ),
  'frozen-objects': someStep((step, op) => isCollect(op) && step.heap.generations[3].members.length > 0),
  'untracked-by-gc': someStep((step, op, before) => {
    if (!isCollect(op) || before === null) return false;
    const tracked = new Set(before.objects.filter((o) => o.tracked).map((o) => o.id));
    return step.heap.objects.some((o) => !o.tracked && tracked.has(o.id));
  }),
  'automatic-collection': someStep(
    (step, op, before) =>
      !isCollect(op) && before !== null && step.heap.generations[1].count !== before.generations[1].count,
  ),
  'deferred-full-collection': someStep(
    (step, op, before) =>
      !isCollect(op) && before !== null && step.heap.generations[2].count > step.heap.generations[2].threshold,
  ),
  'dealloc-cascade': someStep(
    (step) => step.events.filter((e) => e.kind === 'free' && e.during === 'decref' && e.type !== 'str').length >= 3,
  ),
  'weakref-callback-on-dealloc': someStep(
    (step, op) => !isCollect(op) && step.events.some((e) => e.kind === 'callback'),
  ),
} satisfies Record<string, Situation>;

type SituationName = keyof typeof SITUATIONS;

function heapCheck(
  name: string,
  meaning: string,
  bias: HeapBias,
  numRuns: number,
  situations: readonly SituationName[],
  maxSnippets?: number,
): HeapCheck {
  return {
    name,
    meaning,
    ops: heapOpsArb(bias, maxSnippets),
    numRuns,
    describe: opToString,
    observe: observeHeap,
    judge: judgeHeap,
    wire: { encode: encodeHeapObservation, decode: decodeHeapObservation },
    situations: Object.fromEntries(situations.map((s) => [s, SITUATIONS[s]])),
  };
}

const NONE: HeapBias = {
  single: 0,
  collect: 0,
  garbageCycle: 0,
  weakrefToGarbage: 0,
  frozenReferrer: 0,
  untrackable: 0,
  dropResurrected: 0,
};

export const REFCOUNTING_CHECK = heapCheck(
  'refcounting',
  'Py_INCREF/Py_DECREF and tp_dealloc keep every refcount equal to the references that exist, and free each object the moment its last reference goes, releasing what it holds in CPython order.',
  { ...NONE, single: 8, untrackable: 1, nestedDrop: 3, weakrefDrop: 2 },
  60,
  ['dealloc-cascade', 'weakref-callback-on-dealloc'],
);

export const CYCLE_COLLECTOR_CHECK = heapCheck(
  'cycle-collector',
  'A collection of any generation frees exactly the unreachable cycles, touches nothing reachable, promotes survivors, untracks what CPython untracks and keeps the counts as gc_collect_main does.',
  { ...NONE, single: 5, collect: 4, garbageCycle: 3, frozenReferrer: 1, untrackable: 2, linkedCycles: 2, scheduler: 1 },
  60,
  ['cyclic-garbage', 'frozen-objects', 'untracked-by-gc', 'automatic-collection'],
);

export const FINALIZERS_CHECK = heapCheck(
  'finalizers',
  'Finalizers in garbage run once, before anything is cleared; what they resurrect survives untouched; cycles with a legacy finalizer stay uncollectable in gc.garbage.',
  {
    ...NONE,
    single: 3,
    collect: 4,
    garbageCycle: 5,
    cycleKinds: ['list', 'finalizer', 'resurrector', 'legacy', 'instance'],
    dropResurrected: 1,
  },
  60,
  ['cyclic-garbage', 'finalizer-resurrects', 'legacy-uncollectable'],
);

export const WEAKREFS_CHECK = heapCheck(
  'weakrefs',
  'Weakrefs to garbage are cleared before anything else happens to it, and only the callbacks of weakrefs that are not garbage themselves run.',
  { ...NONE, single: 3, collect: 4, garbageCycle: 1, weakrefToGarbage: 5 },
  60,
  ['weakref-callback-by-gc', 'weakref-in-garbage', 'cyclic-garbage'],
);

export const COLLECT_GENERATIONS_CHECK = heapCheck(
  'collect-generations',
  'Automatic collections pick the generation CPython picks: the oldest whose count passed its threshold, a full one only once the objects promoted since the last are 25% of its survivors.',
  { ...NONE, single: 1, scheduler: 3 },
  15,
  ['automatic-collection', 'deferred-full-collection'],
  3,
);

export const HEAP_CHECKS: readonly HeapCheck[] = [
  REFCOUNTING_CHECK,
  CYCLE_COLLECTOR_CHECK,
  FINALIZERS_CHECK,
  COLLECT_GENERATIONS_CHECK,
  WEAKREFS_CHECK,
];
