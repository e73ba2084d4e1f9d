/**
 * The built-in functions teaching programs print with: repr, ascii, format, id and hex. Each is
 * METH_O or Argument Clinic FASTCALL in CPython 3.11, so none packs its arguments; format goes
 * through PyObject_Format (format-value.ts). id() is the object's address, as CPython's is: the
 * simulator's addresses are its own, so programs compared with CPython mask them.
 */
import type { Runtime } from '../../core/runtime';
import { Kind } from '../../core/objects/kinds';
import type { PyObject } from '../../core/objects/pyobject';
import { PyException } from '../../core/errors';
import { asciiText, objectFormat } from './format-value';
import { pyRepr } from './repr';
import { intValue } from './numeric';

export interface BuiltinFunction {
  readonly name: string;
  readonly call: (args: PyObject[]) => PyObject;
}

// METH_O functions: exactly one argument, CPython's message otherwise.
function one(name: string, args: PyObject[]): PyObject {
  if (args.length !== 1)
    throw new PyException('TypeError', `${name}() takes exactly one argument (${args.length} given)`);
  return args[0];
}

/** The functions, in the order they join the builtins table. */
export function formatBuiltins(rt: Runtime): BuiltinFunction[] {
  return [
    { name: 'repr', call: (args) => rt.str(pyRepr(rt, one('repr', args))) },
    { name: 'ascii', call: (args) => rt.str(asciiText(rt, one('ascii', args))) },
    {
      name: 'id',
      call: (args) => rt.int(BigInt(rt.addressOf(one('id', args)))),
    },
    {
      name: 'hex',
      call: (args) => {
        const v = one('hex', args);
        const n = intValue(v);
        if (n === null)
          throw new PyException('TypeError', `'${v.type.name}' object cannot be interpreted as an integer`);
        return rt.str(`${n < 0n ? '-' : ''}0x${(n < 0n ? -n : n).toString(16)}`);
      },
    },
    {
      name: 'format',
      call: (args) => {
        if (args.length < 1 || args.length > 2)
          throw new PyException(
            'TypeError',
            args.length < 1
              ? `format expected at least 1 argument, got ${args.length}`
              : `format expected at most 2 arguments, got ${args.length}`,
          );
        const spec = args[1] ?? null;
        if (spec !== null && spec.type.kind !== Kind.Str)
          throw new PyException('TypeError', `format() argument 2 must be str, not ${spec.type.name}`);
        return objectFormat(rt, args[0], spec);
      },
    },
  ];
}
