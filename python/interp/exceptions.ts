/**
 * Exception objects (Objects/exceptions.c): the built-in hierarchy as static types, the fields an
 * exception instance holds (PyBaseExceptionObject: dict, args, traceback, cause, context, with
 * AttributeError's obj and name and NameError's name in front), and what str(), repr(),
 * attribute access and `except T` see of them. A class deriving from an exception class is a heap
 * type of the same kind: its instances keep the fields and a strong reference to the class.
 */
import type { Runtime } from '../../core/runtime';
import { Kind } from '../../core/objects/kinds';
import type { PyObject } from '../../core/objects/pyobject';
import { PyType } from '../../core/objects/pytype';
import { PyException } from '../../core/errors';
import { classLookup, classType } from '../../core/objects/classobject';
import { dictGetItem, dictSetItem, newDict } from '../../core/objects/dict';
import { newTuple, newTupleStealing } from '../../core/objects/tuple';

/** The built-in exceptions teaching programs raise and catch, each after its base. */
const HIERARCHY: readonly (readonly [string, string | null])[] = [
  ['BaseException', null],
  ['Exception', 'BaseException'],
  ['SystemExit', 'BaseException'],
  ['KeyboardInterrupt', 'BaseException'],
  ['GeneratorExit', 'BaseException'],
  ['ArithmeticError', 'Exception'],
  ['ZeroDivisionError', 'ArithmeticError'],
  ['OverflowError', 'ArithmeticError'],
  ['LookupError', 'Exception'],
  ['IndexError', 'LookupError'],
  ['KeyError', 'LookupError'],
  ['ValueError', 'Exception'],
  ['TypeError', 'Exception'],
  ['AttributeError', 'Exception'],
  ['NameError', 'Exception'],
  ['UnboundLocalError', 'NameError'],
  ['RuntimeError', 'Exception'],
  ['RecursionError', 'RuntimeError'],
  ['NotImplementedError', 'RuntimeError'],
  ['StopIteration', 'Exception'],
  ['ReferenceError', 'Exception'],
  ['AssertionError', 'Exception'],
  ['ImportError', 'Exception'],
  ['ModuleNotFoundError', 'ImportError'],
  ['MemoryError', 'Exception'],
  ['OSError', 'Exception'],
  ['SyntaxError', 'Exception'],
];

const STATIC_TYPES = new Map<string, PyType>();
for (const [name, base] of HIERARCHY) {
  STATIC_TYPES.set(name, new PyType(name, Kind.Exception, true, false, base === null ? null : STATIC_TYPES.get(base)!));
}

/** The static type of a built-in exception; a name outside the table is an Exception subclass of its own. */
export function exceptionType(name: string): PyType {
  let type = STATIC_TYPES.get(name);
  if (type === undefined) {
    type = new PyType(name, Kind.Exception, true, false, STATIC_TYPES.get('Exception')!);
    STATIC_TYPES.set(name, type);
  }
  return type;
}

/** The class object of a built-in exception named in a program (made on first use), or undefined. */
export function builtinExceptionClass(rt: Runtime, name: string): PyObject | undefined {
  if (!HIERARCHY.some(([n]) => n === name)) return undefined;
  return rt.staticTypeObject(exceptionType(name));
}

/** Whether `cls` is a class object deriving from BaseException. */
export function isExceptionClass(cls: PyObject): boolean {
  return cls.type.kind === Kind.Type && classOf(cls)?.kind === Kind.Exception;
}

function classOf(cls: PyObject): PyType | null {
  try {
    return classType(cls);
  } catch {
    return null;
  }
}

/** The fields of PyBaseExceptionObject, in the order BaseException_clear releases them. */
const enum Field {
  Dict = 0,
  Args = 1,
  Traceback = 2,
  Cause = 3,
  Context = 4,
}

/** Fields a subclass struct keeps before the base ones: AttributeError's obj and name, NameError's name. */
export function extraFields(type: PyType): number {
  for (let t: PyType | null = type; t !== null; t = t.base) {
    if (t.name === 'AttributeError' && STATIC_TYPES.get(t.name) === t) return 2;
    if (t.name === 'NameError' && STATIC_TYPES.get(t.name) === t) return 1;
  }
  return 0;
}

function slot(op: PyObject, field: Field): number {
  return extraFields(op.type) + field;
}

/**
 * BaseException_new: a tracked instance holding `args` (a tuple, stolen) and, for AttributeError
 * and NameError, their context fields (stolen, may be null); a heap subclass's instance also holds
 * its class.
 */
export function newException(rt: Runtime, type: PyType, args: PyObject, extras: (PyObject | null)[] = []): PyObject {
  const op = rt.alloc(type);
  op.value = type.name;
  const own = Array.from({ length: extraFields(type) }, (_, i) => extras[i] ?? null);
  op.refs = [...own, null, args, null, null, null];
  if (type.typeObject !== null) op.refs.push(rt.newRef(type.typeObject));
  rt.track(op);
  return op;
}

/** e.args, borrowed. */
export function exceptionArgs(op: PyObject): PyObject {
  return op.refs![slot(op, Field.Args)]!;
}

/** e.__traceback__, borrowed (null for None). */
export function exceptionTraceback(op: PyObject): PyObject | null {
  return op.refs![slot(op, Field.Traceback)];
}

/** e.__context__, borrowed (null for None). */
export function exceptionContext(op: PyObject): PyObject | null {
  return op.refs![slot(op, Field.Context)];
}

/** e.__cause__, borrowed (null for None). */
export function exceptionCause(op: PyObject): PyObject | null {
  return op.refs![slot(op, Field.Cause)];
}

/** Exceptions raised `from` something (even None): __suppress_context__ is True. */
const suppressedContext = new WeakSet<PyObject>();

export function suppressesContext(op: PyObject): boolean {
  return suppressedContext.has(op);
}

function setField(rt: Runtime, op: PyObject, field: Field, value: PyObject | null): void {
  const i = slot(op, field);
  const old = op.refs![i];
  op.refs![i] = value;
  if (old !== null) rt.decref(old);
}

/** PyException_SetTraceback (the new traceback is stolen). */
export function setExceptionTraceback(rt: Runtime, op: PyObject, tb: PyObject | null): void {
  setField(rt, op, Field.Traceback, tb);
}

/**
 * _PyErr_SetObject's implicit chaining: the exception being handled becomes the new one's
 * __context__ (a new reference), unless that would make the context chain a loop.
 */
export function setExceptionContext(rt: Runtime, op: PyObject, context: PyObject): void {
  if (context === op) return;
  for (let c: PyObject | null = exceptionContext(context); c !== null; c = exceptionContext(c)) if (c === op) return;
  setField(rt, op, Field.Context, rt.newRef(context));
}

/** `raise ... from cause`: __cause__ set (stolen, null for None) and __suppress_context__ True. */
export function setExceptionCause(rt: Runtime, op: PyObject, cause: PyObject | null): void {
  setField(rt, op, Field.Cause, cause);
  suppressedContext.add(op);
}

/** BaseException_init: args replaced by the call's arguments (a new tuple). */
export function initException(rt: Runtime, op: PyObject, args: PyObject[]): void {
  setField(
    rt,
    op,
    Field.Args,
    newTupleStealing(
      rt,
      args.map((a) => rt.newRef(a)),
    ),
  );
}

/** Whether an exception is a KeyError (whose str() shows its one argument's repr). */
export function isKeyError(op: PyObject): boolean {
  return isSubtype(op.type, 'KeyError');
}

/** Whether `type` is the built-in exception `name` or derives from it. */
export function isSubtype(type: PyType, name: string): boolean {
  for (let t: PyType | null = type; t !== null; t = t.base) if (t === STATIC_TYPES.get(name)) return true;
  return false;
}

/**
 * PyErr_GivenExceptionMatches for `except T`: T is an exception class or a tuple of them;
 * anything else is a TypeError, as CHECK_EXC_MATCH raises it.
 */
export function exceptionMatches(op: PyObject, handler: PyObject): boolean {
  const classes = handler.type.kind === Kind.Tuple ? handler.items! : [handler];
  if (!classes.every(isExceptionClass))
    throw new PyException('TypeError', 'catching classes that do not inherit from BaseException is not allowed');
  return classes.some((cls) => {
    const want = classType(cls);
    for (let t: PyType | null = op.type; t !== null; t = t.base) if (t === want) return true;
    return false;
  });
}

/**
 * An exception's own attributes (a new reference), or undefined for the class to answer:
 * args, __traceback__, __context__, __cause__, __suppress_context__, and what the instance dict holds.
 */
export function exceptionGetAttr(
  rt: Runtime,
  op: PyObject,
  name: string,
  intern: (n: string) => PyObject,
): PyObject | undefined {
  const orNone = (v: PyObject | null): PyObject => (v === null ? rt.none() : rt.newRef(v));
  switch (name) {
    case 'args':
      return rt.newRef(exceptionArgs(op));
    case '__traceback__':
      return orNone(exceptionTraceback(op));
    case '__context__':
      return orNone(exceptionContext(op));
    case '__cause__':
      return orNone(exceptionCause(op));
    case '__suppress_context__':
      return rt.bool(suppressesContext(op));
    case 'code':
      if (isSubtype(op.type, 'SystemExit')) return systemExitCode(rt, op);
  }
  const dict = op.refs![slot(op, Field.Dict)];
  const found = dict === null ? undefined : dictGetItem(dict, intern(name));
  return found === undefined ? undefined : rt.newRef(found);
}

/** SystemExit's `code`: SystemExit_init keeps args[0] for one argument, args for more, None for none. */
export function systemExitCode(rt: Runtime, op: PyObject): PyObject {
  const args = exceptionArgs(op);
  const items = args.items!;
  if (items.length === 0) return rt.none();
  return rt.newRef(items.length === 1 ? items[0] : args);
}

/** e.name = value: args replaced, or stored in the instance dict (made on first store, as for any dict slot). */
export function exceptionSetAttr(
  rt: Runtime,
  op: PyObject,
  name: string,
  value: PyObject,
  intern: (n: string) => PyObject,
): void {
  if (name === 'args') {
    if (value.type.kind !== Kind.Tuple) throw new PyException('TypeError', 'args may only be a tuple in pymemlab');
    setField(rt, op, Field.Args, rt.newRef(value));
    return;
  }
  const i = slot(op, Field.Dict);
  if (op.refs![i] === null) op.refs![i] = newDict(rt);
  dictSetItem(rt, op.refs![i]!, intern(name), value);
}

/**
 * Calling an exception class (type_call): BaseException_new takes the call's argument tuple as
 * args (a heap type's call packs one; no arguments share the empty tuple), then a Python
 * `__init__` found on the class runs on the new instance (`callInit`, borrowed arguments).
 */
export function callExceptionClass(
  rt: Runtime,
  cls: PyObject,
  args: PyObject[],
  callInit: (init: PyObject, args: PyObject[]) => PyObject,
): PyObject {
  const packed = args.length > 0 ? newTuple(rt, args) : rt.newRef(rt.emptyTuple);
  const op = newException(rt, classType(cls), packed);
  const init = rt.external.has(cls) ? undefined : classLookup(rt, cls, '__init__');
  if (init === undefined) return op;
  try {
    const result = callInit(init, [op, ...args]);
    const isNone = result === rt.None;
    rt.decref(result);
    if (!isNone) throw new PyException('TypeError', `__init__() should return None, not '${result.type.name}'`);
  } catch (error) {
    rt.decref(op);
    throw error;
  }
  return op;
}

/** The one `BaseException.__init__` (what `Exception.__init__(self, ...)` calls), made on first use. */
const initFunctions = new WeakMap<Runtime, PyObject>();

export function baseExceptionInit(rt: Runtime): PyObject {
  let op = initFunctions.get(rt);
  if (op === undefined) {
    op = rt.builtin('__init__', (args) => {
      if (args.length === 0 || args[0].type.kind !== Kind.Exception)
        throw new PyException('TypeError', "descriptor '__init__' of 'BaseException' object needs an argument");
      initException(rt, args[0], args.slice(1));
      return rt.none();
    });
    rt.hold(op);
    rt.decref(op);
    initFunctions.set(rt, op);
  }
  return op;
}
