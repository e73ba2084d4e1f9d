/** fast-check arbitraries for heap operations (generators only; properties live elsewhere). */
import fc from 'fast-check';
import type { AllocKind, HeapOp, RingKind, Slot } from './operations';
import { ALLOC_KINDS, GLOBAL_SLOTS, LOCAL_SLOTS, RING_KINDS } from './operations';

export const slotArb: fc.Arbitrary<Slot> = fc.oneof(
  fc.record({ scope: fc.constant('global' as const), index: fc.nat(GLOBAL_SLOTS - 1) }),
  fc.record({ scope: fc.constant('local' as const), index: fc.nat(LOCAL_SLOTS - 1) }),
);

const allocKindArb: fc.Arbitrary<AllocKind> = fc.constantFrom(...ALLOC_KINDS);

/** Every kind of heap operation, weighted toward building and cutting references. */
export const heapOpArb: fc.Arbitrary<HeapOp> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('alloc' as const),
      kind: allocKindArb,
      into: slotArb,
      items: fc.array(slotArb, { maxLength: 3 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('bind' as const), from: slotArb, into: slotArb }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('unbind' as const), slot: slotArb }) },
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('setField' as const),
      container: slotArb,
      field: fc.nat(2),
      value: slotArb,
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delField' as const), container: slotArb, field: fc.nat(2) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('weakref' as const),
      target: slotArb,
      callback: fc.boolean(),
      into: slotArb,
    }),
  },
  { weight: 2, arbitrary: fc.constant({ op: 'pushFrame' as const }) },
  { weight: 2, arbitrary: fc.constant({ op: 'popFrame' as const }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('collect' as const), generation: fc.nat(2) }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('setThreshold' as const), threshold0: fc.integer({ min: 0, max: 12 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'dropResurrected' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'freeze' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'unfreeze' as const }) },
);

/** Ring kinds for garbage cycles: containers and instances, with each kind of finalizer. */
const ringKindArb = (kinds: readonly RingKind[]): fc.Arbitrary<RingKind[]> =>
  fc.array(fc.constantFrom(...kinds), { minLength: 1, maxLength: 3 });

/** A cycle made and dropped at once: cyclic garbage for the next collection. */
export const garbageCycleArb = (kinds: readonly RingKind[] = RING_KINDS): fc.Arbitrary<HeapOp[]> =>
  fc.record({ kinds: ringKindArb(kinds), into: slotArb }).map(({ kinds, into }) => [
    { op: 'cycle', kinds, into },
    { op: 'unbind', slot: into },
  ]);

/**
 * A weakref with a callback to a garbage cycle: either held from outside (its callback runs when
 * the cycle is collected) or stored inside the cycle (it is garbage too: callback suppressed).
 */
export const weakrefToGarbageArb: fc.Arbitrary<HeapOp[]> = fc
  .record({
    kinds: ringKindArb(['instance', 'finalizer', 'resurrector']),
    into: slotArb,
    wr: slotArb,
    inside: fc.boolean(),
  })
  .map(({ kinds, into, wr, inside }) => [
    { op: 'cycle', kinds: ['instance', ...kinds], into },
    { op: 'weakref', target: into, callback: true, into: wr },
    ...(inside
      ? [
          { op: 'setField' as const, container: into, field: 1, value: wr },
          { op: 'unbind' as const, slot: wr },
        ]
      : []),
    { op: 'unbind', slot: into },
  ]);

/** An object frozen by gc.freeze() that references a young one: the young one is out of the collector's reach. */
export const frozenReferrerArb: fc.Arbitrary<HeapOp[]> = fc
  .record({ a: slotArb, b: slotArb })
  .map(({ a, b }) => [
    { op: 'alloc', kind: 'list', into: a, items: [] },
    { op: 'freeze' },
    { op: 'alloc', kind: 'list', into: b, items: [] },
    { op: 'setField', container: a, field: 0, value: b },
    { op: 'unbind', slot: b },
  ]);

/** Tuples and dicts of atoms the collector may untrack, and the containers that hold them. */
export const untrackableArb: fc.Arbitrary<HeapOp[]> = fc
  .record({ kind: fc.constantFrom('tuple' as const, 'dict' as const), atom: slotArb, into: slotArb })
  .map(({ kind, atom, into }) => [
    { op: 'alloc', kind: 'int', into: atom, items: [] },
    { op: 'alloc', kind, into, items: [atom] },
  ]);

/** Containers nested three deep, then dropped: a deallocation cascade in tp_dealloc's order. */
export const nestedDropArb: fc.Arbitrary<HeapOp[]> = fc
  .record({
    outer: fc.constantFrom('list' as const, 'tuple' as const, 'dict' as const, 'instance' as const),
    a: slotArb,
    b: slotArb,
  })
  .map(({ outer, a, b }) => [
    { op: 'alloc', kind: 'int', into: a, items: [] },
    { op: 'alloc', kind: 'list', into: b, items: [a, a] },
    { op: 'alloc', kind: outer, into: a, items: [b, a] },
    { op: 'unbind', slot: b },
    { op: 'unbind', slot: a },
  ]);

/** An instance with a weakref whose callback runs when the instance dies by refcount. */
export const weakrefDropArb: fc.Arbitrary<HeapOp[]> = fc
  .record({
    a: slotArb,
    w: slotArb,
    kind: fc.constantFrom('instance' as const, 'finalizer' as const, 'resurrector' as const),
  })
  .map(({ a, w, kind }) => [
    { op: 'alloc', kind, into: a, items: [] },
    { op: 'weakref', target: a, callback: true, into: w },
    { op: 'unbind', slot: a },
  ]);

/**
 * Two garbage cycles, the second referring into the first: tp_clear of the first cycle's head
 * leaves it alive (the second still refers to it), the case delete_garbage must move on from.
 */
export const linkedCyclesArb: fc.Arbitrary<HeapOp[]> = fc
  .record({
    a: slotArb,
    b: slotArb,
    first: ringKindArb(['list', 'dict', 'instance']),
    second: ringKindArb(['list', 'instance']),
  })
  .filter(({ a, b }) => a.scope !== b.scope || a.index !== b.index)
  .map(({ a, b, first, second }) => [
    { op: 'cycle', kinds: first, into: a },
    { op: 'cycle', kinds: second, into: b },
    { op: 'setField', container: b, field: 1, value: a },
    { op: 'unbind', slot: a },
    { op: 'unbind', slot: b },
  ]);

/** Tiny thresholds for all three generations, then allocations: collect_generations at work. */
export const schedulerArb: fc.Arbitrary<HeapOp[]> = fc
  .record({
    threshold0: fc.integer({ min: 1, max: 3 }),
    threshold1: fc.integer({ min: 1, max: 2 }),
    threshold2: fc.integer({ min: 1, max: 2 }),
    into: fc.array(slotArb, { minLength: 4, maxLength: 12 }),
  })
  .map(({ threshold0, threshold1, threshold2, into }) => [
    { op: 'setThreshold', threshold0, threshold1, threshold2 },
    ...into.map((slot): HeapOp => ({ op: 'alloc', kind: 'list', into: slot, items: [slot] })),
  ]);

/** How often each kind of operation, or each snippet of operations, appears in a check's sequences. */
export interface HeapBias {
  readonly single: number;
  readonly collect: number;
  readonly garbageCycle: number;
  readonly cycleKinds?: readonly RingKind[];
  readonly weakrefToGarbage: number;
  readonly frozenReferrer: number;
  readonly untrackable: number;
  readonly dropResurrected: number;
  readonly nestedDrop?: number;
  readonly weakrefDrop?: number;
  readonly linkedCycles?: number;
  readonly scheduler?: number;
}

/** Operation sequences biased toward one check's situations; shrinks by dropping whole snippets. */
export function heapOpsArb(bias: HeapBias, maxSnippets = 16): fc.Arbitrary<HeapOp[]> {
  const one = (arb: fc.Arbitrary<HeapOp>): fc.Arbitrary<HeapOp[]> => arb.map((op) => [op]);
  const collect = one(fc.record({ op: fc.constant('collect' as const), generation: fc.nat(2) }));
  const snippets = [
    { weight: bias.single, arbitrary: one(heapOpArb) },
    { weight: bias.collect, arbitrary: collect },
    { weight: bias.garbageCycle, arbitrary: garbageCycleArb(bias.cycleKinds) },
    { weight: bias.weakrefToGarbage, arbitrary: weakrefToGarbageArb },
    { weight: bias.frozenReferrer, arbitrary: frozenReferrerArb },
    { weight: bias.untrackable, arbitrary: untrackableArb },
    { weight: bias.dropResurrected, arbitrary: fc.constant([{ op: 'dropResurrected' as const }]) },
    { weight: bias.nestedDrop ?? 0, arbitrary: nestedDropArb },
    { weight: bias.weakrefDrop ?? 0, arbitrary: weakrefDropArb },
    { weight: bias.linkedCycles ?? 0, arbitrary: linkedCyclesArb },
    { weight: bias.scheduler ?? 0, arbitrary: schedulerArb },
  ].filter((s) => s.weight > 0);
  return fc.array(fc.oneof(...snippets), { maxLength: maxSnippets, size: 'max' }).map((parts) => parts.flat());
}
