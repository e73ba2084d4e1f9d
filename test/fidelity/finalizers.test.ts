/**
 * The generator covers weakref.finalize, atexit and exits: generated programs hold them and parse;
 * the simulator agrees with python3 on generated programs that use finalizers, and a simulator
 * whose finalizers are broken (their callbacks call nothing, or run oldest first at exit) does not.
 */
import fc from 'fast-check';
import { parse, unparse } from '../../python/lang';
import { runProgram } from '../../python/interp/run';
import { finalizerStmt } from '../../fidelity/finalizers';
import * as py from '../../fidelity/pyast';
import { programArb } from '../../fidelity/programs';
import { Finalizers } from '../../python/interp/modules/finalize';
import type { PyObject } from '../../core/objects/pyobject';
import { testWithCPython } from '../support/cpython311';
import { runOnCPython } from '../support/run-cpython';

test('generated programs make finalizers, and the groups register atexit callbacks and exit early; all parse', () => {
  const sources = fc.sample(programArb(), { numRuns: 100, seed: 5 }).map((p) => p.source);
  for (const s of sources) parse(s, 'gen.py');
  expect(sources.filter((s) => /weakref\.finalize\(/.test(s)).length).toBeGreaterThanOrEqual(8);
  // The groups themselves (other generators' groups move the programs' random stream).
  const inputs = { instances: ['a', 'b'], ints: fc.integer({ min: 0, max: 9 }).map(py.int) };
  const groups = fc
    .sample(finalizerStmt(inputs)!, { numRuns: 200, seed: 5 })
    .map((g) => unparse({ kind: 'Module', body: g }));
  for (const g of groups) parse(g, 'group.py');
  const share = (re: RegExp) => groups.filter((g) => re.test(g)).length;
  expect(share(/weakref\.finalize\(/)).toBeGreaterThan(100);
  expect(share(/fz\.(alive|atexit|peek|detach)|fz\(\)/)).toBeGreaterThan(50);
  expect(share(/atexit\.register\(/)).toBeGreaterThan(10);
  expect(share(/sys\.exit\(|\bexit\(\)|\bquit\(/)).toBeGreaterThan(5);
  expect(share(/except SystemExit/)).toBeGreaterThan(2);
});

/** Programs of finalizer groups (seed 31) around instances with `__del__` and a `g(q)`. */
const HEADER = [
  'import gc, sys, weakref',
  'gc.collect()',
  'class A:',
  '    def __init__(self, name):',
  '        self.name = name',
  '    def __del__(self):',
  "        print('del', self.name)",
  'def g(q):',
  "    print('g', q, gc.isenabled())",
  '    return q',
  "a = A('a')",
  "b = A('b')",
  "c = A('c')",
].join('\n');
const groups = fc.array(
  finalizerStmt({ instances: ['a', 'b', 'c'], ints: fc.integer({ min: 0, max: 300 }).map(py.int) })!,
  { minLength: 2, maxLength: 6 },
);
const finalizing = fc
  .sample(groups, { numRuns: 8, seed: 31 })
  .map((gs) => `${HEADER}\n${unparse({ kind: 'Module', body: gs.flat() })}`);

/** What a run prints and how it ends. */
const outcome = (r: { stdout: string; exitCode: number | null }) => ({ stdout: r.stdout, status: r.exitCode });

type Spoil = (finalizers: Record<string, unknown>) => void;

/** Run `source` on the simulator with the finalizers' prototype spoiled by `spoil` for that run. */
function runBroken(source: string, spoil: Spoil): { stdout: string; exitCode: number } {
  const proto = Finalizers.prototype as unknown as Record<string, unknown>;
  const saved = { ...Object.fromEntries(Object.getOwnPropertyNames(proto).map((k) => [k, proto[k]])) };
  spoil(proto);
  try {
    return runProgram(source, 'gen.py');
  } finally {
    Object.assign(proto, saved);
  }
}

testWithCPython(
  'on generated programs with finalizers the simulator agrees with python3, and broken finalizers do not',
  () => {
    const real = finalizing.map((s, i) => outcome(runOnCPython(`finalizing-${i}`, s)));
    // The simulator, a model written apart from Lib/weakref.py, agrees on every one.
    expect(finalizing.map((s) => outcome(runProgram(s, 'gen.py')))).toEqual(real);
    // Callbacks that call nothing: some program prints less.
    const silent: Spoil = (proto) => {
      proto.callInfo = function (this: { host: { rt: { none(): PyObject } } }) {
        return this.host.rt.none();
      };
    };
    expect(finalizing.map((s) => outcome(runBroken(s, silent)))).not.toEqual(real);
    // The finalizers alive at exit called oldest first: some program prints them in another order.
    const oldestFirst: Spoil = (proto) => {
      const select = proto.selectForExit as (this: unknown) => PyObject[];
      proto.selectForExit = function (this: unknown) {
        return select.call(this).reverse();
      };
    };
    expect(finalizing.map((s) => outcome(runBroken(s, oldestFirst)))).not.toEqual(real);
  },
  120_000,
);
