/**
 * Deliberately broken copies of the memory manager's components, one realistic bug each. The
 * bug-injection tests run the heap property against them to prove each invariant can fail.
 */
import type { RuntimeOptions } from '../../core/runtime';
import type { RefCounting } from '../../core/components';
import type { PyObject } from '../../core/objects/pyobject';
import type { Runtime } from '../../core/runtime';
import { Kind } from '../../core/objects/kinds';
import { GcFlag } from '../../core/objects/pyobject';
import { ReferenceCollector, type CollectorStages } from '../../core/gc/collect';
import { traverse } from '../../core/objects/traverse';
import { gcListMove, gcListIsEmpty, gcListMerge, gcListNew, gcListRemove } from '../../core/gc/gclist';
import type { InvariantName } from '../../core/invariants/heap';

/** Refcounting with a twist in decref; everything else as the reference does it. */
function refcountingWith(decref: (rt: Runtime, op: PyObject) => void): RuntimeOptions {
  return {
    components: {
      refcounting: (rt): RefCounting => ({
        incref: (op) => {
          op.refcnt++;
        },
        decref: (op) => decref(rt, op),
      }),
    },
  };
}

function collectorWith(stages: Partial<CollectorStages>): RuntimeOptions {
  return { components: { collector: (rt) => new ReferenceCollector(rt, stages) } };
}

export interface InjectedBug {
  readonly invariant: InvariantName;
  readonly description: string;
  readonly options: RuntimeOptions;
}

export const INJECTED_BUGS: readonly InjectedBug[] = [
  {
    invariant: 'refcount-conservation',
    description: 'Py_DECREF forgets to decrement dicts that are still shared (a leak)',
    options: refcountingWith((rt, op) => {
      if (op.type.kind === Kind.Dict && op.refcnt > 1) return;
      if (--op.refcnt === 0) rt.dealloc(op);
    }),
  },
  {
    invariant: 'no-freed-reachable',
    description: 'Py_DECREF deallocates lists one reference early (`<= 1` instead of `== 0`)',
    options: refcountingWith((rt, op) => {
      if (op.freed) return;
      if (--op.refcnt === 0 || (op.type.kind === Kind.List && op.refcnt === 1)) rt.dealloc(op);
    }),
  },
  {
    invariant: 'immediate-reclamation',
    description: 'Py_DECREF never calls the deallocator for instances',
    options: refcountingWith((rt, op) => {
      if (--op.refcnt === 0 && op.type.kind !== Kind.Instance) rt.dealloc(op);
    }),
  },
  {
    invariant: 'cycles-reclaimed',
    description: 'subtract_refs does nothing, so every object looks referenced from outside',
    options: collectorWith({ subtractRefs: () => {} }),
  },
  {
    invariant: 'collector-safety',
    description: 'visit_reachable forgets to move objects back from the unreachable list',
    options: collectorWith({
      moveUnreachable: (young, unreachable) => {
        const visit = (op: PyObject) => {
          if ((op.gcFlags & GcFlag.Collecting) !== 0 && (op.gcFlags & GcFlag.Unreachable) === 0 && op.gcRefs === 0)
            op.gcRefs = 1;
        };
        let prev = young;
        for (let gc = young.gcNext!; gc !== young; gc = prev.gcNext!) {
          if (gc.gcRefs !== 0) {
            traverse(gc, visit);
            gc.gcFlags &= ~GcFlag.Collecting;
            prev = gc;
          } else {
            gcListMove(gc, unreachable);
            gc.gcFlags |= GcFlag.Unreachable;
          }
        }
      },
    }),
  },
  {
    invariant: 'generation-accounting',
    description: 'untrack_tuples unlinks a tuple but leaves _gc_next set, so it still looks tracked',
    options: collectorWith({
      untrackTuples: (_rt, head) => {
        for (let gc = head.gcNext!; gc !== head; gc = gc.gcNext!) {
          if (gc.type.kind === Kind.Tuple && gc.items!.every((i) => !i.type.isGC)) {
            gcListRemove(gc);
            gc.gcNext = gc;
            gc.gcPrev = gc;
            return;
          }
        }
      },
    }),
  },
  {
    invariant: 'finalize-once',
    description: 'finalize_garbage calls __del__ without checking the FINALIZED flag',
    options: collectorWith({
      finalizeGarbage: (rt, collectable) => {
        const seen = gcListNew();
        while (!gcListIsEmpty(collectable)) {
          const op = collectable.gcNext!;
          gcListMove(op, seen);
          if (op.type.finalize !== null) {
            op.gcFlags |= GcFlag.Finalized;
            rt.incref(op);
            rt.emit({ kind: 'finalize', id: op.id });
            op.type.finalize(op);
            rt.decref(op);
          }
        }
        gcListMerge(seen, collectable);
      },
    }),
  },
  {
    invariant: 'dead-weakrefs',
    description: 'the deallocator forgets PyObject_ClearWeakRefs, leaving weakrefs pointing at freed memory',
    options: refcountingWith((rt, op) => {
      if (--op.refcnt === 0) {
        op.weaklist = null;
        rt.dealloc(op);
      }
    }),
  },
];
