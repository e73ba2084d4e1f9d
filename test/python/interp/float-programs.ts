/**
 * Programs on floats, true division, `**`, the bitwise operators and the numeric built-ins, compared
 * with python3 byte for byte by run.test.ts (PROGRAMS and FAILING spread these in). Each prints
 * values next to refcounts of run-time floats, sizes and `gc.get_count()` after a collection, so
 * that a float made GC-tracked, a reference kept or dropped, or a wrong repr shows.
 */
export const FLOAT_PROGRAMS: Record<string, string> = {
  'float repr: shortest round trip, exponent thresholds, signed zero, inf and nan': `import sys
for v in [1.5, 0.1, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 2.5e-7, 1e22, 1e100,
          -0.0, 0.0, 2.0, -2.0, 5e-324, 1.7976931348623157e308, 1e308 * 10, -1e308 * 10, 100.0, 1234.5678]:
    print(v, [v], (v,), str(v), {v: v})
inf = 1e308 * 10
nan = inf - inf
print(nan, -nan, nan == nan, nan != nan, nan < 1, inf > 10 ** 400, -inf < -(10 ** 400))
print(1.0, 10.0 ** 15, 10.0 ** 16, 10.0 ** -4, 10.0 ** -5, 3.0 * 1.1, 0.1 * 3, 1.1 + 2.2)
`,
  'float arithmetic with ints: + - * / // % ** and unary signs': `a = 7
b = 2.5
for x, y in [(a, b), (-a, b), (a, -b), (b, a), (-b, -a), (7.5, 2), (-7.5, 2), (7.5, -2), (1, 3), (0.0, 5), (-0.0, 5)]:
    print(x + y, x - y, x * y, x / y, x // y, x % y, -x, +x)
print(2 ** 10, 2 ** -1, 2 ** -2, (-2) ** 3, (-2) ** -1, 2.0 ** 0.5, 4 ** 0.5, 9.0 ** 2, 1.5 ** 3, 0 ** 0, 0.0 ** 0)
print(10 / 4, 10 // 4, -10 / 4, 1 / 7, 2 ** 100 / 2 ** 50, 10 ** 20 / 3, 10 ** 30 / 10 ** 10, (10 ** 40 + 1) / 10 ** 20)
print(1 / 10 ** 400, 10 ** 17 / 7, -(10 ** 25) / 3, 123456789 * 1000000007 / 97)
print(1 == 1.0, 1.0 == True, 2 < 2.5, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53, 0.0 == -0.0, 3 >= 3.0)
x = 10
x /= 4
print(x)
x **= 2
print(x)
x //= 1.5
print(x)
x %= 2.5
print(x)
`,
  'bitwise operators on ints and bools, augmented forms, gc.set_debug with |': `import gc
print(6 & 3, 6 | 3, 6 ^ 3, ~5, ~-1, 1 << 70, -5 >> 1, -1 >> 100, (1 << 64) - 1 & 0xFF, 0b1010 ^ 0o17)
print(True | False, True & True, True ^ True, False ^ True, True | 2, ~True, ~False, True << 3, -(2 ** 65) & 7)
z = 5
z |= 2
z <<= 3
z >>= 1
z ^= 1
z &= 0xFF
print(z)
flags = gc.DEBUG_STATS | gc.DEBUG_LEAK
print(flags, gc.DEBUG_LEAK & gc.DEBUG_SAVEALL, flags & ~gc.DEBUG_STATS)
gc.set_debug(gc.DEBUG_SAVEALL | gc.DEBUG_UNCOLLECTABLE)
print(gc.get_debug())
gc.set_debug(0)
`,
  'gc.set_debug(gc.DEBUG_STATS | gc.DEBUG_LEAK) runs; with DEBUG_SAVEALL alone (no stderr) garbage is kept': `import gc
gc.set_debug(gc.DEBUG_STATS | gc.DEBUG_LEAK)
print(gc.get_debug() == gc.DEBUG_LEAK | gc.DEBUG_STATS, gc.get_debug() & gc.DEBUG_SAVEALL != 0)
gc.set_debug(gc.get_debug() & gc.DEBUG_SAVEALL)
class A:
    pass
a = A()
a.me = a
del a
print(gc.collect(), len(gc.garbage))
gc.set_debug(0)
del gc.garbage[0]
print(gc.collect(), len(gc.garbage))
`,
  'floats are not tracked: refcounts, sizes and gc counts around floats in containers': `import gc, sys
gc.collect()
n = 3
x = n * 1.5
print(sys.getsizeof(x), gc.is_tracked(x), sys.getrefcount(x))
box = [x, x, (x, n / 2)]
print(sys.getrefcount(x), gc.is_tracked(box[2]), sys.getsizeof(box))
d = {x: 'a', 1.0: 'one', 2: 'two'}
print(d, d[4.5], d[1], d[2.0], sys.getrefcount(x))
s = {0.5, 1.5, 2.5, 3.0, 3, n / 2}
print(len(s), 3 in s, 1.5 in s)
del box
print(sys.getrefcount(x))
ys = []
for i in range(200):
    ys.append(i / 4)
print(sum(ys), min(ys), max(ys), gc.get_count())
del ys
gc.collect()
print(gc.get_count())
`,
  'float(), int(), round(), abs(), divmod(), min(), max(), sum()': `import sys
for v in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1e300, 0.1, 123.456, -0.0, 0.125, 1e-7]:
    print(v, round(v), round(v, 1), round(v, 2), round(v, -1), abs(v), int(v) if v < 1e20 else 0)
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), divmod(-7.5, 2), divmod(7, -2.0), divmod(0.0, -3))
print(min(3, 1.5, 2), max([1, 2.5, 2]), min([2.0, 2]), max(2, 2.0), sum([0.1] * 10), sum([1, 2, 3]))
print(sum([1, 2.5]), sum([1.5, 2], 10), sum([2 ** 70, 1.5]), sum([True, 2.5]), sum(range(5), 0.5))
print(float(), float(3), float('  1.25 '), float('inf'), float('-Infinity'), float('nan'), float('1_000.5'))
print(float('1e3'), float('-.5'), float('5.'), float(True), float(2 ** 60), int(2.9), int(-2.9), int(1e20))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(7), round(True), round(5, 2))
x = 4.0
print(float(x) is x, +x is x, abs(x) is x, sys.getrefcount(x))
`,
};

/** Programs ending in an uncaught numeric error: the last line of stderr and the exit status. */
export const FLOAT_FAILING: Record<string, { source: string; lastLine: string }> = {
  'float division by zero': {
    source: 'x = 1.5\nprint(x)\nx / 0\n',
    lastLine: 'ZeroDivisionError: float division by zero',
  },
  'int true division by zero': { source: 'n = 0\n1 / n\n', lastLine: 'ZeroDivisionError: division by zero' },
  'float floor division by zero': {
    source: 'n = 0\n2.5 // n\n',
    lastLine: 'ZeroDivisionError: float floor division by zero',
  },
  'float modulo by zero': { source: 'n = 0.0\n2 % n\n', lastLine: 'ZeroDivisionError: float modulo' },
  'zero to a negative power': {
    source: 'n = 0\nn ** -1\n',
    lastLine: 'ZeroDivisionError: 0.0 cannot be raised to a negative power',
  },
  'float power overflow': {
    source: 'x = 10.0\nx ** 400\n',
    lastLine: "OverflowError: (34, 'Numerical result out of range')",
  },
  'int too large for a float': {
    source: 'n = 10 ** 400\nn + 0.5\n',
    lastLine: 'OverflowError: int too large to convert to float',
  },
  'int true division overflow': {
    source: 'n = 10 ** 400\nn / 3\n',
    lastLine: 'OverflowError: integer division result too large for a float',
  },
  'negative shift count': { source: 'n = -1\n1 << n\n', lastLine: 'ValueError: negative shift count' },
  'bitwise or on a float': {
    source: 'x = 1.5\nx | 2\n',
    lastLine: "TypeError: unsupported operand type(s) for |: 'float' and 'int'",
  },
  'invert a float': { source: 'x = 1.5\n~x\n', lastLine: "TypeError: bad operand type for unary ~: 'float'" },
  'int of infinity': {
    source: 'x = 1e308 * 10\nint(x)\n',
    lastLine: 'OverflowError: cannot convert float infinity to integer',
  },
  'float of a word': {
    source: "float('abc')\n",
    lastLine: "ValueError: could not convert string to float: 'abc'",
  },
  'divmod by a float zero': { source: 'divmod(1, 0.0)\n', lastLine: 'ZeroDivisionError: float divmod()' },
  'max of nothing': { source: 'max([])\n', lastLine: 'ValueError: max() arg is an empty sequence' },
};
