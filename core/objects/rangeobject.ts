/** range objects (Objects/rangeobject.c): not GC types; they hold their start, stop and step ints. */
import type { Runtime } from '../runtime';
import type { PyObject } from './pyobject';
import { TYPES } from './pytype';

/** A range's start, stop and step (the ints its `refs` hold, in that order). */
export interface RangeBounds {
  readonly start: bigint;
  readonly stop: bigint;
  readonly step: bigint;
}

/** make_range_object: step is already checked to be non-zero. */
export function newRange(rt: Runtime, { start, stop, step }: RangeBounds): PyObject {
  const op = rt.alloc(TYPES.range);
  op.refs = [rt.int(start), rt.int(stop), rt.int(step)];
  return op;
}

/** The range's start, stop and step as numbers. */
export function rangeBounds(op: PyObject): RangeBounds {
  const [start, stop, step] = op.refs!.map((r) => r!.value as bigint);
  return { start, stop, step };
}

/** compute_range_length: how many items the range yields. */
export function rangeLength({ start, stop, step }: RangeBounds): bigint {
  const span = step > 0n ? stop - start : start - stop;
  const abs = step > 0n ? step : -step;
  return span <= 0n ? 0n : (span + abs - 1n) / abs;
}
