/**
 * The AST optimizer's rewrite of printf-style formatting into an f-string (optimize_format in
 * Python/ast_opt.c, 3.11): `"lit %s lit %-5r" % (a, b)` with a literal format, a tuple display
 * that is not constant and has no starred item, and only %s, %r and %a units (flags, width and
 * precision under 100, no `(key)` or `*`), one per item, becomes
 * `f"lit {a!s} lit {b!r:5}"`. The program then builds no tuple (one GC allocation fewer, which
 * gc.get_count() shows) and formats each value with FORMAT_VALUE. Any other `%` stays a
 * BINARY_OP run by percent-format.ts.
 */
import type * as A from '../lang/ast';
import { isConstTuple } from './const-tuple';

/** The f-string `e` compiles to, or null when CPython keeps it a `%` operation. */
export function percentToFString(e: A.BinOp): A.JoinedStr | null {
  const { left, right } = e;
  if (e.op !== 'Mod' || left.kind !== 'Constant' || left.value.type !== 'str') return null;
  if (right.kind !== 'Tuple' || isConstTuple(right) || right.elts.some((x) => x.kind === 'Starred')) return null;
  const fmt = Array.from(left.value.value);
  const values: A.Expr[] = [];
  let pos = 0;
  let item = 0;
  for (; ; item++) {
    const literal = literalRun(fmt, pos);
    if (literal.text !== '') values.push(strConstant(e, literal.text));
    pos = literal.end;
    if (pos >= fmt.length) break;
    if (item >= right.elts.length) return null;
    const unit = simpleUnit(fmt, pos + 1);
    if (unit === null) return null;
    values.push(formattedValue(right.elts[item], unit.conversion, unit.spec === '' ? null : strConstant(e, unit.spec)));
    pos = unit.end;
  }
  if (item < right.elts.length) return null;
  return { kind: 'JoinedStr', values, lineno: e.lineno, col: e.col, endLineno: e.endLineno, endCol: e.endCol };
}

// parse_literal: text up to the next lone '%', with each '%%' halved.
function literalRun(fmt: readonly string[], start: number): { text: string; end: number } {
  let text = '';
  let pos = start;
  while (pos < fmt.length) {
    if (fmt[pos] !== '%') text += fmt[pos++];
    else if (fmt[pos + 1] === '%') {
      text += '%';
      pos += 2;
    } else break;
  }
  return { text, end: pos };
}

/** simple_format_arg_parse gives up on a width or precision of 100 or more: no digit is added to 10 or more. */
const MAX_VALUE = 10;

// simple_format_arg_parse + parse_format: flags, width, precision, then s, r or a; the spec is
// '>' and the width unless '-' was given, then '.precision'. Null when the unit is anything else.
function simpleUnit(
  fmt: readonly string[],
  start: number,
): { conversion: 's' | 'r' | 'a'; spec: string; end: number } | null {
  let pos = start;
  let ljust = false;
  while (pos < fmt.length && '-+ #0'.includes(fmt[pos])) ljust = fmt[pos++] === '-' || ljust;
  const number = (): number | null => {
    let value = 0;
    for (; pos < fmt.length && fmt[pos] >= '0' && fmt[pos] <= '9'; pos++) {
      if (value >= MAX_VALUE) return null;
      value = value * 10 + Number(fmt[pos]);
    }
    return value;
  };
  const width = pos < fmt.length && fmt[pos] >= '0' && fmt[pos] <= '9' ? number() : -1;
  if (width === null) return null;
  let prec = -1;
  if (fmt[pos] === '.') {
    pos++;
    const p = number();
    if (p === null) return null;
    prec = p;
  }
  const ch = fmt[pos];
  if (ch !== 's' && ch !== 'r' && ch !== 'a') return null;
  const spec = `${!ljust && width > 0 ? '>' : ''}${width >= 0 ? width : ''}${prec >= 0 ? `.${prec}` : ''}`;
  return { conversion: ch, spec, end: pos + 1 };
}

function strConstant(at: A.Pos, value: string): A.Constant {
  return {
    kind: 'Constant',
    value: { type: 'str', value },
    lineno: at.lineno,
    col: at.col,
    endLineno: at.endLineno,
    endCol: at.endCol,
  };
}

// The FormattedValue takes its item's position, as parse_format gives it.
function formattedValue(value: A.Expr, conversion: 's' | 'r' | 'a', spec: A.Constant | null): A.FormattedValue {
  const formatSpec: A.JoinedStr | null =
    spec === null
      ? null
      : {
          kind: 'JoinedStr',
          values: [spec],
          lineno: value.lineno,
          col: value.col,
          endLineno: value.endLineno,
          endCol: value.endCol,
        };
  return {
    kind: 'FormattedValue',
    value,
    conversion,
    formatSpec,
    lineno: value.lineno,
    col: value.col,
    endLineno: value.endLineno,
    endCol: value.endCol,
  };
}
