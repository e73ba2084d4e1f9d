/** Module objects (Objects/moduleobject.c): a module holds its globals dict. */
import type { Runtime } from '../runtime';
import { newDict } from './dict';
import { type PyObject } from './pyobject';
import { TYPES } from './pytype';

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

/** The module's globals dict, borrowed. */
export function moduleDict(module: PyObject): PyObject {
  return module.refs![0]!;
}
