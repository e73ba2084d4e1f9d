/**
 * Slicing lists (Objects/listobject.c): `lst[i:j:k]` copies, `lst[i:j] = seq` and `del lst[i:j]`
 * (list_ass_slice), and their extended-slice forms (list_ass_subscript). What matters for memory is
 * when the removed items are released: after the list has its new contents, last to first for a
 * plain slice (its recycle array), first to last for an extended one (its garbage array).
 */
import type { Runtime } from '../runtime';
import { PyException } from '../errors';
import type { PyObject } from './pyobject';
import { listClear, listResize, newList } from './list';
import { sliceIndices, sliceRange } from './sliceobject';

/** list_subscript with a slice: a new list of exactly the selected items. */
export function listGetSlice(rt: Runtime, op: PyObject, slice: PyObject): PyObject {
  const items = op.items!;
  return newList(
    rt,
    sliceIndices(sliceRange(slice, items.length)).map((i) => items[i]),
  );
}

/**
 * list_ass_subscript with a slice: `values` (borrowed, a list or tuple's items: PySequence_Fast
 * already done by the caller) replace the selected items, or null deletes them.
 */
export function listAssSlice(rt: Runtime, op: PyObject, slice: PyObject, values: readonly PyObject[] | null): void {
  const range = sliceRange(slice, op.items!.length);
  if (range.step === 1) return assignContiguous(rt, op, range.start, Math.max(range.stop, range.start), values);
  const selected = sliceIndices(range);
  if (values === null) return deleteExtended(rt, op, selected);
  if (values.length !== selected.length) {
    throw new PyException(
      'ValueError',
      `attempt to assign sequence of size ${values.length} to extended slice of size ${selected.length}`,
    );
  }
  const items = op.items!;
  const garbage = selected.map((i, k) => {
    const old = items[i];
    items[i] = rt.newRef(values[k]);
    return old;
  });
  for (const old of garbage) rt.decref(old);
}

/** list_ass_slice(a, low, high, v): replace items [low, high) with `values` (or remove them). */
function assignContiguous(
  rt: Runtime,
  op: PyObject,
  low: number,
  high: number,
  values: readonly PyObject[] | null,
): void {
  const items = op.items!;
  const n = values?.length ?? 0;
  // Emptying the whole list is _list_clear: the item array is freed too.
  if (items.length - (high - low) + n === 0) return listClear(rt, op);
  const recycle = items.slice(low, high);
  const incoming = (values ?? []).map((v) => rt.newRef(v));
  if (n < recycle.length) {
    items.splice(low, recycle.length, ...incoming);
    listResize(rt, op, items.length);
  } else {
    listResize(rt, op, items.length + n - recycle.length);
    items.splice(low, recycle.length, ...incoming);
  }
  for (let k = recycle.length - 1; k >= 0; k--) rt.decref(recycle[k]);
}

/** An extended slice deleted: the items leave, the list shrinks, then they are released in index order. */
function deleteExtended(rt: Runtime, op: PyObject, selected: number[]): void {
  if (selected.length === 0) return;
  const ascending = selected[0] > selected[selected.length - 1] ? [...selected].reverse() : selected;
  const drop = new Set(ascending);
  const items = op.items!;
  const garbage = ascending.map((i) => items[i]);
  op.items = items.filter((_, i) => !drop.has(i));
  listResize(rt, op, op.items.length);
  for (const old of garbage) rt.decref(old);
}
