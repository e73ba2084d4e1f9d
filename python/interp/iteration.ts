/**
 * The iterator protocol for the subset (GET_ITER / FOR_ITER): list, tuple, str, dict and set
 * iterators are GC objects holding their sequence; range iterators are not GC objects; a dict
 * items iterator keeps a cached result tuple that it reuses while nobody else holds it.
 */
import type { Runtime } from '../../core/runtime';
import { Kind } from '../../core/objects/kinds';
import type { PyObject } from '../../core/objects/pyobject';
import type { DictEntry } from '../../core/objects/dicttable';
import { PyType, TYPES } from '../../core/objects/pytype';
import { newTupleStealing } from '../../core/objects/tuple';
import { PyException } from '../../core/errors';

type ViewKind = 'keys' | 'values' | 'items';

interface IterState {
  readonly entries: DictEntry[] | null;
  readonly size: number;
  readonly view: ViewKind;
  /** For range iterators: next value, step, and items left. */
  next: bigint;
  readonly step: bigint;
  left: bigint;
}

const states = new WeakMap<PyObject, IterState>();

const ITER_TYPES: Partial<Record<Kind, PyType>> = {
  [Kind.List]: new PyType('list_iterator', Kind.Iterator, true, false),
  [Kind.Tuple]: new PyType('tuple_iterator', Kind.Iterator, true, false),
  [Kind.Str]: new PyType('str_ascii_iterator', Kind.Iterator, true, false),
  [Kind.Set]: new PyType('set_iterator', Kind.Iterator, true, false),
};
const DICT_ITER_TYPES: Record<ViewKind, PyType> = {
  keys: new PyType('dict_keyiterator', Kind.Iterator, true, false),
  values: new PyType('dict_valueiterator', Kind.Iterator, true, false),
  items: new PyType('dict_itemiterator', Kind.Iterator, true, false),
};

function viewKind(view: PyObject): ViewKind {
  return view.type === TYPES.dictKeys ? 'keys' : view.type === TYPES.dictValues ? 'values' : 'items';
}

/** d.keys() / d.values() / d.items(): a view (a GC object) on the dict. */
export function newDictView(rt: Runtime, dict: PyObject, kind: ViewKind): PyObject {
  const op = rt.alloc(kind === 'keys' ? TYPES.dictKeys : kind === 'values' ? TYPES.dictValues : TYPES.dictItems);
  op.refs = [rt.newRef(dict)];
  rt.track(op);
  return op;
}

function dictIterator(rt: Runtime, dict: PyObject, view: ViewKind): PyObject {
  const it = rt.alloc(DICT_ITER_TYPES[view]);
  it.refs = [rt.newRef(dict), null];
  // dictiter_new: an items iterator starts with a (None, None) result tuple to reuse.
  if (view === 'items') it.refs[1] = newTupleStealing(rt, [rt.none(), rt.none()]);
  states.set(it, {
    entries: [...dict.table!.map.values()],
    size: dict.table!.size,
    view,
    next: 0n,
    step: 0n,
    left: 0n,
  });
  rt.track(it);
  return it;
}

/** GET_ITER: a new iterator over `iterable` (borrowed). */
export function newIterator(rt: Runtime, iterable: PyObject): PyObject {
  const kind = iterable.type.kind;
  if (kind === Kind.Dict) return dictIterator(rt, iterable, 'keys');
  if (kind === Kind.DictView) return dictIterator(rt, iterable.refs![0]!, viewKind(iterable));
  if (kind === Kind.Iterator) return rt.newRef(iterable);
  if (kind === Kind.Range) {
    const [start, stop, step] = iterable.refs!.map((r) => r!.value as bigint);
    const span = step > 0n ? stop - start : start - stop;
    const abs = step > 0n ? step : -step;
    const left = span <= 0n ? 0n : (span + abs - 1n) / abs;
    const it = rt.alloc(TYPES.rangeIterator);
    states.set(it, { entries: null, size: 0, view: 'keys', next: start, step, left });
    return it;
  }
  const type = ITER_TYPES[kind];
  if (type === undefined) throw new PyException('TypeError', `'${iterable.type.name}' object is not iterable`);
  const it = rt.alloc(type);
  it.refs = [rt.newRef(iterable)];
  if (kind === Kind.Set)
    states.set(it, {
      entries: [...iterable.table!.entries()],
      size: iterable.table!.size,
      view: 'keys',
      next: 0n,
      step: 0n,
      left: 0n,
    });
  rt.track(it);
  return it;
}

/** FOR_ITER: the next item as a new reference, or null when exhausted. */
export function iterNext(rt: Runtime, it: PyObject): PyObject | null {
  const state = states.get(it);
  if (it.type === TYPES.rangeIterator) {
    if (state!.left <= 0n) return null;
    const v = state!.next;
    state!.next += state!.step;
    state!.left--;
    return rt.int(v);
  }
  const seq = it.refs![0];
  if (seq === null) return null;
  const i = it.index++;
  switch (seq.type.kind) {
    case Kind.List:
    case Kind.Tuple:
      if (i < seq.items!.length) return rt.newRef(seq.items![i]);
      break;
    case Kind.Str: {
      const chars = [...(seq.value as string)];
      if (i < chars.length) return rt.str(chars[i]);
      break;
    }
    case Kind.Set:
    case Kind.Dict: {
      const s = state!;
      if (seq.table!.size !== s.size) {
        throw new PyException(
          'RuntimeError',
          `${seq.type.kind === Kind.Set ? 'Set' : 'dictionary'} changed size during iteration`,
        );
      }
      const entry = s.entries![i];
      if (entry === undefined) break;
      if (s.view === 'keys') return rt.newRef(entry.key);
      if (s.view === 'values') return rt.newRef(entry.value!);
      return itemsResult(rt, it, entry);
    }
    default:
      break;
  }
  // Exhausted: the iterator lets go of its sequence (and its cached tuple).
  it.refs![0] = null;
  rt.decref(seq);
  return null;
}

/** dictiter_iternextitem: reuse the cached (key, value) tuple when only the iterator holds it. */
function itemsResult(rt: Runtime, it: PyObject, entry: DictEntry): PyObject {
  const cached = it.refs![1];
  if (cached !== null && cached.refcnt === 1) {
    const [oldKey, oldValue] = cached.items!;
    cached.items![0] = rt.newRef(entry.key);
    cached.items![1] = rt.newRef(entry.value!);
    rt.incref(cached);
    rt.decref(oldKey);
    rt.decref(oldValue);
    rt.track(cached);
    return cached;
  }
  return newTupleStealing(rt, [rt.newRef(entry.key), rt.newRef(entry.value!)]);
}
