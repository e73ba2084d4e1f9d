/** tuple objects (Objects/tupleobject.c): the empty singleton, the per-size free lists, untracking. */
import type { Runtime } from '../runtime';
import { type PyObject } from './pyobject';
import { TYPES } from './pytype';
import { mayBeTracked } from './tracking';

/** A new tuple of `items` (borrowed); `()` is the static singleton. Tracked at once. */
export function newTuple(rt: Runtime, items: readonly PyObject[]): PyObject {
  for (const item of items) rt.incref(item);
  return newTupleStealing(rt, items);
}

/** A new tuple that takes over the caller's references to `items` (PyTuple_New + SET_ITEM). */
export function newTupleStealing(rt: Runtime, items: readonly PyObject[]): PyObject {
  const n = items.length;
  if (n === 0) return rt.newRef(rt.emptyTuple);
  const shell = rt.freelists.popTuple(n);
  const op =
    shell !== undefined
      ? rt.reuse(shell)
      : rt.freelists.takeStartupTuple(n)
        ? rt.allocStartupShell(TYPES.tuple, n)
        : rt.alloc(TYPES.tuple, n);
  op.items = items.slice();
  rt.track(op);
  return op;
}

/**
 * _PyTuple_MaybeUntrack: a tuple holding only objects that cannot be part of a cycle never needs
 * scanning again. Called on survivors of every collection; a nested tuple whose inner tuple is
 * untracked later can take another collection to be untracked itself.
 */
export function tupleMaybeUntrack(rt: Runtime, op: PyObject): void {
  if (op.gcNext === null) return;
  for (const item of op.items!) if (mayBeTracked(item)) return;
  rt.untrack(op);
}
