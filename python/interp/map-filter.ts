/**
 * The lazy built-ins map and filter (Python/bltinmodule.c), each allocating what its CPython 3.11
 * counterpart does, in that order (docs/probes/q8_map_filter.py):
 * - map_vectorcall makes the tuple of iterators, then each iterator, then the map object (GC,
 *   tracked, 48 bytes), which holds the tuple and the function; map_next takes one item from each
 *   iterator and calls the function on them (the items are released after the call, also when it
 *   raises, and the map stays usable);
 * - filter_vectorcall makes the iterator, then the filter object (48 bytes), which holds it and the
 *   function; filter_next calls the function on each item until one is true, and with None or
 *   `bool` as the function tests the items themselves, calling nothing.
 * Neither lets go of its function or iterators when exhausted; only its deallocation does. Both
 * are classes (`type(m) is map`), built by calling them.
 */
import type { Runtime } from '../../core/runtime';
import { PyException } from '../../core/errors';
import { Kind } from '../../core/objects/kinds';
import type { PyObject } from '../../core/objects/pyobject';
import { PyType, TYPES, definedType } from '../../core/objects/pytype';
import { isTrue } from './abstract';
import { iterNext, iteratorTuple, newIterator } from './iteration';
import type { NativeType } from './modules/table';

// --- map ------------------------------------------------------------------------------------

/** mapobject's fields in refs, in map_traverse's order: the tuple of iterators, the function. */
const MAP_ITERS = 0;
const MAP_FUNC = 1;

/** A map's tuple of iterators (mapobject.iters). */
const mapIters = (m: PyObject): PyObject => m.refs![MAP_ITERS]!;
/** A map's function (mapobject.func). */
const mapFunc = (m: PyObject): PyObject => m.refs![MAP_FUNC]!;

const MAP = new PyType('map', Kind.Iterator, true, false);
// PyObject_HEAD, iters, func
MAP.basicWords = 4;
MAP.iterNext = mapNext;

/** map_vectorcall: map(func, *iterables), at least one iterable, no keywords. */
function map(rt: Runtime, args: PyObject[], kwargs: [string, PyObject][]): PyObject {
  if (kwargs.length > 0) throw new PyException('TypeError', 'map() takes no keyword arguments');
  if (args.length < 2) throw new PyException('TypeError', 'map() must have at least two arguments.');
  const [func, ...iterables] = args;
  const iters = iteratorTuple(rt, iterables);
  const m = rt.alloc(MAP);
  m.refs = [iters, rt.newRef(func)];
  rt.track(m);
  return m;
}

/**
 * map_next: one item from each iterator (null at the first exhausted one, releasing the items
 * already taken), then the function called on them; the items go once the call returns or raises.
 */
function mapNext(rt: Runtime, m: PyObject): PyObject | null {
  const items: PyObject[] = [];
  try {
    for (const it of mapIters(m).items!) {
      const item = iterNext(rt, it);
      if (item === null) return null;
      items.push(item);
    }
    return rt.call(mapFunc(m), items);
  } finally {
    for (const item of items) rt.decref(item);
  }
}

// --- filter ---------------------------------------------------------------------------------

/** filterobject's fields in refs, in filter_traverse's order: the iterator, the function. */
const FILTER_ITER = 0;
const FILTER_FUNC = 1;

/** A filter's iterator (filterobject.it). */
const filterIter = (f: PyObject): PyObject => f.refs![FILTER_ITER]!;
/** A filter's function, or None (filterobject.func). */
const filterFunc = (f: PyObject): PyObject => f.refs![FILTER_FUNC]!;

const FILTER = new PyType('filter', Kind.Iterator, true, false);
// PyObject_HEAD, func, it
FILTER.basicWords = 4;
FILTER.iterNext = filterNext;

/** filter_vectorcall: filter(func_or_None, iterable), exactly two arguments, no keywords. */
function filter(rt: Runtime, args: PyObject[], kwargs: [string, PyObject][]): PyObject {
  if (kwargs.length > 0) throw new PyException('TypeError', 'filter() takes no keyword arguments');
  if (args.length !== 2) throw new PyException('TypeError', `filter expected 2 arguments, got ${args.length}`);
  const [func, iterable] = args;
  const it = newIterator(rt, iterable);
  const f = rt.alloc(FILTER);
  f.refs = [it, rt.newRef(func)];
  rt.track(f);
  return f;
}

/**
 * filter_next: the next item the function finds true (None and `bool` test the item itself, with
 * no call); the result of each call and each item found false are released at once.
 */
function filterNext(rt: Runtime, f: PyObject): PyObject | null {
  const it = filterIter(f);
  const func = filterFunc(f);
  const testsItself = func === rt.None || (func.type.kind === Kind.Type && definedType(func) === TYPES.bool);
  for (let item = iterNext(rt, it); item !== null; item = iterNext(rt, it)) {
    let ok: boolean;
    if (testsItself) ok = isTrue(item);
    else {
      let good: PyObject;
      try {
        good = rt.call(func, [item]);
      } catch (error) {
        rt.decref(item);
        throw error;
      }
      ok = isTrue(good);
      rt.decref(good);
    }
    if (ok) return item;
    rt.decref(item);
  }
  return null;
}

/** The two classes, called as CPython's vectorcall calls them (no argument tuple). */
export function mapFilterTypes(rt: Runtime): NativeType[] {
  return [
    { type: MAP, construct: (args, kwargs) => map(rt, args, kwargs) },
    { type: FILTER, construct: (args, kwargs) => filter(rt, args, kwargs) },
  ];
}
