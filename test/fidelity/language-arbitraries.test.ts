// The arbitraries for comprehensions, generator functions, the modules and recursion
// (fidelity/comprehensions.ts, generator-functions.ts, module-arbitraries.ts, recursion.ts): what
// they generate runs on python3 and prints the same on the simulator, and the same statements
// tell a simulator with a modelling mistake apart (a generator's or a comprehension's size, one
// more level of recursion, a refcount read through ctypes).
import fc from 'fast-check';
import { comprehensionStmt } from '../../fidelity/comprehensions';
import { GENERATOR_DEFS, generatorStmt } from '../../fidelity/generator-functions';
import { ALIAS_IMPORTS, moduleStmt } from '../../fidelity/module-arbitraries';
import { RECURSION_DEF, recursionStmt } from '../../fidelity/recursion';
import { programSource } from '../../fidelity/programs';
import { stmts } from '../../fidelity/templates';
import { runOnCPythonSync, type CPythonResult } from '../../fidelity/cpython';
import type { Stmt } from '../../python/lang';
import type { RunResult } from '../../python/interp/types';
import { runProgram } from '../../python/interp/run';
import * as sizes from '../../core/sizes';
import { Kind } from '../../core/objects/kinds';
import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { assertFreshBundle, PYMEMLAB } from '../support/bundle';
import { pythonSimulator } from './helpers';
import { cpython311 as python, describeWithCPython } from '../support/cpython311';

/** Names of each kind, bound as the program generator binds them. */
const HEADER = stmts(`class A:
    def __init__(self, name):
        self.name = name
        self.val = 1
        self.ref = None
    def __del__(self):
        print('del', self.name)
a = A('a0')
b = A('b0')
L = [A('l0'), []]
M = []
xs = [1, 2, 3]
ys = [4, 5]
n = 3
m = 1
`);

/** A program of the header, the definitions and `count` groups of `arb`, ending with a collection. */
function program(arb: fc.Arbitrary<Stmt[]>, count: number, seed: number): string {
  const groups = fc.sample(arb, { numRuns: count, seed }).flat();
  const body = [...ALIAS_IMPORTS, ...GENERATOR_DEFS, ...RECURSION_DEF, ...HEADER, ...groups];
  return programSource([...body, ...stmts('print(gc.collect())')]);
}

const PROGRAMS = {
  comprehensions: program(
    comprehensionStmt({ printableLists: ['xs', 'ys'], objectLists: ['L', 'M'], objectListTargets: ['L', 'M'] }),
    30,
    1,
  ),
  generators: program(generatorStmt({ growableLists: ['L', 'M'], instances: ['a', 'b'] }), 30, 2),
  modules: program(moduleStmt({ instances: ['a', 'b'], objects: ['a', 'L', 'xs'], intTargets: ['n', 'm'] }), 30, 3),
  recursion: program(recursionStmt(['L', 'M']), 12, 5),
};

/** The simulator's stdout, or the JavaScript error it stopped with. */
function simulated(source: string): string {
  try {
    return runProgram(source, 'prog.py').stdout;
  } catch (error) {
    return String(error);
  }
}

describeWithCPython('the language arbitraries against python3', () => {
  const real = {} as Record<keyof typeof PROGRAMS, CPythonResult>;
  for (const k of Object.keys(PROGRAMS) as (keyof typeof PROGRAMS)[]) real[k] = runOnCPythonSync(python!, PROGRAMS[k]);

  test.each(['comprehensions', 'generators', 'modules'] as const)('%s: run to the end, and agree', (k) => {
    expect(real[k].exitCode).toBe(0);
    const sim = runProgram(PROGRAMS[k], 'prog.py');
    expect(sim.exitCode).toBe(0);
    expect(sim.stdout).toBe(real[k].stdout);
  });

  test('the programs hold what each arbitrary is for', () => {
    expect(PROGRAMS.comprehensions).toMatch(/for k in /);
    expect(PROGRAMS.comprehensions).toMatch(/^ge = \(e for e in [LM]\)$/m);
    expect(PROGRAMS.comprehensions).toMatch(/sys\.getsizeof\((ge|\[k)/);
    expect(PROGRAMS.generators).toMatch(/^go = holder\([LMab]\)$/m);
    expect(PROGRAMS.generators).toMatch(/sys\.getsizeof\(gn\)/);
    expect(PROGRAMS.modules).toMatch(/ctypes\.c_long\.from_address/);
    expect(PROGRAMS.recursion).toMatch(/^print\(depth\(0\)\)$/m);
    expect(real.recursion.stdout).toMatch(/^998$/m);
  });

  test("a generator's or a comprehension's list's size off by 8 is seen", () => {
    const getsizeof = sizes.getsizeof;
    const spy = jest.spyOn(sizes, 'getsizeof').mockImplementation((profile, op) => {
      const size = getsizeof(profile, op);
      return op.type.kind === Kind.Generator || op.type.kind === Kind.List ? size + 8 : size;
    });
    try {
      expect(simulated(PROGRAMS.generators)).not.toBe(real.generators.stdout);
      expect(simulated(PROGRAMS.comprehensions)).not.toBe(real.comprehensions.stdout);
    } finally {
      spy.mockRestore();
    }
  });

  test('recursion: agrees (run by the command, which takes the stack it needs); one level more is seen', () => {
    assertFreshBundle();
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pymemlab-arbitraries-')), 'recursion.py');
    writeFileSync(file, PROGRAMS.recursion);
    const sim = spawnSync(process.execPath, [PYMEMLAB, 'run', file], { encoding: 'utf8' });
    expect(sim.status).toBe(0);
    expect(sim.stdout).toBe(real.recursion.stdout);
    // a simulator that allows one level more than CPython (as when the module's frame was not counted)
    const deeper = pythonSimulator(python!, { source: (s) => `import sys\nsys.setrecursionlimit(1001)\n${s}` });
    expect((deeper(PROGRAMS.recursion, 'prog.py') as RunResult).stdout).not.toBe(real.recursion.stdout);
  });

  test('a refcount read through ctypes one off is seen', () => {
    const spoiled = pythonSimulator(python!, { source: (s) => s.replace(/\)\.value/g, ').value + 1') });
    const run = spoiled(PROGRAMS.modules, 'prog.py') as RunResult;
    expect(run.stdout).not.toBe(real.modules.stdout);
  });
});
