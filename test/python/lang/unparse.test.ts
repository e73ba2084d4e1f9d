import { parse, pyStrRepr, unparse } from '../../../python/lang';
import type { Expr, Module } from '../../../python/lang';
import { ROUNDTRIP_SNIPPETS, TEACHING_PROGRAMS } from './cases';

const POSITION_KEYS = new Set(['lineno', 'col', 'endLineno', 'endCol']);

/** The tree without positions, for comparing parses of differently formatted sources. */
function shape(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shape);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k]) => !POSITION_KEYS.has(k))
      .map(([k, v]) => [k, shape(v)]),
  );
}

const pos = { lineno: 1, col: 0, endLineno: 1, endCol: 0 };
const name = (id: string): Expr => ({ kind: 'Name', id, ctx: 'Load', ...pos });
const int = (value: bigint): Expr => ({ kind: 'Constant', value: { type: 'int', value }, ...pos });

describe('unparse', () => {
  test.each([...Object.entries(TEACHING_PROGRAMS), ...ROUNDTRIP_SNIPPETS.map((s) => [s, s])])(
    'round trip: %s',
    (_, source) => {
      const tree = parse(source, 'f.py');
      const printed = unparse(tree);
      expect(shape(parse(printed, 'f.py'))).toEqual(shape(tree));
      expect(unparse(parse(printed, 'f.py'))).toBe(printed);
    },
  );

  test('normalised formatting: 4-space indents, elif chains, minimal parentheses', () => {
    const src = 'if a :\n  x=( 1+2 )*3\nelse :\n  if b :\n     y=[ (1,) ,( ) ]\n';
    expect(unparse(parse(src, 'f.py'))).toBe('if a:\n    x = (1 + 2) * 3\nelif b:\n    y = [(1,), ()]\n');
  });

  test('expressions and statements on their own', () => {
    const tree = parse('x = a or b and c\n', 'f.py');
    expect(unparse(tree.body[0])).toBe('x = a or b and c\n');
    expect(unparse(name('x'))).toBe('x');
  });

  test('trees a generator builds: nesting that needs parentheses, negative ints, empty bodies', () => {
    const module: Module = {
      kind: 'Module',
      body: [
        {
          kind: 'Expr',
          value: {
            kind: 'BinOp',
            op: 'Mult',
            ...pos,
            left: { kind: 'BinOp', op: 'Add', left: name('a'), right: name('b'), ...pos },
            right: { kind: 'Attribute', value: int(-5n), attr: 'real', ctx: 'Load', ...pos },
          },
          ...pos,
        },
        {
          kind: 'While',
          test: {
            kind: 'BoolOp',
            op: 'Or',
            values: [{ kind: 'BoolOp', op: 'Or', values: [name('a'), name('b')], ...pos }, name('c')],
            ...pos,
          },
          body: [],
          ...pos,
        },
      ],
    };
    expect(unparse(module)).toBe('(a + b) * (-5).real\nwhile (a or b) or c:\n    pass\n');
  });
});

describe('pyStrRepr', () => {
  // expectations are Python's repr() of each string
  test.each([
    ['', "''"],
    ['abc', "'abc'"],
    ["it's", '"it\'s"'],
    ['a"b\'c', "'a\"b\\'c'"],
    ['\u0000\u007f\n\t\r\\', "'\\x00\\x7f\\n\\t\\r\\\\'"],
    ['\u00e9\u200b\ud83d\ude00\u00a0\u3000', "'\u00e9\\u200b\ud83d\ude00\\xa0\\u3000'"],
    ['"', "'\"'"],
  ])('%j', (value, repr) => {
    expect(pyStrRepr(value)).toBe(repr);
  });
});
