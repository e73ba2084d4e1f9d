import { parse } from '../../../python/lang';
import type { Assign, Call, Constant, ExprStmt } from '../../../python/lang';
import { show } from './show';

const sexpr = (src: string): string => show(parse(src, 'f.py'));

describe('parse: statements', () => {
  test.each([
    ['import gc', '(import gc)'],
    ['import gc, sys, weakref', '(import gc sys weakref)'],
    ['import gc as g, sys', '(import gc:g sys)'],
    ['from weakref import ref, getweakrefs as gw', '(from weakref ref getweakrefs:gw)'],
    ['from gc import (collect,\n    get_count as c,)', '(from gc collect get_count:c)'],
    ['x = 1', '(= x:S 1)'],
    ['a = b = []', '(= a:S b:S (list ))'],
    ['a, b = b, a', '(= (tuple:S a:S b:S) (tuple b a))'],
    ['[a, b] = x', '(= (list:S a:S b:S) x)'],
    ['o.attr = d[k] = 0', '(= (. o attr):S ([] d k):S 0)'],
    [
      'x += 1\ny -= 2\nz *= 3\nw //= 4\nv %= 5',
      '(Add= x:S 1)\n(Sub= y:S 2)\n(Mult= z:S 3)\n(FloorDiv= w:S 4)\n(Mod= v:S 5)',
    ],
    ['o.n += 1', '(Add= (. o n):S 1)'],
    ['del x', '(del x:D)'],
    ['del a, b.c, d[0]', '(del a:D (. b c):D ([] d 0):D)'],
    ['pass', 'pass'],
    ['x = 1; y = 2;', '(= x:S 1)\n(= y:S 2)'],
    ['if a:\n    pass\nelif b:\n    x = 1\nelse:\n    y = 2', '(if a [pass] [(if b [(= x:S 1)] [(= y:S 2)])])'],
    ['while x:\n    break\n    continue', '(while x [break continue])'],
    ['for i in range(3):\n    print(i)', '(for i:S (call range 3) [(call print i)])'],
    ['for k, v in d.items():\n    pass', '(for (tuple:S k:S v:S) (call (. d items)) [pass])'],
    ['def f():\n    return', '(def f () [(return)])'],
    ['def f(a, b=1, c=None):\n    return a, b', '(def f (a b=1 c=None) [(return (tuple a b))])'],
    ['def f():\n    global g, h\n    g = 1', '(def f () [(global g h) (= g:S 1)])'],
    ['class A:\n    pass', '(class A [] [pass])'],
    ['class A():\n    pass', '(class A [] [pass])'],
    [
      'class B(A):\n    """doc"""\n    __slots__ = ()\n    def m(self):\n        pass',
      '(class B [A] ["doc" (= __slots__:S (tuple )) (def m (self) [pass])])',
    ],
    ['"""module docstring"""\nx = 1', '"module docstring"\n(= x:S 1)'],
    ['if x: y = 1; z = 2', '(if x [(= y:S 1) (= z:S 2)] [])'],
    ['', ''],
    ['# just a comment\n\n   \n', ''],
  ])('%j', (src, expected) => {
    expect(sexpr(src)).toBe(expected);
  });
});

describe('parse: expressions, precedence and associativity', () => {
  test.each([
    ['1 + 2 * 3', '(Add 1 (Mult 2 3))'],
    ['(1 + 2) * 3', '(Mult (Add 1 2) 3)'],
    ['a - b - c', '(Sub (Sub a b) c)'],
    ['a - (b - c)', '(Sub a (Sub b c))'],
    ['a // b % c * d', '(Mult (Mod (FloorDiv a b) c) d)'],
    ['-a * b', '(Mult (USub a) b)'],
    ['- -a', '(USub (USub a))'],
    ['+a - -b', '(Sub (UAdd a) (USub b))'],
    ['-(a + b)', '(USub (Add a b))'],
    ['not a == b', '(Not (cmp a Eq b))'],
    ['not not a', '(Not (Not a))'],
    ['a or b and c', '(Or a (And b c))'],
    ['a and b or c and d', '(Or (And a b) (And c d))'],
    ['a or b or c', '(Or a b c)'],
    ['(a or b) or c', '(Or (Or a b) c)'],
    ['a and not b', '(And a (Not b))'],
    ['a < b < c', '(cmp a Lt b Lt c)'],
    ['a == b != c <= d >= e > f', '(cmp a Eq b NotEq c LtE d GtE e Gt f)'],
    ['a is b is not c', '(cmp a Is b IsNot c)'],
    ['a in b not in c', '(cmp a In b NotIn c)'],
    ['a + 1 < b * 2', '(cmp (Add a 1) Lt (Mult b 2))'],
    ['a if c else b', '(ifexp c a b)'],
    ['a if c else b if d else e', '(ifexp c a (ifexp d b e))'],
    ['(a if c else b) if d else e', '(ifexp d (ifexp c a b) e)'],
    ['x or y if c else z', '(ifexp c (Or x y) z)'],
    ['f(a)(b).c[d]', '([] (. (call (call f a) b) c) d)'],
    ['obj.a.b', '(. (. obj a) b)'],
    ['d[a, b]', '([] d (tuple a b))'],
    ["print(a, end='')", '(call print a end="")'],
    ["f(a, b=1, c='x')", '(call f a b=1 c="x")'],
    ['f()', '(call f)'],
    ['()', '(tuple )'],
    ['(x,)', '(tuple x)'],
    ['(x)', 'x'],
    ['a, b', '(tuple a b)'],
    ['a,', '(tuple a)'],
    ['[]', '(list )'],
    ['[1, 2,]', '(list 1 2)'],
    ['{}', '(dict )'],
    ["{'a': 1, 2: b}", '(dict "a":1 2:b)'],
    ['{1, 2}', '(set 1 2)'],
    ['True, False, None', '(tuple True False None)'],
  ])('%j', (src, expected) => {
    expect(sexpr(src)).toBe(expected);
  });
});

describe('parse: literals', () => {
  const constant = (src: string): Constant['value'] => {
    const stmt = parse(src, 'f.py').body[0] as ExprStmt;
    return (stmt.value as Constant).value;
  };

  test.each([
    ['0', 0n],
    ['1_000_000', 1000000n],
    ['0xff', 255n],
    ['0o17', 15n],
    ['0b101', 5n],
    ['000', 0n],
    ['123456789012345678901234567890', 123456789012345678901234567890n],
  ])('int %s', (src, value) => {
    expect(constant(src)).toEqual({ type: 'int', value });
  });

  test.each([
    ["'abc'", 'abc'],
    ['"a\\"b"', 'a"b'],
    ["'a\\'b'", "a'b"],
    ["'\\n\\t\\\\'", '\n\t\\'],
    ["'\\x41\\u00e9\\U0001F600'", 'A\u00e9\u{1F600}'],
    ["'\\101'", 'A'],
    ["'\\d'", '\\d'],
    ["r'\\n'", '\\n'],
    ["'''a\nb'''", 'a\nb'],
    ['"""x"""', 'x'],
    ["'a' 'b' \"c\"", 'abc'],
    ["u'x'", 'x'],
    ["'line\\\ncontinued'", 'linecontinued'],
    ["''", ''],
  ])('str %s', (src, value) => {
    expect(constant(src)).toEqual({ type: 'str', value });
  });
});

describe('parse: positions (CPython lineno and col_offset, UTF-8 byte columns)', () => {
  test('assignment and its parts', () => {
    const assign = parse('\nx = f(1,\n      2)\n', 'f.py').body[0] as Assign;
    expect(assign).toMatchObject({ lineno: 2, col: 0, endLineno: 3, endCol: 8 });
    expect(assign.value).toMatchObject({ kind: 'Call', lineno: 2, col: 4, endLineno: 3, endCol: 8 });
    expect((assign.value as Call).args[1]).toMatchObject({ lineno: 3, col: 6, endCol: 7 });
  });

  test('columns after non-ASCII text count UTF-8 bytes', () => {
    const call = (parse("print('é', x)", 'f.py').body[0] as ExprStmt).value as Call;
    expect(call.args[1]).toMatchObject({ col: 12, endCol: 13 });
  });
});

describe('parse: source forms', () => {
  test('CRLF line endings, a BOM and no final newline', () => {
    expect(sexpr('\ufeffif x:\r\n    y = 1\r\nz = 2')).toBe('(if x [(= y:S 1)] [])\n(= z:S 2)');
  });

  test('tabs in indentation', () => {
    expect(sexpr('if x:\n\ty = 1\n\tif y:\n\t\tz = 2\n')).toBe('(if x [(= y:S 1) (if y [(= z:S 2)] [])] [])');
  });

  test('brackets and backslashes join lines', () => {
    expect(sexpr('x = [1,\n  2]\ny = 1 + \\\n    2\n')).toBe('(= x:S (list 1 2))\n(= y:S (Add 1 2))');
  });

  test('soft keywords are ordinary names', () => {
    expect(sexpr('match = 1\ncase = _ = 2')).toBe('(= match:S 1)\n(= case:S _:S 2)');
  });
});
