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
import { type ViewKind, viewDict, viewKind } from '../../core/objects/dictview';
import { rangeBounds, rangeLength } from '../../core/objects/rangeobject';
import { genNext } from '../../core/objects/genobject';
import { callNativeSlot } from './native-classes';

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

/** Where an iterator keeps its sequence (it_seq, di_dict) and a dict items iterator its result tuple. */
const ITER_SEQ = 0;
const ITER_RESULT = 1;

/** The sequence the iterator walks, borrowed; null once it is exhausted. */
function iterSeq(it: PyObject): PyObject | null {
  return it.refs![ITER_SEQ];
}

function dictIterator(rt: Runtime, dict: PyObject, view: ViewKind): PyObject {
  const it = rt.alloc(DICT_ITER_TYPES[view]);
  // dictiter_new: an items iterator starts with a (None, None) result tuple to reuse.
  it.refs = [rt.newRef(dict), view === 'items' ? newTupleStealing(rt, [rt.none(), rt.none()]) : null];
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

/**
 * The tuple of iterators zip_new and map_vectorcall build: the tuple first (tracked, holding
 * Nones here where CPython's holds NULLs), then an iterator for each iterable, in order; the
 * tuple is released if one of them cannot be iterated.
 */
export function iteratorTuple(rt: Runtime, iterables: readonly PyObject[]): PyObject {
  const iters = newTupleStealing(
    rt,
    iterables.map(() => rt.none()),
  );
  try {
    iterables.forEach((iterable, i) => {
      const it = newIterator(rt, iterable);
      rt.decref(iters.items![i]);
      iters.items![i] = it;
    });
  } catch (error) {
    rt.decref(iters);
    throw error;
  }
  return iters;
}

/** GET_ITER: a new iterator over `iterable` (borrowed). */
export function newIterator(rt: Runtime, iterable: PyObject): PyObject {
  const kind = iterable.type.kind;
  if (kind === Kind.Dict) return dictIterator(rt, iterable, 'keys');
  if (kind === Kind.DictView) return dictIterator(rt, viewDict(iterable), viewKind(iterable));
  if (kind === Kind.Iterator || kind === Kind.Generator) return rt.newRef(iterable);
  if (kind === Kind.Range) {
    const bounds = rangeBounds(iterable);
    return rangeIterator(rt, bounds.start, bounds.step, rangeLength(bounds));
  }
  const type = ITER_TYPES[kind];
  if (type === undefined) {
    const native = callNativeSlot(iterable, '__iter__', []);
    if (native !== undefined) return native;
    throw new PyException('TypeError', `'${iterable.type.name}' object is not iterable`);
  }
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

/** A range_iterator (not a GC object) yielding `left` values from `next` on, `step` apart. */
export function rangeIterator(rt: Runtime, next: bigint, step: bigint, left: bigint): PyObject {
  const it = rt.alloc(TYPES.rangeIterator);
  states.set(it, { entries: null, size: 0, view: 'keys', next, step, left });
  return it;
}

/** FOR_ITER: the next item as a new reference, or null when exhausted. */
export function iterNext(rt: Runtime, it: PyObject): PyObject | null {
  if (it.type.kind === Kind.Generator) return genNext(it);
  const own = it.type.iterNext;
  if (own !== null) return own(rt, it);
  const state = states.get(it);
  if (it.type === TYPES.rangeIterator) {
    if (state!.left <= 0n) return null;
    const v = state!.next;
    state!.next += state!.step;
    state!.left--;
    return rt.int(v);
  }
  const seq = iterSeq(it);
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
  it.refs![ITER_SEQ] = null;
  rt.decref(seq);
  return null;
}

/** dictiter_iternextitem: reuse the cached (key, value) tuple when only the iterator holds it. */
function itemsResult(rt: Runtime, it: PyObject, entry: DictEntry): PyObject {
  const cached = it.refs![ITER_RESULT];
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
