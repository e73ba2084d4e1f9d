/**
 * The format-spec mini-language of PEP 3101 as CPython 3.11 implements it
 * (Python/formatter_unicode.c, Python/pystrtod.c): pure functions from a value and a spec to the
 * text `format(value, spec)` gives, for str, int and float. They allocate nothing on the heap:
 * the caller (format-value.ts) makes the objects CPython makes around them.
 */

import { floatExactParts, floatRepr } from '../../core/objects/floatobject';

/** `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`, parsed. */
export interface FormatSpec {
  readonly fill: string;
  readonly fillGiven: boolean;
  readonly align: '<' | '>' | '=' | '^' | null;
  readonly sign: '+' | '-' | ' ' | null;
  /** `z`: a negative zero (after rounding) prints without its sign. */
  readonly coerceZero: boolean;
  /** `#`: 0x prefixes, a decimal point always, trailing zeros of `g` kept. */
  readonly alternate: boolean;
  readonly width: number;
  readonly grouping: ',' | '_' | null;
  readonly precision: number | null;
  readonly type: string | null;
}

/** A spec the value's type refuses: CPython raises `kind` (ValueError, OverflowError) with this message. */
export class FormatSpecError extends Error {
  constructor(
    message: string,
    readonly kind: 'ValueError' | 'OverflowError' = 'ValueError',
  ) {
    super(message);
  }
}

const ALIGNS = '<>=^';

// parse_internal_render_format_spec: the fields in their fixed order; anything left over but
// one type character is an invalid spec.
export function parseFormatSpec(spec: string, typeName: string, defaultAlign: '<' | '>'): FormatSpec {
  const chars = Array.from(spec);
  let i = 0;
  let fill = ' ';
  let fillGiven = false;
  let align: FormatSpec['align'] = null;
  if (chars.length >= 2 && ALIGNS.includes(chars[1])) {
    fill = chars[0];
    fillGiven = true;
    align = chars[1] as FormatSpec['align'];
    i = 2;
  } else if (chars.length >= 1 && ALIGNS.includes(chars[0])) {
    align = chars[0] as FormatSpec['align'];
    i = 1;
  }
  let sign: FormatSpec['sign'] = null;
  if (chars[i] === '+' || chars[i] === '-' || chars[i] === ' ') sign = chars[i++] as FormatSpec['sign'];
  const coerceZero = chars[i] === 'z' && ++i > 0;
  const alternate = chars[i] === '#' && ++i > 0;
  // The `0` flag is a fill of '0' (and '=' alignment for numbers) unless a fill was given.
  if (chars[i] === '0' && !fillGiven) {
    fill = '0';
    fillGiven = true;
    if (align === null && defaultAlign === '>') align = '=';
    i++;
  }
  const digits = () => {
    let text = '';
    while (i < chars.length && chars[i] >= '0' && chars[i] <= '9') text += chars[i++];
    return text;
  };
  const width = Number(digits() || '0');
  let grouping: FormatSpec['grouping'] = null;
  if (chars[i] === ',' || chars[i] === '_') {
    grouping = chars[i++] as FormatSpec['grouping'];
    if (chars[i] === ',' || chars[i] === '_') throw new FormatSpecError("Cannot specify both ',' and '_'.");
  }
  let precision: number | null = null;
  if (chars[i] === '.') {
    i++;
    const p = digits();
    if (p === '') throw new FormatSpecError('Format specifier missing precision');
    precision = Number(p);
  }
  if (chars.length - i > 1)
    throw new FormatSpecError(`Invalid format specifier '${spec}' for object of type '${typeName}'`);
  const type = i < chars.length ? chars[i] : null;
  return { fill, fillGiven, align, sign, coerceZero, alternate, width, grouping, precision, type };
}

// The checks every type makes of a grouping option against its presentation type.
function checkGrouping(spec: FormatSpec, allowed: string): void {
  if (spec.grouping === null) return;
  const type = spec.type ?? '';
  if (type === '' || allowed.includes(type) || (spec.grouping === '_' && 'boxX'.includes(type))) return;
  throw new FormatSpecError(`Cannot specify '${spec.grouping}' with '${type}'.`);
}

/** Pads `text` to the spec's width by its fill and alignment ('=' puts the fill after `lead`). */
function pad(spec: FormatSpec, lead: string, body: string, defaultAlign: '<' | '>'): string {
  const length = Array.from(lead).length + Array.from(body).length;
  const missing = spec.width - length;
  if (missing <= 0) return lead + body;
  const fill = spec.fill.repeat(missing);
  switch (spec.align ?? defaultAlign) {
    case '<':
      return lead + body + fill;
    case '>':
      return fill + lead + body;
    case '=':
      return lead + fill + body;
    default: {
      const left = Math.floor(missing / 2);
      return spec.fill.repeat(left) + lead + body + spec.fill.repeat(missing - left);
    }
  }
}

/**
 * The integer digits with a separator every `size` digits; zero padding ('0' fill with '='
 * alignment) is grouped too, up to `minWidth`, never starting with a separator (as
 * _PyUnicode_InsertThousandsGrouping does).
 */
function group(digits: string, separator: string, size: number, minWidth: number): string {
  let out = '';
  let inGroup = 0;
  for (let k = digits.length - 1; k >= 0 || out.length < minWidth; k--) {
    if (inGroup === size) {
      out = separator + out;
      inGroup = 0;
    }
    out = (k >= 0 ? digits[k] : '0') + out;
    inGroup++;
  }
  return out;
}

/** A number's text: sign, prefix, grouped integer digits (none for inf and nan), then the rest (fraction, exponent, %). */
function layoutNumber(
  spec: FormatSpec,
  negative: boolean,
  prefix: string,
  intDigits: string,
  rest: string,
  groupSize: number,
): string {
  const sign = negative ? '-' : spec.sign === '+' ? '+' : spec.sign === ' ' ? ' ' : '';
  const lead = sign + prefix;
  let digits = intDigits;
  if (spec.grouping !== null && intDigits !== '') {
    const zeroPadded = spec.fill === '0' && spec.align === '=';
    const minWidth = zeroPadded ? spec.width - lead.length - Array.from(rest).length : 0;
    digits = group(intDigits, spec.grouping, groupSize, minWidth);
  }
  return pad(spec, lead, digits + rest, '>');
}

/** format(str, spec). */
export function formatStr(value: string, specText: string): string {
  if (specText === '') return value;
  const spec = parseFormatSpec(specText, 'str', '<');
  if (spec.type !== null && spec.type !== 's')
    throw new FormatSpecError(`Unknown format code '${spec.type}' for object of type 'str'`);
  if (spec.sign !== null) throw new FormatSpecError('Sign not allowed in string format specifier');
  if (spec.coerceZero) throw new FormatSpecError('Negative zero coercion (z) not allowed in string format specifier');
  if (spec.alternate) throw new FormatSpecError('Alternate form (#) not allowed in string format specifier');
  if (spec.align === '=') throw new FormatSpecError("'=' alignment not allowed in string format specifier");
  if (spec.grouping !== null) throw new FormatSpecError(`Cannot specify '${spec.grouping}' with 's'.`);
  const text = spec.precision === null ? value : Array.from(value).slice(0, spec.precision).join('');
  return pad(spec, '', text, '<');
}

const INT_BASES: Record<string, { base: number; prefix: string }> = {
  b: { base: 2, prefix: '0b' },
  o: { base: 8, prefix: '0o' },
  x: { base: 16, prefix: '0x' },
  X: { base: 16, prefix: '0X' },
};

/** format(int, spec); `typeName` is 'int' or 'bool' for the messages. */
export function formatInt(value: bigint, specText: string, typeName = 'int'): string {
  const spec = parseFormatSpec(specText, typeName, '>');
  const type = spec.type ?? 'd';
  if ('eEfFgG%'.includes(type)) {
    const asFloat = Number(value);
    if (!Number.isFinite(asFloat)) throw new FormatSpecError('int too large to convert to float', 'OverflowError');
    return formatFloat(asFloat, specText);
  }
  if (!'dnbcoxX'.includes(type))
    throw new FormatSpecError(`Unknown format code '${type}' for object of type '${typeName}'`);
  if (spec.precision !== null) throw new FormatSpecError('Precision not allowed in integer format specifier');
  if (spec.coerceZero) throw new FormatSpecError('Negative zero coercion (z) not allowed in integer format specifier');
  checkGrouping(spec, 'd');
  if (type === 'c') {
    if (spec.sign !== null) throw new FormatSpecError("Sign not allowed with integer format specifier 'c'");
    if (spec.alternate) throw new FormatSpecError("Alternate form (#) not allowed with integer format specifier 'c'");
    if (value < -(2n ** 63n) || value >= 2n ** 63n)
      throw new FormatSpecError('Python int too large to convert to C long', 'OverflowError');
    if (value < 0n || value > 0x10ffffn) throw new FormatSpecError('%c arg not in range(0x110000)', 'OverflowError');
    return pad(spec, '', String.fromCodePoint(Number(value)), '>');
  }
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const radix = INT_BASES[type];
  const digits = magnitude.toString(radix?.base ?? 10);
  const prefix = radix !== undefined && spec.alternate ? radix.prefix : '';
  return layoutNumber(
    spec,
    negative,
    prefix,
    type === 'X' ? digits.toUpperCase() : digits,
    '',
    radix !== undefined ? 4 : 3,
  );
}

// ---- floats ---------------------------------------------------------------------------------

/** A finite non-negative double exactly, as `coefficient * 10^-scale`. */
interface ExactDecimal {
  coefficient: bigint;
  scale: number;
}

function exactDecimal(x: number): ExactDecimal {
  const { mantissa, exponent } = floatExactParts(x);
  if (exponent >= 0n) return { coefficient: mantissa << exponent, scale: 0 };
  return { coefficient: mantissa * 5n ** -exponent, scale: Number(-exponent) };
}

/** The value rounded half-even to `places` decimal places (negative: tens, hundreds...), as an integer count of 10^-places. */
function roundTo(d: ExactDecimal, places: number): bigint {
  if (places >= d.scale) return d.coefficient * 10n ** BigInt(places - d.scale);
  const unit = 10n ** BigInt(d.scale - places);
  const q = d.coefficient / unit;
  const twice = (d.coefficient % unit) * 2n;
  return twice > unit || (twice === unit && q % 2n === 1n) ? q + 1n : q;
}

/** Decimal exponent of the leading digit (0 for zero). */
function leadingExponent(d: ExactDecimal): number {
  return d.coefficient === 0n ? 0 : d.coefficient.toString().length - 1 - d.scale;
}

/** `count` as fixed-point text with `places` decimals; `point` forces the '.' when places is 0. */
function fixedText(count: bigint, places: number, point: boolean): string {
  const digits = count.toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  return places > 0 ? `${whole}.${digits.slice(digits.length - places)}` : point ? `${whole}.` : whole;
}

/** Mantissa digits (significant digits, first one before the point) and the exponent. */
function scientific(d: ExactDecimal, significant: number): { digits: string; exponent: number } {
  let exponent = leadingExponent(d);
  let count = roundTo(d, significant - 1 - exponent);
  if (count.toString().length > significant) {
    exponent++;
    count /= 10n;
  }
  return { digits: count.toString().padStart(significant, '0'), exponent };
}

function exponentText(exponent: number): string {
  return `e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

function scientificText(digits: string, exponent: number, point: boolean): string {
  const tail = digits.slice(1);
  return `${digits[0]}${tail !== '' || point ? '.' : ''}${tail}${exponentText(exponent)}`;
}

/** Drops trailing zeros of the fraction (and a bare point), as 'g' does without '#'. */
function stripZeros(text: string): string {
  const [mantissa, exponent] = text.split('e');
  const stripped = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return exponent === undefined ? stripped : `${stripped}e${exponent}`;
}

/**
 * 'g' with `precision` significant digits (PyOS_double_to_string's 'g' mode); with `addDot0` (no
 * type given) an integer-looking result gets '.0', and the exponent form starts one digit earlier.
 */
function generalText(d: ExactDecimal, precision: number, alternate: boolean, addDot0: boolean): string {
  const p = precision === 0 ? 1 : precision;
  const { exponent } = scientific(d, p);
  let text: string;
  if (exponent >= -4 && exponent < (addDot0 ? p - 1 : p))
    text = fixedText(roundTo(d, p - 1 - exponent), p - 1 - exponent, alternate);
  else {
    const s = scientific(d, p);
    text = scientificText(s.digits, s.exponent, alternate);
  }
  if (!alternate) text = stripZeros(text);
  return addDot0 && !/[.e]/.test(text) ? `${text}.0` : text;
}

/** repr(|x|), with '#' a point even in the exponent form (1.e+16). */
function shortestText(x: number, alternate: boolean): string {
  const text = floatRepr(x);
  return alternate && !text.includes('.') ? text.replace(/^(\d)/, '$1.') : text;
}

/** format(float, spec). */
export function formatFloat(value: number, specText: string): string {
  const spec = parseFormatSpec(specText, 'float', '>');
  const type = spec.type;
  if (type !== null && !'eEfFgGn%'.includes(type))
    throw new FormatSpecError(`Unknown format code '${type}' for object of type 'float'`);
  checkGrouping(spec, 'eEfFgG%');
  if (type === 'n' && spec.grouping !== null) throw new FormatSpecError(`Cannot specify '${spec.grouping}' with 'n'.`);
  const x = type === '%' ? value * 100 : value;
  let negative = x < 0 || Object.is(x, -0);
  let body: string;
  if (Number.isNaN(x)) {
    negative = false;
    body = 'nan';
  } else if (!Number.isFinite(x)) body = 'inf';
  else {
    const d = exactDecimal(Math.abs(x));
    const precision = spec.precision ?? 6;
    switch (type) {
      case 'e':
      case 'E': {
        const s = scientific(d, precision + 1);
        body = scientificText(s.digits, s.exponent, spec.alternate);
        break;
      }
      case 'f':
      case 'F':
      case '%':
        body = fixedText(roundTo(d, precision), precision, spec.alternate);
        break;
      case null:
        body =
          spec.precision === null
            ? shortestText(Math.abs(x), spec.alternate)
            : generalText(d, spec.precision, spec.alternate, true);
        break;
      default:
        body = generalText(d, precision, spec.alternate, false);
    }
    if (negative && spec.coerceZero && !/[1-9]/.test(body.split('e')[0])) negative = false;
  }
  if (type !== null && 'EFG'.includes(type)) body = body.toUpperCase();
  const [, whole, rest] = /^(\d*)(.*)$/s.exec(body)!;
  return layoutNumber(spec, negative, '', whole, rest + (type === '%' ? '%' : ''), 3);
}
