/**
 * Finalizers in a collection: legacy tp_del objects that make a cycle uncollectable, PEP 442
 * finalizers (`__del__`) that run once before the cycle is cleared, and the re-check for objects
 * those finalizers resurrected.
 */
import type { Runtime } from '../runtime';
import { GcFlag, type PyObject } from '../objects/pyobject';
import { traverse } from '../objects/traverse';
import { listAppend } from '../objects/list';
import { DEBUG_SAVEALL } from './state';
import { gcListMerge, gcListMove as importedGcListMove, gcListNew } from './gclist';
import type { DeduceStages } from '../components';
import { clearCollecting, clearUnreachableMask, deduceUnreachable } from './deduce';

// Module-local copies for the per-object loops (see gclist.ts).
const FINALIZED = GcFlag.Finalized;
const COLLECTING = GcFlag.Collecting;
const UNREACHABLE = GcFlag.Unreachable;
const gcListMove = importedGcListMove;

function hasLegacyFinalizer(op: PyObject): boolean {
  return op.type.legacyDel !== null;
}

/**
 * Move the objects in `unreachable` with a tp_del slot into `finalizers`, and clear UNREACHABLE on
 * every object: after this `unreachable` is an ordinary list again.
 */
export function moveLegacyFinalizers(unreachable: PyObject, finalizers: PyObject): void {
  let next: PyObject;
  for (let gc = unreachable.gcNext!; gc !== unreachable; gc = next) {
    gc.gcFlags &= ~UNREACHABLE;
    next = gc.gcNext!;
    if (hasLegacyFinalizer(gc)) {
      gc.gcFlags &= ~COLLECTING;
      gcListMove(gc, finalizers);
    }
  }
}

/**
 * Move everything reachable from `finalizers` out of the unreachable set into `finalizers` too:
 * a legacy finalizer may use any of it, so none of it can be freed. The list grows as it is walked.
 */
export function moveLegacyFinalizerReachable(finalizers: PyObject): void {
  const visitMove = (op: PyObject): void => {
    if ((op.gcFlags & COLLECTING) !== 0) {
      gcListMove(op, finalizers);
      op.gcFlags &= ~COLLECTING;
    }
  };
  for (let gc = finalizers.gcNext!; gc !== finalizers; gc = gc.gcNext!) traverse(gc, visitMove);
}

/**
 * Run first-time finalizers on everything in `collectable`. A finalizer may free or resurrect any
 * object, so the list cannot be trusted across calls: always take its first object and move it to
 * a `seen` list, and put `seen` back at the end. FINALIZED is set before the call, so a finalizer
 * runs once per object, ever.
 */
export function finalizeGarbage(rt: Runtime, collectable: PyObject): void {
  const seen = gcListNew();
  while (collectable.gcNext !== collectable /* !gc_list_is_empty */) {
    const op = collectable.gcNext!;
    gcListMove(op, seen);
    const finalize = op.type.finalize;
    if ((op.gcFlags & FINALIZED) === 0 && finalize !== null) {
      op.gcFlags |= FINALIZED;
      rt.incref(op);
      if (rt.listeners.length > 0) rt.emit({ kind: 'finalize', id: op.id });
      try {
        finalize(op);
      } catch (error) {
        rt.unraisableHook(error, op, '__del__');
      }
      rt.decref(op);
    }
  }
  gcListMerge(seen, collectable);
}

/**
 * After finalizers ran, deduce again which objects of `unreachable` are still unreachable, now
 * from their current refcounts. Objects a finalizer made reachable again (and everything they
 * reach) go to `old`; the rest are returned, still flagged COLLECTING, to be deleted.
 */
export function handleResurrectedObjects(unreachable: PyObject, old: PyObject, stages: DeduceStages): PyObject {
  clearCollecting(unreachable);
  const stillUnreachable = deduceUnreachable(unreachable, stages);
  clearUnreachableMask(stillUnreachable);
  gcListMerge(unreachable, old);
  return stillUnreachable;
}

/**
 * Append the uncollectable objects to gc.garbage: those with tp_del, or all of them under
 * DEBUG_SAVEALL. They all stay alive in the older generation.
 */
export function handleLegacyFinalizers(rt: Runtime, finalizers: PyObject, old: PyObject): void {
  for (let gc = finalizers.gcNext!; gc !== finalizers; gc = gc.gcNext!) {
    if ((rt.gc.debug & DEBUG_SAVEALL) !== 0 || hasLegacyFinalizer(gc)) listAppend(rt, rt.garbage, gc);
  }
  gcListMerge(finalizers, old);
}
