// Python 3.11 tokenizer, modelled on CPython's Parser/tokenizer.c as it behaves when running a
// file: same tokens, same positions (columns in UTF-8 bytes), same errors at the same places.
// It tokenizes the whole file eagerly and records where (and how) tokenizing failed; the parser
// decides when that failure becomes the reported error, as CPython's parser does.

import type { SyntaxErrorInfo } from './errors';
import { isPrintable } from './strings';

export type TokenType = 'NAME' | 'NUMBER' | 'STRING' | 'OP' | 'NEWLINE' | 'INDENT' | 'DEDENT' | 'ENDMARKER';

export interface Token {
  type: TokenType;
  string: string;
  lineno: number;
  /** 0-based byte column; -1 for INDENT, DEDENT and ENDMARKER (CPython gives them none). */
  col: number;
  endLineno: number;
  endCol: number;
  /** Bracket depth once this token is read (CPython's token->level). */
  level: number;
  /** Where CPython's tokenizer stands after this token (byte column in its current line;
   *  0 once it has hit the end of the file), used to place errors at column-less tokens. */
  curCol: number;
}

/** How tokenizing stopped early, and what that means to the parser. */
export interface TokenizerFailure {
  /** The error to raise when the parser asks for the token at this point. */
  error: SyntaxErrorInfo;
  /** True for errors CPython's tokenizer raises as exceptions: they replace any parser error. */
  overridesParserErrors: boolean;
  /** Set when the file ended inside brackets opened on this line. */
  unclosedBracketLine?: number;
}

export interface Tokenized {
  tokens: Token[];
  failure: TokenizerFailure | null;
  source: SourceText;
}

/** The normalised source (no BOM, '\n' line ends) with line look-up for error messages. */
export class SourceText {
  readonly text: string;
  readonly lines: string[];
  private readonly endsWithNewline: boolean;
  private readonly hasBom: boolean;

  constructor(raw: string) {
    this.hasBom = raw.startsWith('\uFEFF');
    const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    this.endsWithNewline = text.endsWith('\n');
    this.lines = text.split('\n');
    if (this.endsWithNewline) this.lines.pop();
    // CPython's file reader fakes a final newline; the tokenizer relies on it.
    this.text = text.length > 0 && !this.endsWithNewline ? `${text}\n` : text;
  }

  /** The line as CPython's SyntaxError.text gives it for parser errors (read back from the file). */
  lineText(lineno: number): string | null {
    if (lineno < 1 || lineno > this.lines.length) return null;
    const last = lineno === this.lines.length && !this.endsWithNewline;
    const bom = lineno === 1 && this.hasBom ? '\uFEFF' : '';
    return bom + (last ? this.lines[lineno - 1] : `${this.lines[lineno - 1]}\n`);
  }

  /**
   * A parser error's 1-based column as CPython reports it. CPython converts byte columns to
   * characters only when it knows the file's encoding, which for UTF-8 means a BOM; it converts
   * against the line as read back from the file, BOM included, with the BOM-less column.
   */
  errorColumn(lineno: number, byteOffset: number): number {
    const line = this.lineText(lineno);
    if (!this.hasBom || line === null || byteOffset <= 0) return byteOffset;
    const bytes = Buffer.from(line, 'utf8');
    const n = Math.min(byteOffset, bytes.length + 1);
    const prefix = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, n));
    return Array.from(prefix).length + (n > bytes.length ? 1 : 0);
  }
}

const MAX_INDENT = 100;
const MAX_LEVEL = 200;
const TABSIZE = 8;
const ALT_TABSIZE = 1;
const EOF = '';

const THREE_CHAR_OPS = new Set(['**=', '...', '//=', '<<=', '>>=']);
const TWO_CHAR_OPS = new Set([
  '!=',
  '%=',
  '&=',
  '**',
  '*=',
  '+=',
  '-=',
  '->',
  '//',
  '/=',
  ':=',
  '<<',
  '<=',
  '<>',
  '==',
  '>=',
  '>>',
  '@=',
  '^=',
  '|=',
]);

class TokenizeFailed extends Error {
  constructor(readonly failure: TokenizerFailure) {
    super(failure.error.msg);
  }
}

export function tokenize(raw: string): Tokenized {
  const source = new SourceText(raw);
  const tokenizer = new Tokenizer(source);
  try {
    tokenizer.run();
    return { tokens: tokenizer.tokens, failure: null, source };
  } catch (e) {
    if (e instanceof TokenizeFailed) return { tokens: tokenizer.tokens, failure: e.failure, source };
    throw e;
  }
}

function isIdentifierStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c.charCodeAt(0) >= 128;
}

function isIdentifierChar(c: string): boolean {
  return isIdentifierStart(c) || (c >= '0' && c <= '9');
}

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isHexDigit = (c: string): boolean => /^[0-9a-fA-F]$/.test(c);

function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function byteLength(s: string): number {
  return /^[\x00-\x7f]*$/.test(s) ? s.length : Buffer.byteLength(s, 'utf8');
}

class Tokenizer {
  readonly tokens: Token[] = [];
  private readonly text: string;
  private pos = 0;
  /** Line most recently read, and where it starts/ends (end is past its '\n'). */
  private lineno = 0;
  private lineStart = 0;
  private lineEnd = 0;
  /** True once a read hit the end of the file outside a token (CPython then resets its buffer). */
  private eofReset = false;
  private tokStart: number | null = null;
  private atbol = true;
  private readonly indstack = [0];
  private readonly altindstack = [0];
  private pendin = 0;
  private readonly parens: { ch: string; lineno: number; col: number }[] = [];

  constructor(private readonly source: SourceText) {
    this.text = source.text;
  }

  run(): void {
    for (;;) {
      const tok = this.next();
      this.tokens.push(tok);
      if (tok.type === 'ENDMARKER') return;
    }
  }

  // ---- character reading (tok_nextc / tok_backup) ----

  private nextc(): string {
    if (this.pos >= this.lineEnd) {
      if (this.pos >= this.text.length) {
        if (this.tokStart === null) this.eofReset = true;
        return EOF;
      }
      this.lineno++;
      this.lineStart = this.pos;
      const nl = this.text.indexOf('\n', this.pos);
      this.lineEnd = nl < 0 ? this.text.length : nl + 1;
    }
    return this.text[this.pos++];
  }

  private backup(c: string): void {
    if (c !== EOF) this.pos--;
  }

  private byteCol(index: number): number {
    return byteLength(this.text.slice(this.lineStart, index));
  }

  private get level(): number {
    return this.parens.length;
  }

  private curCol(): number {
    return this.eofReset ? 0 : this.byteCol(this.pos);
  }

  // ---- errors ----

  /** A tokenizer exception (CPython's syntaxerror()): column counted in characters. */
  private raise(msg: string, colChars?: number, endColChars?: number): never {
    const col = colChars ?? codePointLength(this.text.slice(this.lineStart, this.pos));
    const nl = this.text.indexOf('\n', this.lineStart);
    const line = this.text.slice(this.lineStart, nl < 0 ? this.text.length : nl);
    throw new TokenizeFailed({
      error: {
        kind: 'SyntaxError',
        msg,
        lineno: this.lineno,
        offset: col,
        endLineno: this.lineno,
        endOffset: endColChars ?? col,
        text: line,
      },
      overridesParserErrors: true,
    });
  }

  /** An error state (CPython's tok->done codes) the parser turns into an error when it gets there. */
  private fail(error: Omit<SyntaxErrorInfo, 'text'>, unclosedBracketLine?: number): never {
    const offset = this.source.errorColumn(error.lineno, error.offset);
    const endOffset = this.source.errorColumn(error.endLineno, error.endOffset);
    throw new TokenizeFailed({
      error: { ...error, offset, endOffset, text: this.source.lineText(error.lineno) },
      overridesParserErrors: false,
      unclosedBracketLine,
    });
  }

  private failAtEof(): never {
    const top = this.parens[this.parens.length - 1];
    if (top) {
      this.fail(
        {
          kind: 'SyntaxError',
          msg: `'${top.ch}' was never closed`,
          lineno: top.lineno,
          offset: top.col + 1,
          endLineno: top.lineno,
          endOffset: 0,
        },
        top.lineno,
      );
    }
    this.fail({
      kind: 'SyntaxError',
      msg: 'unexpected EOF while parsing',
      lineno: this.lineno,
      offset: this.curCol(),
      endLineno: this.lineno,
      endOffset: -1,
    });
  }

  private indentationFailure(kind: 'TabError' | 'IndentationError', msg: string): never {
    this.fail({ kind, msg, lineno: this.lineno, offset: 1, endLineno: this.lineno, endOffset: 0 });
  }

  // ---- tokens ----

  private make(
    type: TokenType,
    start: number | null,
    end: number | null,
    startLine?: { lineno: number; lineStart: number },
  ): Token {
    const lineno = startLine?.lineno ?? this.lineno;
    const startLineStart = startLine?.lineStart ?? this.lineStart;
    return {
      type,
      string: start === null || end === null ? '' : this.text.slice(start, end),
      lineno,
      col: start === null ? -1 : byteLength(this.text.slice(startLineStart, start)),
      endLineno: this.lineno,
      endCol: end === null ? -1 : this.byteCol(end),
      level: this.level,
      curCol: this.curCol(),
    };
  }

  // Backslash-newline joins lines; anything else after the backslash is an error.
  private continuationLine(): void {
    const c = this.nextc();
    if (c !== '\n') {
      this.fail({
        kind: 'SyntaxError',
        msg: 'unexpected character after line continuation character',
        lineno: this.lineno,
        offset: this.byteCol(this.pos),
        endLineno: this.lineno,
        endOffset: 0,
      });
    }
    const next = this.nextc();
    if (next === EOF) this.failAtEof();
    this.backup(next);
  }

  // Measures a new line's indentation and queues INDENT/DEDENT tokens (or fails on bad indents).
  private indentation(): boolean {
    let col = 0;
    let altcol = 0;
    let contLineCol = 0;
    let c: string;
    for (;;) {
      c = this.nextc();
      if (c === ' ') {
        col++;
        altcol++;
      } else if (c === '\t') {
        col = (Math.floor(col / TABSIZE) + 1) * TABSIZE;
        altcol = (Math.floor(altcol / ALT_TABSIZE) + 1) * ALT_TABSIZE;
      } else if (c === '\f') {
        col = altcol = 0;
      } else if (c === '\\') {
        contLineCol = contLineCol || col;
        this.continuationLine();
      } else {
        break;
      }
    }
    this.backup(c);
    const blankline = c === '#' || c === '\n';
    if (!blankline && this.level === 0) {
      col = contLineCol || col;
      altcol = contLineCol || altcol;
      const top = this.indstack.length - 1;
      if (col === this.indstack[top]) {
        if (altcol !== this.altindstack[top]) this.tabError();
      } else if (col > this.indstack[top]) {
        if (this.indstack.length >= MAX_INDENT)
          this.indentationFailure('IndentationError', 'too many levels of indentation');
        if (altcol <= this.altindstack[top]) this.tabError();
        this.pendin++;
        this.indstack.push(col);
        this.altindstack.push(altcol);
      } else {
        while (this.indstack.length > 1 && col < this.indstack[this.indstack.length - 1]) {
          this.pendin--;
          this.indstack.pop();
          this.altindstack.pop();
        }
        if (col !== this.indstack[this.indstack.length - 1]) {
          this.pos = this.lineEnd;
          this.fail({
            kind: 'IndentationError',
            msg: 'unindent does not match any outer indentation level',
            lineno: this.lineno,
            offset: this.byteCol(this.pos),
            endLineno: this.lineno,
            endOffset: -1,
          });
        }
        if (altcol !== this.altindstack[this.altindstack.length - 1]) this.tabError();
      }
    }
    return blankline;
  }

  private tabError(): never {
    this.indentationFailure('TabError', 'inconsistent use of tabs and spaces in indentation');
  }

  // One token, as tok_get produces it.
  private next(): Token {
    for (;;) {
      this.tokStart = null;
      let blankline = false;
      if (this.atbol) {
        this.atbol = false;
        blankline = this.indentation();
      }
      this.tokStart = this.pos;
      if (this.pendin !== 0) {
        if (this.pendin < 0) {
          this.pendin++;
          return this.make('DEDENT', null, null);
        }
        this.pendin--;
        return this.make('INDENT', null, null);
      }
      const tok = this.afterIndentation(blankline);
      if (tok) return tok;
    }
  }

  // The rest of tok_get; returns null for a skipped (blank or continued) line.
  private afterIndentation(blankline: boolean): Token | null {
    let c: string;
    for (;;) {
      this.tokStart = null;
      do c = this.nextc();
      while (c === ' ' || c === '\t' || c === '\f');
      const start = this.pos - (c === EOF ? 0 : 1);
      this.tokStart = start;

      if (c === '#') {
        while (c !== EOF && c !== '\n') c = this.nextc();
      }
      if (c === EOF) {
        if (this.level > 0) this.failAtEof();
        return this.make('ENDMARKER', null, null);
      }
      if (isIdentifierStart(c)) return this.nameOrString(c, start);
      if (c === '\n') {
        this.atbol = true;
        if (blankline || this.level > 0) return null;
        return this.make('NEWLINE', start, this.pos - 1);
      }
      if (c === '.') {
        const c2 = this.nextc();
        if (isDigit(c2)) return this.number(c2, start, 'fraction');
        if (c2 === '.') {
          const c3 = this.nextc();
          if (c3 === '.') return this.make('OP', start, this.pos);
          this.backup(c3);
        }
        this.backup(c2);
        return this.make('OP', start, this.pos);
      }
      if (isDigit(c)) return this.number(c, start, 'start');
      if (c === '"' || c === "'") return this.string(c, start);
      if (c === '\\') {
        this.continuationLine();
        continue;
      }
      return this.operator(c, start);
    }
  }

  private operator(c: string, start: number): Token {
    const c2 = this.nextc();
    if (TWO_CHAR_OPS.has(c + c2)) {
      const c3 = this.nextc();
      if (!THREE_CHAR_OPS.has(c + c2 + c3)) this.backup(c3);
      return this.make('OP', start, this.pos);
    }
    this.backup(c2);
    if (c === '(' || c === '[' || c === '{') {
      if (this.level >= MAX_LEVEL) this.raise('too many nested parentheses');
      this.parens.push({ ch: c, lineno: this.lineno, col: this.byteCol(start) });
    } else if (c === ')' || c === ']' || c === '}') {
      const open = this.parens.pop();
      if (!open) this.raise(`unmatched '${c}'`);
      if ('([{'.indexOf(open.ch) !== ')]}'.indexOf(c)) {
        const where = open.lineno !== this.lineno ? ` on line ${open.lineno}` : '';
        this.raise(`closing parenthesis '${c}' does not match opening parenthesis '${open.ch}'${where}`);
      }
    }
    const code = c.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) {
      this.raise(`invalid non-printable character U+${code.toString(16).toUpperCase().padStart(4, '0')}`);
    }
    return this.make('OP', start, this.pos);
  }

  // Identifiers, keywords, and string literals with a prefix (b, r, u, f and their combinations).
  private nameOrString(first: string, start: number): Token {
    let c = first;
    let sawB = false;
    let sawR = false;
    let sawU = false;
    let sawF = false;
    for (;;) {
      const lc = c.toLowerCase();
      if (!(sawB || sawU || sawF) && lc === 'b') sawB = true;
      else if (!(sawB || sawU || sawR || sawF) && lc === 'u') sawU = true;
      else if (!(sawR || sawU) && lc === 'r') sawR = true;
      else if (!(sawF || sawB || sawU) && lc === 'f') sawF = true;
      else break;
      c = this.nextc();
      if (c === '"' || c === "'") return this.string(c, start);
    }
    let nonascii = false;
    while (isIdentifierChar(c)) {
      if (c.charCodeAt(0) >= 128) nonascii = true;
      c = this.nextc();
    }
    this.backup(c);
    if (nonascii) this.verifyIdentifier(start);
    return this.make('NAME', start, this.pos);
  }

  // PEP 3131: reports the first character that cannot be part of an identifier.
  private verifyIdentifier(start: number): void {
    const ident = this.text.slice(start, this.pos);
    let offset = 0;
    for (const ch of ident) {
      const ok = offset === 0 ? ch === '_' || /\p{XID_Start}/u.test(ch) : /\p{XID_Continue}/u.test(ch);
      if (!ok) {
        this.pos = start + offset + ch.length;
        const hex = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        if (!isPrintable(ch)) this.raise(`invalid non-printable character U+${hex}`);
        this.raise(`invalid character '${ch}' (U+${hex})`);
      }
      offset += ch.length;
    }
  }

  // Reads digits with single underscores between them; returns the first other character.
  private decimalTail(): string {
    let c: string;
    for (;;) {
      do c = this.nextc();
      while (isDigit(c));
      if (c !== '_') return c;
      c = this.nextc();
      if (!isDigit(c)) {
        this.backup(c);
        this.raise('invalid decimal literal');
      }
    }
  }

  // A number literal must not run into a name (`1if` is allowed for compatibility, `1abc` is not).
  private verifyEndOfNumber(c: string, kind: string): void {
    const rest = this.text.slice(this.pos);
    const keywordFollows =
      (c === 'a' && /^nd(?![A-Za-z0-9_\u0080-\uffff])/.test(rest)) ||
      (c === 'e' && /^lse(?![A-Za-z0-9_\u0080-\uffff])/.test(rest)) ||
      (c === 'f' && /^or(?![A-Za-z0-9_\u0080-\uffff])/.test(rest)) ||
      (c === 'i' && /^[fns]/.test(rest)) ||
      (c === 'o' && /^r(?![A-Za-z0-9_\u0080-\uffff])/.test(rest)) ||
      (c === 'n' && /^ot(?![A-Za-z0-9_\u0080-\uffff])/.test(rest));
    if (keywordFollows) return;
    // CPython 3.11.7 only objects to ASCII name characters here (3.11.2 also took non-ASCII)
    if (c !== EOF && c.charCodeAt(0) < 128 && isIdentifierChar(c)) {
      this.backup(c);
      this.raise(`invalid ${kind} literal`);
    }
  }

  private radixDigits(isRadixDigit: (c: string) => boolean, kind: string): string {
    let c = this.nextc();
    do {
      if (c === '_') c = this.nextc();
      if (!isRadixDigit(c)) {
        if (kind !== 'hexadecimal' && isDigit(c)) this.raise(`invalid digit '${c}' in ${kind} literal`);
        this.backup(c);
        this.raise(`invalid ${kind} literal`);
      }
      do c = this.nextc();
      while (isRadixDigit(c));
    } while (c === '_');
    if (kind !== 'hexadecimal' && isDigit(c)) this.raise(`invalid digit '${c}' in ${kind} literal`);
    this.verifyEndOfNumber(c, kind);
    return c;
  }

  // Integer, float and imaginary literals, with CPython's error for each malformed shape.
  private number(first: string, start: number, state: 'start' | 'fraction'): Token {
    let c = first;
    if (state === 'fraction') return this.fraction(c, start);
    if (c === '0') {
      c = this.nextc();
      const lc = c.toLowerCase();
      if (lc === 'x') return this.finishNumber(this.radixDigits(isHexDigit, 'hexadecimal'), start);
      if (lc === 'o')
        return this.finishNumber(
          this.radixDigits((d) => d >= '0' && d <= '7', 'octal'),
          start,
        );
      if (lc === 'b')
        return this.finishNumber(
          this.radixDigits((d) => d === '0' || d === '1', 'binary'),
          start,
        );
      let nonzero = false;
      for (;;) {
        if (c === '_') {
          c = this.nextc();
          if (!isDigit(c)) {
            this.backup(c);
            this.raise('invalid decimal literal');
          }
        }
        if (c !== '0') break;
        c = this.nextc();
      }
      const zerosEnd = this.pos;
      if (isDigit(c)) {
        nonzero = true;
        c = this.decimalTail();
      }
      if (c === '.') return this.fraction(this.nextc(), start);
      if (c === 'e' || c === 'E') return this.exponent(c, start);
      if (c === 'j' || c === 'J') return this.imaginary(start);
      if (nonzero) {
        this.backup(c);
        this.raise(
          'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
          byteLength(this.text.slice(this.lineStart, start)) + 1,
          byteLength(this.text.slice(this.lineStart, zerosEnd)),
        );
      }
      this.verifyEndOfNumber(c, 'decimal');
      return this.finishNumber(c, start);
    }
    c = this.decimalTail();
    if (c === '.') return this.fraction(this.nextc(), start);
    if (c === 'e' || c === 'E') return this.exponent(c, start);
    if (c === 'j' || c === 'J') return this.imaginary(start);
    this.verifyEndOfNumber(c, 'decimal');
    return this.finishNumber(c, start);
  }

  private fraction(first: string, start: number): Token {
    let c = first;
    if (isDigit(c)) c = this.decimalTail();
    if (c === 'e' || c === 'E') return this.exponent(c, start);
    if (c === 'j' || c === 'J') return this.imaginary(start);
    this.verifyEndOfNumber(c, 'decimal');
    return this.finishNumber(c, start);
  }

  private exponent(e: string, start: number): Token {
    let c = this.nextc();
    if (c === '+' || c === '-') {
      c = this.nextc();
      if (!isDigit(c)) {
        this.backup(c);
        this.raise('invalid decimal literal');
      }
    } else if (!isDigit(c)) {
      this.backup(c);
      this.verifyEndOfNumber(e, 'decimal');
      this.backup(e);
      return this.make('NUMBER', start, this.pos);
    }
    c = this.decimalTail();
    if (c === 'j' || c === 'J') return this.imaginary(start);
    this.verifyEndOfNumber(c, 'decimal');
    return this.finishNumber(c, start);
  }

  private imaginary(start: number): Token {
    const c = this.nextc();
    this.verifyEndOfNumber(c, 'imaginary');
    return this.finishNumber(c, start);
  }

  private finishNumber(lastRead: string, start: number): Token {
    this.backup(lastRead);
    return this.make('NUMBER', start, this.pos);
  }

  // A string literal from its opening quote; `start` includes any prefix letters.
  private string(quote: string, start: number): Token {
    const first = { lineno: this.lineno, lineStart: this.lineStart };
    let quoteSize = 1;
    let endQuoteSize = 0;
    let c = this.nextc();
    if (c === quote) {
      c = this.nextc();
      if (c === quote) quoteSize = 3;
      else endQuoteSize = 1;
    }
    if (c !== quote) this.backup(c);
    while (endQuoteSize !== quoteSize) {
      c = this.nextc();
      if (c === EOF || (quoteSize === 1 && c === '\n')) {
        const detectedAt = this.lineno;
        this.lineno = first.lineno;
        this.lineStart = first.lineStart;
        this.pos = start + 1;
        const what = quoteSize === 3 ? 'unterminated triple-quoted string literal' : 'unterminated string literal';
        this.raise(`${what} (detected at line ${detectedAt})`);
      }
      if (c === quote) {
        endQuoteSize++;
      } else {
        endQuoteSize = 0;
        if (c === '\\') this.nextc();
      }
    }
    return this.make('STRING', start, this.pos, first);
  }
}
