/**
 * mappingproxy (Objects/descrobject.c): what `Class.__dict__` returns, a new read-only view of the
 * class's dict each time it is asked for (so `C.__dict__ is C.__dict__` is False). A GC object of
 * two words after its header that holds its dict; it reads like the dict (keys, values, items,
 * get, `[key]`, `in`, len, iteration over keys).
 */
import type { Runtime } from '../runtime';
import { Kind } from './kinds';
import type { PyObject } from './pyobject';
import { PyType } from './pytype';

/** The mappingproxy type: a dict view in the model's kinds (sized as one, iterating keys). */
export const MAPPINGPROXY = new PyType('mappingproxy', Kind.DictView, true, false);

/** mappingproxy_new: a proxy holding `mapping` (borrowed), tracked at once. */
export function newMappingProxy(rt: Runtime, mapping: PyObject): PyObject {
  const op = rt.alloc(MAPPINGPROXY);
  op.refs = [rt.newRef(mapping)];
  rt.track(op);
  return op;
}
