/**
 * The generator covers output formatting: generated programs hold f-strings (with specs,
 * conversions and nested fields), str.format and format() calls, all valid Python 3.11 that the
 * front end accepts; and the formatting statement alone, run on the simulator, does not stop.
 */
import fc from 'fast-check';
import { parse } from '../../python/lang';
import { runProgram } from '../../python/interp/run';
import { programArb } from '../../fidelity/programs';
import { formattingStmt } from '../../fidelity/format-arbitraries';
import * as py from '../../fidelity/pyast';
import { unparse } from '../../python/lang';

test('generated programs use f-strings, specs, conversions, str.format and format(), and parse', () => {
  const sources = fc.sample(programArb(), { numRuns: 100, seed: 13 }).map((p) => p.source);
  for (const s of sources) parse(s, 'gen.py');
  const share = (re: RegExp) => sources.filter((s) => re.test(s)).length;
  expect(share(/\bf'|\bf"/)).toBeGreaterThan(6);
  expect(share(/!r:\.0\}/)).toBeGreaterThan(2);
  expect(share(/\{[^{}]*:[^{}]*\{/)).toBeGreaterThan(0);
  expect(share(/\.format\(/)).toBeGreaterThan(2);
});

test('formatting statements over ints and strs run on the simulator without an error', () => {
  const inputs = {
    ints: fc.integer({ min: -5000, max: 5000 }).map(py.int),
    printables: fc.constantFrom(py.str('ab'), py.int(3), py.list([py.int(1)])),
    objects: ['o'],
  };
  fc.assert(
    fc.property(formattingStmt(inputs), (stmts) => {
      const source = `import sys\no = []\n${unparse({ kind: 'Module', body: stmts })}`;
      const r = runProgram(source, 'fmt.py');
      expect(r.stderr).toBe('');
      expect(r.stdout).not.toBe('');
    }),
    { numRuns: 60, seed: 7 },
  );
});
