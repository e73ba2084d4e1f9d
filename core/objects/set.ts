/** set objects (Objects/setobject.c): tracked at creation, with the table growth of set_table_resize. */
import type { Runtime } from '../runtime';
import { DictTable } from './dicttable';
import { hashKey } from './hashkey';
import { PyObject } from './pyobject';
import { TYPES } from './pytype';
import { keyError, releaseEntries } from './dict';

export function newSet(rt: Runtime, items: readonly PyObject[]): PyObject {
  const op = rt.alloc(TYPES.set);
  op.table = new DictTable();
  rt.track(op);
  for (const item of items) setAdd(rt, op, item);
  return op;
}

/** Move the table outside the object when it outgrows the inline smalltable of 8 entries. */
function reallocTable(rt: Runtime, op: PyObject): void {
  rt.reallocAux(op, op.table!.setTableBytes());
}

/** set.add */
export function setAdd(rt: Runtime, op: PyObject, key: PyObject): void {
  const hk = hashKey(key);
  if (op.table!.map.has(hk)) return;
  op.table!.map.set(hk, { key: rt.newRef(key), value: null });
  if (op.table!.noteSetInsert()) reallocTable(rt, op);
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
  rt.decref(entry.key);
}

/** set.clear: back to the smalltable, then release the keys. */
export function setClear(rt: Runtime, op: PyObject): void {
  const entries = [...op.table!.map.values()];
  op.table!.map.clear();
  op.table!.noteClear();
  reallocTable(rt, op);
  releaseEntries(rt, entries);
}
