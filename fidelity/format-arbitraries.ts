/**
 * fast-check arbitraries for output formatting in generated programs: f-strings (conversions,
 * format specs, nested spec fields, the self-documenting `=`), `str.format` and `format()`, built
 * from the generator's own value arbitraries so that every program stays deterministic. Specs are
 * drawn per kind of value (int specs for ints; str specs after `!r`, for any printable value);
 * objects whose repr shows an address appear only as `{o!r:.0}` (their repr is made, then cut to
 * nothing), next to `sys.getrefcount(o)`, so the temporaries a field makes and releases show.
 */
import fc from 'fast-check';
import type { Expr, JoinedStr, Stmt } from '../python/lang';
import { unparse } from '../python/lang';
import * as py from './pyast';

/** The values a formatting statement may use, from the enclosing generator. */
export interface FormatInputs {
  /** Int-valued expressions. */
  readonly ints: fc.Arbitrary<Expr>;
  /** Expressions whose repr holds no address (ints, bools, strs, lists of ints...). */
  readonly printables: fc.Arbitrary<Expr>;
  /** Names of objects created at run time (their repr may hold an address). */
  readonly objects: readonly string[];
}

/** Specs every int accepts, each with a width small enough to read. */
const INT_SPECS = [
  '',
  '3',
  '>6',
  '<5',
  '^7',
  '06',
  '+d',
  ' d',
  ',',
  '_',
  '08,',
  'x',
  '#x',
  'X',
  '#o',
  'b',
  '010_b',
  '=+7',
  '*^9,',
  'c',
  'e',
  '.2f',
  '%',
];
/** Specs for a str (what `!r` makes of any value). */
const STR_SPECS = ['', '>12', '<10', '^11', '.3', '*>8.2', '-^9'];
const LITERALS = ['', ' ', 'x=', ' | ', '{', '}', "it's", 'é'];

const spec = (text: string): JoinedStr | null => (text === '' ? null : py.joinedStr([py.str(text)]));

/** A replacement field over an int: an int spec, sometimes with a nested width field. */
function intField(inputs: FormatInputs): fc.Arbitrary<Expr> {
  return fc.oneof(
    fc.tuple(inputs.ints, fc.constantFrom(...INT_SPECS)).map(([v, s]) =>
      // `c` needs a code point: the value modulo 128 keeps it one
      py.formatted(s === 'c' ? py.bin(v, 'Mod', py.int(128)) : v, null, spec(s === 'c' ? '' : s)),
    ),
    fc
      .tuple(inputs.ints, fc.integer({ min: 0, max: 9 }))
      .map(([v, width]) => py.formatted(v, null, py.joinedStr([py.str('>'), py.formatted(py.int(width), null, null)]))),
  );
}

/** A field over any printable value: plain, `!s`, or `!r` with a str spec. */
function printableField(inputs: FormatInputs): fc.Arbitrary<Expr> {
  return fc
    .tuple(inputs.printables, fc.constantFrom<'s' | 'r' | null>(null, 's', 'r'), fc.constantFrom(...STR_SPECS))
    .map(([v, conversion, s]) => py.formatted(v, conversion, conversion === 'r' ? spec(s) : null));
}

/** An f-string of one to three fields with literal text around them. */
export function fstring(inputs: FormatInputs): fc.Arbitrary<Expr> {
  const field = fc.oneof(intField(inputs), printableField(inputs));
  return fc
    .array(fc.tuple(fc.constantFrom(...LITERALS), field), { minLength: 1, maxLength: 3 })
    .map((parts) => py.joinedStr(parts.flatMap(([text, f]) => (text === '' ? [f] : [py.str(text), f]))))
    .filter(writable);
}

/** Python 3.11 cannot write an f-string whose fields use both quote characters (or a backslash). */
function writable(e: Expr): boolean {
  try {
    unparse({ kind: 'Module', body: [py.expr(e)] });
    return true;
  } catch {
    return false;
  }
}

/** `print(...)` of formatted output: f-strings, `str.format`, `format()`, and objects' reprs cut to nothing. */
export function formattingStmt(inputs: FormatInputs): fc.Arbitrary<Stmt[]> {
  const alternatives: fc.Arbitrary<Stmt>[] = [
    fstring(inputs).map((f) => py.print(f)),
    fc
      .tuple(inputs.ints, inputs.printables, fc.constantFrom(...INT_SPECS.filter((s) => s !== 'c')))
      .map(([n, v, s]) => py.print(py.call(py.attr(py.str(`{:${s}} and {!r}`), 'format'), [n, v]))),
    fc
      .tuple(inputs.ints, fc.constantFrom(...INT_SPECS.filter((s) => s !== 'c')))
      .map(([n, s]) => py.print(py.call('format', [n, py.str(s)]))),
  ];
  if (inputs.objects.length > 0) {
    alternatives.push(
      fc.constantFrom(...inputs.objects).map((o) => {
        const obj = py.name(o);
        const cut = py.formatted(obj, 'r', py.joinedStr([py.str('.0')]));
        return py.print(py.joinedStr([py.str('['), cut, py.str(']')]), py.call('sys.getrefcount', [obj]));
      }),
    );
  }
  return fc.oneof(...alternatives).map((s) => [s]);
}
