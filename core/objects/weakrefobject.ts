/**
 * weakref.ref (Objects/weakrefobject.c). A referent keeps its weakrefs in a list: the one basic
 * ref without a callback first (shared by every `weakref.ref(obj)` call), then refs with callbacks,
 * each new one inserted right after the basic ref, so they sit newest first.
 */
import type { Runtime } from '../runtime';
import { type PyObject } from './pyobject';
import { PyType, TYPES } from './pytype';
import { Kind } from './kinds';
import { PyException } from '../errors';
import { newTupleStealing } from './tuple';

/** Where a weakref keeps wr_callback in its `refs`. */
export const WR_CALLBACK = 0;

/** The weakref's callback, borrowed; null when it has none or it was already called or cleared. */
export function weakrefCallback(wr: PyObject): PyObject | null {
  return wr.refs![WR_CALLBACK];
}

/** Take the callback out of `wr` (the caller now owns that reference), as handle_callback's callers do. */
function takeWeakrefCallback(wr: PyObject): PyObject {
  const callback = wr.refs![WR_CALLBACK]!;
  wr.refs![WR_CALLBACK] = null;
  return callback;
}

/**
 * weakref.ref(obj[, callback]): a new reference to a (possibly shared) weakref. `type` is a
 * subtype of ref (weakref.KeyedRef) when given; a subtype's ref is never the shared basic one.
 */
export function newWeakref(
  rt: Runtime,
  referent: PyObject,
  callback: PyObject | null,
  type: PyType = TYPES.weakref,
): PyObject {
  if (!referent.type.supportsWeakrefs) {
    throw new PyException('TypeError', `cannot create weak reference to '${referent.type.name}' object`);
  }
  if (callback !== null && callback === rt.None) callback = null;
  const list = referent.weaklist ?? (referent.weaklist = []);
  const basic = isBasic(list[0], TYPES.weakref) ? list[0] : null;
  if (callback === null && basic !== null && type === TYPES.weakref) return rt.newRef(basic);
  const op = rt.alloc(type);
  op.wrObject = referent;
  op.refs = [callback === null ? null : rt.newRef(callback)];
  // The allocation may have run a collection that changed the list; look again.
  const head = isBasic(list[0], TYPES.weakref) ? 1 : 0;
  if (callback === null && type === TYPES.weakref) list.unshift(op);
  else list.splice(head + (isBasic(list[head], PROXY) ? 1 : 0), 0, op);
  rt.track(op);
  return op;
}

/** weakref.proxy's type (weakproxy): a weakref whose attributes are the referent's. */
export const PROXY = new PyType('weakproxy', Kind.Weakref, true, false);

/** Whether `wr` is the shared weakref of its type without a callback (the basic ref or proxy). */
function isBasic(wr: PyObject | undefined, type: PyType): boolean {
  return wr !== undefined && wr.type === type && weakrefCallback(wr) === null;
}

/**
 * weakref.proxy(obj[, callback]) (PyWeakref_NewProxy): a new reference to a proxy; without a
 * callback the referent's basic proxy is shared. The list keeps the basic ref, then the basic
 * proxy, then the weakrefs and proxies with callbacks, newest first.
 */
export function newProxy(rt: Runtime, referent: PyObject, callback: PyObject | null): PyObject {
  if (!referent.type.supportsWeakrefs) {
    throw new PyException('TypeError', `cannot create weak reference to '${referent.type.name}' object`);
  }
  if (callback !== null && callback === rt.None) callback = null;
  const list = referent.weaklist ?? (referent.weaklist = []);
  const afterRef = () => (isBasic(list[0], TYPES.weakref) ? 1 : 0);
  if (callback === null && isBasic(list[afterRef()], PROXY)) return rt.newRef(list[afterRef()]);
  const op = rt.alloc(PROXY);
  op.wrObject = referent;
  op.refs = [callback === null ? null : rt.newRef(callback)];
  // The allocation may have run a collection that changed the list; look again.
  const at = afterRef();
  list.splice(callback === null ? at : at + (isBasic(list[at], PROXY) ? 1 : 0), 0, op);
  rt.track(op);
  return op;
}

/** The live referent a proxy stands for (borrowed), or ReferenceError once it is dead (proxy_checkref). */
export function proxyReferent(proxy: PyObject): PyObject {
  const referent = proxy.wrObject;
  if (referent === null) throw new PyException('ReferenceError', 'weakly-referenced object no longer exists');
  return referent;
}

/** Calling a weakref (weakref_call): its referent (a new reference) or None once it is dead. */
export function weakrefCall(rt: Runtime, wr: PyObject): PyObject {
  return rt.newRef(wr.wrObject ?? rt.None);
}

/** _PyWeakref_ClearRef / clear_weakref: detach `wr` from its referent; the callback stays. */
export function clearWeakref(wr: PyObject): void {
  const referent = wr.wrObject;
  if (referent === null) return;
  const list = referent.weaklist!;
  list.splice(list.indexOf(wr), 1);
  wr.wrObject = null;
}

/**
 * PyObject_ClearWeakRefs, called when `op` dies by refcount: clear every weakref to it, then call
 * the callbacks of those still alive, in list order. With several callbacks, CPython first gathers
 * the weakrefs and callbacks in a tuple (a real allocation, released at the end).
 */
export function clearWeakRefs(rt: Runtime, op: PyObject): void {
  const list = op.weaklist;
  if (list === null) return;
  while (list.length > 0 && weakrefCallback(list[0]) === null) clearWeakref(list[0]);
  if (list.length === 1) {
    const wr = list[0];
    const callback = takeWeakrefCallback(wr);
    clearWeakref(wr);
    callWeakrefCallback(rt, wr, callback);
    rt.decref(callback);
  } else if (list.length > 1) {
    const gathered: PyObject[] = [];
    for (const wr of [...list]) {
      gathered.push(rt.newRef(wr), takeWeakrefCallback(wr));
      clearWeakref(wr);
    }
    const tuple = newTupleStealing(rt, gathered);
    for (let i = 0; i < gathered.length; i += 2) callWeakrefCallback(rt, gathered[i], gathered[i + 1]);
    rt.decref(tuple);
  }
}

/** handle_callback: call `callback(wr)`; an exception is unraisable. */
export function callWeakrefCallback(rt: Runtime, wr: PyObject, callback: PyObject): void {
  if (rt.listeners.length > 0) rt.emit({ kind: 'weakref-callback', id: wr.id });
  rt.callUnraisable(callback, [wr], callback, 'weakref callback');
}
