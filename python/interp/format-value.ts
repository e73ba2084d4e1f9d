/**
 * What an f-string's FORMAT_VALUE and BUILD_STRING do on the heap (Python/ceval.c, 3.11), and
 * PyObject_Format behind them and behind format() and str.format: a conversion (!s, !r, !a) makes
 * a new str; a spec, or a value other than an exact str or int, goes through the type's
 * `__format__` found by _PyObject_LookupSpecial, which binds it: a bound method object (a GC
 * allocation, so it can start a collection) that dies right after the call.
 */
import type { Runtime } from '../../core/runtime';
import { Kind } from '../../core/objects/kinds';
import type { PyObject } from '../../core/objects/pyobject';
import { TYPES } from '../../core/objects/pytype';
import { PyException } from '../../core/errors';
import { classLookup } from '../../core/objects/classobject';
import { newMethod } from '../../core/objects/funcobject';
import { floatValue } from '../../core/objects/floatobject';
import { FormatSpecError, formatFloat, formatInt, formatStr } from './format-spec';
import { pyRepr, pyStr } from './repr';

export type Conversion = 's' | 'r' | 'a' | null;

/** ascii(): the repr with every non-ASCII character escaped. */
export function asciiText(rt: Runtime, op: PyObject): string {
  return Array.from(pyRepr(rt, op), (ch) => {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) return ch;
    if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
    return code <= 0xffff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\U${code.toString(16).padStart(8, '0')}`;
  }).join('');
}

/** PyObject_Str / PyObject_Repr / PyObject_ASCII as a new reference (an exact str is its own str). */
export function convertValue(rt: Runtime, op: PyObject, conversion: 's' | 'r' | 'a'): PyObject {
  if (conversion === 's') return op.type.kind === Kind.Str ? rt.newRef(op) : rt.str(pyStr(rt, op));
  return rt.str(conversion === 'r' ? pyRepr(rt, op) : asciiText(rt, op));
}

/** The text a built-in type's `__format__` gives (str, int, bool, float, else object.__format__). */
function builtinFormat(rt: Runtime, op: PyObject, spec: string): string {
  try {
    switch (op.type.kind) {
      case Kind.Str:
        return formatStr(op.value as string, spec);
      case Kind.Int:
        return spec === '' ? String(op.value as bigint) : formatInt(op.value as bigint, spec);
      case Kind.Bool:
        return spec === '' ? pyStr(rt, op) : formatInt(op.value ? 1n : 0n, spec, 'bool');
      case Kind.Float:
        return formatFloat(floatValue(op), spec);
      default:
        if (spec !== '')
          throw new PyException('TypeError', `unsupported format string passed to ${op.type.name}.__format__`);
        return pyStr(rt, op);
    }
  } catch (error) {
    if (error instanceof FormatSpecError) throw new PyException(error.kind, error.message);
    throw error;
  }
}

/** PyObject_Format(op, spec) as a new reference; `spec` is borrowed (null: the empty spec). */
export function objectFormat(rt: Runtime, op: PyObject, spec: PyObject | null): PyObject {
  const specText = spec === null ? '' : (spec.value as string);
  if (specText === '' && op.type.kind === Kind.Str) return rt.newRef(op);
  if (specText === '' && op.type.kind === Kind.Int) return rt.str(String(op.value as bigint));
  const own =
    op.type.kind === Kind.Instance && op.type.typeObject
      ? classLookup(rt, op.type.typeObject, '__format__')
      : undefined;
  if (own !== undefined && own.type.kind === Kind.Function) {
    const method = newMethod(rt, own, op);
    const arg = spec ?? rt.str('');
    try {
      const result = rt.call(method, [arg]);
      if (result.type.kind !== Kind.Str) {
        rt.decref(result);
        throw new PyException('TypeError', `__format__ must return a str, not ${result.type.name}`);
      }
      return result;
    } finally {
      if (spec === null) rt.decref(arg);
      rt.decref(method);
    }
  }
  const method = rt.alloc(TYPES.builtinMethod);
  rt.track(method);
  try {
    // method_vectorcall_O: calling object.__format__ from C is one recursion level.
    return rt.recursiveCall(' while calling a Python object', () => rt.str(builtinFormat(rt, op, specText)));
  } finally {
    rt.decref(method);
  }
}

/**
 * FORMAT_VALUE: takes the value (and the spec) off the stack, converts, formats; an exact str
 * with no spec is pushed back as it is. Steals both references.
 */
export function formatValue(rt: Runtime, value: PyObject, conversion: Conversion, spec: PyObject | null): PyObject {
  let v = value;
  try {
    if (conversion !== null) {
      const converted = convertValue(rt, v, conversion);
      rt.decref(v);
      v = converted;
    }
    return spec === null && v.type.kind === Kind.Str ? rt.newRef(v) : objectFormat(rt, v, spec);
  } finally {
    rt.decref(v);
    if (spec !== null) rt.decref(spec);
  }
}

/** BUILD_STRING n: the pieces joined into a new str; the pieces are released top first. */
export function buildString(rt: Runtime, pieces: PyObject[]): PyObject {
  try {
    return rt.str(pieces.map((p) => p.value as string).join(''));
  } finally {
    for (let i = pieces.length - 1; i >= 0; i--) rt.decref(pieces[i]);
  }
}
