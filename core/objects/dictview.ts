/** dict_keys, dict_values and dict_items views (Objects/dictobject.c): GC objects holding their dict. */
import type { Runtime } from '../runtime';
import type { PyObject } from './pyobject';
import { TYPES } from './pytype';

export type ViewKind = 'keys' | 'values' | 'items';

/** d.keys() / d.values() / d.items() (dictview_new): a view on `dict` (borrowed). */
export function newDictView(rt: Runtime, dict: PyObject, kind: ViewKind): PyObject {
  const op = rt.alloc(kind === 'keys' ? TYPES.dictKeys : kind === 'values' ? TYPES.dictValues : TYPES.dictItems);
  op.refs = [rt.newRef(dict)];
  rt.track(op);
  return op;
}

/** The dict a view looks at (dv_dict), borrowed. */
export function viewDict(view: PyObject): PyObject {
  return view.refs![0]!;
}

/** Which of the three views `view` is (a mappingproxy reads like the keys). */
export function viewKind(view: PyObject): ViewKind {
  return view.type === TYPES.dictItems ? 'items' : view.type === TYPES.dictValues ? 'values' : 'keys';
}
