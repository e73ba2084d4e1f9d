/**
 * object_repr, the repr every object falls back on: `<module.qualname object at address>`. A class
 * of the program is in `__main__` and named by its qualified name (`f.<locals>.A` for one made in a
 * function); a built-in type by its name alone. Used by repr() and by `object.__repr__` reached
 * through super().
 */
import type { Runtime } from '../../core/runtime';
import { Kind } from '../../core/objects/kinds';
import type { PyObject } from '../../core/objects/pyobject';
import { typeQualname } from '../../core/objects/classobject';

export function objectReprText(rt: Runtime, op: PyObject): string {
  const cls = op.type.typeObject;
  const qualname = cls === null ? op.type.name : ((typeQualname(cls)?.value as string | undefined) ?? op.type.name);
  const module = op.type.kind === Kind.Instance ? '__main__.' : '';
  return `<${module}${qualname} object at ${rt.addressOf(op)}>`;
}
