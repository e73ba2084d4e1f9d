/**
 * The built-in functions on numbers (Python/bltinmodule.c, Objects/floatobject.c): float(), abs(),
 * round(), divmod(), min(), max() and sum(), each allocating what its CPython counterpart does:
 * min and max are METH_VARARGS (an argument tuple) and iterate through an iterator object, sum
 * iterates too but adds ints and floats in C variables without making intermediate objects.
 */
import type { Runtime } from '../../core/runtime';
import { Kind } from '../../core/objects/kinds';
import type { PyObject } from '../../core/objects/pyobject';
import { PyException } from '../../core/errors';
import { newTuple, newTupleStealing } from '../../core/objects/tuple';
import { floatExactParts, floatValue, newFloat } from '../../core/objects/floatobject';
import { binaryOp, boxNum, compareOp, numValue } from './abstract';
import { iterNext, newIterator } from './iteration';
import { intDivMod, numDivMod, toDouble, truncToInt, intValue } from './numeric';
import { pyRepr } from './repr';

/** A built-in function's implementation: borrowed arguments in, a new reference out. */
export type NumericBuiltin = (args: PyObject[]) => PyObject;

/** LONG_MIN..LONG_MAX: the range sum() accumulates ints in without making objects. */
const LONG_MIN = -(1n << 63n);
const LONG_MAX = (1n << 63n) - 1n;
const fitsLong = (v: bigint): boolean => v >= LONG_MIN && v <= LONG_MAX;

/** NDIGITS_MAX and NDIGITS_MIN of double_round: beyond them a float is its own rounding, or 0. */
const NDIGITS_MAX = 323;
const NDIGITS_MIN = -308;

function expectArgs(name: string, args: PyObject[], min: number, max: number): void {
  if (args.length >= min && args.length <= max) return;
  const want = min === max ? `exactly ${min} argument${min === 1 ? '' : 's'}` : `at most ${max} arguments`;
  throw new PyException(
    'TypeError',
    min === max || args.length > max
      ? `${name}() takes ${want} (${args.length} given)`
      : `${name}() missing required argument 'number' (pos 1)`,
  );
}

/**
 * float(x): an exact float is returned itself, an int converted (PyLong_AsDouble), a str parsed
 * as float_from_string does (surrounding whitespace, inf, nan, underscores between digits).
 */
export function floatCall(rt: Runtime, args: PyObject[]): PyObject {
  if (args.length > 1) throw new PyException('TypeError', `float expected at most 1 argument, got ${args.length}`);
  if (args.length === 0) return newFloat(rt, 0);
  const v = args[0];
  if (v.type.kind === Kind.Float) return rt.newRef(v);
  const n = intValue(v);
  if (n !== null) return newFloat(rt, toDouble(n));
  if (v.type.kind === Kind.Str) return newFloat(rt, parseFloatText(rt, v));
  throw new PyException('TypeError', `float() argument must be a string or a real number, not '${v.type.name}'`);
}

const FLOAT_TEXT = /^[+-]?(?:(?:\d(?:_?\d)*)?\.?\d(?:_?\d)*(?:[eE][+-]?\d(?:_?\d)*)?|\d(?:_?\d)*\.|inf|infinity|nan)$/i;

function parseFloatText(rt: Runtime, v: PyObject): number {
  const text = (v.value as string).trim();
  if (!FLOAT_TEXT.test(text))
    throw new PyException('ValueError', `could not convert string to float: ${pyRepr(rt, v)}`);
  const t = text.replace(/_/g, '').toLowerCase();
  const unsigned = t.replace(/^[+-]/, '');
  const sign = t.startsWith('-') ? -1 : 1;
  if (unsigned === 'nan') return NaN;
  if (unsigned === 'inf' || unsigned === 'infinity') return sign * Infinity;
  return Number(t);
}

/** int(x) of a float: truncated toward zero (float___trunc__). */
export function intFromFloat(rt: Runtime, v: PyObject): PyObject {
  return rt.int(truncToInt(floatValue(v)));
}

/** abs(x): an exact non-negative int is returned itself (long_long); a float is always new. */
function abs(rt: Runtime, args: PyObject[]): PyObject {
  expectArgs('abs', args, 1, 1);
  const v = args[0];
  const n = numValue(v);
  if (n === null) throw new PyException('TypeError', `bad operand type for abs(): '${v.type.name}'`);
  if (typeof n === 'number') return newFloat(rt, Math.abs(n));
  return n >= 0n && v.type.kind === Kind.Int ? rt.newRef(v) : rt.int(n < 0n ? -n : n);
}

/** C's round(): halves away from zero. */
function cRound(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/**
 * double_round: x rounded to `ndigits` decimal places, ties to even on the double's exact value
 * (what _Py_dg_dtoa's mode 3 computes), read back as the nearest double.
 */
function roundFloat(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || ndigits > NDIGITS_MAX || x === 0) return x;
  if (ndigits < NDIGITS_MIN) return 0 * x;
  const { mantissa, exponent } = floatExactParts(Math.abs(x));
  const num = mantissa * (exponent > 0n ? 1n << exponent : 1n) * (ndigits > 0 ? 10n ** BigInt(ndigits) : 1n);
  const den = (exponent < 0n ? 1n << -exponent : 1n) * (ndigits < 0 ? 10n ** BigInt(-ndigits) : 1n);
  let q = num / den;
  const twice = (num % den) * 2n;
  if (twice > den || (twice === den && (q & 1n) === 1n)) q += 1n;
  const r = Number(`${q}e${-ndigits}`);
  if (!Number.isFinite(r)) throw new PyException('OverflowError', 'rounded value too large to represent');
  return x < 0 ? -r : r;
}

/** round(number[, ndigits]): ints stay ints, round(float) is an int, round(float, n) a float. */
function round(rt: Runtime, args: PyObject[]): PyObject {
  expectArgs('round', args, 1, 2);
  const v = args[0];
  const n = numValue(v);
  if (n === null) throw new PyException('TypeError', `type ${v.type.name} doesn't define __round__ method`);
  const digitsArg = args.length === 2 && args[1] !== rt.None ? args[1] : null;
  const ndigits = digitsArg === null ? null : intValue(digitsArg);
  if (digitsArg !== null && ndigits === null)
    throw new PyException('TypeError', `'${digitsArg.type.name}' object cannot be interpreted as an integer`);
  if (typeof n === 'bigint') {
    if (ndigits === null || ndigits >= 0n) return v.type.kind === Kind.Int ? rt.newRef(v) : rt.int(n);
    const unit = 10n ** -ndigits;
    const [q, r] = intDivMod(n, unit);
    const up = r * 2n > unit || (r * 2n === unit && (q & 1n) === 1n);
    return rt.int((up ? q + 1n : q) * unit);
  }
  if (ndigits === null) {
    let rounded = cRound(n);
    if (Math.abs(n - rounded) === 0.5) rounded = 2 * cRound(n / 2);
    return rt.int(truncToInt(rounded));
  }
  return newFloat(rt, roundFloat(n, Number(ndigits)));
}

/** divmod(a, b): a new 2-tuple of the floor quotient and the remainder. */
function divmod(rt: Runtime, args: PyObject[]): PyObject {
  expectArgs('divmod', args, 2, 2);
  const a = numValue(args[0]);
  const b = numValue(args[1]);
  if (a === null || b === null)
    throw new PyException(
      'TypeError',
      `unsupported operand type(s) for divmod(): '${args[0].type.name}' and '${args[1].type.name}'`,
    );
  const [q, r] = numDivMod(a, b);
  return newTupleStealing(rt, [boxNum(rt, q), boxNum(rt, r)]);
}

/**
 * min_max: the arguments come packed in a tuple (METH_VARARGS); one argument is iterated, several
 * are iterated through the tuple. The first extreme item wins ties.
 */
function minMax(rt: Runtime, args: PyObject[], name: 'min' | 'max'): PyObject {
  if (args.length === 0) throw new PyException('TypeError', `${name} expected at least 1 argument, got 0`);
  const packed = newTuple(rt, args);
  try {
    const it = newIterator(rt, args.length === 1 ? args[0] : packed);
    let best: PyObject | null = null;
    try {
      for (let item = iterNext(rt, it); item !== null; item = iterNext(rt, it)) {
        if (best === null || compareOp(name === 'max' ? 'Gt' : 'Lt', item, best)) {
          if (best !== null) rt.decref(best);
          best = item;
        } else rt.decref(item);
      }
    } catch (error) {
      if (best !== null) rt.decref(best);
      throw error;
    } finally {
      rt.decref(it);
    }
    if (best === null) throw new PyException('ValueError', `${name}() arg is an empty sequence`);
    return best;
  } finally {
    rt.decref(packed);
  }
}

/** result + item through the number protocol, consuming both references. */
function addConsuming(rt: Runtime, result: PyObject, item: PyObject): PyObject {
  try {
    return binaryOp(rt, 'Add', result, item);
  } finally {
    rt.decref(result);
    rt.decref(item);
  }
}

/**
 * builtin_sum_impl: an int start accumulates ints in a C long, then a float total accumulates
 * floats and ints in a C double (3.11 adds plainly, without compensation), then anything else goes
 * through `+`. Each phase hands over to the next when an item does not fit it.
 */
function sum(rt: Runtime, args: PyObject[]): PyObject {
  expectArgs('sum', args, 1, 2);
  const start = args[1] ?? null;
  if (start !== null && start.type.kind === Kind.Str)
    throw new PyException('TypeError', "sum() can't sum strings [use ''.join(seq) instead]");
  const it = newIterator(rt, args[0]);
  try {
    let result: PyObject = start !== null ? rt.newRef(start) : rt.int(0);
    if (result.type.kind === Kind.Int && fitsLong(result.value as bigint)) {
      let total = result.value as bigint;
      rt.decref(result);
      for (;;) {
        const item = iterNext(rt, it);
        if (item === null) return rt.int(total);
        const b = item.type.kind === Kind.Int || item.type.kind === Kind.Bool ? intValue(item)! : null;
        if (b !== null && fitsLong(b) && fitsLong(total + b)) {
          total += b;
          rt.decref(item);
          continue;
        }
        result = addConsuming(rt, rt.int(total), item);
        break;
      }
    }
    if (result.type.kind === Kind.Float) {
      let total = floatValue(result);
      rt.decref(result);
      for (;;) {
        const item = iterNext(rt, it);
        if (item === null) return newFloat(rt, total);
        const b = item.type.kind === Kind.Float ? floatValue(item) : intValue(item);
        if (typeof b === 'number' || (b !== null && fitsLong(b))) {
          total += typeof b === 'number' ? b : Number(b);
          rt.decref(item);
          continue;
        }
        result = addConsuming(rt, newFloat(rt, total), item);
        break;
      }
    }
    for (let item = iterNext(rt, it); item !== null; item = iterNext(rt, it)) result = addConsuming(rt, result, item);
    return result;
  } finally {
    rt.decref(it);
  }
}

/** The numeric built-in functions by name, bound to a runtime. */
export function numericBuiltins(rt: Runtime): [string, NumericBuiltin][] {
  return [
    ['abs', (args) => abs(rt, args)],
    ['round', (args) => round(rt, args)],
    ['divmod', (args) => divmod(rt, args)],
    ['min', (args) => minMax(rt, args, 'min')],
    ['max', (args) => minMax(rt, args, 'max')],
    ['sum', (args) => sum(rt, args)],
  ];
}
