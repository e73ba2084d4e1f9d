/**
 * repr() and str() of the simulator's objects, formatted as CPython 3.11 formats them, with the
 * recursion markers of Py_ReprEnter ([...], {...}, (...)). Objects whose repr shows an address
 * print the simulator's address, which cannot match CPython's; programs compared with CPython avoid them.
 */
import { cellGet } from '../../core/objects/cellobject';
import type { Runtime } from '../../core/runtime';
import { Kind } from '../../core/objects/kinds';
import type { PyObject } from '../../core/objects/pyobject';
import { pyStrRepr } from '../lang';
import { newDict } from '../../core/objects/dict';
import { listPreallocateExact, newList } from '../../core/objects/list';
import { iterNext, newIterator } from './iteration';
import { methodFunc, methodSelf } from '../../core/objects/funcobject';
import { rangeBounds } from '../../core/objects/rangeobject';
import { classLookup, classType } from '../../core/objects/classobject';
import { viewDict } from '../../core/objects/dictview';
import { isMappingProxy } from './class-attributes';
import { PyException } from '../../core/errors';
import { exceptionArgs, isKeyError } from './exceptions';
import { callNativeSlot } from './native-classes';
import { floatRepr, floatValue } from '../../core/objects/floatobject';
import { superRepr } from './super';
import { objectReprText } from './object-repr';

/**
 * repr(op). `observe` is for views outside the program (the trace): it must not allocate on the
 * simulated heap, so it skips Py_ReprEnter's bookkeeping.
 */
export function pyRepr(rt: Runtime, op: PyObject, active: Set<PyObject> = new Set(), observe = false): string {
  switch (op.type.kind) {
    case Kind.None:
      return 'None';
    case Kind.Bool:
      return op.value ? 'True' : 'False';
    case Kind.Int:
      return String(op.value as bigint);
    case Kind.Float:
      return floatRepr(floatValue(op));
    case Kind.Str:
      return pyStrRepr(op.value as string);
    case Kind.List:
    case Kind.Tuple:
    case Kind.Dict:
    case Kind.Set:
      return containerRepr(rt, op, active, observe);
    case Kind.Type:
      return `<class '${qualifiedName(rt, op)}'>`;
    case Kind.Range: {
      const { start, stop, step } = rangeBounds(op);
      return step === 1n ? `range(${start}, ${stop})` : `range(${start}, ${stop}, ${step})`;
    }
    case Kind.Builtin:
      return superRepr(rt, op) ?? `<built-in function ${op.value as string}>`;
    case Kind.Module:
      return `<module '${op.value as string}' (built-in)>`;
    case Kind.Function:
      return `<function ${op.value as string} at ${rt.addressOf(op)}>`;
    case Kind.Method:
      return `<bound method ${methodFunc(op).value as string} of ${pyRepr(rt, methodSelf(op), active, observe)}>`;
    case Kind.Exception: {
      // BaseException_repr: `Name(arg)` for one argument, else the name and the args tuple.
      const args = exceptionArgs(op);
      const items = args.items!;
      return `${op.type.name}${items.length === 1 ? `(${pyRepr(rt, items[0], active, observe)})` : pyRepr(rt, args, active, observe)}`;
    }
    case Kind.Cell: {
      const contents = cellGet(op);
      return contents === null
        ? `<cell at ${rt.addressOf(op)}: empty>`
        : `<cell at ${rt.addressOf(op)}: ${contents.type.name} object at ${rt.addressOf(contents)}>`;
    }
    case Kind.Weakref: {
      const target = op.wrObject;
      return target === null
        ? `<weakref at ${rt.addressOf(op)}; dead>`
        : `<weakref at ${rt.addressOf(op)}; to '${target.type.name}' at ${rt.addressOf(target)}>`;
    }
    case Kind.Descriptor: {
      const own = superRepr(rt, op);
      if (own !== null) return own;
      // member_repr for a __slots__ name, getset_repr for __dict__ and __weakref__.
      const cls = op.refs![0]!;
      const member = classType(cls).slotNames?.includes(op.value as string) ?? false;
      return `<${member ? 'member' : 'attribute'} '${op.value as string}' of '${cls.value as string}' objects>`;
    }
    case Kind.DictView:
      // mappingproxy_repr; the dict views keep the generic form.
      if (isMappingProxy(op)) return `mappingproxy(${pyRepr(rt, viewDict(op), active, observe)})`;
      return `<${op.type.name} object at ${rt.addressOf(op)}>`;
    default:
      if (!observe && op.type.kind === Kind.Instance) {
        const own = nativeText(rt, op) ?? userText(rt, op, '__repr__');
        if (own !== null) return own;
      }
      return objectReprText(rt, op);
  }
}

/** A natively modelled class's `__repr__` (weakref.WeakValueDictionary's), or null. */
function nativeText(rt: Runtime, op: PyObject): string | null {
  const text = callNativeSlot(op, '__repr__', []);
  if (text === undefined) return null;
  rt.decref(text);
  return text.value as string;
}

/**
 * slot_tp_repr / slot_tp_str: a class's own `__repr__` or `__str__`, called with the instance
 * (a frame of its own); null when the class defines none. Its result must be a str.
 */
function userText(rt: Runtime, op: PyObject, name: '__repr__' | '__str__'): string | null {
  const cls = op.type.typeObject;
  const method = cls ? classLookup(rt, cls, name) : undefined;
  if (method === undefined) return null;
  const what = name === '__str__' ? 'str' : 'repr';
  const result = rt.recursiveCall(` while getting the ${what} of an object`, () => rt.call(method, [op]));
  try {
    if (result.type.kind !== Kind.Str)
      throw new PyException('TypeError', `${name} returned non-string (type ${result.type.name})`);
    return result.value as string;
  } finally {
    rt.decref(result);
  }
}

function qualifiedName(rt: Runtime, cls: PyObject): string {
  const name = cls.value as string;
  return rt.external.has(cls) ? name : `__main__.${name}`;
}

/**
 * Py_ReprEnter keeps the containers being printed in a list stored in the thread state's dict;
 * both are created by the first container repr of the process and kept (two GC allocations).
 * dict_repr and set_repr enter it before looking at the size, list_repr and tuplerepr only when
 * not empty (docs/probes/q8_repr_enter.py).
 */
const reprLists = new WeakMap<Runtime, PyObject>();
function reprEnterList(rt: Runtime): PyObject {
  let list = reprLists.get(rt);
  if (list === undefined) {
    const dict = newDict(rt);
    rt.hold(dict);
    rt.decref(dict);
    list = newList(rt, []);
    rt.hold(list);
    rt.decref(list);
    reprLists.set(rt, list);
  }
  return list;
}

function containerRepr(rt: Runtime, op: PyObject, active: Set<PyObject>, observe: boolean): string {
  const kind = op.type.kind;
  if (!observe && (op.items === null || op.items.length > 0)) reprEnterList(rt);
  if (active.has(op)) return kind === Kind.List ? '[...]' : kind === Kind.Tuple ? '(...)' : '{...}';
  active.add(op);
  try {
    const r = (o: PyObject) => pyRepr(rt, o, active, observe);
    switch (kind) {
      case Kind.List:
        return `[${op.items!.map(r).join(', ')}]`;
      case Kind.Tuple:
        return op.items!.length === 1 ? `(${r(op.items![0])},)` : `(${op.items!.map(r).join(', ')})`;
      case Kind.Dict:
        return `{${[...op.table!.map.values()].map((e) => `${r(e.key)}: ${r(e.value!)}`).join(', ')}}`;
      default:
        if (op.table!.size === 0) return 'set()';
        return observe ? `{${[...op.table!.entries()].map((e) => r(e.key)).join(', ')}}` : setRepr(rt, op, active);
    }
  } finally {
    active.delete(op);
  }
}

/**
 * set_repr of a non-empty set: `repr(list(s))[1:-1]` in braces. PySequence_List makes a real list
 * (PyList_New(0), a set iterator, list_preallocate_exact) that lives while the keys are printed;
 * after a full collection has emptied the list free list it is a new GC allocation which, freed
 * back to the free list, stays in gc.get_count() (docs/probes/q8_set_repr.py).
 */
function setRepr(rt: Runtime, op: PyObject, active: Set<PyObject>): string {
  const keys = newList(rt, []);
  try {
    const it = newIterator(rt, op);
    try {
      listPreallocateExact(rt, keys, op.table!.size);
      for (let key = iterNext(rt, it); key !== null; key = iterNext(rt, it)) keys.items!.push(key);
    } finally {
      rt.decref(it);
    }
    return `{${containerRepr(rt, keys, active, false).slice(1, -1)}}`;
  } finally {
    rt.decref(keys);
  }
}

/** str(): a str prints as itself, an exception as its message, an instance by its class's `__str__` if any; everything else as its repr. */
export function pyStr(rt: Runtime, op: PyObject): string {
  if (op.type.kind === Kind.Exception) return exceptionStr(rt, op);
  if (op.type.kind === Kind.Str) return op.value as string;
  if (isMappingProxy(op)) return pyRepr(rt, viewDict(op)); // mappingproxy_str: str of the dict
  return (op.type.kind === Kind.Instance ? userText(rt, op, '__str__') : null) ?? pyRepr(rt, op);
}

/** BaseException_str: '' for no argument, str of the one argument (KeyError: its repr), else the args tuple. */
function exceptionStr(rt: Runtime, op: PyObject): string {
  const items = exceptionArgs(op).items!;
  if (items.length === 0) return '';
  if (items.length > 1) return pyRepr(rt, exceptionArgs(op));
  return isKeyError(op) ? pyRepr(rt, items[0]) : pyStr(rt, items[0]);
}
