/**
 * The copy module, modelled natively (docs/fidelity.md gives why, next to pprint's): copy.copy and
 * copy.deepcopy make the objects Lib/copy.py makes and hold them as long as it does:
 * - immutable objects (ints, floats, strs, tuples of them, functions, classes, None) are their own
 *   copies; a list, dict or set is copied by its `copy()` (a shallow copy) or item by item (deep);
 * - an instance goes through `__reduce_ex__(4)` (object.__reduce_ex__'s reduce_newobj): its
 *   `__dict__` is made a real dict (the state; none when it has no attributes), the class gets
 *   `__slotnames__ = []` on the first copy, the copy is made by `copyreg.__newobj__` (object.__new__,
 *   no `__init__`) and its own `__dict__` is made and updated from the state (deep-copied first);
 * - deepcopy's memo is a dict keyed by `id()` ints, holding each copy, plus the keep-alive list
 *   under `id(memo)` holding each original copied; both die when deepcopy returns; a cycle is
 *   copied once (the memo answers the second visit).
 * The transient objects of reconstructing an instance (bound methods, argument tuples) are
 * modelled; those of deepcopy's own Python frames (the id() ints it drops, bound methods, the
 * KeyErrors it catches, _deepcopy_tuple's list) are not, so gc counts taken right after a
 * deepcopy can differ from CPython's (docs/fidelity.md).
 */
import type { Runtime } from '../../../core/runtime';
import { PyException } from '../../../core/errors';
import { Kind } from '../../../core/objects/kinds';
import type { PyObject } from '../../../core/objects/pyobject';
import { TYPES } from '../../../core/objects/pytype';
import { listAppend, newList } from '../../../core/objects/list';
import { newTuple, newTupleStealing } from '../../../core/objects/tuple';
import { dictGetItem, dictSetItem, newDict } from '../../../core/objects/dict';
import { newSet, setAdd } from '../../../core/objects/set';
import { materializeDict, newInstance, typeDict } from '../../../core/objects/classobject';
import { def, type ModuleTable } from './table';

/** The kinds both copy.copy and copy.deepcopy return as they are (_copy_immutable, _deepcopy_atomic). */
const ATOMIC = new Set<Kind>([
  Kind.None,
  Kind.Bool,
  Kind.Int,
  Kind.Float,
  Kind.Str,
  Kind.Range,
  Kind.Function,
  Kind.Builtin,
  Kind.Type,
  Kind.Code,
  Kind.Weakref,
]);

/** A bound built-in method (`x.__reduce_ex__`, `y.append`): a GC object the caller releases. */
function boundMethod(rt: Runtime): PyObject {
  const op = rt.alloc(TYPES.builtinMethod);
  rt.track(op);
  return op;
}

/** "cannot pickle 'X' object": what __reduce_ex__ raises for a type copy cannot handle. */
function cannotCopy(op: PyObject): PyException {
  return new PyException('TypeError', `cannot pickle '${op.type.name}' object`);
}

/**
 * object_getstate_default: the instance's __dict__ made real (null, for None, when it holds no
 * attribute), after which _PyType_GetSlotNames gives the class `__slotnames__ = []` once.
 */
function instanceState(rt: Runtime, x: PyObject): PyObject | null {
  const empty =
    x.dictRef === null ? (x.values ?? []).every((v) => v === null || v === undefined) : x.dictRef.table!.size === 0;
  const state = empty ? null : rt.newRef(materializeDict(rt, x));
  const cls = x.type.typeObject!;
  const dict = typeDict(cls)!;
  const key = rt.str('__slotnames__');
  if (dictGetItem(dict, key) === undefined) {
    const names = newList(rt, []);
    dictSetItem(rt, dict, key, names);
    rt.decref(names);
  }
  rt.decref(key);
  return state;
}

/** y.__dict__.update(state): the copy's dict is made, then each (key, value) stored in order. */
function updateDict(rt: Runtime, y: PyObject, state: PyObject): void {
  const dict = materializeDict(rt, y);
  for (const entry of [...state.table!.map.values()]) dictSetItem(rt, dict, entry.key, entry.value!);
}

/**
 * copy(x) or deepcopy(x, memo) of an instance: __reduce_ex__(4) (the bound method, the (cls,)
 * tuple, the state, the 5-tuple it returns), then _reconstruct(x, memo, *rv) (its 7-tuple of
 * arguments; __newobj__'s `cls.__new__(cls, *args)` list and tuple; the new instance, remembered
 * in the memo; its dict updated from the state, deep-copied first for a deepcopy).
 */
function reconstructInstance(rt: Runtime, x: PyObject, memo: Memo | null): PyObject {
  const cls = x.type.typeObject!;
  const reductor = boundMethod(rt);
  const newargs = newTuple(rt, [cls]);
  const getstate = boundMethod(rt);
  const state = instanceState(rt, x);
  rt.decref(getstate);
  const rv = newTupleStealing(rt, [rt.none(), newargs, state ?? rt.none(), rt.none(), rt.none()]);
  const args = newTuple(rt, [x, memo === null ? rt.None : memo.dict, ...rv.items!]);
  const newCall = newList(rt, [cls]);
  const newCallArgs = newTuple(rt, newCall.items!);
  rt.decref(newCall);
  const y = newInstance(rt, cls);
  rt.decref(newCallArgs);
  if (memo !== null) remember(rt, memo, x, y);
  if (state !== null) {
    const copied = memo === null ? rt.newRef(state) : deep(rt, state, memo);
    updateDict(rt, y, copied);
    rt.decref(copied);
  }
  rt.decref(args);
  rt.decref(rv);
  rt.decref(reductor);
  return y;
}

/** copy.copy(x): x itself when immutable, the container's copy(), or an instance's reconstruction. */
function shallowCopy(rt: Runtime, x: PyObject): PyObject {
  const kind = x.type.kind;
  if (ATOMIC.has(kind) || kind === Kind.Tuple) return rt.newRef(x);
  switch (kind) {
    case Kind.List:
      return newList(rt, x.items!);
    case Kind.Dict: {
      const y = newDict(rt);
      for (const entry of [...x.table!.map.values()]) dictSetItem(rt, y, entry.key, entry.value!);
      return y;
    }
    case Kind.Set:
      return newSet(
        rt,
        [...x.table!.map.values()].map((entry) => entry.key),
      );
    case Kind.Instance:
      return reconstructInstance(rt, x, null);
    default:
      throw cannotCopy(x);
  }
}

/**
 * One deepcopy call's memo: the real dict keyed by id() ints (what the heap sees) and, for
 * answering, the copy of each original; the keep-alive list once made.
 */
interface Memo {
  readonly dict: PyObject;
  readonly copies: Map<PyObject, PyObject>;
  keepAlive: PyObject | null;
}

/** memo[id(x)] = y: a new int for the id (the key the dict keeps if it is new). */
function remember(rt: Runtime, memo: Memo, x: PyObject, y: PyObject): void {
  const id = rt.int(BigInt(rt.addressOf(x)));
  dictSetItem(rt, memo.dict, id, y);
  rt.decref(id);
  memo.copies.set(x, y);
}

/** _keep_alive: x joins the list under memo[id(memo)], made on first need. */
function keepAlive(rt: Runtime, memo: Memo, x: PyObject): void {
  if (memo.keepAlive !== null) return listAppend(rt, memo.keepAlive, x);
  memo.keepAlive = newList(rt, [x]);
  const id = rt.int(BigInt(rt.addressOf(memo.dict)));
  dictSetItem(rt, memo.dict, id, memo.keepAlive);
  rt.decref(id);
  rt.decref(memo.keepAlive);
}

/** _deepcopy_tuple: the items' copies; the tuple itself when every item is its own copy. */
function deepTuple(rt: Runtime, x: PyObject, memo: Memo): PyObject {
  const items = x.items!.map((a) => deep(rt, a, memo));
  const meanwhile = memo.copies.get(x);
  if (meanwhile !== undefined) {
    for (const item of items) rt.decref(item);
    return rt.newRef(meanwhile);
  }
  if (items.every((item, i) => item === x.items![i])) {
    for (const item of items) rt.decref(item);
    return rt.newRef(x);
  }
  return newTupleStealing(rt, items);
}

/** The deep copy of a container or instance, remembered in the memo before its items are copied. */
function deepContainer(rt: Runtime, x: PyObject, memo: Memo): PyObject {
  switch (x.type.kind) {
    case Kind.List: {
      const y = newList(rt, []);
      remember(rt, memo, x, y);
      const append = boundMethod(rt);
      for (const a of [...x.items!]) {
        const c = deep(rt, a, memo);
        listAppend(rt, y, c);
        rt.decref(c);
      }
      rt.decref(append);
      return y;
    }
    case Kind.Dict: {
      const y = newDict(rt);
      remember(rt, memo, x, y);
      for (const entry of [...x.table!.map.values()]) {
        const k = deep(rt, entry.key, memo);
        const v = deep(rt, entry.value!, memo);
        dictSetItem(rt, y, k, v);
        rt.decref(k);
        rt.decref(v);
      }
      return y;
    }
    case Kind.Set: {
      const items = [...x.table!.map.values()].map((entry) => deep(rt, entry.key, memo));
      const y = newSet(rt, []);
      for (const item of items) {
        setAdd(rt, y, item);
        rt.decref(item);
      }
      remember(rt, memo, x, y);
      return y;
    }
    case Kind.Instance:
      return reconstructInstance(rt, x, memo);
    default:
      throw cannotCopy(x);
  }
}

/** deepcopy(x, memo): the memo's answer, x itself when atomic, else a new copy remembered and kept alive. */
function deep(rt: Runtime, x: PyObject, memo: Memo): PyObject {
  const known = memo.copies.get(x);
  if (known !== undefined) return rt.newRef(known);
  if (ATOMIC.has(x.type.kind)) return rt.newRef(x);
  const y = x.type.kind === Kind.Tuple ? deepTuple(rt, x, memo) : deepContainer(rt, x, memo);
  if (y !== x) {
    remember(rt, memo, x, y);
    keepAlive(rt, memo, x);
  }
  return y;
}

/** copy.deepcopy(x): a fresh memo (dict), the copy, then the memo and all it holds released. */
function deepCopy(rt: Runtime, x: PyObject, memoArg: PyObject | undefined): PyObject {
  if (memoArg !== undefined && memoArg !== rt.None)
    throw new PyException('NotImplementedError', 'copy.deepcopy() with a memo argument is not modelled by pymemlab');
  const memo: Memo = { dict: newDict(rt), copies: new Map(), keepAlive: null };
  try {
    return deep(rt, x, memo);
  } finally {
    rt.decref(memo.dict);
  }
}

/** copy, built on import. */
export function copyModule(rt: Runtime): ModuleTable {
  return {
    name: 'copy',
    onImport: true,
    functions: [
      def({ name: 'copy', convention: 'clinic', params: ['x'], required: 1, call: ([x]) => shallowCopy(rt, x) }),
      def({
        name: 'deepcopy',
        convention: 'clinic',
        params: ['x', 'memo'],
        required: 1,
        call: ([x, memo]) => deepCopy(rt, x, memo),
      }),
    ],
    constants: () => [],
  };
}
