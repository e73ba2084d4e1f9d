/**
 * The weakref module: `ref` (the type), and `_weakref`'s introspection functions. A referent's
 * weakrefs are its `weaklist`, in CPython's order (the basic ref first, then refs with callbacks,
 * newest first), which is the order `getweakrefs` returns them in.
 */
import type { Runtime } from '../../../core/runtime';
import { TYPES } from '../../../core/objects/pytype';
import { newList } from '../../../core/objects/list';
import type { PyObject } from '../../../core/objects/pyobject';
import { newProxy, PROXY, proxyReferent } from '../../../core/objects/weakrefobject';
import { def, type ModuleTable } from './table';

/** weakref's table; its functions are `_weakref`'s, which CPython's argument errors name. */
export function weakrefModule(rt: Runtime, getAttr: (obj: PyObject, name: string) => PyObject): ModuleTable {
  return {
    name: 'weakref',
    cModule: '_weakref',
    functions: [
      // _weakref.getweakrefcount(object, /): the length of the referent's weakref list.
      def({ name: 'getweakrefcount', convention: 'o', call: ([obj]) => obj.weaklist?.length ?? 0 }),
      // _weakref.getweakrefs(object, /): a new list of the weakrefs, in the referent's list order.
      def({ name: 'getweakrefs', convention: 'o', call: ([obj]) => newList(rt, obj.weaklist ?? []) }),
      // _weakref.proxy(object, callback=None, /): a weakref whose attributes are its referent's.
      def({
        name: 'proxy',
        convention: 'fastcall',
        params: ['object', 'callback'],
        required: 1,
        call: ([obj, callback]) => newProxy(rt, obj, callback ?? null),
      }),
    ],
    types: [{ type: PROXY, instanceAttribute: (self, name) => getAttr(proxyReferent(self), name) }],
    constants: () => [['ref', rt.staticTypeObject(TYPES.weakref)]],
  };
}
