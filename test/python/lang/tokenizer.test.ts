import { tokenize } from '../../../python/lang/tokenizer';

const kinds = (src: string): string[] =>
  tokenize(src).tokens.map((t) =>
    t.type === 'NAME' || t.type === 'OP' || t.type === 'NUMBER' || t.type === 'STRING' ? t.string : t.type,
  );

describe('tokenizer', () => {
  test('indentation becomes INDENT/DEDENT; blank and comment lines are skipped', () => {
    expect(kinds('if x:\n    y\n\n    # c\n  \nz\n')).toEqual([
      'if',
      'x',
      ':',
      'NEWLINE',
      'INDENT',
      'y',
      'NEWLINE',
      'DEDENT',
      'z',
      'NEWLINE',
      'ENDMARKER',
    ]);
  });

  test('newlines inside brackets are not tokens', () => {
    expect(kinds('f(1,\n  2)\n')).toEqual(['f', '(', '1', ',', '2', ')', 'NEWLINE', 'ENDMARKER']);
  });

  test('longest operators win', () => {
    expect(kinds('a //= b ** c != d ... e -> f := g\n')).toEqual([
      'a',
      '//=',
      'b',
      '**',
      'c',
      '!=',
      'd',
      '...',
      'e',
      '->',
      'f',
      ':=',
      'g',
      'NEWLINE',
      'ENDMARKER',
    ]);
  });

  test('string prefixes and triple quotes make one token', () => {
    expect(kinds("rb'x' f\"y\" '''a\nb''' u'z'\n")).toEqual([
      "rb'x'",
      'f"y"',
      "'''a\nb'''",
      "u'z'",
      'NEWLINE',
      'ENDMARKER',
    ]);
  });

  test('an empty file is just the end marker', () => {
    expect(kinds('')).toEqual(['ENDMARKER']);
  });

  test('positions are CPython token positions', () => {
    const [x, eq, s] = tokenize("x = '''a\nbc'''\n").tokens;
    expect(x).toMatchObject({ lineno: 1, col: 0, endLineno: 1, endCol: 1 });
    expect(eq).toMatchObject({ lineno: 1, col: 2, endCol: 3 });
    expect(s).toMatchObject({ lineno: 1, col: 4, endLineno: 2, endCol: 5 });
  });

  test('a failure keeps the tokens before it and says how it overrides parser errors', () => {
    const { tokens, failure } = tokenize('x = 1\ny = "abc\n');
    expect(tokens.map((t) => t.string)).toEqual(['x', '=', '1', '', 'y', '=']);
    expect(failure).toMatchObject({
      overridesParserErrors: true,
      error: { msg: 'unterminated string literal (detected at line 2)' },
    });
    expect(tokenize('f(\n').failure).toMatchObject({ overridesParserErrors: false, unclosedBracketLine: 1 });
  });
});
