/** set objects (Objects/setobject.c): tracked at creation, with the table growth of set_table_resize. */
import type { Runtime } from '../runtime';
import { DictTable } from './dicttable';
import { SetTable } from './settable';
import { hashKey } from './hashkey';
import { type PyObject } from './pyobject';
import { TYPES } from './pytype';
import { keyError, releaseEntries } from './dict';

export function newSet(rt: Runtime, items: readonly PyObject[]): PyObject {
  const op = rt.alloc(TYPES.set);
  op.table = new DictTable();
  op.table.set = new SetTable();
  rt.track(op);
  for (const item of items) setAdd(rt, op, item);
  return op;
}

/** Move the table outside the object when it outgrows the inline smalltable of 8 entries. */
function reallocTable(rt: Runtime, op: PyObject): void {
  rt.reallocAux(op, op.table!.set!.bytes(rt.profile));
}

/**
 * A display of 3+ constants: BUILD_SET 0 then SET_UPDATE with a constant frozenset, whose table
 * layout decides the new set's order. `keys` are borrowed and distinct.
 */
export function setFromConstants(rt: Runtime, op: PyObject, keys: readonly PyObject[]): void {
  const distinct: PyObject[] = [];
  for (const k of keys) if (!distinct.some((d) => hashKey(d) === hashKey(k))) distinct.push(k);
  const entries = distinct.map((key) => ({ key: rt.newRef(key), value: null }));
  entries.forEach((e) => op.table!.map.set(hashKey(e.key), e));
  op.table!.set!.mergeConstant(entries, SetTable.constantLayout(distinct));
  reallocTable(rt, op);
}

/** set.add */
export function setAdd(rt: Runtime, op: PyObject, key: PyObject): void {
  const hk = hashKey(key);
  if (op.table!.map.has(hk)) return;
  const entry = { key: rt.newRef(key), value: null };
  op.table!.map.set(hk, entry);
  if (op.table!.set!.add(entry)) reallocTable(rt, op);
}

export function setContains(op: PyObject, key: PyObject): boolean {
  return op.table!.map.has(hashKey(key));
}

/** set.remove (raises KeyError) / set.discard */
export function setDiscard(rt: Runtime, op: PyObject, key: PyObject, raise: boolean): void {
  const hk = hashKey(key);
  const entry = op.table!.map.get(hk);
  if (entry === undefined) {
    if (raise) throw keyError(key);
    return;
  }
  op.table!.map.delete(hk);
  op.table!.set!.remove(entry);
  rt.decref(entry.key);
}

/** set.clear: back to the smalltable, then release the keys. */
export function setClear(rt: Runtime, op: PyObject): void {
  const entries = op.table!.set!.order();
  op.table!.map.clear();
  op.table!.noteClear();
  reallocTable(rt, op);
  releaseEntries(rt, entries);
}
