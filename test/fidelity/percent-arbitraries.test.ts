// The arbitraries for printf-style formatting (fidelity/percent-arbitraries.ts): the generator
// uses them, what they generate runs on python3 and prints the same on the simulator, and the same
// statements tell a simulator with a formatting or modelling mistake apart (a tuple built where
// CPython compiles an f-string, a '-' flag ignored, a precision ignored).
import fc from 'fast-check';
import { percentStmt } from '../../fidelity/percent-arbitraries';
import { programArb, programSource } from '../../fidelity/programs';
import { stmts } from '../../fidelity/templates';
import { runOnCPythonSync } from '../../fidelity/cpython';
import * as py from '../../fidelity/pyast';
import { parse } from '../../python/lang';
import type { RunResult } from '../../python/interp/types';
import { runProgram } from '../../python/interp/run';
import * as percentFold from '../../python/interp/percent-fold';
import { pythonSimulator } from './helpers';
import { cpython311 as python, describeWithCPython } from '../support/cpython311';

const HEADER = stmts(`class A:
    def __init__(self, name):
        self.name = name
        self.val = 1
a = A('a0')
xs = [1, 'é', 3]
n = 3
m = -12
s = "it's"
`);

const inputs = {
  ints: fc.constantFrom(py.name('n'), py.name('m'), py.int(255), py.attr(py.name('a'), 'val'), py.int(-7)),
  printables: fc.constantFrom(py.name('xs'), py.name('s'), py.name('n'), py.str('ab'), py.int(4), py.none()),
  objects: ['a', 'xs'],
};

/** Forty formatting statements, each after a collection and followed by the gc counts it leaves. */
const PROGRAM = programSource([
  ...HEADER,
  ...fc
    .sample(percentStmt(inputs), { numRuns: 40, seed: 4 })
    .flatMap((group) => [...stmts('gc.collect()'), ...group, ...stmts('print(gc.get_count())')]),
]);

test('generated programs format with %, and parse', () => {
  const sources = fc.sample(programArb(), { numRuns: 100, seed: 13 }).map((p) => p.source);
  for (const source of sources) parse(source, 'gen.py');
  expect(sources.filter((source) => /["'][^"'\n]*%[^"'\n]*["'] % /.test(source)).length).toBeGreaterThan(5);
});

test('the statements format tuples of int and text units, single values, keys and objects', () => {
  const has = (re: RegExp) => re.test(PROGRAM);
  expect(has(/'[^'\n]*%[-+ #0-9.]*[diuoxXeEfgc][^'\n]*' % \(/)).toBe(true);
  expect(has(/^print\('[^'\n]*%[-0-9.]*[sra][^'\n]*' % \([^()]*\)\)$/m)).toBe(true);
  expect(has(/%\(k0\)/)).toBe(true);
  expect(has(/'\[%[^']*\]' % [^(]/)).toBe(true);
  expect(has(/'\[%\.0r\]' % \((a|xs),\), sys\.getrefcount/)).toBe(true);
});

describeWithCPython('the % formatting arbitraries against python3', () => {
  const real = runOnCPythonSync(python!, PROGRAM);

  test('run to the end, and agree', () => {
    expect(real.exitCode).toBe(0);
    const sim = runProgram(PROGRAM, 'prog.py');
    expect(sim.stderr).toBe('');
    expect(sim.stdout).toBe(real.stdout);
  });

  test('a simulator building the tuple CPython compiles away (no f-string rewrite) is seen', () => {
    const spy = jest.spyOn(percentFold, 'percentToFString').mockReturnValue(null);
    try {
      expect(runProgram(PROGRAM, 'prog.py').stdout).not.toBe(real.stdout);
    } finally {
      spy.mockRestore();
    }
  });

  test.each([
    ["the '-' flag ignored", (src: string) => src.replace(/%(\(k\d\))?-/g, '%$1')],
    ['a precision ignored', (src: string) => src.replace(/%(\(k\d\))?([-+ #0-9]*)\.\d/g, '%$1$2')],
  ])('a formatter with %s is seen', (_, spoil) => {
    const spoiled = pythonSimulator(python!, { source: spoil });
    expect(PROGRAM).not.toBe(spoil(PROGRAM));
    expect((spoiled(PROGRAM, 'prog.py') as RunResult).stdout).not.toBe(real.stdout);
  });
});
