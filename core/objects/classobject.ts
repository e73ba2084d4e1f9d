/**
 * Classes and their instances (Objects/typeobject.c): a `class` statement makes a heap type whose
 * object holds its dict, bases and mro (the mro contains the class itself, so every class is in a
 * cycle); each instance holds a strong reference to its class.
 *
 * Instance attributes are kept as 3.11 keeps them: values inline in the instance, indexed by the
 * class's shared keys, and no `__dict__` object until someone asks for one.
 */
import type { Runtime } from '../runtime';
import type { Profile } from '../profile';
import { newDict, dictSetItem, dictGetItem, dictDelItem, dictPop } from './dict';
import { hashKey } from './hashkey';
import { mayBeTracked } from './tracking';
import { newTuple } from './tuple';
import { newList } from './list';
import { newWeakref } from './weakrefobject';
import { cellSet } from './cellobject';
import { Kind } from './kinds';
import { type PyObject } from './pyobject';
import { PyType, TYPES, defineType, definedType } from './pytype';
import { SharedKeys } from './sharedkeys';
import { PyException } from '../errors';

export interface ClassSpec {
  readonly name: string;
  /** The base class object (a Kind.Type object), or null for `object`. */
  readonly base: PyObject | null;
  /** Class attributes and methods, in definition order (borrowed). */
  readonly namespace: readonly (readonly [string, PyObject])[];
  /** `__slots__` names, or null for a class with a `__dict__`. */
  readonly slots: readonly string[] | null;
  /** The bases tuple __build_class__ made from the class statement, or null for none. */
  readonly bases: PyObject | null;
}

/** Where a class keeps tp_dict, tp_mro, tp_bases, tp_base, ht_slots and ht_qualname in its `refs`. */
export const TYPE_DICT = 0;
export const TYPE_MRO = 1;
const TYPE_BASES = 2;
const TYPE_BASE = 3;
const TYPE_SLOTS = 4;
const TYPE_QUALNAME = 5;
/** type_traverse visits the fields before ht_slots; the __slots__ tuple is never reported. */
export const TYPE_TRAVERSED = TYPE_SLOTS;

/** The class's dict (tp_dict), borrowed; null for a static type, whose dict the model does not keep. */
export function typeDict(cls: PyObject): PyObject | null {
  return cls.refs?.[TYPE_DICT] ?? null;
}

/** The class's mro tuple (tp_mro), borrowed; null for a static type or once type_clear dropped it. */
export function typeMro(cls: PyObject): PyObject | null {
  return cls.refs?.[TYPE_MRO] ?? null;
}

/** The class's bases tuple (tp_bases, `__bases__`), borrowed; null for a static type. */
export function typeBases(cls: PyObject): PyObject | null {
  return cls.refs?.[TYPE_BASES] ?? null;
}

/** The class's first base (tp_base, `__base__`), borrowed; null for a static type. */
export function typeBase(cls: PyObject): PyObject | null {
  return cls.refs?.[TYPE_BASE] ?? null;
}

/** The class's `__qualname__` str (ht_qualname), borrowed; null for a static type. */
export function typeQualname(cls: PyObject): PyObject | null {
  return cls.refs?.[TYPE_QUALNAME] ?? null;
}

/** Record that `cls` is the object of `type` (for static types, made once per runtime). */
export function registerClassType(cls: PyObject, type: PyType): void {
  defineType(cls, type);
  if (type.typeObject === null && type.kind === Kind.Instance && type.isGC) type.typeObject = cls;
}

/** The PyType a class object defines. */
export function classType(cls: PyObject): PyType {
  const type = definedType(cls);
  if (type === undefined) throw new PyException('TypeError', 'isinstance() arg 2 must be a type');
  return type;
}

/**
 * type_new: build the heap type. Its dict gets the namespace plus the `__dict__` and `__weakref__`
 * getset descriptors when this class is the first in its line to add them (each descriptor refers
 * back to the class, another cycle).
 */
export function newClass(rt: Runtime, spec: ClassSpec): PyObject {
  const baseType = spec.base === null ? TYPES.object : classType(spec.base);
  // An exception base already has a dict slot (tp_dictoffset); its subclasses stay exceptions.
  const isException = baseType.kind === Kind.Exception;
  const addsDict = spec.slots === null && !baseType.managedDict && !isException;
  const addsWeakref =
    spec.slots === null ? !baseType.supportsWeakrefs : spec.slots.includes('__weakref__') && !baseType.supportsWeakrefs;
  const slotNames = (spec.slots ?? []).filter((s) => s !== '__weakref__' && s !== '__dict__');
  const kind = isException ? Kind.Exception : Kind.Instance;
  const type = new PyType(spec.name, kind, true, baseType.supportsWeakrefs || addsWeakref, baseType);
  type.managedDict = baseType.managedDict || addsDict;
  type.heapType = true;
  type.slotNames = [...(baseType.slotNames ?? []), ...slotNames];
  type.finalize = baseType.finalize;
  type.legacyDel = baseType.legacyDel;
  const baseObject = spec.base ?? rt.staticTypeObject(TYPES.object);

  // type_new_get_bases: a class statement without bases gets (object,).
  const bases = spec.bases !== null ? rt.newRef(spec.bases) : newTuple(rt, [baseObject]);
  // type_new_init: the namespace is copied into the new type's dict, whose __qualname__ entry
  // becomes ht_qualname (type_new_set_ht_name)...
  const dict = newDict(rt);
  for (const [name, value] of spec.namespace) setStr(rt, dict, name, value);
  const qualnameKey = rt.str('__qualname__');
  const qualname = dictPop(rt, dict, qualnameKey) ?? rt.str(spec.name);
  rt.decref(qualnameKey);
  // ...the sorted __slots__ (a list sorted into a tuple the type keeps, ht_slots)...
  let htSlots: PyObject | null = null;
  if (spec.slots !== null) {
    const names = spec.slots.map((n) => rt.str(n));
    const sorting = newList(rt, names);
    htSlots = newTuple(rt, names);
    rt.decref(sorting);
    for (const n of names) rt.decref(n);
  }
  // ...then the type object itself (tracked at once by PyType_GenericAlloc).
  const cls = rt.alloc(TYPES.type);
  cls.value = spec.name;
  registerClassType(cls, type);
  type.typeObject = cls;
  rt.track(cls);
  setClassCell(rt, dict, cls);
  // type_ready_managed_dict: the cached keys its instances will share (a separate allocation).
  if (type.managedDict) {
    type.cachedKeys = new SharedKeys();
    if (rt.allocator !== null) cls.auxAddress = rt.allocator.malloc(type.cachedKeys.bytes(rt.profile));
  }
  // PyType_Ready: the mro, then the member and getset descriptors (each refers back to the class).
  const baseMro = spec.base === null ? [baseObject] : (typeMro(spec.base)?.items ?? staticMro(rt, baseType));
  const mro = newTuple(rt, [cls, ...baseMro]);
  cls.refs = [dict, mro, bases, rt.newRef(baseObject), htSlots, qualname];
  const descriptorNames = [...slotNames, ...(addsDict ? ['__dict__'] : []), ...(addsWeakref ? ['__weakref__'] : [])];
  for (const name of descriptorNames) {
    const descr = rt.alloc(TYPES.descriptor);
    descr.value = name;
    descr.refs = [rt.newRef(cls)];
    rt.track(descr);
    setStr(rt, dict, name, descr);
    rt.decref(descr);
  }
  // type_dict_set_doc: a class without a docstring gets __doc__ = None.
  const docKey = rt.str('__doc__');
  if (dictGetItem(dict, docKey) === undefined) dictSetItem(rt, dict, docKey, rt.None);
  rt.decref(docKey);
  addSubclass(rt, baseType, cls);
  // type_new_set_names walks a copy of the dict; type_new_init_subclass makes super(cls, cls)
  // and looks up __init_subclass__ on it (a bound method): all short-lived.
  const namesToSet = newDict(rt);
  for (const entry of dict.table!.map.values()) dictSetItem(rt, namesToSet, entry.key, entry.value!);
  rt.decref(namesToSet);
  const superObj = rt.alloc(TYPES.builtinMethod);
  rt.track(superObj);
  const initSubclass = rt.alloc(TYPES.builtinMethod);
  rt.track(initSubclass);
  rt.decref(superObj);
  rt.decref(initSubclass);
  return cls;
}

/**
 * type_new_set_classcell: the class body's `__classcell__` (the cell its methods' `__class__`
 * reads, as super() does) is filled with the new class and leaves the class's dict.
 */
function setClassCell(rt: Runtime, dict: PyObject, cls: PyObject): void {
  const key = rt.str('__classcell__');
  const cell = dictGetItem(dict, key);
  if (cell !== undefined && cell.type.kind === Kind.Cell) {
    cellSet(rt, cell, rt.newRef(cls));
    dictDelItem(rt, dict, key);
  }
  rt.decref(key);
}

/** The mro of a static type: its chain of bases, then object. */
function staticMro(rt: Runtime, type: PyType): PyObject[] {
  const mro: PyObject[] = [];
  for (let t: PyType | null = type; t !== null; t = t.base) mro.push(rt.staticTypeObject(t));
  return [...mro, rt.staticTypeObject(TYPES.object)];
}

/** The tp_subclasses dicts of this runtime's types: id(subclass) -> weakref(subclass). */
const subclassDicts = new WeakMap<Runtime, Map<PyType, PyObject>>();

/** object's tp_subclasses exists before any program runs (the interpreter's own classes made it). */
export function prepareSubclasses(rt: Runtime): void {
  const dict = newDict(rt);
  rt.hold(dict);
  rt.decref(dict);
  subclassDicts.set(rt, new Map([[TYPES.object, dict]]));
}

/** add_subclass: the base records a weak reference to its new subclass. */
function addSubclass(rt: Runtime, base: PyType, cls: PyObject): void {
  const key = rt.int(cls.id);
  const ref = newWeakref(rt, cls, null);
  let dicts = subclassDicts.get(rt);
  if (dicts === undefined) subclassDicts.set(rt, (dicts = new Map()));
  let subclasses = dicts.get(base);
  if (subclasses === undefined) {
    subclasses = newDict(rt);
    rt.hold(subclasses);
    rt.decref(subclasses);
    dicts.set(base, subclasses);
  }
  dictSetItem(rt, subclasses, key, ref);
  rt.decref(ref);
  rt.decref(key);
}

/** remove_subclass, as a dying class leaves its base: the weakref entry goes. */
export function removeSubclass(rt: Runtime, cls: PyObject): void {
  const type = definedType(cls);
  const subclasses = type?.base !== null && type !== undefined ? subclassDicts.get(rt)?.get(type.base) : undefined;
  if (subclasses === undefined) return;
  const key = rt.int(cls.id);
  if (dictGetItem(subclasses, key) !== undefined) dictDelItem(rt, subclasses, key);
  rt.decref(key);
}

function setStr(rt: Runtime, dict: PyObject, name: string, value: PyObject): void {
  const key = rt.str(name);
  dictSetItem(rt, dict, key, value);
  rt.decref(key);
}

/** Look `name` up along the class's mro (_PyType_Lookup); borrowed, undefined when absent. */
export function classLookup(rt: Runtime, cls: PyObject, name: string): PyObject | undefined {
  const mro = typeMro(cls)?.items;
  if (mro === undefined || mro === null) return undefined;
  const key = rt.str(name);
  try {
    for (const klass of mro) {
      const dict = typeDict(klass);
      if (dict === null) continue;
      const found = dictGetItem(dict, key);
      if (found !== undefined) return found;
    }
    return undefined;
  } finally {
    rt.decref(key);
  }
}

/**
 * object_new for a heap type: allocate the instance, give it empty slots and (for a class with a
 * managed dict) an inline values array, take a reference to the class, and track it.
 */
export function newInstance(rt: Runtime, cls: PyObject): PyObject {
  const type = classType(cls);
  const op = rt.alloc(type);
  rt.incref(cls);
  if (type.slotNames!.length > 0) op.refs = type.slotNames!.map(() => null);
  if (type.cachedKeys !== null) {
    // init_inline_values: the values array has room for the shared keys plus what is usable.
    const size = type.cachedKeys.reserveForInstance();
    if (rt.allocator !== null) op.auxAddress = rt.allocator.malloc(valuesSize(rt.profile, size));
    op.values = [];
    op.valuesOrder = [];
  }
  rt.track(op);
  return op;
}

/**
 * new_values (Objects/dictobject.c): a PyDictValues array of `size` values is a prefix of
 * size + 2 bytes rounded up to a pointer, then `size` pointers.
 */
function valuesSize(profile: Profile, size: number): number {
  const p = profile.pointerSize;
  return Math.ceil((size + 2) / p) * p + size * p;
}

/** The instance's own value for `name` (inline values, materialised dict or slot); borrowed. */
export function instanceGetAttr(rt: Runtime, op: PyObject, name: string): PyObject | undefined {
  const type = op.type;
  const slot = type.slotNames?.indexOf(name) ?? -1;
  if (slot >= 0) return op.refs![slot] ?? undefined;
  if (op.dictRef !== null) {
    const key = rt.str(name);
    const found = dictGetItem(op.dictRef, key);
    rt.decref(key);
    return found;
  }
  if (op.values === null) return undefined;
  const ix = type.cachedKeys!.names.indexOf(name);
  return ix >= 0 ? (op.values[ix] ?? undefined) : undefined;
}

/** obj.name = value on an instance (_PyObject_StoreInstanceAttribute or the dict or the slot). */
export function instanceSetAttr(rt: Runtime, op: PyObject, name: string, value: PyObject): void {
  const type = op.type;
  const slot = type.slotNames?.indexOf(name) ?? -1;
  if (slot >= 0) {
    const old = op.refs![slot];
    op.refs![slot] = rt.newRef(value);
    rt.xdecref(old);
    return;
  }
  if (!type.managedDict) {
    throw new PyException('AttributeError', `'${type.name}' object has no attribute '${name}'`);
  }
  if (op.dictRef !== null) {
    setStr(rt, op.dictRef, name, value);
    return;
  }
  // _PyObject_StoreInstanceAttribute: a name the shared keys cannot take needs a dict.
  const ix = type.cachedKeys!.insert(name);
  if (ix < 0) {
    setStr(rt, materializeDict(rt, op), name, value);
    return;
  }
  const old = op.values![ix] ?? null;
  op.values![ix] = rt.newRef(value);
  // _PyDictValues_AddToInsertionOrder: the instance's own order is its __dict__'s order.
  if (old === null) op.valuesOrder!.push(ix);
  rt.xdecref(old);
}

/** del obj.name on an instance. */
export function instanceDelAttr(rt: Runtime, op: PyObject, name: string): void {
  const type = op.type;
  const missing = () => new PyException('AttributeError', `'${type.name}' object has no attribute '${name}'`);
  const slot = type.slotNames?.indexOf(name) ?? -1;
  if (slot >= 0) {
    const old = op.refs![slot];
    if (old === null) throw new PyException('AttributeError', name);
    op.refs![slot] = null;
    rt.decref(old);
    return;
  }
  if (op.dictRef !== null) {
    const key = rt.str(name);
    try {
      dictDelItem(rt, op.dictRef, key);
    } catch {
      throw missing();
    } finally {
      rt.decref(key);
    }
    return;
  }
  const ix = type.cachedKeys!.names.indexOf(name);
  const old = ix >= 0 && op.values !== null ? (op.values[ix] ?? null) : null;
  if (old === null) throw missing();
  op.values![ix] = null;
  op.valuesOrder!.splice(op.valuesOrder!.indexOf(ix), 1);
  rt.decref(old);
}

/**
 * obj.__dict__ (PyObject_GenericGetDict): make a split dict from the inline values
 * (make_dict_from_instance_attributes), in the instance's insertion order, sharing the class's
 * cached keys; from now on the instance holds the dict and the dict holds the values array.
 */
export function materializeDict(rt: Runtime, op: PyObject): PyObject {
  if (op.dictRef !== null) return op.dictRef;
  if (!op.type.managedDict)
    throw new PyException('AttributeError', `'${op.type.name}' object has no attribute '__dict__'`);
  const dict = newDict(rt);
  const keys = op.type.cachedKeys!;
  dict.table!.shared = keys;
  const values = op.values!;
  for (const ix of op.valuesOrder!) {
    const key = rt.str(keys.names[ix]);
    dict.table!.map.set(hashKey(key), { key, value: values[ix] });
    if (dict.gcNext === null && mayBeTracked(values[ix]!)) rt.track(dict);
  }
  op.values = null;
  op.valuesOrder = null;
  dict.auxAddress = op.auxAddress;
  op.auxAddress = 0;
  op.dictRef = dict;
  return dict;
}

/** PyType_IsSubtype: `sub` is `type` or derives from it (bool from int, everything from object). */
export function isSubtype(sub: PyType, type: PyType): boolean {
  if (type === TYPES.object) return true;
  for (let t: PyType | null = sub; t !== null; t = t.base) if (t === type) return true;
  return sub === TYPES.bool && type === TYPES.int;
}
