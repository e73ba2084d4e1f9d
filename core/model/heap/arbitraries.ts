/** fast-check arbitraries for heap operations (generators only; properties live elsewhere). */
import fc from 'fast-check';
import type { AllocKind, HeapOp, Slot } from './operations';
import { ALLOC_KINDS, GLOBAL_SLOTS, LOCAL_SLOTS } from './operations';

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
