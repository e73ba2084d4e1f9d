// Errors raised by the front end, and the stderr rendering CPython 3.11 uses for them.

export type SyntaxErrorKind = 'SyntaxError' | 'IndentationError' | 'TabError';

export interface SyntaxErrorInfo {
  kind: SyntaxErrorKind;
  msg: string;
  /** 1-based line of the error. */
  lineno: number;
  /** 1-based column as CPython reports it (0 or negative means "no caret"). */
  offset: number;
  endLineno: number;
  /** 1-based end column as CPython reports it; -1 or 0 when CPython has none. */
  endOffset: number;
  /** The offending source line as CPython's SyntaxError.text has it (a trailing '\n' included
   *  when CPython includes one), or null when CPython has no line. */
  text: string | null;
}

/** A program CPython itself rejects at compile time. */
export class PySyntaxError extends Error implements SyntaxErrorInfo {
  override readonly name = 'PySyntaxError';
  readonly kind: SyntaxErrorKind;
  readonly msg: string;
  readonly lineno: number;
  readonly offset: number;
  readonly endLineno: number;
  readonly endOffset: number;
  readonly text: string | null;
  readonly filename: string;

  constructor(info: SyntaxErrorInfo, filename: string) {
    super(`${info.kind}: ${info.msg} (${filename}, line ${info.lineno})`);
    this.kind = info.kind;
    this.msg = info.msg;
    this.lineno = info.lineno;
    this.offset = info.offset;
    this.endLineno = info.endLineno;
    this.endOffset = info.endOffset;
    this.text = info.text;
    this.filename = filename;
  }
}

/** A valid Python program that uses something outside pymemlab's subset. */
export class UnsupportedConstruct extends Error {
  override readonly name = 'UnsupportedConstruct';
  /** Plain-words plural name of the construct, e.g. "lambda expressions". */
  readonly construct: string;
  readonly lineno: number;
  /** 0-based column, like an AST node's col. */
  readonly col: number;
  readonly filename: string;

  constructor(construct: string, lineno: number, col: number, filename: string) {
    super(`line ${lineno}: ${construct} are not supported by pymemlab (supported: see docs/language.md)`);
    this.construct = construct;
    this.lineno = lineno;
    this.col = col;
    this.filename = filename;
  }
}

/**
 * What `python3 FILE` prints on stderr for this error (no traceback header: a compile error has
 * none). Mirrors the C error printer: strips the line's indentation, clips the caret range to the
 * line, draws one caret for the SyntaxError subclasses (CPython ignores their end column).
 */
export function formatSyntaxError(err: SyntaxErrorInfo, filename: string): string {
  let out = `  File "${filename}", line ${err.lineno}\n`;
  if (err.text !== null) {
    const lineSize = Buffer.byteLength(err.text, 'utf8');
    let endOffset = err.kind === 'SyntaxError' ? err.endOffset : -1;
    if (err.endLineno > err.lineno) endOffset = lineSize;
    if (endOffset > lineSize + 1) endOffset = lineSize + 1;
    out += errorText(err.offset, endOffset, err.text);
  }
  return `${out}${err.kind}: ${err.msg}\n`;
}

// The source line and its caret line, as pythonrun.c's print_error_text draws them; like it,
// this counts in UTF-8 bytes (CPython's parser reports byte offsets for non-ASCII lines).
function errorText(offset1: number, endOffset: number, text: string): string {
  const carets = endOffset > 0 && endOffset > offset1 ? endOffset - offset1 : 1;
  let bytes = Buffer.from(text, 'utf8');
  let offset = offset1 - 1;
  while (bytes.length > 0 && (bytes[0] === 0x20 || bytes[0] === 0x09 || bytes[0] === 0x0c)) {
    bytes = bytes.subarray(1);
    offset--;
  }
  let len = bytes.length;
  if (len > 0 && bytes[len - 1] === 0x0a) len--;
  if (offset > len) offset = len;
  for (;;) {
    const nl = bytes.indexOf(0x0a);
    if (nl < 0 || nl >= offset) break;
    bytes = bytes.subarray(nl + 1);
    len -= nl + 1;
    offset -= nl + 1;
  }
  let out = `    ${bytes.toString('utf8')}`;
  if (bytes[len] !== 0x0a) out += '\n';
  if (offset < 0) return out;
  return `${out}    ${' '.repeat(offset)}${'^'.repeat(carets)}\n`;
}
