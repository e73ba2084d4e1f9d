import { formatSyntaxError, parse, PySyntaxError, UnsupportedConstruct } from '../../../python/lang';
import { RENDERED_ERRORS, SYNTAX_ERROR_CASES, UNSUPPORTED_CASES } from './cases';

function syntaxError(source: string): PySyntaxError {
  try {
    parse(source, 'f.py');
  } catch (e) {
    if (e instanceof PySyntaxError) return e;
    throw e;
  }
  throw new Error('no error raised');
}

function unsupported(source: string): UnsupportedConstruct {
  try {
    parse(source, 'f.py');
  } catch (e) {
    if (e instanceof UnsupportedConstruct) return e;
    throw e;
  }
  throw new Error('no error raised');
}

describe('syntax errors: CPython 3.11 kind, message, line and column', () => {
  test.each(SYNTAX_ERROR_CASES)('$name', ({ source, kind, msg, lineno, offset }) => {
    const err = syntaxError(source);
    expect({ kind: err.kind, msg: err.msg, lineno: err.lineno, offset: err.offset }).toEqual({
      kind,
      msg,
      lineno,
      offset,
    });
    expect(err.filename).toBe('f.py');
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('PySyntaxError');
  });
});

describe('formatSyntaxError renders what python3 prints', () => {
  test.each(RENDERED_ERRORS)('$source', ({ source, stderr }) => {
    expect(formatSyntaxError(syntaxError(source), 'f.py')).toBe(stderr);
  });

  test('uses the filename it is given', () => {
    expect(formatSyntaxError(syntaxError('x = = 1\n'), 'prog.py')).toMatch(/^ {2}File "prog.py", line 1\n/);
  });
});

describe('unsupported constructs', () => {
  test.each(UNSUPPORTED_CASES)('$construct: $source', ({ source, construct, lineno }) => {
    const err = unsupported(source);
    expect(err.construct).toBe(construct);
    expect(err.lineno).toBe(lineno);
    expect(err.message).toBe(
      `line ${lineno}: ${construct} are not supported by pymemlab (supported: see docs/language.md)`,
    );
    expect(err.name).toBe('UnsupportedConstruct');
  });

  test('a syntax error anywhere wins over an unsupported construct before it', () => {
    expect(syntaxError('f = lambda: 0\nx = 1\nif x\n    pass\n').msg).toBe("expected ':'");
  });

  test('compile-stage errors also win', () => {
    expect(syntaxError('try:\n    pass\nexcept:\n    break\n').msg).toBe("'break' outside loop");
  });
});
