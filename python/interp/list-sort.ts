/**
 * list.sort and sorted() (Objects/listobject.c, Python/bltinmodule.c), with what CPython 3.11
 * allocates and holds around a sort:
 * - sorted(x) is list(x), then a bound `sort` method (a GC object) called with sorted's keywords,
 *   then released;
 * - the first call with keywords builds list.sort's keyword-names tuple ('key', 'reverse'), which
 *   lives as long as the interpreter (Argument Clinic's _PyArg_Parser, initialised on first use);
 * - while it sorts, the list looks empty (what a key function sees); the keys made by the key
 *   function are held until the sort ends, then released in their sorted order;
 * - reverse=True reverses, sorts stably, and reverses again.
 * Lists shorter than 64 are sorted by count_run and binary insertion, comparing with `<` in the
 * same order as timsort; longer ones by a stable merge sort, whose comparisons differ from
 * timsort's in order and number (which only a failing or side-effecting comparison could show).
 */
import type { Runtime } from '../../core/runtime';
import { PyException } from '../../core/errors';
import type { PyObject } from '../../core/objects/pyobject';
import { TYPES } from '../../core/objects/pytype';
import { newTupleStealing } from '../../core/objects/tuple';
import { intValue } from './numeric';
import { compareOp } from './abstract';

/** What sorting needs from the interpreter: a call of the key function, and list(iterable). */
export interface SortContext {
  readonly rt: Runtime;
  /** Call `f` with one borrowed argument; a new reference back. */
  readonly call: (f: PyObject, arg: PyObject) => PyObject;
  /** PySequence_List: a new list of the iterable's items. */
  readonly toList: (iterable: PyObject) => PyObject;
  readonly nameStr: (name: string) => PyObject;
}

/** timsort's MIN_MERGE: below it, a list is one run sorted by binary insertion. */
const MIN_MERGE = 64;

/** list.sort's keyword arguments, parsed. */
interface SortOptions {
  readonly key: PyObject | null;
  readonly reverse: boolean;
}

/** The _PyArg_Parser of list.sort: its keyword-names tuple, built on the first call with keywords. */
const sortKwtuples = new WeakMap<Runtime, PyObject>();

/** _PyArg_UnpackKeywords for sort(*, key=None, reverse=False), then _PyLong_AsInt for reverse. */
function sortOptions(ctx: SortContext, args: PyObject[], kwargs: [string, PyObject][]): SortOptions {
  const rt = ctx.rt;
  if (args.length > 0) throw new PyException('TypeError', `sort() takes no positional arguments`);
  if (kwargs.length === 0) return { key: null, reverse: false };
  if (!sortKwtuples.has(rt)) {
    const kwtuple = newTupleStealing(rt, [rt.newRef(ctx.nameStr('key')), rt.newRef(ctx.nameStr('reverse'))]);
    rt.hold(kwtuple);
    rt.decref(kwtuple);
    sortKwtuples.set(rt, kwtuple);
  }
  let key: PyObject | null = null;
  let reverse = false;
  for (const [name, value] of kwargs) {
    if (name === 'key') key = value === rt.None ? null : value;
    else if (name === 'reverse') {
      const n = intValue(value);
      if (n === null)
        throw new PyException('TypeError', `'${value.type.name}' object cannot be interpreted as an integer`);
      reverse = n !== 0n;
    } else throw new PyException('TypeError', `'${name}' is an invalid keyword argument for sort()`);
  }
  return { key, reverse };
}

/** ISLT: PyObject_RichCompareBool(x, y, Py_LT). */
function isLess(x: PyObject, y: PyObject): boolean {
  return compareOp('Lt', x, y);
}

/**
 * count_run, then binarysort (3.11): the order of the `<` comparisons timsort makes for a list
 * shorter than MIN_MERGE. `order` holds positions into `keys`; it is sorted in place.
 */
function binaryInsertionSort(keys: readonly PyObject[], order: number[]): void {
  const n = order.length;
  if (n < 2) return;
  let run = 2;
  if (isLess(keys[order[1]], keys[order[0]])) {
    while (run < n && isLess(keys[order[run]], keys[order[run - 1]])) run++;
    order.splice(0, run, ...order.slice(0, run).reverse());
  } else {
    while (run < n && !isLess(keys[order[run]], keys[order[run - 1]])) run++;
  }
  for (let start = run; start < n; start++) {
    const pivot = order[start];
    let l = 0;
    let r = start;
    while (l < r) {
      const p = l + ((r - l) >> 1);
      if (isLess(keys[pivot], keys[order[p]])) r = p;
      else l = p + 1;
    }
    order.splice(start, 1);
    order.splice(l, 0, pivot);
  }
}

/** A stable sort of `order` by `keys` (positions into it), comparing with `<` only. */
function stableSort(keys: readonly PyObject[], order: number[]): void {
  if (order.length < MIN_MERGE) return binaryInsertionSort(keys, order);
  order.sort((a, b) => (isLess(keys[a], keys[b]) ? -1 : isLess(keys[b], keys[a]) ? 1 : 0));
}

/**
 * list_sort_impl: the list is emptied while it sorts; keys are made by the key function (and
 * released, first to last, at the end); reverse sorts reverse, sort and reverse back. A list a
 * key function filled meanwhile is emptied again and the sort fails.
 */
function sortList(ctx: SortContext, list: PyObject, options: SortOptions): void {
  const rt = ctx.rt;
  const saved = list.items!;
  list.items = [];
  const keys: PyObject[] = [];
  let failure: unknown = null;
  try {
    if (options.key !== null) for (const item of saved) keys.push(ctx.call(options.key, item));
  } catch (error) {
    for (let i = keys.length - 1; i >= 0; i--) rt.decref(keys[i]);
    keys.length = 0;
    failure = error;
  }
  if (failure === null) {
    const sortKeys = options.key === null ? saved : keys;
    const order = saved.map((_, i) => i);
    if (options.reverse) order.reverse();
    try {
      stableSort(sortKeys, order);
    } catch (error) {
      failure = error;
    }
    // The keys moved with the values: they are released in their sorted order, before the
    // values of a reverse sort are reversed back.
    for (const i of options.key === null ? [] : order) rt.decref(keys[i]);
    if (options.reverse) order.reverse();
    const sorted = order.map((i) => saved[i]);
    saved.splice(0, saved.length, ...sorted);
    if (failure === null && list.items.length > 0) failure = new PyException('ValueError', 'list modified during sort');
  }
  const meanwhile = list.items;
  list.items = saved;
  for (let i = meanwhile.length - 1; i >= 0; i--) rt.decref(meanwhile[i]);
  if (failure !== null) throw failure;
}

/** list.sort(*, key=None, reverse=False): None, or the exception a comparison or the key raised. */
export function listSort(ctx: SortContext, list: PyObject, args: PyObject[], kwargs: [string, PyObject][]): PyObject {
  sortList(ctx, list, sortOptions(ctx, args, kwargs));
  return ctx.rt.none();
}

/** builtin_sorted: list(iterable), then its bound `sort` method called with the keywords. */
export function sorted(ctx: SortContext, args: PyObject[], kwargs: [string, PyObject][]): PyObject {
  const rt = ctx.rt;
  if (args.length !== 1) throw new PyException('TypeError', `sorted expected 1 argument, got ${args.length}`);
  const list = ctx.toList(args[0]);
  const method = rt.alloc(TYPES.builtinMethod);
  rt.track(method);
  try {
    listSort(ctx, list, [], kwargs);
  } catch (error) {
    rt.decref(method);
    rt.decref(list);
    throw error;
  }
  rt.decref(method);
  return list;
}
