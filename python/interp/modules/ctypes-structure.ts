/**
 * ctypes.Structure, as refcount lessons use it: a subclass lists `_fields_ = [("refcnt",
 * ctypes.c_long), ...]`, `Sub.from_address(id(x))` makes an instance (a CDataObject, GC-tracked,
 * holding its class) over the object's memory, and `instance.refcnt` reads the field now. The
 * memory of a simulated object is its header: the word at offset 0 is ob_refcnt, the word at
 * offset 8 is ob_type (the address of its class); other offsets are not modelled and say so.
 * Fields are ctypes.c_long (c_ssize_t is the same type in CPython on 64-bit Linux).
 */
import type { Runtime } from '../../../core/runtime';
import { Kind } from '../../../core/objects/kinds';
import type { PyObject } from '../../../core/objects/pyobject';
import { PyType } from '../../../core/objects/pytype';
import { classLookup, classType } from '../../../core/objects/classobject';
import { PyException } from '../../../core/errors';
import { addressArg, boundMethod, C_LONG, objectAt } from './ctypes';
import type { ModuleTable, NativeType } from './table';

/** _ctypes.Structure: the base a program's structure classes derive from (they add __dict__ and __weakref__). */
export const STRUCTURE = new PyType('Structure', Kind.Instance, true, false);

/** The size in bytes of c_long, the one field type modelled. */
const C_LONG_SIZE = 8;

/** One field of a structure class: its name and byte offset. */
interface Field {
  readonly name: string;
  readonly offset: number;
}

/** The fields a structure class declares in `_fields_`, each a (name, c_long) pair, laid out in order. */
function fieldsOf(rt: Runtime, cls: PyObject): Field[] {
  const declared = classLookup(rt, cls, '_fields_');
  if (declared === undefined) return [];
  const pairs = declared.items;
  if (pairs === null || declared.type.kind === Kind.Str)
    throw new PyException('TypeError', '_fields_ must be a sequence of pairs');
  return pairs.map((pair, i) => {
    const [name, ctype] = pair.type.kind === Kind.Tuple ? (pair.items ?? []) : [];
    if (name?.type.kind !== Kind.Str || ctype === undefined)
      throw new PyException('TypeError', '_fields_ must be a sequence of (name, C type) pairs');
    if (ctype !== rt.staticTypeObject(C_LONG))
      throw new PyException('TypeError', 'pymemlab models Structure fields of ctypes.c_long only');
    return { name: name.value as string, offset: i * C_LONG_SIZE };
  });
}

/** The word at `offset` of the object living at `address`: ob_refcnt, then ob_type (0 where nothing lives). */
function readWord(rt: Runtime, address: bigint, offset: number): PyObject {
  const op = objectAt(rt, address);
  if (offset === 0) return rt.int(op?.refcnt ?? 0);
  if (offset === C_LONG_SIZE)
    return rt.int(op === null ? 0n : BigInt(rt.addressOf(op.type.typeObject ?? rt.staticTypeObject(op.type))));
  throw new PyException(
    'NotImplementedError',
    `pymemlab models a Structure's fields at offsets 0 and 8 only (ob_refcnt, ob_type), not ${offset}`,
  );
}

/**
 * The Structure type: `from_address` on a subclass makes an instance holding its class, as
 * PyCData_AtAddress does; a field name on an instance reads the word at the field's offset.
 */
function structureType(rt: Runtime): NativeType {
  return {
    type: STRUCTURE,
    subclassable: true,
    classAttribute: (name, cls) =>
      name === 'from_address'
        ? boundMethod(rt, name, cls, (args) => {
            if (args.length !== 1)
              throw new PyException(
                'TypeError',
                `${cls.value as string}.from_address() takes exactly one argument (${args.length} given)`,
              );
            if (cls === rt.staticTypeObject(STRUCTURE)) throw new PyException('TypeError', 'abstract class');
            const op = rt.alloc(classType(cls));
            op.value = addressArg(args[0]);
            rt.incref(cls);
            rt.track(op);
            return op;
          })
        : undefined,
    instanceAttribute: (self, name) => {
      const field = fieldsOf(rt, self.type.typeObject!).find((f) => f.name === name);
      return field === undefined ? undefined : readWord(rt, self.value as bigint, field.offset);
    },
  };
}

/** ctypes with Structure added: the table's constants and native types, plus Structure's. */
export function withStructure(rt: Runtime, ctypes: ModuleTable): ModuleTable {
  return {
    ...ctypes,
    constants: () => [...ctypes.constants(), ['Structure', rt.staticTypeObject(STRUCTURE)]],
    types: [...(ctypes.types ?? []), structureType(rt)],
  };
}
