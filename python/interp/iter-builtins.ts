/**
 * The iterator built-ins zip, enumerate and reversed (Python/bltinmodule.c, Objects/enumobject.c,
 * Objects/listobject.c), each allocating what its CPython 3.11 counterpart does, in that order:
 * - zip has no vectorcall: its arguments reach zip_new packed in a tuple (and keywords in a dict,
 *   _PyObject_MakeTpCall); it makes the tuple of iterators, then each iterator, then a result
 *   tuple of Nones, then itself;
 * - enumerate makes itself, then the iterator, then its (None, None) result tuple;
 * - zip and enumerate hand out their result tuple again while nobody else holds it (its refcount
 *   is 1), which is why `for i, x in enumerate(...)` allocates no tuple per item;
 * - reversed(x) looks up `x.__reversed__` (a bound built-in method, a GC object that dies at once)
 *   when x's type has one: a list gives a list_reverseiterator, a range a range_iterator; a tuple
 *   or str, which have none, gives a `reversed` object walking it by index.
 * None of them lets go of what it holds when exhausted, except the two reverse iterators.
 */
import type { Runtime } from '../../core/runtime';
import { PyException } from '../../core/errors';
import { Kind } from '../../core/objects/kinds';
import type { PyObject } from '../../core/objects/pyobject';
import { PyType, TYPES } from '../../core/objects/pytype';
import { newTuple, newTupleStealing } from '../../core/objects/tuple';
import { dictSetItem, newDict } from '../../core/objects/dict';
import { rangeBounds, rangeLength } from '../../core/objects/rangeobject';
import { intValue } from './numeric';
import { isTrue } from './abstract';
import { iterNext, iteratorTuple, newIterator, rangeIterator } from './iteration';

/** A built-in function: borrowed positional and keyword arguments in, a new reference out. */
type Native = (args: PyObject[], kwargs: [string, PyObject][]) => PyObject;
/** A name as the interned str the code objects hold (a keyword's name). */
type NameStr = (name: string) => PyObject;

// --- zip ------------------------------------------------------------------------------------

/** zipobject's fields in refs: the tuple of iterators, the result tuple. */
const ZIP_ITERS = 0;
const ZIP_RESULT = 1;
/** zip(strict=True) objects: they check that all iterators end together. */
const strictZips = new WeakSet<PyObject>();

const ZIP = new PyType('zip', Kind.Iterator, true, false);
// PyObject_HEAD, tuplesize, ittuple, result, strict (an int, padded)
ZIP.basicWords = 6;
ZIP.iterNext = zipNext;

/**
 * zip(*iterables, strict=False): _PyObject_MakeTpCall packs the arguments (and the keywords)
 * first; zip_new then builds the iterator tuple, the result tuple and the zip object.
 */
function zip(rt: Runtime, nameStr: NameStr, args: PyObject[], kwargs: [string, PyObject][]): PyObject {
  const packed = newTuple(rt, args);
  const keywords = kwargs.length > 0 ? newDict(rt) : null;
  try {
    let strict = false;
    for (const [name, value] of kwargs) {
      dictSetItem(rt, keywords!, nameStr(name), value);
      if (name !== 'strict') throw new PyException('TypeError', `zip() got an unexpected keyword argument '${name}'`);
      strict = isTrue(value);
    }
    const iters = iteratorTuple(rt, args);
    const result = newTupleStealing(
      rt,
      args.map(() => rt.none()),
    );
    const z = rt.alloc(ZIP);
    z.refs = [iters, result];
    if (strict) strictZips.add(z);
    rt.track(z);
    return z;
  } finally {
    if (keywords !== null) rt.decref(keywords);
    rt.decref(packed);
  }
}

/**
 * zip_next: the next item of every iterator, in a reused result tuple when only the zip holds it
 * (re-tracked, since a collection may have untracked it), else in a new tuple; null at the first
 * exhausted iterator (after checking the others, for a strict zip).
 */
function zipNext(rt: Runtime, z: PyObject): PyObject | null {
  const iters = z.refs![ZIP_ITERS]!.items!;
  if (iters.length === 0) return null;
  let result = z.refs![ZIP_RESULT]!;
  const reuse = result.refcnt === 1;
  if (reuse) rt.incref(result);
  else
    result = newTupleStealing(
      rt,
      iters.map(() => rt.none()),
    );
  for (let i = 0; i < iters.length; i++) {
    const item = iterNext(rt, iters[i]);
    if (item === null) {
      rt.decref(result);
      if (strictZips.has(z)) strictCheck(rt, iters, i);
      return null;
    }
    const old = result.items![i];
    result.items![i] = item;
    rt.decref(old);
  }
  if (reuse) rt.track(result);
  return result;
}

/** zip_next's `check:` for a strict zip whose iterator `i` ended first: the others must end too. */
function strictCheck(rt: Runtime, iters: PyObject[], i: number): void {
  const plural = (n: number) => (n === 1 ? ' 1' : `s 1-${n}`);
  if (i > 0) throw new PyException('ValueError', `zip() argument ${i + 1} is shorter than argument${plural(i)}`);
  for (let j = 1; j < iters.length; j++) {
    const item = iterNext(rt, iters[j]);
    if (item !== null) {
      rt.decref(item);
      throw new PyException('ValueError', `zip() argument ${j + 1} is longer than argument${plural(j)}`);
    }
  }
}

// --- enumerate ------------------------------------------------------------------------------

/** enumobject's fields in refs: the iterator (en_sit), the result tuple (en_result). */
const ENUM_ITER = 0;
const ENUM_RESULT = 1;

const ENUMERATE = new PyType('enumerate', Kind.Iterator, true, false);
// PyObject_HEAD, en_index, en_sit, en_result, en_longindex, one
ENUMERATE.basicWords = 7;
ENUMERATE.iterNext = enumerateNext;

/** enumerate_vectorcall: (iterable, start=0), either by position or by keyword. */
function enumerate(rt: Runtime, args: PyObject[], kwargs: [string, PyObject][]): PyObject {
  const given = args.length + kwargs.length;
  if (args.length === 0 && kwargs.length === 0)
    throw new PyException('TypeError', "enumerate() missing required argument 'iterable'");
  if (given > 2) throw new PyException('TypeError', `enumerate() takes at most 2 arguments (${given} given)`);
  let iterable = args[0];
  let start: PyObject | undefined = args[1];
  for (const [name, value] of kwargs) {
    if (name === 'start' && start === undefined) start = value;
    else if (name === 'iterable' && iterable === undefined) iterable = value;
    else throw new PyException('TypeError', `'${name}' is an invalid keyword argument for enumerate()`);
  }
  if (iterable === undefined) throw new PyException('TypeError', "enumerate() missing required argument 'iterable'");
  const e = rt.alloc(ENUMERATE);
  e.refs = [null, null];
  e.value = 0n;
  try {
    if (start !== undefined) {
      const n = intValue(start);
      if (n === null)
        throw new PyException('TypeError', `'${start.type.name}' object cannot be interpreted as an integer`);
      e.value = n;
    }
    e.refs[ENUM_ITER] = newIterator(rt, iterable);
  } catch (error) {
    rt.decref(e);
    throw error;
  }
  e.refs[ENUM_RESULT] = newTupleStealing(rt, [rt.none(), rt.none()]);
  rt.track(e);
  return e;
}

/** enum_next: (index, item), in the reused result tuple when only the enumerate holds it. */
function enumerateNext(rt: Runtime, e: PyObject): PyObject | null {
  const item = iterNext(rt, e.refs![ENUM_ITER]!);
  if (item === null) return null;
  const index = rt.int(e.value as bigint);
  e.value = (e.value as bigint) + 1n;
  const result = e.refs![ENUM_RESULT]!;
  if (result.refcnt !== 1) return newTupleStealing(rt, [index, item]);
  rt.incref(result);
  const [oldIndex, oldItem] = result.items!;
  result.items![0] = index;
  result.items![1] = item;
  rt.decref(oldIndex);
  rt.decref(oldItem);
  rt.track(result);
  return result;
}

// --- reversed -------------------------------------------------------------------------------

/** The sequence a reverse iterator walks (it_seq, seq), until it is exhausted. */
const REV_SEQ = 0;

const LIST_REVERSE_ITERATOR = new PyType('list_reverseiterator', Kind.Iterator, true, false);
LIST_REVERSE_ITERATOR.iterNext = reverseNext;
const REVERSED = new PyType('reversed', Kind.Iterator, true, false);
// PyObject_HEAD, index, seq
REVERSED.basicWords = 4;
REVERSED.iterNext = reverseNext;

/**
 * reversed_new_impl: `seq.__reversed__()` for a list or a range (the bound method made by
 * _PyObject_LookupSpecial dies right after the call), else a `reversed` object over a sequence.
 */
function reversed(rt: Runtime, args: PyObject[], kwargs: [string, PyObject][]): PyObject {
  if (kwargs.length > 0) throw new PyException('TypeError', 'reversed() takes no keyword arguments');
  if (args.length !== 1) throw new PyException('TypeError', `reversed expected 1 argument, got ${args.length}`);
  const seq = args[0];
  const kind = seq.type.kind;
  if (kind === Kind.List || kind === Kind.Range) {
    const method = rt.alloc(TYPES.builtinMethod);
    rt.track(method);
    try {
      if (kind === Kind.Range) {
        const bounds = rangeBounds(seq);
        const n = rangeLength(bounds);
        return rangeIterator(rt, bounds.start + (n - 1n) * bounds.step, -bounds.step, n);
      }
      return reverseIterator(rt, LIST_REVERSE_ITERATOR, seq, seq.items!.length);
    } finally {
      rt.decref(method);
    }
  }
  if (kind === Kind.Tuple) return reverseIterator(rt, REVERSED, seq, seq.items!.length);
  if (kind === Kind.Str) return reverseIterator(rt, REVERSED, seq, [...(seq.value as string)].length);
  if (kind === Kind.Dict || kind === Kind.DictView)
    throw new PyException('NotImplementedError', `reversed() of a ${seq.type.name} is not modelled by pymemlab`);
  throw new PyException('TypeError', `'${seq.type.name}' object is not reversible`);
}

function reverseIterator(rt: Runtime, type: PyType, seq: PyObject, length: number): PyObject {
  const it = rt.alloc(type);
  it.refs = [rt.newRef(seq)];
  it.index = length - 1;
  rt.track(it);
  return it;
}

/**
 * listreviter_next / reversed_next: the item at the index, counting down; once past the start (or
 * past a list's end, if it shrank) the iterator lets go of its sequence.
 */
function reverseNext(rt: Runtime, it: PyObject): PyObject | null {
  const seq = it.refs![REV_SEQ];
  if (seq === null) return null;
  const i = it.index;
  if (seq.type.kind === Kind.Str) {
    const chars = [...(seq.value as string)];
    if (i >= 0 && i < chars.length) {
      it.index--;
      return rt.str(chars[i]);
    }
  } else if (i >= 0 && i < seq.items!.length) {
    it.index--;
    return rt.newRef(seq.items![i]);
  }
  it.index = -1;
  it.refs![REV_SEQ] = null;
  rt.decref(seq);
  return null;
}

/** The built-in functions of this module, by name. */
export function iterBuiltins(rt: Runtime, nameStr: NameStr): [string, Native][] {
  return [
    ['zip', (args, kwargs) => zip(rt, nameStr, args, kwargs)],
    ['enumerate', (args, kwargs) => enumerate(rt, args, kwargs)],
    ['reversed', (args, kwargs) => reversed(rt, args, kwargs)],
  ];
}
