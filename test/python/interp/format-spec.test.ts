/**
 * The format-spec functions against python3's format() itself: every value crossed with every
 * spec, in one python3 run; and checks that a broken formatter would be caught.
 */
import { spawnSync } from 'child_process';
import fc from 'fast-check';
import { FormatSpecError, formatFloat, formatInt, formatStr } from '../../../python/interp/format-spec';
import { floatRepr } from '../../../core/objects/floatobject';
import { cpython311, describeWithCPython } from '../../support/cpython311';

const INT_SPECS = [
  '',
  'd',
  '5',
  '<5',
  '^7',
  '=+8',
  '06,',
  '07,',
  '08,',
  '09,',
  '010_x',
  '#010_x',
  '0=8,',
  '*=8,',
  '+08,d',
  '08',
  '<08',
  'a>8',
  '_b',
  '#o',
  '#X',
  ',',
  '_',
  'c',
  ' d',
  'n',
  'x',
  '#10b',
  '>+10,',
  '.2f',
  'e',
  '%',
  'g',
  ',.2f',
  '.2d',
  ',x',
  ',n',
  'q',
  's',
  'z',
  '+c',
  '5,_',
  '.',
  '10.3s',
];
const INTS = [0n, 7n, -7n, 65n, 1234n, -1234n, 1234567n, 2n ** 70n, -(2n ** 64n), 0x10ffffn, 0x110000n];
const FLOAT_SPECS = [
  '',
  '.2f',
  'f',
  '.0f',
  'e',
  '.3e',
  'g',
  '.3g',
  '%',
  '.1%',
  ',.2f',
  '010.2f',
  '+.1f',
  'E',
  'G',
  'F',
  '.3',
  '#.0f',
  '#g',
  'z.1f',
  '10',
  '.10g',
  '.0e',
  '.20f',
  'n',
  '_',
  '012,.3f',
  '^12.2e',
  ' g',
  'd',
  ',n',
  '.0',
  '.1',
  '#',
  '#.3',
  '.0g',
  '.17g',
  '015,',
  '*>+12.4',
  'z',
  'z.0f',
];
const FLOATS = [
  0.5,
  2.5,
  0.125,
  1234567.891,
  -0.0,
  0.0,
  1e16,
  1e-5,
  123456789012345678.0,
  1.0,
  Infinity,
  -Infinity,
  NaN,
  5e-324,
  1.7976931348623157e308,
  0.1,
  0.30000000000000004,
  -2.675,
  1e22,
  1.5e-7,
  100.0,
  123456789012345.6,
  9.9999,
  0.0001,
  0.00001234,
  -0.004,
  999999.5,
  1e15,
  12345.6789,
];
const STR_SPECS = [
  '',
  '05',
  '<05',
  '=5',
  '+',
  '#',
  ',',
  '.2',
  '>10.3',
  '^7',
  '*^8s',
  'x',
  'd',
  '010',
  'z',
  '^6',
  'é>4',
];
const STRS = ['abc', '', 'héllo', 'a😀b'];

const pyFloat = (x: number) =>
  Number.isNaN(x) ? "float('nan')" : Number.isFinite(x) ? floatRepr(x) : `float('${x < 0 ? '-' : ''}inf')`;
const pyStrLit = (s: string) => JSON.stringify(s);

/** What our formatter gives, or CPython's exception line. */
function ours(f: () => string): string {
  try {
    return JSON.stringify(f());
  } catch (e) {
    if (e instanceof FormatSpecError) return `${e.kind}: ${e.message}`;
    throw e;
  }
}

describeWithCPython('format(value, spec) compared with python3', () => {
  const cases: { py: string; ours: () => string }[] = [];
  for (const v of INTS)
    for (const s of INT_SPECS) cases.push({ py: `${v}, ${pyStrLit(s)}`, ours: () => formatInt(v, s) });
  for (const v of FLOATS)
    for (const s of FLOAT_SPECS) cases.push({ py: `${pyFloat(v)}, ${pyStrLit(s)}`, ours: () => formatFloat(v, s) });
  for (const v of STRS)
    for (const s of STR_SPECS) cases.push({ py: `${pyStrLit(v)}, ${pyStrLit(s)}`, ours: () => formatStr(v, s) });
  for (const v of FLOATS) cases.push({ py: `${pyFloat(v)}, 'repr'`, ours: () => floatRepr(v) });
  let expected: string[];
  beforeAll(() => {
    const script = [
      'import json, sys',
      'for line in sys.stdin:',
      '    v, s = eval(line)',
      '    try: print(json.dumps(repr(v) if s == "repr" else format(v, s), ensure_ascii=False))',
      '    except Exception as e: print(f"{type(e).__name__}: {e}")',
    ].join('\n');
    const r = spawnSync(cpython311!.executable, ['-c', script], {
      input: cases.map((c) => c.py).join('\n') + '\n',
      encoding: 'utf8',
    });
    expected = r.stdout.trimEnd().split('\n');
  });

  test(`${INTS.length * INT_SPECS.length + FLOATS.length * (FLOAT_SPECS.length + 1) + STRS.length * STR_SPECS.length} values and specs give what python3 gives`, () => {
    const differ = cases
      .map((c, i) => ({ case: c.py, ours: ours(c.ours), python: expected[i] }))
      .filter((d) => d.ours !== d.python);
    expect(differ).toEqual([]);
  });

  test('random doubles: repr, .Nf, .Ne and .Ng agree with python3 (exact rounding, not JavaScript toFixed)', () => {
    const doubles = fc.sample(fc.double({ noNaN: true }), { numRuns: 300, seed: 13 });
    const specs = ['.2f', '.0f', '.3e', '.4g', '.12g', ''];
    const input = doubles.flatMap((x) => specs.map((s) => `${pyFloat(x)}, ${pyStrLit(s)}`));
    const r = spawnSync(
      cpython311!.executable,
      ['-c', 'import sys\nfor line in sys.stdin:\n    v, s = eval(line)\n    print(format(v, s))'],
      { input: input.join('\n') + '\n', encoding: 'utf8' },
    );
    const got = doubles.flatMap((x) => specs.map((s) => formatFloat(x, s)));
    const python = r.stdout.trimEnd().split('\n');
    expect(got).toEqual(python);
    // the comparison catches a formatter built on JavaScript's toFixed (another rounding, exponents past 1e21)
    const broken = doubles.flatMap((x) => specs.map((s) => (s === '.2f' ? x.toFixed(2) : formatFloat(x, s))));
    expect(broken).not.toEqual(python);
  });
});

test('a formatter rounding as JavaScript does (half up) is caught by the exact cases', () => {
  // 0.125 is exact in binary: Python rounds the tie to even, toFixed rounds it up.
  expect(formatFloat(0.125, '.2f')).toBe('0.12');
  expect((0.125).toFixed(2)).toBe('0.13');
  expect(formatFloat(2.5, '.0f')).toBe('2');
  expect(formatFloat(1e22, 'f')).toBe('10000000000000000000000.000000');
});
