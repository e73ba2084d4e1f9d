/**
 * `obj.__sizeof__()`: what `sys.getsizeof` reports less the pre-header (the GC head, a 3.11
 * instance's managed-dict pointers), as each type's __sizeof__ computes it in CPython.
 */
import type { Runtime } from '../../core/runtime';
import { Kind } from '../../core/objects/kinds';
import type { PyObject } from '../../core/objects/pyobject';
import { PyException } from '../../core/errors';
import { dunderSizeof } from '../../core/sizes';

/** The types that define their own `__sizeof__`; every other object inherits object.__sizeof__. */
const OWN_SIZEOF: ReadonlyMap<Kind, string> = new Map([
  [Kind.List, 'list'],
  [Kind.Dict, 'dict'],
  [Kind.Set, 'set'],
  [Kind.Int, 'int'],
  [Kind.Bool, 'int'],
  [Kind.Str, 'str'],
  [Kind.Generator, 'generator'],
]);

/** obj.__sizeof__(): the object's size without its pre-header (core/sizes.ts dunderSizeof). */
export function sizeofMethod(rt: Runtime, obj: PyObject): (self: PyObject, args: PyObject[]) => PyObject {
  const owner = OWN_SIZEOF.get(obj.type.kind) ?? 'object';
  return (self, a) => {
    if (a.length > 0)
      throw new PyException('TypeError', `${owner}.__sizeof__() takes no arguments (${a.length} given)`);
    return rt.int(dunderSizeof(rt.profile, self));
  };
}
