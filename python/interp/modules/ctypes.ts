/**
 * The part of ctypes refcount lessons use: `c_long.from_address(id(x)).value` reads the first word
 * of the object, ob_refcnt, and `cast(id(x), py_object).value` turns an address back into the
 * object. `id(x)` is the simulated address (`rt.addressOf`), so an address maps back to the live
 * object allocated there. A freed GC object keeps its last ob_refcnt, 0, in CPython too: pymalloc
 * links a freed block through its first word, which for a GC object is the GC header, not
 * ob_refcnt. So an address where nothing lives reads 0 (see docs/fidelity.md for what differs).
 */
import type { Runtime } from '../../../core/runtime';
import { Kind } from '../../../core/objects/kinds';
import type { PyObject } from '../../../core/objects/pyobject';
import { PyType, TYPES } from '../../../core/objects/pytype';
import { PyException } from '../../../core/errors';
import { intValue } from '../numeric';
import { def, type ModuleTable, type NativeType } from './table';

/** A c_long (CDataObject, GC-tracked) whose buffer is the word at `value` (a bigint address). */
export const C_LONG = new PyType('c_long', Kind.Builtin, true, false);
/** A py_object made by cast(): `value` is the address it points to. */
const PY_OBJECT = new PyType('py_object', Kind.Builtin, true, false);

/** The live object whose id() is `address`, if any (a walk of the refchain). */
export function objectAt(rt: Runtime, address: bigint): PyObject | null {
  for (let op = rt.refchain.obNext!; op !== rt.refchain; op = op.obNext!)
    if (BigInt(rt.addressOf(op)) === address) return op;
  return null;
}

/** An address argument as ctypes converts it: an int, else CPython's TypeError. */
export function addressArg(arg: PyObject): bigint {
  const n = intValue(arg);
  if (n === null) throw new PyException('TypeError', 'integer expected');
  return n;
}

/** A new CDataObject of `type` over the memory at `address` (a GC allocation, as in CPython). */
function newCData(rt: Runtime, type: PyType, address: bigint): PyObject {
  const op = rt.alloc(type);
  op.value = address;
  rt.track(op);
  return op;
}

/** A built-in method bound to `self` (a GC object that lives as long as the call does). */
export function boundMethod(rt: Runtime, name: string, self: PyObject, call: (args: PyObject[]) => PyObject): PyObject {
  const op = rt.alloc(TYPES.builtinMethod);
  op.value = name;
  op.native = call;
  op.refs = [rt.newRef(self)];
  rt.track(op);
  return op;
}

/** c_long: `from_address` on the class, `value` (ob_refcnt read now) on an instance. */
function cLong(rt: Runtime): NativeType {
  return {
    type: C_LONG,
    classAttribute: (name) =>
      name === 'from_address'
        ? boundMethod(rt, name, rt.staticTypeObject(C_LONG), (args) => {
            if (args.length !== 1)
              throw new PyException('TypeError', `from_address() takes exactly one argument (${args.length} given)`);
            return newCData(rt, C_LONG, addressArg(args[0]));
          })
        : undefined,
    instanceAttribute: (self, name) => {
      if (name !== 'value') return undefined;
      return rt.int(objectAt(rt, self.value as bigint)?.refcnt ?? 0);
    },
  };
}

/** py_object: `value` is the object at the address, a new reference. */
function pyObject(rt: Runtime): NativeType {
  return {
    type: PY_OBJECT,
    instanceAttribute: (self, name) => {
      if (name !== 'value') return undefined;
      const op = objectAt(rt, self.value as bigint);
      if (op === null) throw new PyException('ValueError', 'PyObject is NULL');
      return rt.newRef(op);
    },
  };
}

/** ctypes, built on import: c_long (and its alias c_ssize_t), py_object and cast. */
export function ctypesModule(rt: Runtime): ModuleTable {
  return {
    name: 'ctypes',
    onImport: true,
    functions: [
      def({
        name: 'cast',
        convention: 'varargs',
        call: (args) => {
          if (args.length !== 2)
            throw new PyException('TypeError', `cast() takes exactly 2 arguments (${args.length} given)`);
          if (args[1] !== rt.staticTypeObject(PY_OBJECT))
            throw new PyException('TypeError', 'pymemlab models cast() to ctypes.py_object only');
          return newCData(rt, PY_OBJECT, addressArg(args[0]));
        },
      }),
    ],
    constants: () => [
      ['c_long', rt.staticTypeObject(C_LONG)],
      ['c_ssize_t', rt.staticTypeObject(C_LONG)],
      ['py_object', rt.staticTypeObject(PY_OBJECT)],
    ],
    types: [cLong(rt), pyObject(rt)],
  };
}
