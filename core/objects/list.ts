/**
 * list objects (Objects/listobject.c): creation through the free list, the over-allocating
 * list_resize, and the mutations the interpreter needs. Values passed in are borrowed; the list
 * takes its own reference to each item it stores.
 */
import type { Runtime } from '../runtime';
import { type PyObject } from './pyobject';
import { TYPES } from './pytype';
import { PyException } from '../errors';

/** PyList_New: an empty list with room for `allocated` items, from the free list if it can be; tracked at once. */
function listNew(rt: Runtime, allocated: number, fromFreeList = true): PyObject {
  const shell = fromFreeList ? rt.freelists.lists.pop() : undefined;
  const op =
    shell !== undefined
      ? rt.reuse(shell)
      : fromFreeList && rt.freelists.takeStartupList()
        ? rt.allocStartupShell(TYPES.list)
        : rt.alloc(TYPES.list);
  op.items = [];
  setAllocated(rt, op, allocated);
  rt.track(op);
  return op;
}

/** Move the item array to a block of `allocated` pointers (PyMem_Realloc). */
function setAllocated(rt: Runtime, op: PyObject, allocated: number): void {
  if (rt.allocator !== null && allocated !== op.allocated) {
    op.auxAddress =
      allocated === 0
        ? freeAux(rt, op)
        : op.auxAddress === 0
          ? rt.allocator.malloc(allocated * rt.profile.pointerSize)
          : rt.allocator.realloc(op.auxAddress, allocated * rt.profile.pointerSize);
  }
  op.allocated = allocated;
}

function freeAux(rt: Runtime, op: PyObject): number {
  if (op.auxAddress !== 0) rt.allocator!.free(op.auxAddress);
  return 0;
}

/** A new list holding `items` (BUILD_LIST n): exact allocation. */
export function newList(rt: Runtime, items: readonly PyObject[]): PyObject {
  const op = listNew(rt, items.length);
  for (const item of items) op.items!.push(rt.newRef(item));
  return op;
}

/** list(): type_call's tp_alloc (PyType_GenericAlloc) always allocates; only PyList_New takes from the free list. */
export function newListFromType(rt: Runtime): PyObject {
  return listNew(rt, 0, false);
}

/**
 * list_resize: grow with over-allocation (0, 4, 8, 16, 24, 32, 40, 52, 64, 76, ...) and shrink only
 * below half, so that appends are amortised O(1) and `sys.getsizeof` shows the spare capacity.
 */
export function listResize(rt: Runtime, op: PyObject, newsize: number): void {
  const allocated = op.allocated;
  if (allocated >= newsize && newsize >= allocated >> 1) return;
  let newAllocated = (newsize + (newsize >> 3) + 6) & ~3;
  if (newsize - op.items!.length > newAllocated - newsize) newAllocated = (newsize + 3) & ~3;
  if (newsize === 0) newAllocated = 0;
  setAllocated(rt, op, newAllocated);
}

/** list.append */
export function listAppend(rt: Runtime, op: PyObject, value: PyObject): void {
  listResize(rt, op, op.items!.length + 1);
  op.items!.push(rt.newRef(value));
}

/** list.insert (index clamped like Python's). */
export function listInsert(rt: Runtime, op: PyObject, index: number, value: PyObject): void {
  const n = op.items!.length;
  const where = index < 0 ? Math.max(0, index + n) : Math.min(index, n);
  listResize(rt, op, n + 1);
  op.items!.splice(where, 0, rt.newRef(value));
}

/**
 * list.extend from a list or tuple: an empty list is pre-allocated exactly, rounded up to even
 * (list_preallocate_exact); otherwise it is resized like an append.
 */
export function listExtend(rt: Runtime, op: PyObject, values: readonly PyObject[]): void {
  const n = values.length;
  if (n === 0) return;
  if (op.allocated === 0) listPreallocateExact(rt, op, n);
  else listResize(rt, op, op.items!.length + n);
  for (const v of values) op.items!.push(rt.newRef(v));
}

/** list_preallocate_exact: room for n items, rounded up to even, in a list with no item array. */
export function listPreallocateExact(rt: Runtime, op: PyObject, n: number): void {
  setAllocated(rt, op, (n + 1) & ~1);
}

export function normaliseIndex(op: PyObject, index: number, what: string): number {
  const n = op.items!.length;
  const i = index < 0 ? index + n : index;
  if (i < 0 || i >= n) throw new PyException('IndexError', `${what} index out of range`);
  return i;
}

/** lst[i] = value: the new item is stored before the old one is released. */
export function listSetItem(rt: Runtime, op: PyObject, index: number, value: PyObject): void {
  const i = normaliseIndex(op, index, 'list assignment');
  const old = op.items![i];
  op.items![i] = rt.newRef(value);
  rt.decref(old);
}

/** list.pop(i): the item is removed and returned (the caller owns the reference). */
export function listPop(rt: Runtime, op: PyObject, index = -1): PyObject {
  if (op.items!.length === 0) throw new PyException('IndexError', 'pop from empty list');
  const i = normaliseIndex(op, index, 'pop');
  const [item] = op.items!.splice(i, 1);
  listResize(rt, op, op.items!.length);
  return item;
}

/** del lst[i] and list.remove (list_ass_slice): remove, resize, then release the item. */
export function listDelItem(rt: Runtime, op: PyObject, index: number): void {
  const i = normaliseIndex(op, index, 'list assignment');
  // list_ass_slice: deleting the last remaining item clears the list (the item array is freed).
  if (op.items!.length === 1) return listClear(rt, op);
  const [item] = op.items!.splice(i, 1);
  listResize(rt, op, op.items!.length);
  rt.decref(item);
}

/** list.clear (_list_clear): empty the list first, then release the items last to first. */
export function listClear(rt: Runtime, op: PyObject): void {
  const items = op.items!;
  op.items = [];
  setAllocated(rt, op, 0);
  for (let i = items.length - 1; i >= 0; i--) rt.decref(items[i]);
}
