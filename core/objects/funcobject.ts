/**
 * Functions, code objects and bound methods (Objects/funcobject.c, classobject.c).
 *
 * A function holds its module's globals dict (so a module dict and the functions defined in it
 * form a cycle), its defaults tuple and its code object; the code object holds the constants of
 * the function body. A bound method holds the function and `self`; 3.11 creates one only when a
 * method is looked up without being called at once (`m = obj.meth`).
 */
import type { Runtime } from '../runtime';
import { type PyObject } from './pyobject';
import { TYPES } from './pytype';

/**
 * Where a function keeps its references in `refs`: in func_clear's order (globals, defaults,
 * closure, annotations), then the code object, which func_dealloc releases last.
 */
export const FUNC_GLOBALS = 0;
export const FUNC_DEFAULTS = 1;
export const FUNC_CLOSURE = 2;
export const FUNC_ANNOTATIONS = 3;
export const FUNC_CODE = 4;
/** func_kwdefaults, kept after the code object so the other indices stay as they were. */
export const FUNC_KWDEFAULTS = 5;

/** Where a bound method keeps im_func and im_self in its `refs`. */
const METHOD_FUNC = 0;
const METHOD_SELF = 1;

/** A code object named `name` holding `consts` (borrowed); not a GC type. */
export function newCode(rt: Runtime, name: string, consts: readonly PyObject[]): PyObject {
  const op = rt.alloc(TYPES.code);
  op.value = name;
  op.items = consts.map((c) => rt.newRef(c));
  return op;
}

/**
 * PyFunction_New, then MAKE_FUNCTION's optional parts: globals and code are required; defaults
 * and annotations (3.11 keeps the flat (name, value, ...) tuple MAKE_FUNCTION was given) are
 * tuples or null. All borrowed.
 */
export function newFunction(
  rt: Runtime,
  code: PyObject,
  globals: PyObject,
  defaults: PyObject | null,
  annotations: PyObject | null = null,
  kwdefaults: PyObject | null = null,
): PyObject {
  const op = rt.alloc(TYPES.function);
  op.value = code.value;
  const ref = (r: PyObject | null) => (r === null ? null : rt.newRef(r));
  op.refs = [rt.newRef(globals), ref(defaults), null, ref(annotations), rt.newRef(code), ref(kwdefaults)];
  rt.track(op);
  return op;
}

/** PyFunction_GET_GLOBALS, borrowed; null once func_clear dropped it. */
export function funcGlobals(func: PyObject): PyObject | null {
  return func.refs![FUNC_GLOBALS];
}

/** PyFunction_GET_DEFAULTS: the defaults tuple, borrowed; null when the function has none. */
export function funcDefaults(func: PyObject): PyObject | null {
  return func.refs![FUNC_DEFAULTS];
}

/** func_kwdefaults: the keyword-only parameters' defaults dict, borrowed; null without any. */
export function funcKwdefaults(func: PyObject): PyObject | null {
  return func.refs![FUNC_KWDEFAULTS] ?? null;
}

/** func_closure: the tuple of cells, borrowed; null for a function without free variables. */
export function funcClosure(func: PyObject): PyObject | null {
  return func.refs![FUNC_CLOSURE];
}

/** MAKE_FUNCTION's closure (flag 0x08): the new function takes over the tuple of cells (stolen). */
export function setFuncClosure(func: PyObject, closure: PyObject): void {
  func.refs![FUNC_CLOSURE] = closure;
}

/** func_annotations, borrowed: null, the tuple MAKE_FUNCTION stored, or the dict made from it. */
export function funcAnnotations(func: PyObject): PyObject | null {
  return func.refs![FUNC_ANNOTATIONS];
}

/** Replace func_annotations with `value` (a new reference, stolen), releasing the old one after (Py_SETREF). */
export function setFuncAnnotations(rt: Runtime, func: PyObject, value: PyObject): void {
  const old = func.refs![FUNC_ANNOTATIONS];
  func.refs![FUNC_ANNOTATIONS] = value;
  if (old !== null) rt.decref(old);
}

/** PyFunction_GET_CODE, borrowed (func_clear keeps it, so it is always there). */
export function funcCode(func: PyObject): PyObject {
  return func.refs![FUNC_CODE]!;
}

/** PyMethod_New(func, self), both borrowed. */
export function newMethod(rt: Runtime, func: PyObject, self: PyObject): PyObject {
  const op = rt.alloc(TYPES.method);
  op.refs = [rt.newRef(func), rt.newRef(self)];
  rt.track(op);
  return op;
}

/** PyMethod_GET_FUNCTION, borrowed. */
export function methodFunc(method: PyObject): PyObject {
  return method.refs![METHOD_FUNC]!;
}

/** PyMethod_GET_SELF, borrowed. */
export function methodSelf(method: PyObject): PyObject {
  return method.refs![METHOD_SELF]!;
}
