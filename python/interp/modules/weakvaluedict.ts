/**
 * weakref.WeakValueDictionary as Lib/weakref.py (3.11) builds it, modelled natively
 * (docs/fidelity.md): an instance whose attributes are `_remove` (the callback every entry's
 * weakref shares, holding a weakref to the dictionary in its defaults), `_pending_removals` (a
 * list), `_iterating` (a set) and `data` (a dict of key -> KeyedRef(value, _remove, key)). A value
 * dying calls `_remove`, which deletes its entry, or queues the key while an iteration runs.
 * Each operation makes the temporaries CPython's code makes (argument tuples, the `**kw` dicts),
 * since after a full collection empties the free lists those decide `gc.get_count()`
 * (docs/probes/q8_weakdict.py).
 */
import type { Runtime } from '../../../core/runtime';
import { Kind } from '../../../core/objects/kinds';
import type { PyObject } from '../../../core/objects/pyobject';
import { PyType, TYPES } from '../../../core/objects/pytype';
import { PyException } from '../../../core/errors';
import { newInstance } from '../../../core/objects/classobject';
import { dictDelItem, dictGetItem, dictPop, dictSetItem, keyError, newDict } from '../../../core/objects/dict';
import { listAppend, newList } from '../../../core/objects/list';
import { newSet } from '../../../core/objects/set';
import { newTuple } from '../../../core/objects/tuple';
import { newDictView } from '../../../core/objects/dictview';
import { newWeakref, weakrefCall } from '../../../core/objects/weakrefobject';
import { registerNativeClass, type NativeMethod } from '../native-classes';
import { iterNext, newIterator } from '../iteration';
import { attr, commitRemovals, guardedGenerator, pythonClass, setAttr, transient, type Pick } from './weak-iteration';

/** Where a KeyedRef keeps its `key` slot in its `refs` (after wr_callback). */
const KEYED_REF_KEY = 1;

/**
 * A method's positional parameters after self, `required` of them without a default: CPython's
 * TypeError for too few or too many (`pop(key, *args)` takes any number more).
 */
function arity(name: string, args: PyObject[], params: readonly string[], required: number, varargs = false): void {
  const qualified = `WeakValueDictionary.${name}()`;
  if (args.length < required) {
    const missing = params.slice(args.length, required).map((p) => `'${p}'`);
    const n = missing.length;
    throw new PyException(
      'TypeError',
      `${qualified} missing ${n} required positional argument${n === 1 ? '' : 's'}: ${missing.join(' and ')}`,
    );
  }
  if (varargs || args.length <= params.length) return;
  const [min, max] = [required + 1, params.length + 1];
  const takes =
    min === max ? `${max} positional argument${max === 1 ? '' : 's'}` : `from ${min} to ${max} positional arguments`;
  throw new PyException('TypeError', `${qualified} takes ${takes} but ${args.length + 1} were given`);
}

/** The types of one runtime's weakref containers (their shared keys change per run). */
export interface WeakTypes {
  readonly guard: PyType;
  readonly keyedRef: PyType;
  /** _weakref._remove_dead_weakref, the default `_remove` keeps. */
  readonly removeDeadWeakref: PyObject;
}

/**
 * _remove_dead_weakref(d, key): delete d[key] if it is a dead weakref (a live one, stored since
 * under the same key, stays).
 */
function removeDeadWeakref(rt: Runtime, data: PyObject, key: PyObject): void {
  const wr = dictGetItem(data, key);
  if (wr !== undefined && wr.wrObject === null) dictDelItem(rt, data, key);
}

/** The KeyedRef in `data` for `key`'s value, as `self.data[key]` finds it (KeyError when absent). */
function entry(self: PyObject, rt: Runtime, key: PyObject): PyObject {
  const wr = dictGetItem(attr(rt, self, 'data'), key);
  if (wr === undefined) throw keyError(key);
  return wr;
}

/**
 * KeyedRef(ob, callback, key): type_call packs the three arguments; `ref.__new__(type, ob,
 * callback)` packs them again and slices off the type (two more tuples), makes the weakref and sets
 * its key; then `__init__` runs `super().__init__(ob, callback)` (a super object, a method-wrapper,
 * an argument tuple).
 */
function newKeyedRef(rt: Runtime, types: WeakTypes, ob: PyObject, callback: PyObject, key: PyObject): PyObject {
  const typeCallArgs = newTuple(rt, [ob, callback, key]);
  try {
    const packed = newTuple(rt, [rt.staticTypeObject(types.keyedRef), ob, callback]);
    const sliced = newTuple(rt, [ob, callback]);
    let self: PyObject;
    try {
      self = newWeakref(rt, ob, callback, types.keyedRef);
    } finally {
      rt.decref(sliced);
      rt.decref(packed);
    }
    self.refs!.push(rt.newRef(key));
    const superObject = transient(rt);
    const wrapper = transient(rt);
    rt.decref(superObject);
    const initArgs = newTuple(rt, [ob, callback]);
    rt.decref(initArgs);
    rt.decref(wrapper);
    return self;
  } finally {
    rt.decref(typeCallArgs);
  }
}

/** `data[key] = KeyedRef(value, self._remove, key)`. */
function store(rt: Runtime, types: WeakTypes, self: PyObject, key: PyObject, value: PyObject): void {
  const wr = newKeyedRef(rt, types, value, attr(rt, self, '_remove'), key);
  dictSetItem(rt, attr(rt, self, 'data'), key, wr);
  rt.decref(wr);
}

/** `if self._pending_removals: self._commit_removals()`, which every method but setdefault starts with. */
function commitPending(rt: Runtime, self: PyObject): void {
  if (attr(rt, self, '_pending_removals').items!.length === 0) return;
  const data = attr(rt, self, 'data');
  commitRemovals(rt, self, (key) => removeDeadWeakref(rt, data, key));
}

/**
 * The `remove` closure `__init__` defines: `remove(wr, selfref=ref(self),
 * _atomic_removal=_remove_dead_weakref)`, a GC object holding its defaults tuple.
 */
function newRemove(rt: Runtime, types: WeakTypes, self: PyObject): PyObject {
  const selfref = newWeakref(rt, self, null);
  const defaults = newTuple(rt, [selfref, types.removeDeadWeakref]);
  rt.decref(selfref);
  const remove = rt.alloc(TYPES.builtinMethod);
  remove.value = 'remove';
  remove.refs = [defaults];
  remove.native = ([wr]) => {
    const owner = weakrefCall(rt, selfref);
    try {
      if (owner !== rt.None) {
        const key = wr.refs![KEYED_REF_KEY]!;
        if (attr(rt, owner, '_iterating').table!.size > 0) listAppend(rt, attr(rt, owner, '_pending_removals'), key);
        else removeDeadWeakref(rt, attr(rt, owner, 'data'), key);
      }
    } finally {
      rt.decref(owner);
    }
    return rt.none();
  };
  rt.track(remove);
  return remove;
}

/**
 * `WeakValueDictionary(other=(), /, **kw)`: object_new, then `__init__` (its `**kw` dict, the
 * `remove` function, the list, the set and the data dict), then `self.update(other, **kw)`: a
 * bound method, the `(other,)` tuple and a merged dict for CALL_FUNCTION_EX, update's own
 * `**kwargs` dict, `dict(other)` when other is no mapping (the default `()`: a dict and a tuple
 * iterator), and an items view and iterator for each of its two loops.
 */
function construct(rt: Runtime, types: WeakTypes, type: PyType, args: PyObject[]): PyObject {
  arity('__init__', args, ['other'], 0);
  const given = args[0] ?? rt.emptyTuple;
  if (given.type.kind !== Kind.Dict && given !== rt.emptyTuple)
    throw new PyException('TypeError', 'pymemlab models WeakValueDictionary(other) for a dict other only');
  const packed = args.length > 0 ? newTuple(rt, args) : null;
  const self = newInstance(rt, rt.staticTypeObject(type));
  const kw = newDict(rt);
  const remove = newRemove(rt, types, self);
  setAttr(rt, self, '_remove', remove);
  rt.decref(remove);
  for (const [name, make] of [
    ['_pending_removals', () => newList(rt, [])],
    ['_iterating', () => newSet(rt, [])],
    ['data', () => newDict(rt)],
  ] as const) {
    const value = make();
    setAttr(rt, self, name, value);
    rt.decref(value);
  }
  const method = transient(rt);
  const callArgs = newTuple(rt, [given]);
  const merged = newDict(rt);
  const kwargs = newDict(rt);
  let other = rt.newRef(given);
  try {
    if (given.type.kind !== Kind.Dict) {
      rt.decref(other);
      other = newDict(rt);
      rt.decref(transient(rt)); // iter(other) in dict(other)
    }
    for (const d of [other, kwargs]) {
      const view = newDictView(rt, d, 'items');
      const it = newIterator(rt, view);
      rt.decref(view);
      try {
        for (let pair = iterNext(rt, it); pair !== null; pair = iterNext(rt, it)) {
          const [key, value] = pair.items!;
          store(rt, types, self, key, value);
          rt.decref(pair);
        }
      } finally {
        rt.decref(it);
      }
    }
  } finally {
    for (const op of [other, kwargs, method, callArgs, merged, kw]) rt.decref(op);
    if (packed !== null) rt.decref(packed);
  }
  return self;
}

/** The live value of a KeyedRef (a new reference), or null once its value died. */
function live(rt: Runtime, wr: PyObject): PyObject | null {
  const value = weakrefCall(rt, wr);
  if (value !== rt.None) return value;
  rt.decref(value);
  return null;
}

/** Generator methods: what each yields from a (key, KeyedRef) entry of the data dict. */
function picks(rt: Runtime): Record<'keys' | 'values' | 'items', Pick> {
  return {
    keys: (key, wr) => {
      const value = live(rt, wr);
      if (value === null) return null;
      rt.decref(value);
      return rt.newRef(key);
    },
    values: (_key, wr) => live(rt, wr),
    items: (key, wr) => {
      const value = live(rt, wr);
      if (value === null) return null;
      const pair = newTuple(rt, [key, value]);
      rt.decref(value);
      return pair;
    },
  };
}

/** WeakValueDictionary's methods, each as Lib/weakref.py writes it. */
function methods(rt: Runtime, types: WeakTypes): Map<string, NativeMethod> {
  const pick = picks(rt);
  const generator = (name: 'keys' | 'values' | 'items', varnames: string[], stacksize: number) => {
    const method = {
      name: `WeakValueDictionary.${name}`,
      varnames,
      stacksize,
      view: 'items' as const,
      pick: pick[name],
    };
    return (self: PyObject, args: PyObject[]) => {
      arity(name, args, [], 0);
      commitPending(rt, self);
      const data = attr(rt, self, 'data');
      return guardedGenerator(rt, types.guard, method, self, () =>
        commitRemovals(rt, self, (key) => removeDeadWeakref(rt, data, key)),
      );
    };
  };
  const keys = generator('keys', ['self', 'k', 'wr'], 6);
  return new Map<string, NativeMethod>([
    [
      '__getitem__',
      (self, [key]) => {
        commitPending(rt, self);
        const value = live(rt, entry(self, rt, key));
        if (value === null) throw keyError(key);
        return value;
      },
    ],
    [
      '__setitem__',
      (self, [key, value]) => {
        commitPending(rt, self);
        store(rt, types, self, key, value);
        return rt.none();
      },
    ],
    [
      '__delitem__',
      (self, [key]) => {
        commitPending(rt, self);
        const data = attr(rt, self, 'data');
        if (dictGetItem(data, key) === undefined) throw keyError(key);
        dictDelItem(rt, data, key);
        return rt.none();
      },
    ],
    ['__repr__', (self) => rt.str(`<WeakValueDictionary at ${rt.addressOf(self)}>`)],
    [
      'get',
      (self, args) => {
        arity('get', args, ['key', 'default'], 1);
        commitPending(rt, self);
        const wr = dictGetItem(attr(rt, self, 'data'), args[0]);
        const value = wr === undefined ? null : live(rt, wr);
        return value ?? rt.newRef(args[1] ?? rt.None);
      },
    ],
    [
      'pop',
      (self, args) => {
        arity('pop', args, ['key'], 1, true);
        commitPending(rt, self);
        const wr = dictPop(rt, attr(rt, self, 'data'), args[0]);
        let value: PyObject | null = null;
        if (wr !== undefined) {
          value = live(rt, wr);
          rt.decref(wr);
        }
        if (value !== null) return value;
        if (args.length > 1) return rt.newRef(args[1]);
        throw keyError(args[0]);
      },
    ],
    [
      'setdefault',
      (self, args) => {
        arity('setdefault', args, ['key', 'default'], 1);
        const [key, fallback = rt.None] = args;
        const wr = dictGetItem(attr(rt, self, 'data'), key);
        const value = wr === undefined ? null : live(rt, wr);
        if (value !== null) return value;
        commitPending(rt, self);
        store(rt, types, self, key, fallback);
        return rt.newRef(fallback);
      },
    ],
    ['keys', keys],
    ['__iter__', keys],
    ['values', generator('values', ['self', 'wr', 'obj'], 6)],
    ['items', generator('items', ['self', 'k', 'wr', 'v'], 6)],
  ]);
}

/** WeakValueDictionary's type for one runtime, registered as a native class; its class object is static. */
export function weakValueDictionaryClass(rt: Runtime, types: WeakTypes): PyObject {
  const type = pythonClass('weakref', 'WeakValueDictionary');
  registerNativeClass(type, {
    call: (args) => construct(rt, types, type, args),
    methods: methods(rt, types),
    len: (self) => {
      commitPending(rt, self);
      return attr(rt, self, 'data').table!.size;
    },
    contains: (self, key) => {
      commitPending(rt, self);
      const wr = dictGetItem(attr(rt, self, 'data'), key);
      if (wr === undefined) return false;
      const value = live(rt, wr);
      if (value === null) return false;
      rt.decref(value);
      return true;
    },
  });
  return rt.staticTypeObject(type);
}

/** The types weakref's containers share in one runtime. */
export function weakTypes(rt: Runtime): WeakTypes {
  const keyedRef = new PyType('weakref.KeyedRef', Kind.Weakref, true, false, TYPES.weakref);
  const remove = rt.builtin('_remove_dead_weakref', ([data, key]) => (removeDeadWeakref(rt, data, key), rt.none()));
  rt.hold(remove);
  rt.decref(remove);
  return { guard: pythonClass('_weakrefset', '_IterationGuard'), keyedRef, removeDeadWeakref: remove };
}
