/**
 * The attributes a class object answers from its type slots rather than its dict (type_getsets
 * and type_members in Objects/typeobject.c): `__dict__` (a new mappingproxy each time),
 * `__mro__`, `__bases__`, `__base__`, `__qualname__`; and what a mappingproxy answers, by asking
 * the dict it wraps.
 */
import type { Runtime } from '../../core/runtime';
import type { PyObject } from '../../core/objects/pyobject';
import { PyException } from '../../core/errors';
import { typeBase, typeBases, typeDict, typeMro, typeQualname } from '../../core/objects/classobject';
import { MAPPINGPROXY, newMappingProxy } from '../../core/objects/mappingproxy';
import { dictGetItem, keyError } from '../../core/objects/dict';
import { newDictView, viewDict } from '../../core/objects/dictview';

/** cls.attr from the type's own slots, as a new reference; undefined for names found in its dict. */
export function classAttribute(rt: Runtime, cls: PyObject, attr: string): PyObject | undefined {
  const slot = (field: PyObject | null): PyObject | undefined => (field === null ? undefined : rt.newRef(field));
  switch (attr) {
    case '__dict__':
      return newMappingProxy(rt, typeDict(cls)!);
    case '__mro__':
      return slot(typeMro(cls));
    case '__bases__':
      return slot(typeBases(cls));
    case '__base__':
      return slot(typeBase(cls));
    case '__qualname__':
      return slot(typeQualname(cls));
    default:
      return undefined;
  }
}

/** True for a mappingproxy. */
export function isMappingProxy(op: PyObject): boolean {
  return op.type === MAPPINGPROXY;
}

/** proxy[key] (mappingproxy_getitem): the wrapped dict's item, a new reference. */
export function mappingProxyItem(proxy: PyObject, key: PyObject, rt: Runtime): PyObject {
  const value = dictGetItem(viewDict(proxy), key);
  if (value === undefined) throw keyError(key);
  return rt.newRef(value);
}

/**
 * proxy.keys() / values() / items() / get(k[, default]): mappingproxy calls the wrapped dict's
 * method (PyObject_CallMethod, no bound method is made); undefined for other names.
 */
export function mappingProxyMethod(
  rt: Runtime,
  name: string,
): ((self: PyObject, args: PyObject[]) => PyObject) | undefined {
  switch (name) {
    case 'keys':
    case 'values':
    case 'items':
      return (self, args) => {
        if (args.length > 0)
          throw new PyException('TypeError', `mappingproxy.${name}() takes no arguments (${args.length} given)`);
        return newDictView(rt, viewDict(self), name);
      };
    case 'get':
      return (self, args) => {
        if (args.length < 1 || args.length > 2)
          throw new PyException('TypeError', `get expected at least 1 argument, got ${args.length}`);
        return rt.newRef(dictGetItem(viewDict(self), args[0]) ?? args[1] ?? rt.None);
      };
    default:
      return undefined;
  }
}
