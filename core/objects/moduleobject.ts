/** Module objects (Objects/moduleobject.c): a module holds its globals dict. */
import type { Runtime } from '../runtime';
import { newDict } from './dict';
import { type PyObject } from './pyobject';
import { TYPES } from './pytype';

/** Where a module keeps md_dict in its `refs`. */
export const MODULE_DICT = 0;

/** A module named `name` with a fresh globals dict; sys.modules (the runtime) holds it. */
export function newModule(rt: Runtime, name: string): PyObject {
  const op = rt.alloc(TYPES.module);
  op.value = name;
  op.refs = [newDict(rt)];
  rt.track(op);
  rt.hold(op);
  rt.decref(op);
  return op;
}

/** PyModule_GetDict: the module's globals dict, borrowed. */
export function moduleDict(module: PyObject): PyObject {
  return module.refs![MODULE_DICT]!;
}
