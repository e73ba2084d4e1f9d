// The arbitraries for isinstance/issubclass over tuples and for map/filter
// (fidelity/classinfo-arbitraries.ts, map-filter-arbitraries.ts): the program generator uses them,
// what they generate runs on python3 and prints the same on the simulator, and the same statements
// tell apart a simulator with a modelling mistake (a map object one word too big, a subtype
// test that knows only the exact class).
import fc from 'fast-check';
import { classinfoStmt } from '../../fidelity/classinfo-arbitraries';
import { mapFilterStmt } from '../../fidelity/map-filter-arbitraries';
import { generatePrograms } from '../../fidelity/compare';
import { programSource } from '../../fidelity/programs';
import { stmts } from '../../fidelity/templates';
import { runOnCPythonSync } from '../../fidelity/cpython';
import type { Stmt } from '../../python/lang';
import { runProgram } from '../../python/interp/run';
import { Runtime } from '../../core/runtime';
import * as classobject from '../../core/objects/classobject';
import { mapFilterTypes } from '../../python/interp/map-filter';
import { cpython311 as python, describeWithCPython } from '../support/cpython311';

/** Names of each kind, bound as the program generator binds them. */
const HEADER = stmts(`class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)
a = A('a0')
L = [A('l0'), A('l1'), []]
M = []
xs = [1, 0, 'x', '', (2,), [], 2.5]
ys = [4, 5]
n = 3
`);

/** A program of the header and `count` groups of `arb`, ending with a collection. */
function program(arb: fc.Arbitrary<Stmt[]> | null, count: number, seed: number): string {
  const groups = fc.sample(arb!, { numRuns: count, seed }).flat();
  return programSource([...HEADER, ...groups, ...stmts('print(gc.collect())')]);
}

const PROGRAMS = {
  classinfo: program(classinfoStmt({ objects: ['a', 'L', 'xs'], values: ['a', 'L', 'xs', 'n'] }), 30, 1),
  mapFilter: program(mapFilterStmt({ objectLists: ['L', 'M'], printableLists: ['xs', 'ys'] }), 40, 2),
};

test('the program generator makes isinstance/issubclass over tuples and map/filter statements', () => {
  const sources = generatePrograms(5, 200).map((p) => programSource(p.body));
  const using = (pattern: RegExp) => sources.filter((s) => pattern.test(s)).length;
  expect(using(/isinstance\(\w+, \(/)).toBeGreaterThan(5);
  expect(using(/issubclass\(type\(\w+\), /)).toBeGreaterThan(5);
  expect(using(/\bmap\(/)).toBeGreaterThan(5);
  expect(using(/\bfilter\(/)).toBeGreaterThan(5);
});

describeWithCPython('the isinstance and map/filter arbitraries against python3', () => {
  const real = {
    classinfo: runOnCPythonSync(python!, PROGRAMS.classinfo),
    mapFilter: runOnCPythonSync(python!, PROGRAMS.mapFilter),
  };

  test.each(['classinfo', 'mapFilter'] as const)('%s: runs to the end, and agrees', (k) => {
    expect(real[k].exitCode).toBe(0);
    const sim = runProgram(PROGRAMS[k], 'prog.py');
    expect(sim.exitCode).toBe(0);
    expect(sim.stdout).toBe(real[k].stdout);
  });

  test('the programs hold what each arbitrary is for', () => {
    expect(PROGRAMS.classinfo).toMatch(/isinstance\(\w+, \(\(/);
    expect(PROGRAMS.classinfo).toMatch(/issubclass\(type\(\w+\), \(/);
    expect(PROGRAMS.mapFilter).toMatch(/for mf_o in (map|filter)\(/);
    expect(PROGRAMS.mapFilter).toMatch(/sys\.getsizeof\(map\(/);
    expect(PROGRAMS.mapFilter).toMatch(/filter\(None, /);
  });

  test('a map object one word too big is seen', () => {
    const [map] = mapFilterTypes(new Runtime());
    map.type.basicWords = 5;
    try {
      expect(runProgram(PROGRAMS.mapFilter, 'prog.py').stdout).not.toBe(real.mapFilter.stdout);
    } finally {
      map.type.basicWords = 4;
    }
  });

  test('a subtype test that knows only the exact class is seen', () => {
    const spy = jest.spyOn(classobject, 'isSubtype').mockImplementation((sub, type) => sub === type);
    try {
      expect(runProgram(PROGRAMS.classinfo, 'prog.py').stdout).not.toBe(real.classinfo.stdout);
    } finally {
      spy.mockRestore();
    }
  });
});
