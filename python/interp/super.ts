/**
 * The builtin type super, as Objects/typeobject.c of CPython 3.11 makes and uses it
 * (docs/probes/q8_super.py):
 * - super_vectorcall (no argument tuple) allocates the super object first (GC, tracked, 56 bytes
 *   with its GC head), then fills it in, so a bad call frees it again before the error;
 * - without arguments (super_init_without_args) it reads the calling frame's first argument (out
 *   of its cell when an inner function uses it) and the frame's `__class__` free variable, the
 *   implicit cell the compiler gives every function in a class body that uses `super` or
 *   `__class__` (compile.ts, closures.ts);
 * - supercheck: the object must be an instance of the type or a subclass of it;
 * - super_getattro walks the mro of the object's type after the type, and binds what it finds as
 *   its descriptor does (a function becomes a bound method; staticmethod, classmethod, property);
 *   anything else is an attribute of the super object itself (`__thisclass__`, `__self__`,
 *   `__self_class__`, `__class__`) or "'super' object has no attribute".
 * The built-in classes at the end of an mro have no modelled dict: `__init__` of object and of
 * the exception classes and object's `__repr__` and `__str__` (object_str: the object's repr) are
 * modelled (a method-wrapper, 48 bytes); any other name those classes define is refused by name
 * and line rather than answered wrongly.
 */
import type { Runtime } from '../../core/runtime';
import { PyException } from '../../core/errors';
import { Kind } from '../../core/objects/kinds';
import type { PyObject } from '../../core/objects/pyobject';
import { PyType, TYPES } from '../../core/objects/pytype';
import { classLookup, classType, isSubtype, typeDict, typeMro } from '../../core/objects/classobject';
import { objectReprText } from './object-repr';
import { dictGetItem } from '../../core/objects/dict';
import { newMethod } from '../../core/objects/funcobject';
import { cellGet } from '../../core/objects/cellobject';
import { newTuple } from '../../core/objects/tuple';
import { UnsupportedConstruct } from '../lang/errors';
import { initException, isExceptionClass } from './exceptions';
import type { NativeType } from './modules/table';
import type { FrameState } from './interpreter';

/** superobject: PyObject_HEAD, type, obj, obj_type (5 words), a GC type. */
const SUPER = new PyType('super', Kind.Descriptor, true, false);
SUPER.basicWords = 5;

/** wrapperobject (a slot wrapper bound to an object): PyObject_HEAD, descr, self. */
const METHOD_WRAPPER = new PyType('method-wrapper', Kind.Builtin, true, false);
METHOD_WRAPPER.basicWords = 4;

/** superobject's fields in refs, in super_traverse's and super_dealloc's order. */
const SUPER_OBJ = 0;
const SUPER_TYPE = 1;
const SUPER_OBJ_TYPE = 2;

/** The object a super object binds to (su->obj), or null for an unbound super. */
const superObj = (su: PyObject): PyObject | null => su.refs![SUPER_OBJ];
/** The class whose successors in the mro a super object searches (su->type). */
const superType = (su: PyObject): PyObject => su.refs![SUPER_TYPE]!;
/** The class whose mro is searched: the object's type, or the object when it is a class (su->obj_type). */
const superObjType = (su: PyObject): PyObject | null => su.refs![SUPER_OBJ_TYPE];

/** The names `object` defines (vars(object)): a lookup that reaches one other than `__init__` is refused. */
const OBJECT_NAMES = new Set([
  '__class__', '__delattr__', '__dir__', '__doc__', '__eq__', '__format__', '__ge__', '__getattribute__',
  '__getstate__', '__gt__', '__hash__', '__init__', '__init_subclass__', '__le__', '__lt__', '__ne__', '__new__',
  '__reduce__', '__reduce_ex__', '__repr__', '__setattr__', '__sizeof__', '__str__', '__subclasshook__',
]); // prettier-ignore

/** The names BaseException defines (vars(BaseException)), refused the same way in an exception class. */
const EXCEPTION_NAMES = new Set([
  '__cause__', '__context__', '__delattr__', '__dict__', '__doc__', '__getattribute__', '__init__', '__new__',
  '__reduce__', '__repr__', '__setattr__', '__setstate__', '__str__', '__suppress_context__', '__traceback__',
  'add_note', 'args', 'with_traceback',
]); // prettier-ignore

/** What super needs of the evaluator. */
export interface SuperHost {
  readonly rt: Runtime;
  /** The Python frames running now, innermost last (super() reads the innermost). */
  readonly frames: readonly FrameState[];
  /** A descriptor found on a class, bound as its `__get__` binds it (property, staticmethod, classmethod). */
  descriptorGet(found: PyObject, obj: PyObject | null, cls: PyObject): PyObject;
  /** PyObject_Repr: the object's repr through its class's `__repr__`, a new str. */
  repr(obj: PyObject): PyObject;
}

/** Whether `op` is a super object. */
export function isSuper(op: PyObject): boolean {
  return op.type === SUPER;
}

/** super_repr, and wrapper_repr for the method-wrappers a lookup makes; null for any other object. */
export function superRepr(rt: Runtime, op: PyObject): string | null {
  if (op.type === METHOD_WRAPPER) {
    const self = op.refs![0]!;
    return `<method-wrapper '${op.value as string}' of ${self.type.name} object at ${rt.addressOf(self)}>`;
  }
  if (op.type !== SUPER) return null;
  const objType = superObjType(op);
  const type = `<super: <class '${superType(op).value as string}'>`;
  return objType === null ? `${type}, NULL>` : `${type}, <${objType.value as string} object>>`;
}

/** The builtin `super`, called as super_vectorcall is, its instances' attributes by super_getattro. */
export function superNativeType(host: SuperHost): NativeType {
  return {
    type: SUPER,
    construct: (args, kwargs) => newSuper(host, args, kwargs),
    instanceAttribute: (self, name) => superGetAttr(host, self, name),
  };
}

/** super_vectorcall: allocate and track the object, then super_init_impl fills it (or it is freed). */
function newSuper(host: SuperHost, args: PyObject[], kwargs: [string, PyObject][]): PyObject {
  const rt = host.rt;
  if (kwargs.length > 0) throw new PyException('TypeError', 'super() takes no keyword arguments');
  if (args.length > 2) throw new PyException('TypeError', `super() expected at most 2 arguments, got ${args.length}`);
  const su = rt.alloc(SUPER);
  su.refs = [null, null, null];
  rt.track(su);
  try {
    if (args.length > 0 && args[0].type.kind !== Kind.Type)
      throw new PyException('TypeError', `super() argument 1 must be a type, not ${args[0].type.name}`);
    const [type, given] = args.length > 0 ? [args[0], args[1] ?? null] : withoutArguments(host);
    const obj = given === rt.None ? null : given;
    const objType = obj === null ? null : superCheck(rt, type, obj);
    su.refs = [obj === null ? null : rt.newRef(obj), rt.newRef(type), objType === null ? null : rt.newRef(objType)];
    return su;
  } catch (error) {
    rt.decref(su);
    throw error;
  }
}

/**
 * super_init_without_args: the running frame's first argument (the contents of its cell when it
 * is one) and its `__class__` free variable, borrowed; CPython's RuntimeErrors otherwise.
 */
function withoutArguments(host: SuperHost): [PyObject, PyObject] {
  const state = host.frames[host.frames.length - 1];
  const code = state.code;
  if (!code.fast || code.nparams === 0) throw new PyException('RuntimeError', 'super(): no arguments');
  const first = state.frame.locals[0];
  const firstArg = first !== null && code.cellvars.includes(code.localsplus[0]) ? cellGet(first) : first;
  if (firstArg === null) throw new PyException('RuntimeError', 'super(): arg[0] deleted');
  if (!code.freevars.includes('__class__')) throw new PyException('RuntimeError', 'super(): __class__ cell not found');
  const type = cellGet(state.frame.locals[code.derefs!.get('__class__')!]!);
  if (type === null) throw new PyException('RuntimeError', 'super(): empty __class__ cell');
  if (type.type.kind !== Kind.Type)
    throw new PyException('RuntimeError', `super(): __class__ is not a type (${type.type.name})`);
  return [type, firstArg];
}

/** supercheck: the class whose mro is searched (borrowed), or TypeError. */
function superCheck(rt: Runtime, type: PyObject, obj: PyObject): PyObject {
  const wanted = classType(type);
  if (obj.type.kind === Kind.Type && isSubtype(classType(obj), wanted)) return obj;
  if (isSubtype(obj.type, wanted)) return obj.type.typeObject ?? rt.staticTypeObject(obj.type);
  throw new PyException('TypeError', 'super(type, obj): obj must be an instance or subtype of type');
}

/**
 * super_getattro: the first class after su->type in the mro of su->obj_type whose dict has the
 * name, bound to su->obj (nothing, for a super bound to a class itself); else the super object's
 * own attribute, or undefined (the caller raises "'super' object has no attribute").
 */
function superGetAttr(host: SuperHost, su: PyObject, name: string): PyObject | undefined {
  const rt = host.rt;
  const startType = superObjType(su);
  if (startType !== null && name !== '__class__') {
    const mro = typeMro(startType)?.items;
    if (mro === undefined || mro === null) throw refused(host, name, startType.value as string);
    const after = mro.slice(0, -1).indexOf(superType(su)) + 1;
    const obj = superObj(su) === startType ? null : superObj(su);
    const key = rt.str(name);
    try {
      for (const klass of mro.slice(after === 0 ? mro.length : after)) {
        const dict = typeDict(klass);
        if (dict === null) {
          const found = builtinClassAttribute(host, klass, name, obj);
          if (found !== undefined) return found;
          continue;
        }
        const found = dictGetItem(dict, key);
        if (found === undefined) continue;
        if (found.type.kind === Kind.Function) return obj === null ? rt.newRef(found) : newMethod(rt, found, obj);
        if (found.type.kind === Kind.Descriptor && found.type === TYPES.descriptor)
          throw refused(host, name, klass.value as string);
        return host.descriptorGet(found, obj, startType);
      }
    } finally {
      rt.decref(key);
    }
  }
  // PyObject_GenericGetAttr on the super object: its members and its class.
  switch (name) {
    case '__class__':
      return rt.newRef(rt.staticTypeObject(SUPER));
    case '__thisclass__':
      return rt.newRef(superType(su));
    case '__self__':
      return rt.newRef(superObj(su) ?? rt.None);
    case '__self_class__':
      return rt.newRef(startType ?? rt.None);
    default:
      return undefined;
  }
}

/**
 * A name looked up in a built-in class on the mro, whose dict the simulator does not keep:
 * `__init__` of object or of an exception class, object's `__repr__` and `__str__` (each a
 * method-wrapper bound to the object); undefined for a name the class does not define; any other
 * is refused.
 */
function builtinClassAttribute(
  host: SuperHost,
  klass: PyObject,
  name: string,
  obj: PyObject | null,
): PyObject | undefined {
  const rt = host.rt;
  const isObject = klass === rt.staticTypeObject(TYPES.object);
  const names = isObject ? OBJECT_NAMES : isExceptionClass(klass) ? EXCEPTION_NAMES : null;
  if (names !== null && !names.has(name)) return undefined;
  const slot = obj === null || names === null ? undefined : wrapperSlot(host, name, isObject, obj);
  if (slot === undefined) throw refused(host, name, klass.value as string);
  const op = rt.alloc(METHOD_WRAPPER);
  op.value = name;
  op.native = slot;
  op.refs = [rt.newRef(obj!)];
  rt.track(op);
  return op;
}

/**
 * The slot a method-wrapper for `name` calls on `obj`: `__init__` of object or of an exception
 * class, object's `__repr__` and `__str__`; undefined for any other (refused by the caller).
 */
function wrapperSlot(
  host: SuperHost,
  name: string,
  isObject: boolean,
  obj: PyObject,
): ((args: PyObject[]) => PyObject) | undefined {
  const rt = host.rt;
  if (name === '__init__')
    return isObject ? (args) => objectInit(rt, obj, args) : (args) => (initException(rt, obj, args), rt.none());
  if (!isObject) return undefined;
  if (name === '__repr__') return (args) => (noArguments(rt, args), rt.str(objectReprText(rt, obj)));
  if (name === '__str__') return (args) => (noArguments(rt, args), host.repr(obj));
  return undefined;
}

/** wrap_unaryfunc: a slot wrapper of a unary slot takes no arguments (they were packed in a tuple). */
function noArguments(rt: Runtime, args: PyObject[]): void {
  if (args.length === 0) return;
  rt.decref(newTuple(rt, args));
  throw new PyException('TypeError', `expected 0 arguments, got ${args.length}`);
}

/**
 * wrapper_call of object.__init__ (object_init): _PyObject_MakeTpCall packs the arguments in a
 * tuple; any argument is an error, worded after whether the object's class defines __init__.
 */
function objectInit(rt: Runtime, self: PyObject, args: PyObject[]): PyObject {
  if (args.length === 0) return rt.none();
  rt.decref(newTuple(rt, args));
  const cls = self.type.typeObject;
  const overridden = cls !== null && classLookup(rt, cls, '__init__') !== undefined;
  throw new PyException(
    'TypeError',
    `${overridden ? 'object' : self.type.name}.__init__() takes exactly one argument (the instance to initialize)`,
  );
}

/** A lookup the simulator cannot answer exactly, refused with the running line. */
function refused(host: SuperHost, name: string, owner: string): UnsupportedConstruct {
  const state = host.frames[host.frames.length - 1];
  return new UnsupportedConstruct(
    `lookups of '${name}' through super() in the class '${owner}'`,
    state.lineno,
    0,
    state.code.filename,
  );
}
