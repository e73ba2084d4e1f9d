import { Kind, KIND_NAMES } from './kinds';
import type { PyObject } from './pyobject';
import type { SharedKeys } from './sharedkeys';
import type { Runtime } from '../runtime';

/**
 * What the memory manager needs to know about a type (the relevant slots of PyTypeObject).
 *
 * Built-in types are static and never freed, as in CPython. A class made by a `class` statement is
 * a heap type: its `typeObject` is a real, refcounted, GC-tracked object that every instance holds
 * a strong reference to.
 */
export class PyType {
  /** tp_finalize: the PEP 442 finalizer (`__del__`), called at most once for GC objects. */
  finalize: ((self: PyObject) => void) | null = null;
  /** tp_del: a legacy finalizer; cycles holding one are uncollectable and go to gc.garbage. */
  legacyDel: ((self: PyObject) => void) | null = null;
  /** The heap type's own object (a Kind.Type object), or null for static types. */
  typeObject: PyObject | null = null;
  /** `__slots__` names, in declaration order (member descriptors); null when the class has none. */
  slotNames: string[] | null = null;
  /** Py_TPFLAGS_MANAGED_DICT: instances keep attributes as 3.11 inline values. */
  managedDict = false;
  /** ht_cached_keys: the names a managed-dict class's instances share (null for other types). */
  cachedKeys: SharedKeys | null = null;
  /** Py_TPFLAGS_HEAPTYPE: made by a class statement (sized as a PyHeapTypeObject). */
  heapType = false;
  /**
   * tp_basicsize in pointer-sized words (without the GC head), for a type whose kind's model struct
   * does not fit it (zip, enumerate); null when the kind's struct is the type's.
   */
  basicWords: number | null = null;
  /** tp_iternext of an iterator type defined outside python/interp/iteration.ts (zip, enumerate, reversed). */
  iterNext: ((rt: Runtime, it: PyObject) => PyObject | null) | null = null;

  constructor(
    readonly name: string,
    readonly kind: Kind,
    /** Py_TPFLAGS_HAVE_GC */
    readonly isGC: boolean,
    /** tp_weaklistoffset != 0 */
    readonly supportsWeakrefs: boolean,
    readonly base: PyType | null = null,
  ) {}
}

function staticType(kind: Kind, isGC: boolean, weakrefs: boolean): PyType {
  return new PyType(KIND_NAMES[kind], kind, isGC, weakrefs);
}

/** The static built-in types. */
export const TYPES = {
  head: staticType(Kind.Head, true, false),
  none: staticType(Kind.None, false, false),
  bool: staticType(Kind.Bool, false, false),
  int: staticType(Kind.Int, false, false),
  float: staticType(Kind.Float, false, false),
  str: staticType(Kind.Str, false, false),
  list: staticType(Kind.List, true, false),
  tuple: staticType(Kind.Tuple, true, false),
  dict: staticType(Kind.Dict, true, false),
  set: staticType(Kind.Set, true, true),
  function: staticType(Kind.Function, true, true),
  method: staticType(Kind.Method, true, true),
  weakref: staticType(Kind.Weakref, true, false),
  module: staticType(Kind.Module, true, true),
  builtin: staticType(Kind.Builtin, false, false),
  /** A built-in method bound to its object (`lst.append`, `sys.stdout.write`): a GC object. */
  builtinMethod: new PyType('builtin_function_or_method', Kind.Builtin, true, true),
  iterator: staticType(Kind.Iterator, true, false),
  code: staticType(Kind.Code, false, true),
  descriptor: staticType(Kind.Descriptor, true, false),
  range: staticType(Kind.Range, false, false),
  slice: staticType(Kind.Slice, true, false),
  frame: staticType(Kind.Frame, true, false),
  traceback: staticType(Kind.Traceback, true, false),
  exception: staticType(Kind.Exception, true, false),
  /** range_iterator: unlike the other iterators, not a GC type. */
  rangeIterator: new PyType('range_iterator', Kind.Iterator, false, false),
  dictKeys: new PyType('dict_keys', Kind.DictView, true, false),
  dictValues: new PyType('dict_values', Kind.DictView, true, false),
  dictItems: new PyType('dict_items', Kind.DictView, true, false),
  /** `object`: the base of every class. */
  object: new PyType('object', Kind.Instance, false, false),
  /** `type`: the metaclass of every class; class objects are GC heap types. */
  type: new PyType('type', Kind.Type, true, true),
} as const;

/** The PyType each type object (static or heap) stands for; see registerClassType. */
const definedTypes = new WeakMap<PyObject, PyType>();

/** Record that the type object `cls` stands for `type`. */
export function defineType(cls: PyObject, type: PyType): void {
  definedTypes.set(cls, type);
}

/** The PyType a type object stands for, or undefined for an object that is not one. */
export function definedType(cls: PyObject): PyType | undefined {
  return definedTypes.get(cls);
}
