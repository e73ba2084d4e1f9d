// Decoding of str literal tokens (prefix, quotes, escapes), with CPython's errors for bad escapes.

export interface StringLiteral {
  prefix: { bytes: boolean; raw: boolean; fstring: boolean };
  /** The decoded value; null for f-strings, bytes, and escapes pymemlab cannot decode (\N{...}). */
  value: string | null;
  /** The text between the quotes, as written. */
  body: string;
}

// Python's str.isprintable() is false for these categories (and true for the space character).
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Python's str.isprintable() for one character. */
export function isPrintable(ch: string): boolean {
  return ch === ' ' || !NON_PRINTABLE.test(ch);
}

/** Thrown for an escape CPython rejects; the parser reports it at its current token. */
export class StringDecodeError extends Error {}

export function decodeStringToken(token: string): StringLiteral {
  const quoteAt = token.search(/['"]/);
  const prefixText = token.slice(0, quoteAt).toLowerCase();
  const prefix = { bytes: prefixText.includes('b'), raw: prefixText.includes('r'), fstring: prefixText.includes('f') };
  const quoteLen = token.startsWith(token[quoteAt].repeat(3), quoteAt) && token.length - quoteAt >= 6 ? 3 : 1;
  const body = token.slice(quoteAt + quoteLen, token.length - quoteLen);
  if (prefix.fstring || prefix.bytes) return { prefix, value: null, body };
  return { prefix, value: prefix.raw ? body : decodeEscapes(body), body };
}

// CPython first re-encodes non-ASCII characters as \UXXXXXXXX escapes, then decodes; error
// positions refer to that re-encoded text, so we count the same way.
export function decodeEscapes(body: string): string | null {
  let out = '';
  let pos = 0;
  const chars = Array.from(body);
  const width = (ch: string): number => (ch.charCodeAt(0) < 128 ? 1 : 10);
  for (let i = 0; i < chars.length;) {
    const ch = chars[i];
    if (ch !== '\\') {
      out += ch;
      pos += width(ch);
      i++;
      continue;
    }
    const start = pos;
    const esc = chars[i + 1];
    i += 2;
    if (esc === undefined) {
      out += '\\';
      break;
    }
    if (esc.charCodeAt(0) >= 128) {
      out += `\\${esc}`;
      pos += 6 + 10;
      continue;
    }
    pos += 2;
    const simple = SIMPLE_ESCAPES[esc];
    if (simple !== undefined) {
      out += simple;
    } else if (esc === '\n') {
      // line continuation inside the literal
    } else if (esc >= '0' && esc <= '7') {
      let digits = esc;
      while (digits.length < 3 && chars[i] >= '0' && chars[i] <= '7') {
        digits += chars[i++];
        pos++;
      }
      out += String.fromCodePoint(parseInt(digits, 8));
    } else if (esc === 'x' || esc === 'u' || esc === 'U') {
      const count = esc === 'x' ? 2 : esc === 'u' ? 4 : 8;
      let hex = '';
      while (hex.length < count && /^[0-9a-fA-F]$/.test(chars[i] ?? '')) {
        hex += chars[i++];
        pos++;
      }
      if (hex.length < count) {
        const what = esc === 'x' ? '\\xXX' : esc === 'u' ? '\\uXXXX' : '\\UXXXXXXXX';
        throw unicodeError(start, pos, `truncated ${what} escape`);
      }
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) throw unicodeError(start, pos, 'illegal Unicode character');
      out += String.fromCodePoint(code);
    } else if (esc === 'N') {
      // Well-formed names need Unicode's name table, which pymemlab does not carry.
      const close = chars[i] === '{' ? chars.indexOf('}', i + 1) : -1;
      if (close > i + 1) return null;
      const end = chars[i] !== '{' ? pos : close < 0 ? pos + chars.slice(i).reduce((n, c) => n + width(c), 0) : pos + 1;
      throw unicodeError(start, end, 'malformed \\N character escape');
    } else {
      out += `\\${esc}`;
    }
  }
  return out;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

function unicodeError(start: number, end: number, reason: string): StringDecodeError {
  return new StringDecodeError(
    `(unicode error) 'unicodeescape' codec can't decode bytes in position ${start}-${end - 1}: ${reason}`,
  );
}
