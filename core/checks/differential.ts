/**
 * The differential half of judging a heap check: the observation of the component under test next
 * to the reference component's observation of the same operations, compared step by step. The
 * first step at which they differ is reported with what differs, named by a stable `what` (the
 * reason is 'differs-from-reference:<what>'), and what each side did, in words.
 */
import equal from 'fast-deep-equal';
import type { HeapSnapshot, ObjectView } from '../snapshot';
import type { WorldEvent } from '../model/heap/world';
import type { HeapObservation, HeapStep } from './heap-observe';

/** What can differ, in the order they are compared (the first that differs is reported). */
export const HEAP_DIFFERENCES = [
  'frees',
  'free-order',
  'finalizer-calls',
  'legacy-del-calls',
  'weakref-callbacks',
  'clears',
  'event-order',
  'collect-result',
  'live-objects',
  'refcounts',
  'tracking',
  'generations',
  'gc-garbage',
  'gc-counts',
  'weakrefs',
  'finalized-flags',
] as const;
export type HeapDifference = (typeof HEAP_DIFFERENCES)[number];

export interface Difference {
  readonly what: HeapDifference;
  /** 0-based operation index. */
  readonly step: number;
  readonly expected: string;
  readonly observed: string;
}

type Side = { readonly step: HeapStep; readonly byId: Map<number, ObjectView> };

function eventText(e: WorldEvent): string {
  switch (e.kind) {
    case 'free':
      return `free #${e.id} (${e.type})`;
    case 'clear':
      return `tp_clear #${e.id}`;
    case 'finalize':
      return `__del__ #${e.id}`;
    case 'legacy-del':
      return `tp_del #${e.id}`;
    case 'callback':
      return `callback(#${e.id})`;
  }
}

const idsOf = (events: readonly WorldEvent[], kind: WorldEvent['kind']): number[] =>
  events.filter((e) => e.kind === kind).map((e) => e.id);

const list = (ids: readonly (number | string)[]): string =>
  ids.length === 0 ? 'none' : ids.map((id) => (typeof id === 'number' ? `#${id}` : id)).join(', ');

const sorted = (ids: readonly number[]): number[] => [...ids].sort((a, b) => a - b);

const same = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function generationOf(heap: HeapSnapshot): Map<number, number> {
  const where = new Map<number, number>();
  heap.generations.forEach((g, i) => g.members.forEach((id) => where.set(id, i)));
  return where;
}

const GENERATION_NAMES = ['0', '1', '2', 'permanent'];

/**
 * Per-object fields compared one object at a time: the first object that differs is named. The
 * field is compared as a plain value and put in words only for that object (a step holds hundreds
 * of objects, nearly all equal).
 */
function perObject<V>(
  ref: Side,
  obs: Side,
  value: (o: ObjectView, heap: HeapSnapshot) => V,
  words: (v: V) => string,
): { expected: string; observed: string } | null {
  for (const [id, r] of ref.byId) {
    const o = obs.byId.get(id);
    if (o === undefined) continue;
    const want = value(r, ref.step.heap);
    const got = value(o, obs.step.heap);
    if (want !== got)
      return { expected: `#${id} (${r.type}): ${words(want)}`, observed: `#${id} (${o.type}): ${words(got)}` };
  }
  return null;
}

type Comparison = (ref: Side, obs: Side) => { expected: string; observed: string } | null;

const sequence =
  (pick: (s: HeapStep) => readonly (number | string)[]): Comparison =>
  (ref, obs) => {
    const want = pick(ref.step);
    const got = pick(obs.step);
    return same(want, got) ? null : { expected: list(want), observed: list(got) };
  };

const COMPARISONS: Readonly<Record<HeapDifference, Comparison>> = {
  frees: (ref, obs) => {
    const want = sorted(idsOf(ref.step.events, 'free'));
    const got = sorted(idsOf(obs.step.events, 'free'));
    return same(want, got) ? null : { expected: `frees ${list(want)}`, observed: `frees ${list(got)}` };
  },
  'free-order': sequence((s) => idsOf(s.events, 'free')),
  'finalizer-calls': sequence((s) => idsOf(s.events, 'finalize')),
  'legacy-del-calls': sequence((s) => idsOf(s.events, 'legacy-del')),
  'weakref-callbacks': sequence((s) => idsOf(s.events, 'callback')),
  clears: sequence((s) => idsOf(s.events, 'clear')),
  'event-order': sequence((s) => s.events.map(eventText)),
  'collect-result': (ref, obs) =>
    ref.step.collected === obs.step.collected
      ? null
      : {
          expected: `gc.collect() returns ${ref.step.collected}`,
          observed: `gc.collect() returns ${obs.step.collected}`,
        },
  'live-objects': (ref, obs) => {
    const want = sorted([...ref.byId.keys()]);
    const got = sorted([...obs.byId.keys()]);
    if (same(want, got)) return null;
    const missing = want.filter((id) => !obs.byId.has(id));
    const extra = got.filter((id) => !ref.byId.has(id));
    return { expected: `alive: ${list(missing)} (missing)`, observed: `alive: ${list(extra)} (extra)` };
  },
  refcounts: (ref, obs) =>
    perObject(
      ref,
      obs,
      (o) => o.refcnt,
      (n) => `refcount ${n}`,
    ),
  tracking: (ref, obs) =>
    perObject(
      ref,
      obs,
      (o) => o.tracked,
      (t) => (t ? 'tracked' : 'untracked'),
    ),
  generations: (ref, obs) => {
    const want = generationOf(ref.step.heap);
    const got = generationOf(obs.step.heap);
    return perObject(
      ref,
      obs,
      (o, heap) => (heap === ref.step.heap ? want : got).get(o.id),
      (g) => (g === undefined ? 'in no generation' : `in generation ${GENERATION_NAMES[g]}`),
    );
  },
  'gc-garbage': sequence((s) => s.heap.garbage),
  'gc-counts': sequence((s) => s.heap.generations.slice(0, 3).map((g) => g.count)),
  weakrefs: (ref, obs) =>
    perObject(
      ref,
      obs,
      (o) => o.weakReferent,
      (w) => (w === undefined ? '' : w === null ? 'dead' : `refers to #${w}`),
    ),
  'finalized-flags': (ref, obs) =>
    perObject(
      ref,
      obs,
      (o) => o.finalized,
      (f) => (f ? 'finalized' : 'not finalized'),
    ),
};

const side = (step: HeapStep): Side => ({ step, byId: new Map(step.heap.objects.map((o) => [o.id, o])) });

/** Compare one step of both observations; the first difference, in HEAP_DIFFERENCES order. */
export function compareStep(reference: HeapStep, observed: HeapStep, step: number): Difference | null {
  const ref = side(reference);
  const obs = side(observed);
  for (const what of HEAP_DIFFERENCES) {
    const d = COMPARISONS[what](ref, obs);
    if (d !== null) return { what, step, ...d };
  }
  return null;
}

/**
 * For each step both observations completed, whether the two are the same plain data: heap,
 * events and result. A component that agrees with the reference agrees at nearly every step, and
 * telling that is one walk over both steps, where compareStep indexes both heaps and compares them
 * field by field.
 */
export function agreeingSteps(reference: HeapObservation, observed: HeapObservation): boolean[] {
  const n = Math.min(reference.steps.length, observed.steps.length);
  return Array.from({ length: n }, (_, i) => equal(reference.steps[i], observed.steps[i]));
}

/** The first step at which the two observations differ (over the steps both completed), or null. */
export function firstDifference(
  reference: HeapObservation,
  observed: HeapObservation,
  agreeing: readonly boolean[] = agreeingSteps(reference, observed),
): Difference | null {
  for (let i = 0; i < agreeing.length; i++) {
    if (agreeing[i]) continue;
    const d = compareStep(reference.steps[i], observed.steps[i], i);
    if (d !== null) return d;
  }
  return null;
}
