/**
 * Annotations as CPython 3.11 keeps them (no `from __future__ import annotations`):
 * - a module or class body with an annotated assignment starts with SETUP_ANNOTATIONS, which puts
 *   a new `__annotations__` dict in its namespace unless one is there;
 * - a function's annotations are the flat (name, value, ...) tuple MAKE_FUNCTION was given, turned
 *   into a dict the first time someone reads `f.__annotations__` (the tuple dies then).
 */
import type { Runtime } from '../../core/runtime';
import type { PyObject } from '../../core/objects/pyobject';
import { Kind } from '../../core/objects/kinds';
import { dictGetItem, dictSetItem, newDict } from '../../core/objects/dict';
import { funcAnnotations, setFuncAnnotations } from '../../core/objects/funcobject';

/** SETUP_ANNOTATIONS: `namespace['__annotations__'] = {}` unless the name is bound already. */
export function setupAnnotations(rt: Runtime, namespace: PyObject, key: PyObject): void {
  if (dictGetItem(namespace, key) !== undefined) return;
  const annotations = newDict(rt);
  try {
    dictSetItem(rt, namespace, key, annotations);
  } finally {
    rt.decref(annotations);
  }
}

/** func_get_annotations: the function's annotations dict (made now if needed), a new reference. */
export function functionAnnotations(rt: Runtime, func: PyObject): PyObject {
  const held = funcAnnotations(func);
  if (held === null) setFuncAnnotations(rt, func, newDict(rt));
  else if (held.type.kind === Kind.Tuple) {
    // func_get_annotation_dict: the pairs go into a new dict, which replaces the tuple.
    const dict = newDict(rt);
    const items = held.items!;
    for (let i = 0; i < items.length; i += 2) dictSetItem(rt, dict, items[i], items[i + 1]);
    setFuncAnnotations(rt, func, dict);
  }
  return rt.newRef(funcAnnotations(func)!);
}
