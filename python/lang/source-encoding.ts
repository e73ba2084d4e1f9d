/**
 * Source bytes to text, as CPython 3.11's tokenizer does it (Parser/tokenizer.c): a UTF-8 byte
 * order mark is dropped; a PEP 263 coding line on line 1 or 2 names the encoding; without one the
 * file must be UTF-8, and the first byte that cannot start a UTF-8 sequence stops the program
 * with CPython's own message, before anything runs.
 */

/** A source file CPython refuses to decode: `message` is the whole line it prints to stderr. */
export class SourceEncodingError extends Error {}

const PEP_263 = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const BLANK_OR_COMMENT = /^[ \t\f]*(#.*)?$/;

/** Decode the bytes of `filename`; throws SourceEncodingError with CPython's message. */
export function decodeSource(bytes: Uint8Array, filename: string): string {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const declared = declaredEncoding(body);
  if (declared === null || isUtf8(declared)) return decodeUtf8(body, filename);
  if (isLatin1(declared)) return Buffer.from(body).toString('latin1');
  try {
    return new TextDecoder(declared.replace(/_/g, '-')).decode(body);
  } catch {
    throw new SourceEncodingError(`SyntaxError: encoding problem: ${declared}`);
  }
}

/** check_coding_spec: the encoding named on line 1, or on line 2 when line 1 is blank or a comment. */
function declaredEncoding(bytes: Uint8Array): string | null {
  const lines = Buffer.from(bytes.subarray(0, 512))
    .toString('latin1')
    .split(/\r?\n|\r/, 2);
  for (const [i, line] of lines.entries()) {
    const match = PEP_263.exec(line);
    if (match !== null) return match[1];
    if (i === 0 && !BLANK_OR_COMMENT.test(line)) return null;
  }
  return null;
}

/** get_normal_name: the spellings CPython treats as UTF-8. */
function isUtf8(name: string): boolean {
  const lower = name.toLowerCase().replace(/_/g, '-');
  return lower === 'utf-8' || lower.startsWith('utf-8-') || lower === 'utf8';
}

/** get_normal_name: the spellings CPython treats as ISO-8859-1 (WHATWG's 'latin1' label is cp1252). */
function isLatin1(name: string): boolean {
  return /^(latin-1|iso-8859-1|iso-latin-1)(-|$)/.test(name.toLowerCase().replace(/_/g, '-'));
}

/** ensure_utf8: the first byte where no UTF-8 sequence starts is an error, named with its line. */
function decodeUtf8(bytes: Uint8Array, filename: string): string {
  let line = 1;
  for (let i = 0; i < bytes.length;) {
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) {
      const hex = bytes[i].toString(16).padStart(2, '0');
      throw new SourceEncodingError(
        `SyntaxError: Non-UTF-8 code starting with '\\x${hex}' in file ${filename} on line ${line}, ` +
          'but no encoding declared; see https://peps.python.org/pep-0263/ for details',
      );
    }
    if (bytes[i] === 0x0a) line++;
    i += length;
  }
  return Buffer.from(bytes).toString('utf8');
}

/** valid_utf8: the length of the sequence starting at `at`, or 0 when none starts there. */
function utf8SequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at];
  if (lead < 0x80) return 1;
  const continuation = lead < 0xc0 ? -1 : lead < 0xe0 ? 1 : lead < 0xf0 ? 2 : lead < 0xf8 ? 3 : -1;
  if (continuation < 0) return 0;
  for (let k = 1; k <= continuation; k++) {
    const b = bytes[at + k];
    if (b === undefined || b < 0x80 || b >= 0xc0) return 0;
  }
  return continuation + 1;
}
