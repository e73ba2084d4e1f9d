/**
 * The generator covers tracemalloc: generated programs hold tracemalloc groups that parse and run;
 * a group run on the simulator prints what python3 prints, and the same groups catch a tracer
 * that counts size classes instead of requested bytes; shrinking keeps the groups' guarantees.
 */
import fc from 'fast-check';
import { parse, unparse } from '../../python/lang';
import type { Stmt } from '../../python/lang';
import { runProgram } from '../../python/interp/run';
import { programArb, PRELUDE } from '../../fidelity/programs';
import { tracemallocGroup, tracemallocIntact } from '../../fidelity/tracemalloc-arbitraries';
import { withSizeClassTracer } from '../support/buggy-tracer';
import { testWithCPython } from '../support/cpython311';
import { runOnCPython } from '../support/run-cpython';

const source = (body: readonly Stmt[]) => unparse({ kind: 'Module', body: [...PRELUDE, ...body] });
const groups = fc.sample(tracemallocGroup(), { numRuns: 12, seed: 5 });

test('generated programs hold tracemalloc groups, which parse', () => {
  const sources = fc.sample(programArb(), { numRuns: 100, seed: 13 }).map((p) => p.source);
  for (const s of sources) parse(s, 'gen.py');
  expect(sources.filter((s) => s.includes('tracemalloc.get_traced_memory()')).length).toBeGreaterThan(2);
});

test('a group keeps its guarantees; dropping its stop or its collect breaks them', () => {
  const [group] = groups;
  expect(tracemallocIntact(group)).toBe(true);
  const without = (text: string) => group.filter((s) => unparse({ kind: 'Module', body: [s] }).trim() !== text);
  expect(tracemallocIntact(without('tracemalloc.stop()'))).toBe(false);
  expect(tracemallocIntact(without('gc.collect()'))).toBe(false);
});

testWithCPython('groups print what python3 prints; a tracer counting size classes is caught', () => {
  const programs = groups.map(source);
  const real = programs.map((p, i) => runOnCPython(`tracemalloc-group-${i}`, p).stdout);
  expect(programs.map((p) => runProgram(p, 'gen.py').stdout)).toEqual(real);
  expect(withSizeClassTracer(() => programs.map((p) => runProgram(p, 'gen.py').stdout))).not.toEqual(real);
});
