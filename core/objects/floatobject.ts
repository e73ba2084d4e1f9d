/**
 * float objects (Objects/floatobject.c): a C double in a 24-byte object that is never GC-tracked,
 * recycled through CPython 3.11's float free list, printed with the shortest repr that reads back
 * to the same double, and hashed so that a float equal to an int hashes (and keys) like that int.
 */
import type { Runtime } from '../runtime';
import type { PyObject } from './pyobject';
import { TYPES } from './pytype';

/** _PyHASH_MODULUS: hashes of numbers are taken modulo the Mersenne prime 2**61 - 1. */
const HASH_MODULUS = (1n << 61n) - 1n;
const HASH_BITS = 61n;
/** _PyHASH_INF: hash(float('inf')). */
const HASH_INF = 314159n;

/**
 * PyFloat_FromDouble: a float reuses a shell from the float free list when one is parked there
 * (no allocation), otherwise allocates a new 24-byte object. Floats are not GC objects, so
 * neither path moves generation 0's count.
 */
export function newFloat(rt: Runtime, n: number): PyObject {
  const shell = rt.freelists.popFloat();
  const op =
    shell !== undefined
      ? rt.reuse(shell)
      : rt.freelists.takeStartupFloat()
        ? rt.allocStartupShell(TYPES.float)
        : rt.alloc(TYPES.float);
  op.value = n;
  return op;
}

/** The C double a float object holds (PyFloat_AS_DOUBLE). */
export function floatValue(op: PyObject): number {
  return op.value as number;
}

/**
 * float_repr (PyOS_double_to_string with mode 'r' and Py_DTSF_ADD_DOT_0): the shortest digits
 * that round-trip, in positional notation when the decimal point falls within -4 < decpt <= 16,
 * in exponent notation (at least two exponent digits) otherwise; integral values keep a '.0'.
 */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  // JavaScript's toExponential() without an argument gives the same shortest round-trip digits.
  const [mantissa, exp] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const decpt = Number(exp) + 1;
  if (decpt <= -4 || decpt > 16) {
    const e = decpt - 1;
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    return `${sign}${digits[0]}${frac}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

/**
 * _Py_HashDouble: the hash of the rational number the double is, modulo 2**61 - 1, so that
 * `hash(2.0) == hash(2)`. A finite |x| is exactly m * 2**k with m an integer; since 2**61 is 1
 * modulo the prime, 2**k reduces to 2**(k mod 61). NaN hashes by identity (`id`) as in 3.10+.
 */
export function floatHash(x: number, id: number): bigint {
  if (Number.isNaN(x)) return BigInt(id) << 4n;
  if (!Number.isFinite(x)) return x > 0 ? HASH_INF : -HASH_INF;
  const { mantissa, exponent } = floatExactParts(Math.abs(x));
  const e = ((exponent % HASH_BITS) + HASH_BITS) % HASH_BITS;
  let h = ((mantissa % HASH_MODULUS) << e) % HASH_MODULUS;
  if (x < 0) h = -h;
  return h === -1n ? -2n : h;
}

/** |x| as mantissa * 2**exponent with an integer mantissa (exact for every finite double). */
export function floatExactParts(x: number): { mantissa: bigint; exponent: bigint } {
  if (x === 0) return { mantissa: 0n, exponent: 0n };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  // subnormals have no implicit leading 1 and the smallest exponent
  return biased === 0
    ? { mantissa: fraction, exponent: -1074n }
    : { mantissa: fraction | (1n << 52n), exponent: BigInt(biased - 1075) };
}

/**
 * The dict/set key of a float (see hashKey): an integral float keys like the equal int, so
 * `{1: 'a'}[1.0]` finds the entry; NaN is equal to nothing, not even itself, so it keys by identity.
 */
export function floatKey(op: PyObject): string {
  const x = floatValue(op);
  if (Number.isNaN(x)) return `o${op.id}`;
  if (Number.isInteger(x)) return `i${BigInt(x)}`;
  return `f${floatRepr(x)}`;
}
