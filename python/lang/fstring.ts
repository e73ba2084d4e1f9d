// The f-string mini-parser of CPython 3.11 (Parser/string_parser.c, fstring_find_literal and
// fstring_find_expr): splits the body of one f-string token into literal text and replacement
// fields, with CPython's error messages; then builds the JoinedStr of adjacent string tokens.
// The expressions' text is parsed by the parser, as CPython does, wrapped in parentheses.

import type { Expr, FormattedValue, JoinedStr, Pos } from './ast';
import { decodeEscapes } from './strings';

/** A replacement field `{expr!conv:spec}`; `debug` is the `expr=` text of the self-documenting form. */
export interface FStringField {
  kind: 'field';
  /** The expression's source text, as written (without the `=`). */
  expr: string;
  /** Offset of the expression's text in the token's body (for its line and column). */
  offset: number;
  conversion: 's' | 'r' | 'a' | null;
  /** The format spec's own parts (literals and nested fields), or null when there is no `:`. */
  spec: FStringPart[] | null;
}

export interface FStringLiteral {
  kind: 'literal';
  /** The text still to be escape-decoded (unless the token is raw); `{{` and `}}` already halved. */
  text: string;
}

export type FStringPart = FStringField | FStringLiteral;

/** A syntax error inside an f-string; the parser reports it at the f-string's token. */
export class FStringError extends Error {}

/** Split one f-string token's body into parts, as CPython 3.11 does. */
export function splitFString(body: string): FStringPart[] {
  const scanner = { body, pos: 0 };
  return scanParts(scanner, 0);
}

interface Scanner {
  readonly body: string;
  pos: number;
}

// fstring_find_literal_and_expr in a loop: literal runs and fields until the end (or, inside a
// format spec, until the '}' that closes the enclosing field).
function scanParts(s: Scanner, level: number): FStringPart[] {
  const parts: FStringPart[] = [];
  const literal = (text: string) => {
    if (text === '') return;
    const last = parts[parts.length - 1];
    if (last?.kind === 'literal') last.text += text;
    else parts.push({ kind: 'literal', text });
  };
  let text = '';
  while (s.pos < s.body.length) {
    const ch = s.body[s.pos];
    const next = s.body[s.pos + 1];
    if (level > 0 && ch === '}') break;
    if ((ch === '{' || ch === '}') && next === ch && level === 0) {
      text += ch;
      s.pos += 2;
      continue;
    }
    if (ch === '}') throw new FStringError("f-string: single '}' is not allowed");
    if (ch === '{') {
      literal(text);
      text = '';
      s.pos++;
      const { debug, field } = scanField(s, level);
      literal(debug);
      parts.push(field);
      continue;
    }
    text += ch;
    s.pos++;
  }
  literal(text);
  return parts;
}

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

// fstring_find_expr: the expression runs to the first top-level '!', ':', '}' or lone '='
// outside quotes and brackets; then an optional '=', conversion and format spec, then '}'.
function scanField(s: Scanner, level: number): { debug: string; field: FStringField } {
  if (level >= 2) throw new FStringError('f-string: expressions nested too deeply');
  const start = s.pos;
  const brackets: string[] = [];
  let quote: string | null = null;
  for (; s.pos < s.body.length; s.pos++) {
    const ch = s.body[s.pos];
    if (ch === '\\') throw new FStringError('f-string expression part cannot include a backslash');
    if (quote !== null) {
      if (s.body.startsWith(quote, s.pos)) {
        s.pos += quote.length - 1;
        quote = null;
      }
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = s.body.startsWith(ch.repeat(3), s.pos) ? ch.repeat(3) : ch;
      s.pos += quote.length - 1;
      continue;
    }
    if (ch === '#') throw new FStringError("f-string expression part cannot include '#'");
    if (ch in CLOSERS) {
      brackets.push(CLOSERS[ch]);
      continue;
    }
    if (brackets.length > 0) {
      if (ch === ')' || ch === ']' || ch === '}') {
        const want = brackets.pop();
        if (ch !== want)
          throw new FStringError(`f-string: closing parenthesis '${ch}' does not match opening parenthesis`);
      }
      continue;
    }
    const next = s.body[s.pos + 1];
    if (ch === '!' && next !== '=') break;
    if (ch === ':' || ch === '}') break;
    if (ch === '=' && next !== '=' && !'=!<>'.includes(s.body[s.pos - 1] ?? '')) break;
    if ('=!<>'.includes(ch) && next === '=') s.pos++;
  }
  if (quote !== null) throw new FStringError('f-string: unterminated string');
  if (brackets.length > 0) throw new FStringError("f-string: expecting '}'");
  const expr = s.body.slice(start, s.pos);
  if (expr.trim() === '') throw new FStringError('f-string: empty expression not allowed');
  let debug = '';
  if (s.body[s.pos] === '=') {
    s.pos++;
    while (/\s/.test(s.body[s.pos] ?? '')) s.pos++;
    debug = s.body.slice(start, s.pos);
  }
  let conversion: FStringField['conversion'] = null;
  if (s.body[s.pos] === '!') {
    const c = s.body[s.pos + 1];
    if (c !== 's' && c !== 'r' && c !== 'a')
      throw new FStringError("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    conversion = c;
    s.pos += 2;
    if (s.body[s.pos] !== ':' && s.body[s.pos] !== '}') throw new FStringError("f-string: expecting '}'");
  }
  let spec: FStringPart[] | null = null;
  if (s.body[s.pos] === ':') {
    s.pos++;
    spec = scanParts(s, level + 1);
  }
  if (s.body[s.pos] !== '}') throw new FStringError("f-string: expecting '}'");
  s.pos++;
  // The self-documenting form shows the repr unless a conversion or a spec says otherwise.
  if (debug !== '' && conversion === null && spec === null) conversion = 'r';
  return { debug, field: { kind: 'field', expr, offset: start, conversion, spec } };
}

/** One string token of an (implicitly concatenated) f-string, as strings.ts decoded it. */
export interface StringPiece {
  prefix: { raw: boolean; fstring: boolean };
  body: string;
  /** The decoded value of a plain (non-f) string. */
  value: string | null;
}

/** Thrown when a literal part holds an escape pymemlab cannot decode (\N{...}). */
export class UndecodableEscape extends Error {}

/**
 * The values of the JoinedStr for adjacent string tokens, at least one an f-string: adjacent
 * literal text is merged into one str Constant (as CPython's FstringParser does), each field
 * becomes a FormattedValue whose expression `parseField` parses.
 */
export function joinedStr<X>(
  pieces: StringPiece[],
  pos: Pos,
  parseField: (piece: number, field: FStringField) => Expr<X>,
): JoinedStr<X> {
  const values: Expr<X>[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') values.push({ kind: 'Constant', value: { type: 'str', value: text }, ...pos });
    text = '';
  };
  const decode = (raw: boolean, literal: string): string => {
    const decoded = raw ? literal : decodeEscapes(literal);
    if (decoded === null) throw new UndecodableEscape();
    return decoded;
  };
  // A format spec is a JoinedStr of its own (CPython keeps even a constant spec in one).
  const formatted = (piece: number, field: FStringField): FormattedValue<X> => {
    const raw = pieces[piece].prefix.raw;
    const spec: Expr<X>[] | null =
      field.spec?.map((p) =>
        p.kind === 'literal'
          ? { kind: 'Constant', value: { type: 'str', value: decode(raw, p.text) }, ...pos }
          : formatted(piece, p),
      ) ?? null;
    return {
      kind: 'FormattedValue',
      value: parseField(piece, field),
      conversion: field.conversion,
      formatSpec: spec === null ? null : { kind: 'JoinedStr', values: spec, ...pos },
      ...pos,
    };
  };
  pieces.forEach((piece, i) => {
    if (!piece.prefix.fstring) {
      if (piece.value === null) throw new UndecodableEscape();
      text += piece.value;
      return;
    }
    for (const part of splitFString(piece.body)) {
      if (part.kind === 'literal') text += decode(piece.prefix.raw, part.text);
      else {
        flush();
        values.push(formatted(i, part));
      }
    }
  });
  flush();
  return { kind: 'JoinedStr', values, ...pos };
}
