/** handle_weakrefs: weak references to objects that are about to be collected. */
import type { Runtime } from '../runtime';
import { Kind } from '../objects/kinds';
import { GcFlag, type PyObject } from '../objects/pyobject';
import { clearWeakref, callWeakrefCallback } from '../objects/weakrefobject';
import { gcListIsEmpty, gcListMove, gcListNew } from './gclist';

// A module-local copy for the per-object loop (see gclist.ts).
const WEAKREF = Kind.Weakref;

/**
 * Clear every weakref to an object in `unreachable`, and call the callbacks of the weakrefs that
 * are themselves reachable (a weakref in the trash has its callback suppressed: it and its
 * referent go away together, and running it could expose half-cleared objects).
 *
 * No callback runs until every weakref is cleared, lest a callback resurrect trash through a
 * weakref still alive. A weakref inside the trash is cleared too (bpo-38006). Weakrefs freed once
 * their callback ran are counted in the number returned (they join the "collected" count);
 * surviving ones move to `old`.
 */
export function handleWeakrefs(rt: Runtime, unreachable: PyObject, old: PyObject): number {
  const wrcbToCall = gcListNew();
  let next: PyObject;
  for (let gc = unreachable.gcNext!; gc !== unreachable; gc = next) {
    next = gc.gcNext!;
    if (gc.type.kind === WEAKREF) clearWeakref(gc);
    if (!gc.type.supportsWeakrefs) continue;
    const list = gc.weaklist;
    if (list === null) continue;
    while (list.length > 0) {
      const wr = list[0];
      clearWeakref(wr);
      if (wr.refs![0] === null) continue;
      if ((wr.gcFlags & GcFlag.Collecting) !== 0) continue;
      rt.incref(wr);
      gcListMove(wr, wrcbToCall);
    }
  }
  let numFreed = 0;
  while (!gcListIsEmpty(wrcbToCall)) {
    const wr = wrcbToCall.gcNext!;
    callWeakrefCallback(rt, wr, wr.refs![0]!);
    rt.decref(wr);
    if (wrcbToCall.gcNext === wr) gcListMove(wr, old);
    else numFreed++;
  }
  return numFreed;
}
