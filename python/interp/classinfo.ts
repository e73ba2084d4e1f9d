/**
 * isinstance and issubclass over a classinfo (Objects/abstract.c): a class, or a tuple of
 * classinfos, nested to any depth. As object_recursive_isinstance and object_issubclass do, a
 * tuple is walked item by item, one recursion level per tuple (RecursionError "in
 * __instancecheck__" / "in __subclasscheck__"), stopping at the first match or the first error;
 * an empty tuple matches nothing and raises nothing. Neither allocates. An item that is neither a
 * class nor a tuple fails check_class with CPython's words. Classes in the subset all have `type`
 * as their metaclass, so the `__instancecheck__` / `__subclasscheck__` hooks are never user code.
 */
import type { Runtime } from '../../core/runtime';
import { PyException } from '../../core/errors';
import { Kind } from '../../core/objects/kinds';
import type { PyObject } from '../../core/objects/pyobject';
import { type PyType, definedType } from '../../core/objects/pytype';
import { isSubtype } from '../../core/objects/classobject';

/** A built-in function: borrowed positional arguments in, a new reference out. */
type Native = (args: PyObject[]) => PyObject;

const INSTANCE_ARG2 = 'isinstance() arg 2 must be a type, a tuple of types, or a union';
const SUBCLASS_ARG1 = 'issubclass() arg 1 must be a class';
const SUBCLASS_ARG2 = 'issubclass() arg 2 must be a class, a tuple of classes, or a union';

/** The class a type object stands for, or the error check_class raises for anything else. */
function classArg(cls: PyObject, message: string): PyType {
  const type = cls.type.kind === Kind.Type ? definedType(cls) : undefined;
  if (type === undefined) throw new PyException('TypeError', message);
  return type;
}

/**
 * A tuple classinfo, walked as both checks walk it: one recursion level for the tuple (`where` is
 * the RecursionError's suffix), its items in order, stopping at the first that `matches`.
 */
function anyOfTuple(rt: Runtime, tuple: PyObject, where: string, matches: (item: PyObject) => boolean): boolean {
  rt.enterRecursiveCall(where);
  try {
    return tuple.items!.some(matches);
  } finally {
    rt.leaveRecursiveCall();
  }
}

/** object_recursive_isinstance: a class is a subtype test of obj's type, a tuple a walk over its items. */
function isInstanceOf(rt: Runtime, obj: PyObject, classinfo: PyObject): boolean {
  if (classinfo.type.kind !== Kind.Tuple) return isSubtype(obj.type, classArg(classinfo, INSTANCE_ARG2));
  return anyOfTuple(rt, classinfo, ' in __instancecheck__', (item) => isInstanceOf(rt, obj, item));
}

/** object_issubclass: arg 1 must be a class once a class is met (not for an empty tuple). */
function isSubclassOf(rt: Runtime, derived: PyObject, classinfo: PyObject): boolean {
  if (classinfo.type.kind === Kind.Tuple)
    return anyOfTuple(rt, classinfo, ' in __subclasscheck__', (item) => isSubclassOf(rt, derived, item));
  // recursive_issubclass checks arg 1 before arg 2.
  const sub = classArg(derived, SUBCLASS_ARG1);
  return isSubtype(sub, classArg(classinfo, SUBCLASS_ARG2));
}

/** _PyArg_CheckPositional's wording for the two Argument Clinic built-ins. */
function twoArguments(name: string, args: PyObject[]): void {
  if (args.length !== 2) throw new PyException('TypeError', `${name} expected 2 arguments, got ${args.length}`);
}

/** The built-in functions of this module, by name. */
export function classinfoBuiltins(rt: Runtime): [string, Native][] {
  return [
    ['isinstance', (args) => (twoArguments('isinstance', args), rt.bool(isInstanceOf(rt, args[0], args[1])))],
    ['issubclass', (args) => (twoArguments('issubclass', args), rt.bool(isSubclassOf(rt, args[0], args[1])))],
  ];
}
