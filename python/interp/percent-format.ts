/**
 * printf-style formatting, `str % values` (PyUnicode_Format, Objects/unicodeobject.c, 3.11):
 * literal text, `%%`, and conversion units `%[(key)][flags][width][.precision][hlL]type` that
 * take their values from a tuple, a single non-tuple value, or a mapping by key. The digits of
 * numbers come from the format-spec helpers (format-spec.ts); this module adds what `%` does
 * differently: C flags, zero padding after the sign and 0x prefix, integer precision as a
 * minimum digit count, and CPython's messages. `%s`, `%r` and `%a` make the temporary str that
 * PyObject_Str / PyObject_Repr / PyObject_ASCII make (calling a class's `__str__` or `__repr__`
 * in a frame of its own); a `%(key)` lookup holds the value it finds until the next lookup.
 */
import type { Runtime } from '../../core/runtime';
import { Kind } from '../../core/objects/kinds';
import type { PyObject } from '../../core/objects/pyobject';
import { PyException } from '../../core/errors';
import { dictGetItem } from '../../core/objects/dict';
import { floatValue } from '../../core/objects/floatobject';
import { classLookup } from '../../core/objects/classobject';
import { pyStrRepr } from '../lang';
import { intValue } from './numeric';
import { formatFloat } from './format-spec';
import { convertValue } from './format-value';
import { callNativeSlot, nativeMethod } from './native-classes';

/** One conversion unit's flags (F_LJUST, F_SIGN, F_BLANK, F_ALT, F_ZERO), width and precision (-1: none). */
interface FormatArg {
  ljust: boolean;
  sign: boolean;
  blank: boolean;
  alt: boolean;
  zero: boolean;
  width: number;
  prec: number;
}

/** unicode_formatter_t: where the pass stands in the format and in the arguments. */
interface Formatter {
  readonly rt: Runtime;
  readonly fmt: readonly string[];
  pos: number;
  /** The values units take: the tuple, the single value, or the value the last `%(key)` found. */
  args: PyObject;
  /** The `%(key)` value `args` holds a reference to (args_owned), else null. */
  owned: PyObject | null;
  /** -1 for a single value (argidx -2 until it is taken, then -1). */
  arglen: number;
  argidx: number;
  /** The mapping `%(key)` looks keys up in (PyMapping_Check and neither tuple nor str), else null. */
  readonly dict: PyObject | null;
}

const typeError = (message: string) => new PyException('TypeError', message);
const valueError = (message: string) => new PyException('ValueError', message);

const INTEGER_CODES = 'diuoxX';
const FLOAT_CODES = 'eEfFgG';
const SSIZE_MAX = 2n ** 63n - 1n;
const INT_MAX = 2 ** 31 - 1;

/** `format % args` as a new str (PyUnicode_Format); `format` and `args` are borrowed. */
export function percentFormat(rt: Runtime, format: PyObject, args: PyObject): PyObject {
  const isTuple = args.type.kind === Kind.Tuple;
  const ctx: Formatter = {
    rt,
    fmt: Array.from(format.value as string),
    pos: 0,
    args,
    owned: null,
    arglen: isTuple ? args.items!.length : -1,
    argidx: isTuple ? 0 : -2,
    dict: !isTuple && args.type.kind !== Kind.Str && isMapping(rt, args) ? args : null,
  };
  try {
    let out = '';
    while (ctx.pos < ctx.fmt.length) {
      const ch = ctx.fmt[ctx.pos++];
      out += ch === '%' ? formatUnit(ctx) : ch;
    }
    if (ctx.argidx < ctx.arglen && ctx.dict === null)
      throw typeError('not all arguments converted during string formatting');
    return rt.str(out);
  } finally {
    if (ctx.owned !== null) rt.decref(ctx.owned);
  }
}

// PyMapping_Check: a type with mp_subscript (dict, list, range, a class with __getitem__).
function isMapping(rt: Runtime, op: PyObject): boolean {
  switch (op.type.kind) {
    case Kind.Dict:
    case Kind.List:
    case Kind.Range:
      return true;
    case Kind.Instance:
      if (nativeMethod(op, '__getitem__') !== undefined) return true;
      return op.type.typeObject ? classLookup(rt, op.type.typeObject, '__getitem__') !== undefined : false;
    default:
      return false;
  }
}

// unicode_format_getnextarg: the next tuple item, or the single value once (borrowed).
function nextArg(ctx: Formatter): PyObject {
  if (ctx.argidx < ctx.arglen) {
    const index = ctx.argidx++;
    return ctx.arglen < 0 ? ctx.args : ctx.args.items![index];
  }
  throw typeError('not enough arguments for format string');
}

// unicode_format_arg: one unit after its '%': parse it, take its value, write it out.
function formatUnit(ctx: Formatter): string {
  if (ctx.fmt[ctx.pos] === '%') {
    ctx.pos++;
    return '%';
  }
  const { arg, ch } = parseUnit(ctx);
  const v = nextArg(ctx);
  if (ch === 's' || ch === 'r' || ch === 'a') return writeText(arg, ch, textOf(ctx.rt, v, ch, arg));
  if (INTEGER_CODES.includes(ch)) return output(arg, ch, true, integerText(ctx.rt, v, ch, arg));
  if (FLOAT_CODES.includes(ch)) {
    const spec = `${arg.alt ? '#' : ''}.${arg.prec < 0 ? 6 : arg.prec}${ch}`;
    return output(arg, ch, true, formatFloat(floatOf(ctx.rt, v), spec));
  }
  if (ch === 'c') return output(arg, ch, false, charOf(v));
  const code = ch.codePointAt(0)!;
  throw valueError(
    `unsupported format character '${code >= 31 && code <= 126 ? ch : '?'}' (0x${code.toString(16)}) at index ${ctx.pos - 1}`,
  );
}

// unicode_format_arg_parse: `(key)`, flags, width, precision and a length modifier; the type
// character is what follows. Running off the end anywhere is an incomplete format.
function parseUnit(ctx: Formatter): { arg: FormatArg; ch: string } {
  const arg: FormatArg = { ljust: false, sign: false, blank: false, alt: false, zero: false, width: -1, prec: -1 };
  if (ctx.fmt[ctx.pos] === '(') lookUpKey(ctx);
  const at = new Cursor(ctx);
  while (at.advance() && FLAGS[at.ch] !== undefined) arg[FLAGS[at.ch]] = true;
  if (at.ch === '*') {
    arg.width = starValue(ctx, SSIZE_MAX, 'ssize_t');
    if (arg.width < 0) {
      arg.ljust = true;
      arg.width = -arg.width;
    }
    at.advance();
  } else if (isDigit(at.ch)) arg.width = at.number(SSIZE_MAX, 'width too big');
  if (at.ch === '.') arg.prec = precision(ctx, at);
  if (!at.ended && (at.ch === 'h' || at.ch === 'l' || at.ch === 'L')) at.advance();
  if (at.ended) throw valueError('incomplete format');
  return { arg, ch: at.ch };
}

// After a '.': `*` (a negative precision is 0), digits, or nothing (a precision of 0).
function precision(ctx: Formatter, at: Cursor): number {
  at.advance();
  if (at.ch === '*') {
    const prec = Math.max(0, starValue(ctx, BigInt(INT_MAX), 'int'));
    at.advance();
    return prec;
  }
  return isDigit(at.ch) ? at.number(BigInt(INT_MAX), 'precision too big') : 0;
}

const FLAGS: Readonly<Record<string, 'ljust' | 'sign' | 'blank' | 'alt' | 'zero'>> = {
  '-': 'ljust',
  '+': 'sign',
  ' ': 'blank',
  '#': 'alt',
  '0': 'zero',
};

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

/** The parser's read position: `ch` is the last character read; `ended` once a read ran off the end. */
class Cursor {
  ch = '';
  ended = false;
  constructor(private readonly ctx: Formatter) {}

  // `--fmtcnt >= 0` and a read: false, and the unit incomplete, at the end of the format.
  advance(): boolean {
    if (this.ctx.pos >= this.ctx.fmt.length) {
      this.ended = true;
      return false;
    }
    this.ch = this.ctx.fmt[this.ctx.pos++];
    return true;
  }

  // A width or precision in digits, the current character its first; past `max` it is too big.
  number(max: bigint, tooBig: string): number {
    let value = BigInt(this.ch);
    while (this.advance() && isDigit(this.ch)) {
      value = value * 10n + BigInt(this.ch);
      if (value > max) throw valueError(tooBig);
    }
    return Number(value);
  }
}

// `*`: the width or precision is the next argument, which must be an int (bool is one).
function starValue(ctx: Formatter, max: bigint, cType: string): number {
  const n = intValue(nextArg(ctx));
  if (n === null) throw typeError('* wants int');
  if (n > max || n < -max - 1n) throw new PyException('OverflowError', `Python int too large to convert to C ${cType}`);
  return Number(n);
}

// `%(key)`: the key runs to the balancing ')'; its value (PyObject_GetItem on the mapping,
// through a temporary str key) becomes the single value the unit takes.
function lookUpKey(ctx: Formatter): void {
  const rt = ctx.rt;
  if (ctx.dict === null) throw typeError('format requires a mapping');
  const start = ++ctx.pos;
  let depth = 1;
  while (depth > 0 && ctx.pos < ctx.fmt.length) {
    const c = ctx.fmt[ctx.pos++];
    if (c === ')') depth--;
    else if (c === '(') depth++;
  }
  if (depth > 0) throw valueError('incomplete format key');
  if (ctx.owned !== null) {
    rt.decref(ctx.owned);
    ctx.owned = null;
  }
  const key = rt.str(ctx.fmt.slice(start, ctx.pos - 1).join(''));
  try {
    ctx.owned = getItem(rt, ctx.dict, key);
  } finally {
    rt.decref(key);
  }
  ctx.args = ctx.owned;
  ctx.arglen = -1;
  ctx.argidx = -2;
}

// PyObject_GetItem(mapping, str key) for the mappings isMapping admits; a new reference.
function getItem(rt: Runtime, mapping: PyObject, key: PyObject): PyObject {
  switch (mapping.type.kind) {
    case Kind.Dict: {
      const found = dictGetItem(mapping, key);
      if (found === undefined) throw new PyException('KeyError', pyStrRepr(key.value as string));
      return rt.newRef(found);
    }
    case Kind.Instance: {
      const native = callNativeSlot(mapping, '__getitem__', [key]);
      if (native !== undefined) return native;
      return rt.call(classLookup(rt, mapping.type.typeObject!, '__getitem__')!, [mapping, key]);
    }
    default:
      throw typeError(`${mapping.type.name} indices must be integers or slices, not str`);
  }
}

/** A value's text for %s, %r, %a: an exact int without width or precision is written directly; anything else through a str. */
function textOf(rt: Runtime, v: PyObject, ch: 's' | 'r' | 'a', arg: FormatArg): string {
  if (v.type.kind === Kind.Int && arg.width === -1 && arg.prec === -1) return String(v.value as bigint);
  if (ch === 's' && v.type.kind === Kind.Str) return v.value as string;
  const str = convertValue(rt, v, ch);
  const text = str.value as string;
  rt.decref(str);
  return text;
}

// %s %r %a: precision truncates, then the text is padded with spaces.
function writeText(arg: FormatArg, ch: string, text: string): string {
  const chars = Array.from(text);
  return output(arg, ch, false, arg.prec >= 0 && chars.length > arg.prec ? chars.slice(0, arg.prec).join('') : text);
}

/** A user class's number method (`__index__`, `__int__`, `__float__`) called on `v`, or undefined without one. */
function callNumberMethod(rt: Runtime, v: PyObject, name: string): PyObject | undefined {
  const cls = v.type.kind === Kind.Instance ? v.type.typeObject : null;
  const method = cls ? classLookup(rt, cls, name) : undefined;
  return method === undefined ? undefined : rt.call(method, [v]);
}

// The integer a %d/%x unit formats: ints and bools as they are; for d, i, u what int() makes of
// a float (PyNumber_Long) or a class's __int__; for o, x, X only __index__ (_PyNumber_Index).
function integerOf(rt: Runtime, v: PyObject, ch: string): bigint {
  const exact = intValue(v);
  if (exact !== null) return exact;
  const decimal = 'diu'.includes(ch);
  if (decimal && v.type.kind === Kind.Float) {
    const x = floatValue(v);
    if (Number.isNaN(x)) throw valueError('cannot convert float NaN to integer');
    if (!Number.isFinite(x)) throw new PyException('OverflowError', 'cannot convert float infinity to integer');
    return BigInt(Math.trunc(x));
  }
  const result = (decimal ? callNumberMethod(rt, v, '__int__') : undefined) ?? callNumberMethod(rt, v, '__index__');
  if (result !== undefined) {
    rt.decref(result);
    if (result.type.kind === Kind.Int) return result.value as bigint;
  }
  throw typeError(`%${ch} format: ${decimal ? 'a real number' : 'an integer'} is required, not ${v.type.name}`);
}

// _PyUnicode_FormatLong: sign, the 0o/0x/0X prefix with '#', digits zero-padded to the precision.
function integerText(rt: Runtime, v: PyObject, ch: string, arg: FormatArg): string {
  const n = integerOf(rt, v, ch);
  const base = ch === 'o' ? 8 : ch === 'x' || ch === 'X' ? 16 : 10;
  let digits = (n < 0n ? -n : n).toString(base);
  if (ch === 'X') digits = digits.toUpperCase();
  if (arg.prec > digits.length) digits = digits.padStart(arg.prec, '0');
  const prefix = arg.alt && base !== 10 ? `0${ch}` : '';
  return `${n < 0n ? '-' : ''}${prefix}${digits}`;
}

// PyFloat_AsDouble: floats, ints (too large: OverflowError), a class's __float__ or __index__.
function floatOf(rt: Runtime, v: PyObject): number {
  if (v.type.kind === Kind.Float) return floatValue(v);
  const exact = intValue(v);
  if (exact !== null) {
    const x = Number(exact);
    if (!Number.isFinite(x)) throw new PyException('OverflowError', 'int too large to convert to float');
    return x;
  }
  const result = callNumberMethod(rt, v, '__float__') ?? callNumberMethod(rt, v, '__index__');
  if (result !== undefined) {
    rt.decref(result);
    if (result.type.kind === Kind.Float) return floatValue(result);
    if (result.type.kind === Kind.Int) return Number(result.value as bigint);
  }
  throw typeError(`must be real number, not ${v.type.name}`);
}

// formatchar: a one-character str, or an int code point below 0x110000.
function charOf(v: PyObject): string {
  if (v.type.kind === Kind.Str) {
    const chars = Array.from(v.value as string);
    if (chars.length === 1) return chars[0];
  }
  const n = intValue(v);
  if (n !== null) {
    if (n < 0n || n > 0x10ffffn) throw new PyException('OverflowError', '%c arg not in range(0x110000)');
    return String.fromCodePoint(Number(n));
  }
  throw typeError('%c requires int or char');
}

/**
 * unicode_format_arg_output: pads `text` to the width. A number's sign ('-' from its text, or
 * '+'/' ' from the flags) and its 0x prefix stay in front of zero padding ('0' flag); spaces go
 * left, or right with '-'.
 */
function output(arg: FormatArg, ch: string, numeric: boolean, text: string): string {
  let body = text;
  let sign = '';
  if (numeric) {
    if (body[0] === '-' || body[0] === '+') {
      sign = body[0];
      body = body.slice(1);
    } else sign = arg.sign ? '+' : arg.blank ? ' ' : '';
  }
  let prefix = '';
  if (arg.alt && (ch === 'x' || ch === 'X' || ch === 'o')) {
    prefix = body.slice(0, 2);
    body = body.slice(2);
  }
  const lead = sign + prefix;
  const missing = arg.width - lead.length - Array.from(body).length;
  if (missing <= 0) return lead + body;
  if (arg.ljust) return lead + body + ' '.repeat(missing);
  return numeric && arg.zero ? lead + '0'.repeat(missing) + body : ' '.repeat(missing) + lead + body;
}
