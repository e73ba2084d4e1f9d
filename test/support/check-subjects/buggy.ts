/**
 * Realistic buggy components, written against core/components.ts the way a student would get
 * them wrong, one bug each, with the check that must catch it and the reason it must report (an
 * invariant's name or 'differs-from-reference:<what>'). test/core/checks/catches.test.ts proves
 * each is caught; bench/measure-checks.ts measures how.
 */
import type { CheckComponents } from '../../../core/checks/check';
import type { Components, CollectorStages, RefCounting } from '../../../core/components';
import type { PyObject } from '../../../core/objects/pyobject';
import type { Runtime } from '../../../core/runtime';
import { Kind } from '../../../core/objects/kinds';
import { GcFlag } from '../../../core/objects/pyobject';
import { REFERENCE_STAGES } from '../../../core/gc/collect';
import { tpDealloc } from '../../../core/refcount/dealloc';
import { tpClear } from '../../../core/objects/clear';
import { traverse } from '../../../core/objects/traverse';
import { gcListMerge, gcListMove, gcListNew } from '../../../core/gc/gclist';
import { collectWithCallback } from '../../../core/gc/gcmodule';
import { INJECTED_BUGS as ALLOCATOR_BUGS } from '../buggy-allocators';
import { INJECTED_BUGS as OLD_INJECTED_BUGS } from '../buggy-components';

export type CheckName =
  'refcounting' | 'cycle-collector' | 'finalizers' | 'weakrefs' | 'collect-generations' | 'allocator';

export interface CheckSubject {
  /** kebab-case, unique. */
  readonly name: string;
  /** What is wrong (or, for a correct alternative, how it differs from the reference). */
  readonly description: string;
  readonly area: 'refcounting' | 'dealloc' | 'collector' | 'finalizers' | 'weakrefs' | 'scheduler' | 'allocator';
  readonly check: CheckName;
  readonly components: CheckComponents;
}

export interface BuggyComponent extends CheckSubject {
  /** The reason the check must report. */
  readonly reason: string;
  /** Set when the check does not catch this bug yet (seed 42, default runs): why. A known gap, in docs/checks.md. */
  readonly missed?: string;
}

/** Refcounting whose decref is `decref`; incref as the reference does it. */
function refcounting(
  decref: (rt: Runtime, op: PyObject) => void,
  incref = (op: PyObject) => void op.refcnt++,
): Partial<Components> {
  return { refcounting: (rt): RefCounting => ({ incref, decref: (op) => decref(rt, op) }) };
}

/** A tp_dealloc that does something first, then the reference one. */
function deallocAfter(before: (op: PyObject) => void): Partial<Components> {
  return { dealloc: (rt) => ({ dealloc: (op) => (before(op), tpDealloc(rt, op)) }) };
}

const stages = (replaced: Partial<CollectorStages>): Partial<Components> => ({ stages: replaced });

export const BUGGY_COMPONENTS: readonly BuggyComponent[] = [
  // --- refcounting ------------------------------------------------------------------------------
  {
    name: 'decref-one-step-early',
    description: 'Py_DECREF deallocates a list when its count reaches 1, not 0',
    area: 'refcounting',
    check: 'refcounting',
    reason: 'no-freed-reachable',
    components: refcounting((rt, op) => {
      if (--op.refcnt === 0 || (op.type.kind === Kind.List && op.refcnt === 1)) rt.dealloc(op);
    }),
  },
  {
    name: 'incref-twice-for-tuples',
    description: 'Py_INCREF adds 2 to tuples (a leak)',
    area: 'refcounting',
    check: 'refcounting',
    reason: 'refcount-conservation',
    components: refcounting(
      (rt, op) => {
        if (--op.refcnt === 0) rt.dealloc(op);
      },
      (op) => void (op.refcnt += op.type.kind === Kind.Tuple ? 2 : 1),
    ),
  },
  {
    name: 'decref-never-deallocates-dicts',
    description: 'Py_DECREF forgets tp_dealloc for dicts',
    area: 'refcounting',
    check: 'refcounting',
    reason: 'immediate-reclamation',
    components: refcounting((rt, op) => {
      if (--op.refcnt === 0 && op.type.kind !== Kind.Dict) rt.dealloc(op);
    }),
  },
  // --- tp_dealloc -------------------------------------------------------------------------------
  ...(
    [
      ['list', Kind.List, 'list_dealloc'],
      ['tuple', Kind.Tuple, 'tupledealloc'],
    ] as const
  ).map(([name, kind, cName]): BuggyComponent => ({
    name: `${name}-dealloc-first-to-last`,
    description: `${cName} releases the items first to last (CPython goes last to first)`,
    area: 'dealloc',
    check: 'refcounting',
    reason: 'differs-from-reference:free-order',
    components: deallocAfter((op) => {
      if (op.type.kind === kind) op.items!.reverse();
    }),
  })),
  {
    name: 'dealloc-forgets-weakrefs',
    description: 'subtype_dealloc forgets PyObject_ClearWeakRefs: weakrefs point at freed memory',
    area: 'weakrefs',
    check: 'refcounting',
    reason: 'dead-weakrefs',
    components: deallocAfter((op) => {
      op.weaklist = null;
    }),
  },
  {
    name: 'dealloc-skips-del',
    description: 'subtype_dealloc never calls __del__ (tp_finalize) when an instance dies by refcount',
    area: 'finalizers',
    check: 'refcounting',
    reason: 'differs-from-reference:frees',
    components: deallocAfter((op) => {
      if (op.type.kind === Kind.Instance) op.gcFlags |= GcFlag.Finalized;
    }),
  },
  {
    name: 'dealloc-ignores-finalized',
    description: 'subtype_dealloc calls __del__ again on an object that was resurrected once (PEP 442: once)',
    area: 'finalizers',
    check: 'finalizers',
    reason: 'finalize-once',
    components: deallocAfter((op) => {
      op.gcFlags &= ~GcFlag.Finalized;
    }),
  },
  // --- tp_clear ---------------------------------------------------------------------------------
  {
    name: 'list-clear-does-nothing',
    description: 'tp_clear of a list leaves its items: cycles through lists are never broken',
    area: 'collector',
    check: 'cycle-collector',
    reason: 'resurrected-not-cleared',
    components: {
      clear: (rt) => ({ clear: (op) => (op.type.kind === Kind.List ? undefined : tpClear(rt, op)) }),
    },
  },
  // --- collector stages -------------------------------------------------------------------------
  {
    name: 'update-refs-off-by-one',
    description: 'update_refs copies ob_refcnt - 1 into gc_refs',
    area: 'collector',
    check: 'cycle-collector',
    reason: 'crash',
    components: stages({
      updateRefs: (containers) => {
        for (let gc = containers.gcNext!; gc !== containers; gc = gc.gcNext!) {
          gc.gcRefs = gc.refcnt - 1;
          gc.gcFlags |= GcFlag.Collecting;
        }
      },
    }),
  },
  {
    name: 'subtract-refs-skips-first-item',
    description: 'subtract_refs skips a referent: the loop over list items stops before index 0',
    area: 'collector',
    check: 'cycle-collector',
    reason: 'differs-from-reference:frees',
    components: stages({
      subtractRefs: (containers) => {
        for (let gc = containers.gcNext!; gc !== containers; gc = gc.gcNext!) {
          const visit = (op: PyObject) => {
            if ((op.gcFlags & GcFlag.Collecting) !== 0) op.gcRefs--;
          };
          if (gc.type.kind === Kind.List) for (let i = gc.items!.length - 1; i > 0; i--) visit(gc.items![i]);
          else traverse(gc, visit);
        }
      },
    }),
  },
  {
    name: 'subtract-refs-only-lists',
    description: 'subtract_refs only walks list items (the fast path) and forgets tp_traverse for other kinds',
    area: 'collector',
    check: 'cycle-collector',
    reason: 'differs-from-reference:frees',
    components: stages({
      subtractRefs: (containers) => {
        for (let gc = containers.gcNext!; gc !== containers; gc = gc.gcNext!)
          if (gc.type.kind === Kind.List)
            for (const op of gc.items!) if ((op.gcFlags & GcFlag.Collecting) !== 0) op.gcRefs--;
      },
    }),
  },
  {
    name: 'move-unreachable-no-move-back',
    description: 'visit_reachable marks but never moves an object back from the unreachable list',
    area: 'collector',
    check: 'cycle-collector',
    // untrack_tuples runs over the young objects deduce_unreachable left reachable: with none moved
    // back, the first difference is a tuple the reference untracks (a class's bases tuple among them).
    reason: 'differs-from-reference:tracking',
    // The same bug the heap property's injected-bug test uses (test/support/buggy-components.ts).
    components: OLD_INJECTED_BUGS.find((bug) => bug.invariant === 'collector-safety')!.options.components!,
  },
  {
    name: 'survivors-never-promoted',
    description: 'gc_collect_main forgets to merge the survivors into the next generation',
    area: 'collector',
    check: 'cycle-collector',
    reason: 'survivors-promoted',
    components: stages({
      promoteSurvivors: (gc, generation, young, old) => {
        if (young === old) REFERENCE_STAGES.promoteSurvivors(gc, generation, young, old);
      },
    }),
  },
  {
    name: 'survivors-promoted-to-oldest',
    description: 'survivors go straight to generation 2 instead of generation g+1',
    area: 'collector',
    check: 'cycle-collector',
    reason: 'survivors-promoted',
    components: stages({
      promoteSurvivors: (gc, generation, young, old) =>
        REFERENCE_STAGES.promoteSurvivors(gc, generation, young, young === old ? old : gc.generations[2].head),
    }),
  },
  {
    name: 'count-next-generation-not-incremented',
    description: 'the counter update forgets count[g+1] += 1',
    area: 'collector',
    check: 'cycle-collector',
    reason: 'generation-accounting',
    components: stages({
      updateCounts: (gc, generation) => {
        for (let i = 0; i <= generation; i++) gc.generations[i].count = 0;
      },
    }),
  },
  {
    name: 'merge-skips-generation-0',
    description: 'merging the younger generations starts at generation 1, so generation 0 is not collected with 1 or 2',
    area: 'collector',
    check: 'cycle-collector',
    reason: 'survivors-promoted',
    components: stages({
      mergeYounger: (gc, generation) => {
        for (let i = 1; i < generation; i++) gcListMerge(gc.generations[i].head, gc.generations[generation].head);
      },
    }),
  },
  {
    name: 'untrack-every-tuple',
    description: 'untrack_tuples untracks every tuple, even one holding a tracked object',
    area: 'collector',
    check: 'cycle-collector',
    reason: 'differs-from-reference:tracking',
    components: stages({
      untrackTuples: (rt, head) => {
        let next: PyObject;
        for (let gc = head.gcNext!; gc !== head; gc = next) {
          next = gc.gcNext!;
          if (gc.type.kind === Kind.Tuple) rt.untrack(gc);
        }
      },
    }),
  },
  {
    name: 'dicts-never-untracked',
    description: 'untrack_dicts does nothing: dicts of atoms stay tracked after a full collection',
    area: 'collector',
    check: 'cycle-collector',
    reason: 'differs-from-reference:tracking',
    components: stages({ untrackDicts: () => {} }),
  },
  {
    name: 'delete-garbage-survivor-loops',
    description: 'delete_garbage forgets to move an object that survived its tp_clear, and loops for ever',
    area: 'collector',
    check: 'cycle-collector',
    reason: 'timeout',
    components: stages({
      deleteGarbage: (rt, collectable) => {
        while (collectable.gcNext !== collectable) {
          const op = collectable.gcNext!;
          rt.incref(op);
          rt.clear(op);
          rt.decref(op);
        }
      },
    }),
  },
  // --- finalizers -------------------------------------------------------------------------------
  {
    name: 'legacy-finalizers-ignored',
    description: 'move_legacy_finalizers clears UNREACHABLE but moves nothing: tp_del cycles are collected',
    area: 'finalizers',
    check: 'finalizers',
    reason: 'legacy-uncollectable',
    components: stages({
      moveLegacyFinalizers: (unreachable) => {
        for (let gc = unreachable.gcNext!; gc !== unreachable; gc = gc.gcNext!) gc.gcFlags &= ~GcFlag.Unreachable;
      },
    }),
  },
  {
    name: 'legacy-reachable-not-moved',
    description: 'move_legacy_finalizer_reachable does nothing: what a tp_del object reaches is cleared',
    area: 'finalizers',
    check: 'finalizers',
    reason: 'differs-from-reference:collect-result',
    components: stages({ moveLegacyFinalizerReachable: () => {} }),
  },
  {
    name: 'finalize-ignores-finalized-flag',
    description: 'finalize_garbage calls __del__ without testing FINALIZED',
    area: 'finalizers',
    check: 'finalizers',
    reason: 'finalize-once',
    components: stages({
      finalizeGarbage: (rt, collectable) => {
        const seen = gcListNew();
        while (collectable.gcNext !== collectable) {
          const op = collectable.gcNext!;
          gcListMove(op, seen);
          if (op.type.finalize !== null) {
            op.gcFlags |= GcFlag.Finalized;
            rt.incref(op);
            op.type.finalize(op);
            rt.decref(op);
          }
        }
        gcListMerge(seen, collectable);
      },
    }),
  },
  {
    name: 'finalizers-never-called',
    description: 'finalize_garbage walks the list but never calls tp_finalize',
    area: 'finalizers',
    check: 'finalizers',
    reason: 'resurrected-not-cleared',
    components: stages({ finalizeGarbage: () => {} }),
  },
  {
    name: 'no-recheck-after-resurrection',
    description: 'handle_resurrected_objects does not deduce again: resurrected objects are cleared',
    area: 'finalizers',
    check: 'finalizers',
    reason: 'resurrected-not-cleared',
    components: stages({
      handleResurrectedObjects: (unreachable) => {
        const still = gcListNew();
        gcListMerge(unreachable, still);
        return still;
      },
    }),
  },
  {
    name: 'legacy-not-in-gc-garbage',
    description: 'handle_legacy_finalizers keeps the objects alive but never appends them to gc.garbage',
    area: 'finalizers',
    check: 'finalizers',
    reason: 'legacy-uncollectable',
    components: stages({ handleLegacyFinalizers: (_rt, finalizers, old) => gcListMerge(finalizers, old) }),
  },
  // --- weakrefs ---------------------------------------------------------------------------------
  {
    name: 'callbacks-for-garbage-weakrefs',
    description: 'handle_weakrefs runs the callbacks of weakrefs that are themselves garbage',
    area: 'weakrefs',
    check: 'weakrefs',
    reason: 'differs-from-reference:weakref-callbacks',
    components: stages({
      handleWeakrefs: (rt, unreachable, old) => {
        for (let gc = unreachable.gcNext!; gc !== unreachable; gc = gc.gcNext!) gc.gcFlags &= ~GcFlag.Collecting;
        const n = REFERENCE_STAGES.handleWeakrefs(rt, unreachable, old);
        for (let gc = unreachable.gcNext!; gc !== unreachable; gc = gc.gcNext!) gc.gcFlags |= GcFlag.Collecting;
        return n;
      },
    }),
  },
  {
    name: 'weakrefs-not-cleared-by-gc',
    description: 'handle_weakrefs does nothing: callbacks run later, from tp_dealloc, in the middle of delete_garbage',
    area: 'weakrefs',
    check: 'weakrefs',
    reason: 'differs-from-reference:event-order',
    components: stages({ handleWeakrefs: () => 0 }),
  },
  // --- collect_generations ----------------------------------------------------------------------
  {
    name: 'scheduler-ignores-long-lived-rule',
    description: 'collect_generations runs a full collection whenever count[2] passes its threshold (no 25% rule)',
    area: 'scheduler',
    check: 'collect-generations',
    reason: 'differs-from-reference:generations',
    components: {
      scheduler: (rt) => ({
        collectGenerations: () => {
          const gens = rt.gc.generations;
          for (let i = gens.length - 1; i >= 0; i--)
            if (gens[i].count > gens[i].threshold) return collectWithCallback(rt, i);
          return 0;
        },
      }),
    },
  },
  {
    name: 'scheduler-always-generation-0',
    description: 'collect_generations only ever collects generation 0',
    area: 'scheduler',
    check: 'collect-generations',
    reason: 'differs-from-reference:generations',
    components: {
      scheduler: (rt) => ({
        collectGenerations: () =>
          rt.gc.generations[0].count > rt.gc.generations[0].threshold ? collectWithCallback(rt, 0) : 0,
      }),
    },
  },
  // --- the allocator ----------------------------------------------------------------------------
  ...ALLOCATOR_BUGS.map((bug): BuggyComponent => ({
    name: `pymalloc-${bug.bug.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`,
    description: bug.bug,
    area: 'allocator',
    check: 'allocator',
    reason: bug.catchBy === 'same-as-reference' ? 'differs-from-reference:usedpools' : bug.catchBy,
    components: { allocator: bug.make },
  })),
];
