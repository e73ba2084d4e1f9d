// Recursion that re-enters the evaluator from native code (str(), repr(), f-strings, a class's
// __init__, __del__) counts against the same limit as Python calls: it ends in RecursionError as in
// CPython 3.11, never in a JavaScript stack overflow; one that still exhausts the JS stack is
// reported in words (a command whose run meets the end of the JS stack runs again with a larger one, see bin/larger-stack.ts).
import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { runProgram } from '../../../python/interp/run';
import { Runtime } from '../../../core/runtime';
import { PyException } from '../../../core/errors';
import { cpython311, describeWithCPython } from '../../support/cpython311';
import { assertFreshBundle, PYMEMLAB } from '../../support/bundle';

const dir = mkdtempSync(path.join(tmpdir(), 'pymemlab-recursion-'));

/** Each recursion path ends in RecursionError, caught; what follows must still run exactly. */
const PROGRAMS: Record<string, string> = {
  'str() of self in __str__': `import sys, gc
class A:
    def __str__(self):
        return str(self)
try:
    str(A())
except RecursionError:
    print('RecursionError')
gc.collect()
print(gc.get_count(), sys.getrecursionlimit())
`,
  'f-string of self in __str__, print()': `import gc
class B:
    def __str__(self):
        return f"<{self}>"
b = B()
try:
    print(b)
except RecursionError:
    print('RecursionError')
import sys
print(sys.getrefcount(b))
gc.collect()
print(gc.get_count())
`,
  'repr() of self in __repr__': `class C:
    def __repr__(self):
        return repr(self)
try:
    repr(C())
except RecursionError:
    print('RecursionError')
print('after')
`,
  'a class called from its own __init__': `import gc
class D:
    def __init__(self):
        D()
try:
    D()
except RecursionError:
    print('RecursionError')
gc.collect()
print(gc.get_count())
`,
  'a __del__ whose __str__ recurses (exception ignored)': `class E:
    def __str__(self):
        return f"E({self})"
    def __del__(self):
        print('del', str(self))
e = E()
del e
print('end')
`,
};

function run(args: string[], input?: string) {
  return spawnSync(args[0], args.slice(1), { encoding: 'utf8', input });
}

describeWithCPython('recursion through native re-entry, compared with python3', () => {
  beforeAll(() => assertFreshBundle());
  test.each(Object.entries(PROGRAMS))('%s: stdout and exit status identical', (name, source) => {
    const file = path.join(dir, `${name.replace(/\W+/g, '_')}.py`);
    writeFileSync(file, source);
    const real = run([cpython311!.executable, file]);
    const sim = run([process.execPath, PYMEMLAB, 'run', file]);
    expect(sim.stdout).toBe(real.stdout);
    expect(sim.status).toBe(real.status);
    expect(sim.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the shared recursion count', () => {
  test('a C-level re-entry counts: 1000 levels in all, then RecursionError naming where', () => {
    const rt = new Runtime();
    let levels = 0;
    const dive = (): void => rt.recursiveCall(' while getting the str of an object', () => (levels++, dive()));
    expect(dive).toThrow(PyException);
    expect(levels).toBe(rt.recursionLimit);
    expect(rt.recursionDepth).toBe(0);
  });
  test('a JavaScript stack overflow is reported in words, with exit status 1, never a stack trace', () => {
    // Jest's default stack (984 KB) is too small for CPython's limit through __str__ (2 levels each).
    const sim = runProgram(PROGRAMS['str() of self in __str__'], 'deep.py');
    if (sim.exitCode === 0) expect(sim.stdout.startsWith('RecursionError\n')).toBe(true);
    else {
      expect(sim.exitCode).toBe(1);
      expect(sim.stderr).toMatch(
        /^pymemlab: deep\.py: the simulator's JavaScript stack ran out before the recursion limit/,
      );
      expect(sim.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
