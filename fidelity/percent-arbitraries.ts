/**
 * fast-check arbitraries for printf-style formatting (`str % values`) in generated programs,
 * over the generator's own values (fidelity/format-arbitraries.ts's FormatInputs): a format of
 * literal text (`%%` too) and units drawn per kind of value (%d %x %e %c... for ints, %s %r %a
 * with width and precision for any printable value), applied to a tuple display, to a single int,
 * or to a dict display through `%(key)` units. A tuple display of names and only %s/%r/%a units is
 * what CPython compiles to an f-string (python/interp/percent-fold.ts); with constants only it is
 * a constant tuple; both paths come up. Objects whose repr shows an address appear only as
 * `%.0r`, next to `sys.getrefcount(o)`.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../python/lang';
import * as py from './pyast';
import type { FormatInputs } from './format-arbitraries';

/** Units every int accepts (`%c` gets the value modulo 128). */
const INT_UNITS = [
  '%d',
  '%i',
  '%5d',
  '%-4d|',
  '%05d',
  '%+d',
  '% d',
  '%x',
  '%#X',
  '%#o',
  '%.3d',
  '%e',
  '%.2f',
  '%g',
  '%c',
];
/** Units for any printable value. */
const TEXT_UNITS = ['%s', '%r', '%a', '%6s', '%-7r|', '%.3s', '%5.2r'];
const LITERALS = ['', ' ', 'x=', ' | ', '%%', '100%% ', 'é'];

/** One unit and the value it formats. */
type Unit = readonly [unit: string, value: Expr];

function intUnit(inputs: FormatInputs): fc.Arbitrary<Unit> {
  return fc
    .tuple(fc.constantFrom(...INT_UNITS), inputs.ints)
    .map(([unit, v]) => [unit, unit === '%c' ? py.bin(v, 'Mod', py.int(128)) : v] as const);
}

function textUnit(inputs: FormatInputs): fc.Arbitrary<Unit> {
  return fc.tuple(fc.constantFrom(...TEXT_UNITS), inputs.printables);
}

/** Literal text before each unit, and the units. */
function parts(unit: fc.Arbitrary<Unit>): fc.Arbitrary<(readonly [text: string, unit: Unit])[]> {
  return fc.array(fc.tuple(fc.constantFrom(...LITERALS), unit), { minLength: 1, maxLength: 3 });
}

/** The format the parts make: with `keyed`, unit i takes its value by the key `k<i>`. */
function formatOf(drawn: readonly (readonly [string, Unit])[], keyed: boolean): Expr {
  return py.str(drawn.map(([text, [unit]], i) => text + (keyed ? unit.replace('%', `%(k${i})`) : unit)).join(''));
}

const valuesOf = (drawn: readonly (readonly [string, Unit])[]): Expr[] => drawn.map(([, [, v]]) => v);

/** `print(...)` of `%` formatting: a tuple of values, a single int, a dict by keys, or objects' reprs cut to nothing. */
export function percentStmt(inputs: FormatInputs): fc.Arbitrary<Stmt[]> {
  const anyUnit = fc.oneof(intUnit(inputs), textUnit(inputs));
  const alternatives: fc.Arbitrary<Stmt>[] = [
    parts(anyUnit).map((d) => py.print(py.bin(formatOf(d, false), 'Mod', py.tuple(valuesOf(d))))),
    parts(textUnit(inputs)).map((d) => py.print(py.bin(formatOf(d, false), 'Mod', py.tuple(valuesOf(d))))),
    intUnit(inputs).map(([unit, v]) => py.print(py.bin(py.str(`[${unit}]`), 'Mod', v))),
    parts(anyUnit).map((d) =>
      py.print(py.bin(formatOf(d, true), 'Mod', py.dict(valuesOf(d).map((v, i) => [py.str(`k${i}`), v])))),
    ),
  ];
  if (inputs.objects.length > 0) {
    alternatives.push(
      fc.constantFrom(...inputs.objects).map((o) => {
        const obj = py.name(o);
        return py.print(py.bin(py.str('[%.0r]'), 'Mod', py.tuple([obj])), py.call('sys.getrefcount', [obj]));
      }),
    );
  }
  return fc.oneof(...alternatives).map((s) => [s]);
}
