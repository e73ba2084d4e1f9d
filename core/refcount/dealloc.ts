/**
 * tp_dealloc for every kind: what happens the moment an object's refcount reaches zero.
 *
 * Each deallocator untracks the object, then releases what it holds in CPython's order (list and
 * tuple items last to first, dict entries and instance attributes in insertion order), clears
 * weakrefs (running their callbacks), and finally returns the memory or parks the shell on a free
 * list. Instances run `__del__` first (PEP 442: at most once for GC objects) and survive if it
 * resurrected them. Containers go through the trashcan so that deep structures free iteratively.
 */
import type { Deallocator } from '../components';
import type { Runtime } from '../runtime';
import { Kind } from '../objects/kinds';
import { TYPES } from '../objects/pytype';
import { GcFlag, type PyObject } from '../objects/pyobject';
import { clearWeakRefs, clearWeakref } from '../objects/weakrefobject';
import { trashcanBegin, trashcanEnd } from './trashcan';
import { freeKeys } from '../objects/dict';
import { removeSubclass } from '../objects/classobject';
import { genClearFrame } from '../objects/genobject';
import { releaseSliceParts } from '../objects/sliceobject';

/** The reference tp_dealloc of every type, as the `dealloc` component. */
export class ReferenceDeallocator implements Deallocator {
  constructor(private readonly rt: Runtime) {}

  dealloc(op: PyObject): void {
    tpDealloc(this.rt, op);
  }
}

/** Dispatch on the type, as Py_TYPE(op)->tp_dealloc(op) does. */
export function tpDealloc(rt: Runtime, op: PyObject): void {
  switch (op.type.kind) {
    case Kind.List:
      return listDealloc(rt, op);
    case Kind.Tuple:
      return tupleDealloc(rt, op);
    case Kind.Dict:
      return dictDealloc(rt, op);
    case Kind.Set:
      return setDealloc(rt, op);
    case Kind.Float:
      return floatDealloc(rt, op);
    case Kind.Instance:
      // object_dealloc for a bare object(); subtype_dealloc for instances of classes.
      return op.type === TYPES.object ? release(rt, op) : subtypeDealloc(rt, op);
    case Kind.Type:
      return typeDealloc(rt, op);
    case Kind.Weakref:
      rt.untrack(op);
      clearWeakref(op);
      releaseRefs(rt, op);
      return release(rt, op);
    case Kind.Code:
      for (const c of op.items!.splice(0)) rt.decref(c);
      return release(rt, op);
    case Kind.Generator:
      return genDealloc(rt, op);
    case Kind.Slice:
      // slice_dealloc: the parts go, then the shell fills the slice cache if it is empty.
      rt.untrack(op);
      releaseSliceParts(rt, op);
      return rt.freelists.parkSlice(op) ? die(rt, op) : release(rt, op);
    case Kind.Function:
      // func_dealloc: weakrefs, func_clear (globals, defaults, closure, annotations), then the code object.
      rt.untrack(op);
      clearWeakRefs(rt, op);
      releaseRefs(rt, op);
      return release(rt, op);
    default:
      // Bound methods (func, self), modules (dict), iterators, descriptors, atoms.
      rt.untrack(op);
      if (op.type.supportsWeakrefs) clearWeakRefs(rt, op);
      releaseRefs(rt, op);
      return release(rt, op);
  }
}

/** Release op.refs in order, nulling each field first (Py_CLEAR). */
function releaseRefs(rt: Runtime, op: PyObject): void {
  const refs = op.refs;
  if (refs === null) return;
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i];
    refs[i] = null;
    if (r !== null) rt.decref(r);
  }
}

/** The object is dead: unlink it from the refchain and hand its memory back (tp_free). */
function release(rt: Runtime, op: PyObject): void {
  die(rt, op);
  if (op.auxAddress !== 0 && rt.allocator !== null) rt.allocator.free(op.auxAddress);
  op.auxAddress = 0;
  rt.free(op);
}

/** Unlink from the refchain and mark freed; the memory stays with a free list or goes next. */
function die(rt: Runtime, op: PyObject): void {
  rt.forgetReference(op);
  op.freed = true;
}

function listDealloc(rt: Runtime, op: PyObject): void {
  rt.untrack(op);
  if (trashcanBegin(rt, op)) return;
  const items = op.items!;
  for (let i = items.length - 1; i >= 0; i--) rt.decref(items[i]);
  op.items = null;
  if (op.auxAddress !== 0 && rt.allocator !== null) rt.allocator.free(op.auxAddress);
  op.auxAddress = 0;
  op.allocated = 0;
  if (rt.freelists.pushList(op)) die(rt, op);
  else release(rt, op);
  trashcanEnd(rt);
}

/** float_dealloc: park the shell on the float free list while it has room, else free it. */
function floatDealloc(rt: Runtime, op: PyObject): void {
  if (rt.freelists.pushFloat(op)) die(rt, op);
  else release(rt, op);
}

function tupleDealloc(rt: Runtime, op: PyObject): void {
  if (op === rt.emptyTuple) return;
  rt.untrack(op);
  if (trashcanBegin(rt, op)) return;
  const items = op.items!;
  for (let i = items.length - 1; i >= 0; i--) rt.decref(items[i]);
  if (rt.freelists.pushTuple(op, items.length)) die(rt, op);
  else release(rt, op);
  op.items = null;
  trashcanEnd(rt);
}

function dictDealloc(rt: Runtime, op: PyObject): void {
  rt.untrack(op);
  if (trashcanBegin(rt, op)) return;
  const entries = [...op.table!.map.values()];
  for (const entry of entries) {
    rt.decref(entry.key);
    rt.decref(entry.value!);
  }
  freeKeys(rt, op);
  op.table = null;
  if (rt.freelists.pushDict(op)) die(rt, op);
  else release(rt, op);
  trashcanEnd(rt);
}

function setDealloc(rt: Runtime, op: PyObject): void {
  rt.untrack(op);
  if (trashcanBegin(rt, op)) return;
  clearWeakRefs(rt, op);
  const entries = [...op.table!.entries()];
  op.table = null;
  for (const entry of entries) rt.decref(entry.key);
  release(rt, op);
  trashcanEnd(rt);
}

/** type_dealloc: weakrefs, the entry in its base's subclasses, then base, dict, bases, mro, slots. */
function typeDealloc(rt: Runtime, op: PyObject): void {
  rt.untrack(op);
  clearWeakRefs(rt, op);
  removeSubclass(rt, op);
  const [dict, mro, bases, base, slots, qualname] = op.refs!;
  op.refs = [null, null, null, null, null, null];
  for (const r of [base, dict, bases, mro, qualname ?? null, slots ?? null]) if (r !== null) rt.decref(r);
  release(rt, op);
}

/**
 * PyObject_CallFinalizerFromDealloc: temporarily resurrect the object (refcount 1), call its
 * finalizer unless it already ran, and report whether the finalizer left references behind.
 */
function finalizeFromDealloc(rt: Runtime, op: PyObject, finalize: (self: PyObject) => void): boolean {
  op.refcnt = 1;
  if ((op.gcFlags & GcFlag.Finalized) === 0) {
    if (rt.listeners.length > 0) rt.emit({ kind: 'finalize', id: op.id });
    try {
      finalize(op);
    } catch (error) {
      rt.unraisableHook(error, op, '__del__');
    }
    op.gcFlags |= GcFlag.Finalized;
  }
  op.refcnt--;
  return op.refcnt > 0;
}

/**
 * gen_dealloc: weakrefs, then _PyGen_Finalize (closing a suspended generator; a resurrected one
 * survives), then the frame if still there (locals, stack, function), then the code object.
 */
function genDealloc(rt: Runtime, op: PyObject): void {
  rt.untrack(op);
  clearWeakRefs(rt, op);
  rt.track(op);
  if (finalizeFromDealloc(rt, op, op.type.finalize!)) return;
  rt.untrack(op);
  genClearFrame(rt, op, true);
  releaseRefs(rt, op);
  release(rt, op);
}

/**
 * subtype_dealloc: finalizer (resurrection aborts), weakrefs, legacy tp_del, slots, the inline
 * values or the dict, the memory, and last the reference to the class.
 */
function subtypeDealloc(rt: Runtime, op: PyObject): void {
  const type = op.type;
  rt.untrack(op);
  if (trashcanBegin(rt, op)) return;
  try {
    if (type.finalize !== null) {
      rt.track(op);
      if (finalizeFromDealloc(rt, op, type.finalize)) return;
      rt.untrack(op);
    }
    if (type.supportsWeakrefs) clearWeakRefs(rt, op);
    if (type.legacyDel !== null) {
      rt.track(op);
      op.refcnt = 1;
      type.legacyDel(op);
      if (--op.refcnt > 0) return;
      rt.untrack(op);
    }
    if ((type.finalize !== null || type.legacyDel !== null) && op.weaklist !== null) {
      // Weakrefs created by the finalizer are cleared without calling their callbacks.
      while (op.weaklist.length > 0) clearWeakref(op.weaklist[0]);
    }
    releaseRefs(rt, op);
    if (op.dictRef !== null) {
      const dict = op.dictRef;
      op.dictRef = null;
      rt.decref(dict);
    } else if (op.values !== null) {
      const values = op.values;
      op.values = null;
      for (const v of values) if (v !== null && v !== undefined) rt.decref(v);
    }
    release(rt, op);
    rt.decref(type.typeObject!);
  } finally {
    trashcanEnd(rt);
  }
}
