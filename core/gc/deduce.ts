/**
 * Finding what is unreachable: update_refs, subtract_refs, move_unreachable, and the
 * deduce_unreachable that runs them in order (Modules/gcmodule.c).
 */
import { Kind } from '../objects/kinds';
import { GcFlag, type PyObject } from '../objects/pyobject';
import { traverse as importedTraverse } from '../objects/traverse';
import { gcListMove as importedGcListMove, gcListNew } from './gclist';
import type { DeduceStages } from '../components';

// Module-local copies for the per-object loops (see gclist.ts).
const COLLECTING = GcFlag.Collecting;
const UNREACHABLE = GcFlag.Unreachable;
const LIST = Kind.List;
const TUPLE = Kind.Tuple;
const gcListMove = importedGcListMove;
const traverse = importedTraverse;

export type { DeduceStages } from '../components';

/**
 * Set all gc_refs = ob_refcnt. After this, gc_refs is > 0 and COLLECTING is set for every object
 * in `containers`. A zero refcount here means some deallocator left a dying object tracked: that
 * is a refcounting bug, and collecting it would free it twice, so it is reported instead.
 */
export function updateRefs(containers: PyObject): void {
  for (let gc = containers.gcNext!; gc !== containers; gc = gc.gcNext!) {
    const refcnt = gc.refcnt;
    if (refcnt <= 0) throw new GcRefcountError(gc, 'update_refs found a tracked object with refcount 0');
    gc.gcRefs = refcnt;
    gc.gcFlags |= COLLECTING;
  }
}

/** A traversal callback for subtract_refs: only objects of the generation being collected count. */
function visitDecref(op: PyObject): void {
  if ((op.gcFlags & COLLECTING) !== 0) {
    if (op.gcRefs <= 0) throw new GcRefcountError(op, 'gc_decref: refcount is too small');
    op.gcRefs--;
  }
}

/**
 * Subtract internal references from gc_refs. After this, gc_refs >= 0 for every object in
 * `containers`; the ones with gc_refs > 0 are directly reachable from outside the set.
 */
export function subtractRefs(containers: PyObject): void {
  for (let gc = containers.gcNext!; gc !== containers; gc = gc.gcNext!) {
    const kind = gc.type.kind;
    if (kind === LIST || kind === TUPLE) {
      // Fast path: list_traverse / tupletraverse written out here (items last to first, exactly as
      // traverse() visits them), so that the loop body is small, visitDecref is inlined, and the
      // memory loads of many objects overlap; a full collection is bound by them.
      const items = gc.items!;
      for (let i = items.length - 1; i >= 0; i--) visitDecref(items[i]);
    } else {
      traverse(gc, visitDecref);
    }
  }
}

/**
 * visit_reachable: `op` is referenced by an object found reachable. Objects in other generations,
 * and those already scanned (to the left of the scan in `young`), are left alone.
 */
function visitReachable(op: PyObject, young: PyObject): void {
  const flags = op.gcFlags;
  if ((flags & COLLECTING) === 0) return;
  if ((flags & UNREACHABLE) !== 0) {
    // It had gc_refs = 0 when the scan got to it, but is reachable after all: back to young.
    op.gcFlags = flags & ~UNREACHABLE;
    gcListMove(op, young);
    op.gcRefs = 1;
  } else if (op.gcRefs === 0) {
    // Still ahead of us in young: just tell the scan it is reachable.
    op.gcRefs = 1;
  }
}

/**
 * Move the unreachable objects from `young` to `unreachable`. After this, no object in `young`
 * has COLLECTING set and every object in `unreachable` has it (and UNREACHABLE); everything in
 * `young` is reachable from outside the original set, nothing in `unreachable` is.
 *
 * Invariant of the loop: every object to the left of `gc` in young has been scanned and is
 * reachable; objects found to be reachable after being moved out are appended back to young and
 * scanned again when the loop gets to them.
 */
export function moveUnreachable(young: PyObject, unreachable: PyObject): void {
  // For the kinds without a fast path below; one closure per call, not per object.
  const visit = (op: PyObject): void => visitReachable(op, young);
  let prev = young;
  let gc = young.gcNext!;
  while (gc !== young) {
    if (gc.gcRefs !== 0) {
      // Reachable from outside: traverse it (which may append to young), mark it scanned.
      const kind = gc.type.kind;
      if (kind === LIST || kind === TUPLE) {
        // Fast path: list_traverse / tupletraverse written out, as in subtractRefs.
        const items = gc.items!;
        for (let i = items.length - 1; i >= 0; i--) visitReachable(items[i], young);
      } else {
        traverse(gc, visit);
      }
      gc.gcFlags &= ~COLLECTING;
      prev = gc;
    } else {
      // Maybe unreachable; assume so until something reachable points at it.
      gcListMove(gc, unreachable);
      gc.gcFlags |= UNREACHABLE;
    }
    gc = prev.gcNext!;
  }
}

/**
 * Deduce which objects among `base` are unreachable from outside the list and move them to a new
 * list, which is returned:
 * 1. update_refs copies each refcount to gc_refs;
 * 2. subtract_refs subtracts the references the objects in `base` make to each other, so only
 *    objects referenced from outside keep gc_refs > 0;
 * 3. move_unreachable moves the objects with gc_refs == 0 out, and back in again every object
 *    transitively reachable from one with gc_refs > 0.
 *
 * Contracts: `base` is a list with no flags set. The returned list still has UNREACHABLE set on
 * every member; move_legacy_finalizers or clearUnreachableMask must clear it.
 */
export function deduceUnreachable(base: PyObject, stages: DeduceStages): PyObject {
  stages.updateRefs(base);
  stages.subtractRefs(base);
  const unreachable = gcListNew();
  stages.moveUnreachable(base, unreachable);
  return unreachable;
}

export const REFERENCE_DEDUCE_STAGES: DeduceStages = { updateRefs, subtractRefs, moveUnreachable };

/** clear_unreachable_mask */
export function clearUnreachableMask(unreachable: PyObject): void {
  for (let gc = unreachable.gcNext!; gc !== unreachable; gc = gc.gcNext!) gc.gcFlags &= ~UNREACHABLE;
}

/** gc_list_clear_collecting */
export function clearCollecting(list: PyObject): void {
  for (let gc = list.gcNext!; gc !== list; gc = gc.gcNext!) gc.gcFlags &= ~COLLECTING;
}

/** A refcount that cannot be right (too small for the references the collector can see). */
export class GcRefcountError extends Error {
  constructor(
    readonly object: PyObject,
    message: string,
  ) {
    super(`${message} (object #${object.id}, ${object.type.name}, refcount ${object.refcnt})`);
    this.name = 'GcRefcountError';
  }
}
