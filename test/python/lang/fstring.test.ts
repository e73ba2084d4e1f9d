import { parse, PySyntaxError, unparse } from '../../../python/lang';
import type { ExprStmt, FormattedValue, JoinedStr } from '../../../python/lang';
import { show } from './show';

const sexpr = (src: string): string => show(parse(src, 'f.py'));

describe('f-strings: parsed as CPython 3.11 parses them', () => {
  test.each([
    ['f"a{x}b"', '(f "a" (fv x) "b")'],
    ['f"{x!r:>{w}}"', '(f (fv x !r :(f ">" (fv w))))'],
    ['f"{x:}"', '(f (fv x :(f )))'],
    ['f"{y=}"', '(f "y=" (fv y !r))'],
    ['f"{y = :>3}"', '(f "y = " (fv y :(f ">3")))'],
    ['f"{y=!s}"', '(f "y=" (fv y !s))'],
    ['f"{{x}} {x}"', '(f "{x} " (fv x))'],
    ["f'{d[\"k\"]}' 'tail' f'{z}'", '(f (fv ([] d "k")) "tail" (fv z))'],
    ['f"{a == b} {a != b} {a <= b}"', '(f (fv (cmp a Eq b)) " " (fv (cmp a NotEq b)) " " (fv (cmp a LtE b)))'],
    ['f"{ {1: 2}[1] }"', '(f (fv ([] (dict 1:2) 1)))'],
    ['f"\\t{x}\\n"', '(f "\\t" (fv x) "\\n")'],
    ['rf"\\t{x}"', '(f "\\\\t" (fv x))'],
    ['f"no fields"', '(f "no fields")'],
    ['f"{x, y}"', '(f (fv (tuple x y)))'],
  ])('%s', (src, expected) => {
    expect(sexpr(src)).toBe(expected);
  });

  test('a field expression stands where it is written, also in triple-quoted f-strings', () => {
    const at = (src: string) => {
      const body = parse(src, 'f.py').body;
      const joined = (body[body.length - 1] as ExprStmt).value as JoinedStr;
      const fv = joined.values.filter((v): v is FormattedValue => v.kind === 'FormattedValue');
      return fv.map((v) => [v.value.lineno, v.value.col]);
    };
    expect(at('x = 1; f"ab{x}"')).toEqual([[1, 12]]);
    expect(at('f"""\n  {x} {yy}"""')).toEqual([
      [2, 3],
      [2, 7],
    ]);
  });

  test.each([
    ['f"{}"', 'f-string: empty expression not allowed'],
    ['f"}"', "f-string: single '}' is not allowed"],
    ['f"{x!z}"', "f-string: invalid conversion character: expected 's', 'r', or 'a'"],
    ['f"{x"', "f-string: expecting '}'"],
    ['f"{x:{y:{z}}}"', 'f-string: expressions nested too deeply'],
    ['f\'{"\\\\n"}\'', 'f-string expression part cannot include a backslash'],
    ['f"{#}"', "f-string expression part cannot include '#'"],
    ['f"{a b}"', 'f-string: invalid syntax. Perhaps you forgot a comma?'],
  ])('%s is a syntax error: %s', (src, message) => {
    expect(() => parse(src, 'f.py')).toThrow(PySyntaxError);
    expect(() => parse(src, 'f.py')).toThrow(message);
  });

  test.each([
    'f"a{x!r:>{w}}b{y=}"',
    'f\'{d["k"]:{w}.{p}} {{lit}} {b + 1 = :>3}\'',
    'f"{ {1: 2}[1]} it\'s \\"q\\" \\\\ {x}"',
  ])('unparse reads back as the same tree: %s', (src) => {
    const once = unparse(parse(src, 'f.py'));
    expect(sexpr(once)).toBe(sexpr(src));
  });
});
