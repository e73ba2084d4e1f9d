/**
 * Subscripts with a slice (`seq[i:j:k]`, `lst[i:j] = v`, `del lst[i:j]`) on lists, tuples and
 * strs, as their mp_subscript / mp_ass_subscript slots do it in 3.11.
 */
import type { Runtime } from '../../core/runtime';
import { PyException } from '../../core/errors';
import { Kind } from '../../core/objects/kinds';
import type { PyObject } from '../../core/objects/pyobject';
import { listAppend, newList } from '../../core/objects/list';
import { listAssSlice, listGetSlice } from '../../core/objects/listslice';
import { newTuple } from '../../core/objects/tuple';
import { sliceIndices, sliceRange } from '../../core/objects/sliceobject';
import { iterNext, newIterator } from './iteration';

/** Whether `container[slice]` is a slicing this module does (dicts see the slice as a key). */
export function slices(container: PyObject, key: PyObject): boolean {
  const kind = container.type.kind;
  return key.type.kind === Kind.Slice && (kind === Kind.List || kind === Kind.Tuple || kind === Kind.Str);
}

/** container[slice], a new reference; a whole tuple or str comes back itself. */
export function getSlice(rt: Runtime, container: PyObject, slice: PyObject): PyObject {
  if (container.type.kind === Kind.List) return listGetSlice(rt, container, slice);
  if (container.type.kind === Kind.Tuple) {
    const items = container.items!;
    const range = sliceRange(slice, items.length);
    if (range.start === 0 && range.step === 1 && range.length === items.length) return rt.newRef(container);
    return newTuple(
      rt,
      sliceIndices(range).map((i) => items[i]),
    );
  }
  const chars = [...(container.value as string)];
  const range = sliceRange(slice, chars.length);
  if (range.start === 0 && range.step === 1 && range.length === chars.length) return rt.newRef(container);
  return rt.str(
    sliceIndices(range)
      .map((i) => chars[i])
      .join(''),
  );
}

/**
 * list[slice] = value, or del list[slice] (value null). The value goes through PySequence_Fast:
 * a list or tuple is used as it is (a copy of the whole list when it is the list itself), anything else iterable is
 * first made into a temporary list, released at the end.
 */
export function setSlice(rt: Runtime, list: PyObject, slice: PyObject, value: PyObject | null): void {
  if (value === null) return listAssSlice(rt, list, slice, null);
  const extended = sliceRange(slice, list.items!.length).step !== 1;
  const seq =
    value === list
      ? newList(rt, list.items!)
      : sequenceFast(rt, value, extended ? 'must assign iterable to extended slice' : 'can only assign an iterable');
  try {
    listAssSlice(rt, list, slice, seq.items!);
  } finally {
    rt.decref(seq);
  }
}

/** PySequence_Fast: a list or tuple (a new reference), or a new list of the items of an iterable. */
function sequenceFast(rt: Runtime, value: PyObject, message: string): PyObject {
  if (value.type.kind === Kind.List || value.type.kind === Kind.Tuple) return rt.newRef(value);
  let it: PyObject;
  try {
    it = newIterator(rt, value);
  } catch {
    throw new PyException('TypeError', message);
  }
  const list = newList(rt, []);
  try {
    for (let item = iterNext(rt, it); item !== null; item = iterNext(rt, it)) {
      listAppend(rt, list, item);
      rt.decref(item);
    }
  } finally {
    rt.decref(it);
  }
  return list;
}
