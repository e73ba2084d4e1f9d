/**
 * Which generation list a recorded object is on, as the page shows it (0..2, 3 for the permanent
 * generation, -1 on none). Walking every list costs as much as the tracked heap at every step, so
 * past the bound only the short lists are walked (generation 0 and 1 are bounded by the
 * thresholds, the permanent one is empty without gc.freeze()): a tracked object on neither is in
 * generation 2, unless a collection in progress has moved it to its unreachable list.
 */
import type { Runtime } from '../core/runtime';
import type { PyObject } from '../core/objects/pyobject';

const PERMANENT = 3;

/** Index, into generations 0..2 then the permanent one, of each object on the walked lists. */
function walk(heads: readonly (readonly [PyObject, number])[]): Map<number, number> {
  const index = new Map<number, number>();
  for (const [head, generation] of heads)
    for (let op = head.gcNext!; op !== head; op = op.gcNext!) index.set(op.id, generation);
  return index;
}

/**
 * The generation of each object at this moment. `whole` walks every list (a small heap);
 * otherwise `offList` names the objects a collection in progress holds on its own lists.
 */
export function generationIndex(rt: Runtime, whole: boolean, offList: ReadonlySet<number>): (op: PyObject) => number {
  const [young, middle, old] = rt.gc.generations;
  const heads: [PyObject, number][] = [
    [young.head, 0],
    [middle.head, 1],
    [rt.gc.permanent.head, PERMANENT],
  ];
  if (whole) heads.push([old.head, 2]);
  const index = walk(heads);
  return (op) => index.get(op.id) ?? (whole || op.gcNext === null || offList.has(op.id) ? -1 : 2);
}
