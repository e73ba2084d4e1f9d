/**
 * Classes a module models natively although CPython writes them in Python (weakref's
 * WeakValueDictionary, WeakKeyDictionary, WeakSet). Their instances are ordinary instances (inline
 * values, a class holding them), but their methods are JavaScript: the evaluator finds a method
 * here when the class's dict has none, and the protocol sites (`x[k]`, `len(x)`, `k in x`,
 * iteration, truth, repr) ask for the dunder method CPython's slot_* functions would call. The
 * classes are per runtime (their shared keys change as instances are made), so this registry is
 * keyed by their PyType.
 */
import type { PyObject } from '../../core/objects/pyobject';
import type { PyType } from '../../core/objects/pytype';

/** A method: `self` and the positional arguments (borrowed); a new reference back. */
export type NativeMethod = (self: PyObject, args: PyObject[]) => PyObject;

/** A natively modelled class: how calling it makes an instance, and its methods by name. */
export interface NativeClass {
  /** type_call: a new instance from the call's positional arguments (borrowed). */
  readonly call: (args: PyObject[]) => PyObject;
  readonly methods: ReadonlyMap<string, NativeMethod>;
  /** sq_length / mp_length (`len(x)`, and truth when the class has no `__bool__`). */
  readonly len: (self: PyObject) => number;
  /** sq_contains (`k in x`). */
  readonly contains: (self: PyObject, item: PyObject) => boolean;
}

const classes = new WeakMap<PyType, NativeClass>();

/** Register `type` as natively modelled. */
export function registerNativeClass(type: PyType, cls: NativeClass): void {
  classes.set(type, cls);
}

/** The native class `type` is or derives from, if any. */
export function nativeClass(type: PyType): NativeClass | undefined {
  for (let t: PyType | null = type; t !== null; t = t.base) {
    const found = classes.get(t);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The method `name` of a native instance's class, if it is one and has it. */
export function nativeMethod(op: PyObject, name: string): NativeMethod | undefined {
  return nativeClass(op.type)?.methods.get(name);
}

/** Call the dunder `name` of a native instance (slot_* functions): undefined when it has none. */
export function callNativeSlot(op: PyObject, name: string, args: PyObject[]): PyObject | undefined {
  return nativeMethod(op, name)?.(op, args);
}
