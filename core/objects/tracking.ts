import { Kind } from './kinds';
import type { PyObject } from './pyobject';

/**
 * _PyObject_GC_MAY_BE_TRACKED: could `op` ever take part in a reference cycle? A GC object can,
 * except a tuple the collector already found to hold only atoms.
 */
export function mayBeTracked(op: PyObject): boolean {
  if (!op.type.isGC) return false;
  if (op.type.kind === Kind.Tuple) return op.gcNext !== null;
  return true;
}
