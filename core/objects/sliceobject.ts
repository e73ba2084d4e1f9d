/**
 * slice objects (Objects/sliceobject.c): what BUILD_SLICE makes for `a[i:j:k]`, and the index
 * arithmetic every sequence's slicing shares (PySlice_Unpack, PySlice_AdjustIndices).
 *
 * 3.11 keeps one dead slice in a cache (interp->slice_cache): a new slice reuses it without
 * allocating (generation 0's count does not move) and a dying slice fills it when it is empty.
 * CPython's start-up leaves a slice there, so a program's first slice costs no allocation either.
 */
import type { Runtime } from '../runtime';
import { PyException } from '../errors';
import { Kind } from './kinds';
import type { PyObject } from './pyobject';
import { TYPES } from './pytype';

/** Where a slice keeps start, stop and step in its `refs` (the order slice_traverse visits them). */
const SLICE_START = 0;
const SLICE_STOP = 1;
const SLICE_STEP = 2;

/** PySlice_New(start, stop, step), all borrowed (None for a missing part). Tracked at once. */
export function newSlice(rt: Runtime, start: PyObject, stop: PyObject, step: PyObject): PyObject {
  const cached = rt.freelists.takeSlice();
  const op =
    cached !== null
      ? rt.reuse(cached)
      : rt.freelists.takeStartupSlice()
        ? rt.allocStartupShell(TYPES.slice)
        : rt.alloc(TYPES.slice);
  op.refs = [rt.newRef(start), rt.newRef(stop), rt.newRef(step)];
  rt.track(op);
  return op;
}

/** slice_dealloc's releases: step, then start, then stop. */
export function releaseSliceParts(rt: Runtime, op: PyObject): void {
  const refs = op.refs!;
  for (const i of [SLICE_STEP, SLICE_START, SLICE_STOP]) {
    const r = refs[i];
    refs[i] = null;
    if (r !== null) rt.decref(r);
  }
}

/** The effective start, stop and step of a slice over a sequence, and how many items it selects. */
export interface SliceRange {
  readonly start: number;
  readonly stop: number;
  readonly step: number;
  readonly length: number;
}

const SSIZE_MAX = Number.MAX_SAFE_INTEGER;

/** One slice part as a Py_ssize_t, clamped as _PyEval_SliceIndex does; null for None. */
function sliceIndex(op: PyObject): number | null {
  const kind = op.type.kind;
  if (kind === Kind.None) return null;
  let v: bigint;
  if (kind === Kind.Int) v = op.value as bigint;
  else if (kind === Kind.Bool) v = op.value ? 1n : 0n;
  else throw new PyException('TypeError', 'slice indices must be integers or None or have an __index__ method');
  return v > BigInt(SSIZE_MAX) ? SSIZE_MAX : v < BigInt(-SSIZE_MAX) ? -SSIZE_MAX : Number(v);
}

/** PySlice_Unpack, then PySlice_AdjustIndices for a sequence of `length` items. */
export function sliceRange(slice: PyObject, length: number): SliceRange {
  const refs = slice.refs!;
  const step = sliceIndex(refs[SLICE_STEP]!) ?? 1;
  if (step === 0) throw new PyException('ValueError', 'slice step cannot be zero');
  let start = sliceIndex(refs[SLICE_START]!) ?? (step < 0 ? SSIZE_MAX : 0);
  let stop = sliceIndex(refs[SLICE_STOP]!) ?? (step < 0 ? -SSIZE_MAX : SSIZE_MAX);
  const clamp = (i: number): number => {
    if (i < 0) {
      i += length;
      return i < 0 ? (step < 0 ? -1 : 0) : i;
    }
    return i >= length ? (step < 0 ? length - 1 : length) : i;
  };
  start = clamp(start);
  stop = clamp(stop);
  let n = 0;
  if (step < 0) {
    if (stop < start) n = Math.floor((start - stop - 1) / -step) + 1;
  } else if (start < stop) n = Math.floor((stop - start - 1) / step) + 1;
  return { start, stop, step, length: n };
}

/** The indices a slice range selects, in order. */
export function sliceIndices({ start, step, length }: SliceRange): number[] {
  return Array.from({ length }, (_, i) => start + i * step);
}
