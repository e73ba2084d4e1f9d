// The super() arbitrary (fidelity/super-arbitraries.ts): the program generator uses it, what it
// generates runs on python3 and prints the same on the simulator, and the same statements tell
// apart a simulator with a modelling mistake (a super object one word too big, a subclass's
// __del__ that the base's is not reached from).
import fc from 'fast-check';
import { superGroup } from '../../fidelity/super-arbitraries';
import { generatePrograms } from '../../fidelity/compare';
import { programSource } from '../../fidelity/programs';
import { stmts } from '../../fidelity/templates';
import { runOnCPythonSync } from '../../fidelity/cpython';
import { runProgram } from '../../python/interp/run';
import { Runtime } from '../../core/runtime';
import * as classobject from '../../core/objects/classobject';
import { superNativeType } from '../../python/interp/super';
import { cpython311 as python, describeWithCPython } from '../support/cpython311';

/** `count` super() groups one after the other, ending with a collection. */
const PROGRAM = programSource([
  ...fc.sample(superGroup(), { numRuns: 12, seed: 3 }).flat(),
  ...stmts('print(gc.collect())'),
]);

test('the program generator makes super() groups', () => {
  const sources = generatePrograms(5, 200).map((p) => programSource(p.body));
  expect(sources.filter((s) => /super\(\)\.__init__\(tag\)/.test(s)).length).toBeGreaterThan(5);
  expect(sources.filter((s) => /super\(SupChild, self\)/.test(s)).length).toBeGreaterThan(5);
});

describeWithCPython('the super() arbitrary against python3', () => {
  const real = runOnCPythonSync(python!, PROGRAM);

  test('runs to the end, and agrees', () => {
    expect(real.exitCode).toBe(0);
    const sim = runProgram(PROGRAM, 'prog.py');
    expect(sim.exitCode).toBe(0);
    expect(sim.stdout).toBe(real.stdout);
  });

  test('the program holds what the arbitrary is for', () => {
    expect(PROGRAM).toMatch(/super\(\)\.__init__\(\)/);
    expect(PROGRAM).toMatch(/super\(SupChild, self\)\.(__init__|size|__del__)\(/);
    expect(PROGRAM).toMatch(/super\(\)\.__del__\(\)/);
    expect(PROGRAM).toMatch(/sys\.getsizeof\(super\(SupChild, sc\)\)/);
    expect(PROGRAM).toMatch(/sc\.me = sc/);
  });

  test('a super object one word too big is seen', () => {
    const { type } = superNativeType({
      rt: new Runtime(),
      frames: [],
      descriptorGet: (found) => found,
      repr: (obj) => obj,
    });
    type.basicWords = 6;
    try {
      expect(runProgram(PROGRAM, 'prog.py').stdout).not.toBe(real.stdout);
    } finally {
      type.basicWords = 5;
    }
  });

  test('a super() that skips no class of the mro (finding the subclass’s own methods) is seen', () => {
    // The injected bug: super_getattro starts at the object's own class, so the subclass's size()
    // and __del__ call themselves until the recursion limit; typeMro answers for the walk.
    const typeMro = classobject.typeMro;
    const spy = jest.spyOn(classobject, 'typeMro').mockImplementation((cls) => {
      const mro = typeMro(cls);
      return mro === null || new Error().stack?.includes('superGetAttr') !== true
        ? mro
        : ({ ...mro, items: [mro.items![0], ...mro.items!] } as typeof mro);
    });
    try {
      expect(runProgram(PROGRAM, 'prog.py').stdout).not.toBe(real.stdout);
    } finally {
      spy.mockRestore();
    }
  });
});
