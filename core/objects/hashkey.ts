import { Kind } from './kinds';
import type { PyObject } from './pyobject';
import { PyException } from '../errors';
import { floatKey } from './floatobject';

/**
 * The key under which `op` is stored in a dict or set: equal Python keys get equal strings
 * (1, 1.0 and True hash and compare equal; tuples by content), other objects by identity.
 */
export function hashKey(op: PyObject): string {
  switch (op.type.kind) {
    case Kind.Int:
      return `i${op.value as bigint}`;
    case Kind.Bool:
      return op.value ? 'i1' : 'i0';
    case Kind.Float:
      return floatKey(op);
    case Kind.Str:
      return `s${JSON.stringify(op.value as string)}`;
    case Kind.None:
      return 'N';
    case Kind.Tuple:
      return `t(${op.items!.map(hashKey).join(',')})`;
    case Kind.List:
    case Kind.Dict:
    case Kind.Set:
    case Kind.Slice:
      throw new PyException('TypeError', `unhashable type: '${op.type.name}'`);
    default:
      return `o${op.id}`;
  }
}
