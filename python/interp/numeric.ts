/**
 * Arithmetic on the subset's numbers as plain values, shared by the evaluator (abstract.ts) and
 * the constant folder (fold.ts): an int (or bool) is a bigint, a float is a JavaScript number
 * (both are IEEE doubles). Results and errors are those of Objects/longobject.c and
 * Objects/floatobject.c: an int operand of a float operation is converted first (PyLong_AsDouble),
 * int / int is correctly rounded, and `**` follows float_pow's special cases.
 */
import type * as A from '../lang/ast';
import { PyException } from '../../core/errors';
import { floatExactParts } from '../../core/objects/floatobject';
import { Kind } from '../../core/objects/kinds';
import type { PyObject } from '../../core/objects/pyobject';

/** A number's value: bigint for int and bool, number for float. */
export type Num = bigint | number;

/** Above this many bits a result is refused (CPython would spend minutes, then raise MemoryError). */
const MAX_RESULT_BITS = 1 << 24;
/** 2**53: ints below it in magnitude convert to doubles exactly. */
const EXACT_DOUBLE = 1n << 53n;

function bitLength(v: bigint): number {
  return v === 0n ? 0 : (v < 0n ? -v : v).toString(2).length;
}

/** PyLong_AsDouble: correctly rounded (as Number(bigint) is), OverflowError past the doubles. */
export function toDouble(n: Num): number {
  if (typeof n === 'number') return n;
  const x = Number(n);
  if (!Number.isFinite(x)) throw new PyException('OverflowError', 'int too large to convert to float');
  return x;
}

/** PyLong_FromDouble (int(x)): truncates toward zero; inf and nan have no int. */
export function truncToInt(x: number): bigint {
  if (Number.isNaN(x)) throw new PyException('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw new PyException('OverflowError', 'cannot convert float infinity to integer');
  return BigInt(Math.trunc(x));
}

/**
 * long_true_divide: the double nearest to a / b (ties to even), computed exactly on bigints when
 * an operand is too large for a double to hold it exactly, as CPython's algorithm guarantees.
 */
export function intTrueDivide(a: bigint, b: bigint): number {
  if (b === 0n) throw new PyException('ZeroDivisionError', 'division by zero');
  const negate = a < 0n !== b < 0n;
  const n = a < 0n ? -a : a;
  const d = b < 0n ? -b : b;
  let x: number;
  if (n <= EXACT_DOUBLE && d <= EXACT_DOUBLE) x = Number(n) / Number(d);
  else x = ratioToDouble(n, d);
  if (!Number.isFinite(x)) throw new PyException('OverflowError', 'integer division result too large for a float');
  return negate ? -x : x;
}

/** n / d (both positive, n may be 0) rounded half-even to a double; Infinity past the largest. */
function ratioToDouble(n: bigint, d: bigint): number {
  if (n === 0n) return 0;
  // A quotient of at least 55 bits: 53 kept, a rounding bit, and the remainder as a sticky bit.
  const shift = bitLength(n) - bitLength(d) - 55;
  const num = shift < 0 ? n << BigInt(-shift) : n;
  const den = shift > 0 ? d << BigInt(shift) : d;
  const q = num / den;
  const sticky = num % den !== 0n;
  const qbits = bitLength(q);
  // Keep 53 bits, or fewer where the result is subnormal (the last bit is worth 2**-1074).
  const drop = Math.max(qbits - 53, -1074 - shift);
  if (qbits + shift > 1024) return Infinity;
  if (drop > qbits + 1) return 0;
  const half = 1n << BigInt(drop - 1);
  const rest = q & ((1n << BigInt(drop)) - 1n);
  let mant = q >> BigInt(drop);
  if (rest > half || (rest === half && (sticky || (mant & 1n) === 1n))) mant += 1n;
  const exp = shift + drop;
  if (bitLength(mant) + exp > 1024) return Infinity;
  return Number(mant) * 2 ** exp;
}

/** True when x is an odd integer (DOUBLE_IS_ODD_INTEGER). */
function isOddInteger(x: number): boolean {
  return Number.isInteger(x) && Math.abs(x % 2) === 1;
}

/**
 * float_pow: C99's special cases (1 ** nan is 1, (-1) ** inf is 1), ZeroDivisionError for 0.0 to a
 * negative power, OverflowError (ERANGE) when a finite power overflows. A negative base to a
 * non-integer power is a complex number in CPython, which the subset does not have.
 */
export function floatPow(iv: number, iw: number): number {
  if (iw === 0) return 1;
  if (Number.isNaN(iv)) return iv;
  if (Number.isNaN(iw)) return iv === 1 ? 1 : iw;
  if (!Number.isFinite(iw)) {
    const a = Math.abs(iv);
    if (a === 1) return 1;
    return iw > 0 === a > 1 ? Math.abs(iw) : 0;
  }
  if (!Number.isFinite(iv)) {
    const odd = isOddInteger(iw);
    if (iw > 0) return odd ? iv : Math.abs(iv);
    return odd ? (iv < 0 ? -0 : 0) : 0;
  }
  if (iv === 0) {
    if (iw < 0) throw new PyException('ZeroDivisionError', '0.0 cannot be raised to a negative power');
    return isOddInteger(iw) ? iv : 0;
  }
  let negate = false;
  let base = iv;
  if (base < 0) {
    if (!Number.isInteger(iw))
      throw new PyException(
        'ValueError',
        'complex results (a negative number to a fractional power) are not supported',
      );
    base = -base;
    negate = isOddInteger(iw);
  }
  if (base === 1) return negate ? -1 : 1;
  const r = positivePow(base, iw);
  if (!Number.isFinite(r)) throw new PyException('OverflowError', "(34, 'Numerical result out of range')");
  return negate ? -r : r;
}

/** Integer exponents up to this size are computed exactly, then rounded once. */
const EXACT_POW_MAX = 64;

/**
 * pow(base, w) for a finite positive base, as glibc computes it: correctly rounded. JavaScript's
 * `**` may be a unit in the last place off (10 ** -4 is 9.999999999999999e-05 in V8), so small
 * integer powers are computed exactly on bigints and rounded once, and w = 0.5 is a square root
 * (also correctly rounded). Other exponents use `**`; docs/fidelity.md notes the rare difference.
 */
function positivePow(base: number, w: number): number {
  if (w === 0.5) return Math.sqrt(base);
  if (!Number.isInteger(w) || Math.abs(w) > EXACT_POW_MAX) return base ** w;
  const { mantissa, exponent } = floatExactParts(base);
  const n = BigInt(Math.abs(w));
  const power = mantissa ** n;
  const twos = exponent * n;
  // base ** w = power * 2 ** twos, or its inverse for a negative w
  const [num, den] = twos >= 0n ? [power << twos, 1n] : [power, 1n << -twos];
  return w > 0 ? ratioToDouble(num, den) : ratioToDouble(den, num);
}

/** _float_div_mod: Python's floor division and modulo of doubles (the remainder takes b's sign). */
function floatDivMod(a: number, b: number): [number, number] {
  let mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) {
      mod += b;
      div -= 1;
    }
  } else mod = b < 0 ? -0 : 0;
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else floordiv = a / b < 0 || Object.is(a / b, -0) ? -0 : 0;
  return [floordiv, mod];
}

/** Floor division and modulo of ints (l_divmod): the remainder takes b's sign. */
export function intDivMod(a: bigint, b: bigint): [bigint, bigint] {
  if (b === 0n) throw new PyException('ZeroDivisionError', 'integer division or modulo by zero');
  let q = a / b;
  if (a % b !== 0n && a < 0n !== b < 0n) q -= 1n;
  return [q, a - q * b];
}

/** divmod() of two numbers: ints stay ints, otherwise both are doubles. */
export function numDivMod(a: Num, b: Num): [Num, Num] {
  if (typeof a === 'bigint' && typeof b === 'bigint') return intDivMod(a, b);
  const x = toDouble(a);
  const y = toDouble(b);
  if (y === 0) throw new PyException('ZeroDivisionError', 'float divmod()');
  return floatDivMod(x, y);
}

/** The refusal of a result too large to build (CPython would run out of memory). */
function tooLarge(): PyException {
  return new PyException('MemoryError', '');
}

/** An int operation: every operator applies to ints. */
function intBinary(op: A.BinOperator, a: bigint, b: bigint): Num {
  switch (op) {
    case 'Add':
      return a + b;
    case 'Sub':
      return a - b;
    case 'Mult':
      return a * b;
    case 'Div':
      return intTrueDivide(a, b);
    case 'FloorDiv':
      return intDivMod(a, b)[0];
    case 'Mod':
      if (b === 0n) throw new PyException('ZeroDivisionError', 'integer modulo by zero');
      return intDivMod(a, b)[1];
    case 'Pow':
      if (b < 0n) return floatPow(toDouble(a), toDouble(b));
      if (bitLength(a) > 1 && Number(b) * bitLength(a) > MAX_RESULT_BITS) throw tooLarge();
      return a ** b;
    case 'LShift':
      if (b < 0n) throw new PyException('ValueError', 'negative shift count');
      if (a !== 0n && b > BigInt(MAX_RESULT_BITS)) throw tooLarge();
      return a << b;
    case 'RShift':
      if (b < 0n) throw new PyException('ValueError', 'negative shift count');
      return b > BigInt(MAX_RESULT_BITS) ? (a < 0n ? -1n : 0n) : a >> b;
    case 'BitOr':
      return a | b;
    case 'BitXor':
      return a ^ b;
    case 'BitAnd':
      return a & b;
  }
}

/** The operators that apply to ints only. */
const INT_ONLY: ReadonlySet<A.BinOperator> = new Set(['LShift', 'RShift', 'BitOr', 'BitXor', 'BitAnd']);

/** A float operation (ints already converted); never one of INT_ONLY. */
function floatBinary(op: A.BinOperator, x: number, y: number): number {
  switch (op) {
    case 'Add':
      return x + y;
    case 'Sub':
      return x - y;
    case 'Mult':
      return x * y;
    case 'Div':
      if (y === 0) throw new PyException('ZeroDivisionError', 'float division by zero');
      return x / y;
    case 'FloorDiv':
      if (y === 0) throw new PyException('ZeroDivisionError', 'float floor division by zero');
      return floatDivMod(x, y)[0];
    case 'Mod':
      if (y === 0) throw new PyException('ZeroDivisionError', 'float modulo');
      return floatDivMod(x, y)[1];
    default:
      return floatPow(x, y);
  }
}

/**
 * a <op> b on two numbers; null when the operator does not apply to them (a float operand of a
 * bitwise operator), so the caller raises TypeError naming the types.
 */
export function numBinary(op: A.BinOperator, a: Num, b: Num): Num | null {
  if (typeof a === 'bigint' && typeof b === 'bigint') return intBinary(op, a, b);
  if (INT_ONLY.has(op)) return null;
  return floatBinary(op, toDouble(a), toDouble(b));
}

/** -1, 0 or 1 comparing a and b exactly (an int against a float too); NaN when unordered. */
export function numCompare(a: Num, b: Num): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if ((typeof a === 'number' && Number.isNaN(a)) || (typeof b === 'number' && Number.isNaN(b))) return NaN;
  return 0;
}

/** An int's or a bool's value (bool is an int), or null for any other object. */
export function intValue(v: PyObject): bigint | null {
  if (v.type.kind === Kind.Int) return v.value as bigint;
  if (v.type.kind === Kind.Bool) return v.value ? 1n : 0n;
  return null;
}
