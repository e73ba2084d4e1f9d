/**
 * Keyword arguments crossing between a call site and C: the dict `_PyStack_AsDict` builds from a
 * call's keywords, and a dict's items read back as (name, value) pairs for the next call.
 */
import type { Runtime } from '../../../core/runtime';
import type { PyObject } from '../../../core/objects/pyobject';
import { dictSetItem, newDict } from '../../../core/objects/dict';
import { newTupleStealing } from '../../../core/objects/tuple';

/** _PyStack_AsDict: the keyword arguments of a call as a new dict, in call order. */
export function keywordDict(rt: Runtime, kwargs: readonly (readonly [string, PyObject])[]): PyObject {
  const dict = newDict(rt);
  for (const [name, value] of kwargs) {
    const key = rt.str(name);
    dictSetItem(rt, dict, key, value);
    rt.decref(key);
  }
  return dict;
}

/** A keyword dict's items as (name, value) pairs, borrowed, in the dict's order. */
export function keywordPairs(kwargs: PyObject): [string, PyObject][] {
  return [...kwargs.table!.map.values()].map((e): [string, PyObject] => [e.key.value as string, e.value!]);
}

/** _PyStack_UnpackDict's kwnames: a call's keyword names as a new tuple, or null when it has none. */
export function keywordNames(rt: Runtime, kwargs: readonly (readonly [string, PyObject])[]): PyObject | null {
  return kwargs.length > 0
    ? newTupleStealing(
        rt,
        kwargs.map(([name]) => rt.str(name)),
      )
    : null;
}
