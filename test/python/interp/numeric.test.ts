// Floats and int true division against python3 on random values: repr (core/objects/floatobject.ts),
// hash, int / int rounding, integer powers and round(x, n) (python/interp/numeric*.ts). Each
// comparison is also run on a plausible wrong implementation, which it must catch.
import { spawnSync } from 'child_process';
import fc from 'fast-check';
import { floatHash, floatRepr } from '../../../core/objects/floatobject';
import { floatPow, intTrueDivide } from '../../../python/interp/numeric';
import { runProgram } from '../../../python/interp/run';
import { cpython311, describeWithCPython } from '../../support/cpython311';

/** The 64 bits of a double, as Python reads them back with struct. */
function bits(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString();
}

/** Runs `body` in python3 with `xs` (a JSON list) bound, returning its printed lines. */
function python(body: string, xs: unknown[]): string[] {
  const script = `import json, struct, sys\nd = lambda b: struct.unpack('>d', int(b).to_bytes(8, 'big'))[0]\nxs = json.load(sys.stdin)\n${body}`;
  const r = spawnSync(cpython311!.executable, ['-c', script], { input: JSON.stringify(xs), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trimEnd().split('\n');
}

const SEED = 13;
/** Doubles of every magnitude, plus the thresholds of repr's notation and the special values. */
const doubles = fc
  .sample(fc.double({ noNaN: true }), { numRuns: 1500, seed: SEED })
  .concat([1e16, 1e15, 9999999999999998, 1e-4, 1e-5, 0.1, 5e-324, -0.0, Infinity, -Infinity, 2 ** 63, 1.5, 100]);
const bigPairs = fc.sample(
  fc.tuple(fc.bigInt({ min: -(2n ** 1200n), max: 2n ** 1200n }), fc.bigInt({ min: 1n, max: 2n ** 1100n })),
  { numRuns: 600, seed: SEED },
);
const mixedPairs = fc.sample(
  fc.tuple(fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }), fc.bigInt({ min: 1n, max: 2n ** 70n })),
  { numRuns: 400, seed: SEED },
);

describeWithCPython('floats against python3', () => {
  test('repr: shortest round trip and the notation thresholds, for 1,500 random doubles', () => {
    const expected = python('for b in xs: print(repr(d(b)))', doubles.map(bits));
    expect(doubles.map(floatRepr)).toEqual(expected);
    // JavaScript's own String() switches notation elsewhere (1e21, 1e-7): the check catches it
    expect(doubles.map((x) => String(x))).not.toEqual(expected);
  });

  test('hash equals CPython hash (so dict and set order with float keys is right)', () => {
    const finite = doubles.filter(Number.isFinite);
    const expected = python('for b in xs: print(hash(d(b)))', finite.map(bits));
    expect(finite.map((x) => String(floatHash(x, 0)))).toEqual(expected);
    // hashing the truncated value (a plausible mistake) disagrees
    expect(finite.map((x) => String(BigInt(Math.trunc(x)) % ((1n << 61n) - 1n)))).not.toEqual(expected);
  });

  test('int / int is correctly rounded for ints far beyond 2**53 (and overflows as CPython)', () => {
    const pairs = [...bigPairs, ...mixedPairs];
    const expected = python(
      'for a, b in xs:\n    try: print(repr(int(a) / int(b)))\n    except OverflowError as e: print(e)',
      pairs.map(([a, b]) => [a.toString(), b.toString()]),
    );
    const ours = pairs.map(([a, b]) => {
      try {
        return floatRepr(intTrueDivide(a, b));
      } catch (e) {
        return (e as Error).message;
      }
    });
    expect(ours).toEqual(expected);
    // dividing the doubles (rounding twice) disagrees on some of these pairs
    const naive = mixedPairs.map(([a, b]) => floatRepr(Number(a) / Number(b)));
    expect(naive).not.toEqual(expected.slice(bigPairs.length));
  });

  test('integer powers of doubles are rounded as glibc rounds them', () => {
    const cases = doubles
      .filter((x) => Number.isFinite(x) && x !== 0 && Math.abs(x) < 1e30 && Math.abs(x) > 1e-30)
      .flatMap((x, i) => [[x, (i % 9) - 4] as const]);
    const expected = python(
      'for b, k in xs:\n    try: print(repr(d(b) ** k))\n    except (OverflowError, ZeroDivisionError) as e: print(e)',
      cases.map(([x, k]) => [bits(x), k]),
    );
    const ours = cases.map(([x, k]) => {
      try {
        return floatRepr(floatPow(x, k));
      } catch (e) {
        return (e as Error).message;
      }
    });
    expect(ours).toEqual(expected);
    expect(floatRepr(10 ** -4)).not.toBe(floatRepr(floatPow(10, -4))); // V8's ** is an ulp off here
  });

  test('round(x, n) rounds the exact binary value half to even', () => {
    const xs = doubles.filter((x) => Number.isFinite(x) && Math.abs(x) < 1e20).slice(0, 300);
    const tricky = [0.125, 0.375, 2.675, 1.005, -0.5, 2.5, 1234.5, 0.045];
    const all = [...xs, ...tricky];
    const program = `xs = [${all.map((x) => floatRepr(x)).join(', ')}]\nfor x in xs:\n    print(round(x, 2), round(x, 0), round(x, -1), round(x, 5), round(x))\n`;
    const real = spawnSync(cpython311!.executable, ['-c', program], { encoding: 'utf8' });
    expect(runProgram(program, 'round.py').stdout).toBe(real.stdout);
    // JavaScript's toFixed (ties away from zero on the exact value) disagrees on the ties
    expect(tricky.map((x) => Number(x.toFixed(2)))).not.toEqual(
      python('for b in xs: print(round(d(b), 2))', tricky.map(bits)).map(Number),
    );
  });
});
