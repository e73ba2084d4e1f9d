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

/** Where a function keeps func_globals, func_defaults and func_code in its `refs`. */
export const FUNC_GLOBALS = 0;
export const FUNC_DEFAULTS = 1;
export const FUNC_CODE = 2;

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

/** PyFunction_New: globals and code are required; defaults is a tuple or null. All borrowed. */
export function newFunction(rt: Runtime, code: PyObject, globals: PyObject, defaults: PyObject | null): PyObject {
  const op = rt.alloc(TYPES.function);
  op.value = code.value;
  op.refs = [rt.newRef(globals), defaults === null ? null : rt.newRef(defaults), rt.newRef(code)];
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
