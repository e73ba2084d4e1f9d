import { Kind } from './kinds';
import type { PyObject } from './pyobject';
import { definedType } from './pytype';

/**
 * _PyObject_GC_MAY_BE_TRACKED: could `op` ever take part in a reference cycle? A GC object can,
 * except a tuple the collector already found to hold only atoms, and a static type (type_is_gc:
 * only heap types count as GC objects), so a class's `(object,)` bases tuple is untracked by the
 * first collection it survives.
 */
export function mayBeTracked(op: PyObject): boolean {
  if (!op.type.isGC) return false;
  if (op.type.kind === Kind.Tuple) return op.gcNext !== null;
  if (op.type.kind === Kind.Type) return definedType(op)?.heapType !== false;
  return true;
}
