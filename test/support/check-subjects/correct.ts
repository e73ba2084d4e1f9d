/**
 * Correct implementations written differently from the reference (other loops, other data
 * structures, no fast paths): the checks must pass every one of them.
 */
import type { RefCounting } from '../../../core/components';
import type { PyObject } from '../../../core/objects/pyobject';
import { Kind } from '../../../core/objects/kinds';
import { GcFlag } from '../../../core/objects/pyobject';
import { traverse } from '../../../core/objects/traverse';
import { gcListMembers, gcListMerge, gcListMove } from '../../../core/gc/gclist';
import { tupleMaybeUntrack } from '../../../core/objects/tuple';
import { listAppend } from '../../../core/objects/list';
import { DEBUG_SAVEALL } from '../../../core/gc/state';
import { Pymalloc } from '../../../core/pymalloc/pymalloc';
import type { CheckSubject } from './buggy';

/** Members of a gc list as an array first, then work on the array (the list may change under the loop). */
const members = (head: PyObject): PyObject[] => gcListMembers(head);

export const CORRECT_ALTERNATIVES: readonly CheckSubject[] = [
  {
    name: 'refcounting-via-helpers',
    description: 'Py_INCREF/Py_DECREF through a small counter helper with an explicit zero test',
    area: 'refcounting',
    check: 'refcounting',
    components: {
      refcounting: (rt): RefCounting => {
        const adjust = (op: PyObject, delta: number): number => (op.refcnt = op.refcnt + delta);
        return {
          incref: (op) => void adjust(op, 1),
          decref: (op) => {
            if (adjust(op, -1) <= 0) rt.dealloc(op);
          },
        };
      },
    },
  },
  {
    name: 'update-refs-over-array',
    description: 'update_refs over an array of the members, with forEach',
    area: 'collector',
    check: 'cycle-collector',
    components: {
      stages: {
        updateRefs: (containers) =>
          members(containers).forEach((op) => {
            op.gcRefs = op.refcnt;
            op.gcFlags |= GcFlag.Collecting;
          }),
      },
    },
  },
  {
    name: 'subtract-refs-without-fast-path',
    description: 'subtract_refs through tp_traverse for every kind (no list/tuple fast path)',
    area: 'collector',
    check: 'cycle-collector',
    components: {
      stages: {
        subtractRefs: (containers) => {
          for (const op of members(containers))
            traverse(op, (r) => {
              if (r.gcFlags & GcFlag.Collecting) r.gcRefs -= 1;
            });
        },
      },
    },
  },
  {
    name: 'untrack-tuples-filtered',
    description: 'untrack_tuples: filter the tuples first, then try each',
    area: 'collector',
    check: 'cycle-collector',
    components: {
      stages: {
        untrackTuples: (rt, head) =>
          members(head)
            .filter((op) => op.type.kind === Kind.Tuple)
            .forEach((op) => tupleMaybeUntrack(rt, op)),
      },
    },
  },
  {
    name: 'delete-garbage-for-loop',
    description: 'delete_garbage as a for(;;) with an early break and a survivor test written out',
    area: 'collector',
    check: 'finalizers',
    components: {
      stages: {
        deleteGarbage: (rt, collectable, old) => {
          for (;;) {
            const first = collectable.gcNext!;
            if (first === collectable) break;
            if ((rt.gc.debug & DEBUG_SAVEALL) !== 0) listAppend(rt, rt.garbage, first);
            else {
              rt.incref(first);
              rt.clear(first);
              rt.decref(first);
            }
            const survived = collectable.gcNext === first;
            if (survived) {
              first.gcFlags = first.gcFlags & ~GcFlag.Collecting;
              gcListMove(first, old);
            }
          }
        },
      },
    },
  },
  {
    name: 'legacy-finalizers-to-garbage-by-array',
    description: 'handle_legacy_finalizers: collect the tp_del objects in an array, append them, then merge',
    area: 'finalizers',
    check: 'finalizers',
    components: {
      stages: {
        handleLegacyFinalizers: (rt, finalizers, old) => {
          const saveAll = (rt.gc.debug & DEBUG_SAVEALL) !== 0;
          const uncollectable = members(finalizers).filter((op) => saveAll || op.type.legacyDel !== null);
          for (const op of uncollectable) listAppend(rt, rt.garbage, op);
          gcListMerge(finalizers, old);
        },
      },
    },
  },
  {
    name: 'pymalloc-subclass-same-behaviour',
    description: 'a fresh Pymalloc per run created through a factory closure (the allocator path end to end)',
    area: 'allocator',
    check: 'allocator',
    components: { allocator: () => new Pymalloc() },
  },
];
