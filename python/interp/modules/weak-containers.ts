/**
 * weakref with its containers: the table of `modules/weakref.ts` plus the classes Lib/weakref.py
 * defines in Python and pymemlab models natively (WeakValueDictionary).
 */
import type { Runtime } from '../../../core/runtime';
import type { ModuleTable } from './table';
import { weakTypes, weakValueDictionaryClass } from './weakvaluedict';

/** weakref's table with its container classes added as constants. */
export function withWeakContainers(rt: Runtime, weakref: ModuleTable): ModuleTable {
  return {
    ...weakref,
    constants: () => {
      const types = weakTypes(rt);
      return [...weakref.constants(), ['WeakValueDictionary', weakValueDictionaryClass(rt, types)]];
    },
  };
}
