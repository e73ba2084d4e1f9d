/**
 * fast-check arbitraries for floats, true division, `**` and the bitwise operators in generated
 * programs (plugged into programs.ts as one more kind of statement group at module level).
 *
 * What keeps them reproducible on CPython 3.11:
 * - The float a group names (`fx`) is made at run time from `float(<int>)`, never a literal or a
 *   folded constant, so `sys.getrefcount(fx)` counts only the program's own references.
 * - A float `**` has a small dyadic base (`(n % 100) * 0.5`) and an exponent from 0 to 3, or a
 *   small int base and a negative exponent: results every libm's pow() rounds alike (an arbitrary
 *   base would expose last-place differences between pow() implementations); + - * / are IEEE
 *   operations, identical everywhere.
 * - Each group assigns `fx` before it reads it, so shrinking (which drops whole groups) keeps
 *   programs valid. Int operands are literals or `n` (which the setup nearly always defines), so
 *   that the groups add few NameErrors to the programs' endings.
 */
import fc from 'fast-check';
import type { BinOperator, Expr, Stmt } from '../python/lang';
import * as py from './pyast';

/** Float literals with varied reprs (shortest digits, exponents, signed zero). */
const floatLiteral: fc.Arbitrary<Expr> = fc
  .constantFrom(0.5, 1.5, 2.25, 0.1, 0.2, 3.0, 1e-5, 2.5e16, 1e22, 123.456, 0.0, -0.0, -2.5)
  .map((v) => (v < 0 || Object.is(v, -0) ? py.neg(py.float(-v)) : py.float(v)));

/** Non-zero divisors, ints and floats. */
const divisor: fc.Arbitrary<Expr> = fc.constantFrom<number | bigint>(2n, 3n, 7n, -4n, 0.5, 0.25, 3.0, -1.5).map((v) => {
  const lit = typeof v === 'bigint' ? py.int(v < 0n ? -v : v) : py.float(Math.abs(v));
  return v < 0 ? py.neg(lit) : lit;
});

const smallExponent = fc.integer({ min: 0, max: 3 }).map((k) => py.int(k));
const shift = fc.integer({ min: 0, max: 70 }).map((k) => py.int(k));
const FX = py.name('fx');
const FK = py.name('fk');

/** An expression whose value is a float computed from `fx`, an int or literals. */
function floatExpr(ints: fc.Arbitrary<Expr>): fc.Arbitrary<Expr> {
  const operand = fc.oneof(fc.constant(FX), floatLiteral, ints);
  return fc.oneof(
    fc
      .tuple(fc.constant(FX), fc.constantFrom<BinOperator>('Add', 'Sub', 'Mult'), operand)
      .map(([l, op, r]) => py.bin(l, op, r)),
    fc
      .tuple(operand, fc.constantFrom<BinOperator>('Div', 'FloorDiv', 'Mod'), divisor)
      .map(([l, op, r]) => py.bin(l, op, r)),
    fc
      .tuple(ints, smallExponent)
      .map(([b, k]) => py.bin(py.bin(py.bin(b, 'Mod', py.int(100)), 'Mult', py.float(0.5)), 'Pow', k)),
    fc
      .tuple(fc.constantFrom(2, 4, 5, 8, 10), fc.integer({ min: 1, max: 3 }))
      .map(([b, k]) => py.bin(py.int(b), 'Pow', py.neg(py.int(k)))),
    fc.constant(py.neg(FX)),
    fc.constant(py.call('abs', [FX])),
    fc
      .tuple(fc.constant(FX), fc.integer({ min: -1, max: 3 }))
      .map(([x, d]) => py.call('round', [x, d < 0 ? py.neg(py.int(-d)) : py.int(d)])),
    fc.constant(py.call('float', [FX])),
  );
}

/** An expression whose value is an int or bool from the operators floats bring along. */
function numericInt(ints: fc.Arbitrary<Expr>): fc.Arbitrary<Expr> {
  return fc.oneof(
    fc
      .tuple(ints, fc.constantFrom<BinOperator>('BitOr', 'BitXor', 'BitAnd'), ints)
      .map(([l, op, r]) => py.bin(l, op, r)),
    fc.tuple(ints, fc.constantFrom<BinOperator>('LShift', 'RShift'), shift).map(([l, op, r]) => py.bin(l, op, r)),
    ints.map(py.invert),
    fc.tuple(ints, smallExponent).map(([b, k]) => py.bin(b, 'Pow', k)),
    fc.constant(py.call('round', [FX])),
    fc.constant(py.call('int', [FX])),
    fc.tuple(fc.constantFrom<'Lt' | 'Eq' | 'GtE'>('Lt', 'Eq', 'GtE'), ints).map(([op, x]) => py.cmp(FX, op, x)),
    fc.constant(py.bin(py.bool(true), 'BitAnd', py.cmp(FX, 'Gt', py.int(0)))),
  );
}

/**
 * One group: `fx = float(<int>) <op> <literal>`, then prints of float and int results, the
 * refcount, size and tracking of `fx` (also held in a list), and an augmented assignment.
 */
export function floatGroup(n: Expr): fc.Arbitrary<Stmt[]> {
  const ints = fc.oneof(
    fc.constant(n),
    fc.integer({ min: -300, max: 300 }).map((v) => (v < 0 ? py.neg(py.int(-v)) : py.int(v))),
    fc.constantFrom(2 ** 40, 10 ** 20).map((v) => py.int(v)),
  );
  const start = fc
    .tuple(ints, fc.constantFrom<BinOperator>('Add', 'Mult', 'Div'), divisor, floatLiteral)
    .map(([n, op, d, lit]) => py.assign(FX, py.bin(py.call('float', [n]), op, op === 'Div' ? d : lit)));
  const prints = fc
    .array(fc.oneof(floatExpr(ints), numericInt(ints)), { minLength: 1, maxLength: 3 })
    .map((args) => py.print(...args));
  const held = fc
    .boolean()
    .map((keep) =>
      keep
        ? [
            py.assign(py.name('fl'), py.list([FX, FX, py.tuple([FX])])),
            py.print(py.call('sys.getrefcount', [FX]), py.call('gc.is_tracked', [FX]), py.call('sys.getsizeof', [FX])),
            py.del(py.name('fl')),
          ]
        : [py.print(py.call('sys.getrefcount', [FX]), py.call('sys.getsizeof', [FX]))],
    );
  const augmented = fc
    .tuple(fc.constantFrom<BinOperator>('Div', 'Pow', 'BitOr', 'LShift', 'BitXor'), divisor)
    .map(([op, d]) =>
      op === 'Div'
        ? [py.aug(FX, 'Div', d), py.print(FX)]
        : [py.assign(FK, py.call('int', [FX])), py.aug(FK, op, py.int(op === 'Pow' ? 2 : 3)), py.print(FK)],
    );
  return fc
    .tuple(start, prints, held, fc.option(augmented, { freq: 2 }))
    .map(([s, p, h, a]) => [s, p, ...h, ...(a ?? [])]);
}
