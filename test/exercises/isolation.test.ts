/**
 * A student file cannot reach the reference implementation: importing it is refused with a
 * message, and nothing handed to the student's code (API primitives, their results, their errors,
 * snapshots) leads back to this realm's `process` or `require` through a prototype or constructor.
 */
import { mkdirSync, writeFileSync } from 'fs';
import path from 'path';
import { findExercise, loadStudent, StudentCodeError } from '../../exercises';
import { checkExercise } from '../../exercises/check-exercise';
import { copySubmission } from './helpers';

const refcounting = findExercise('01')!;

/** A workspace copy of the correct submission with exercise 1's file replaced by `source`. */
function withRefcounting(source: string): string {
  const root = copySubmission('correct');
  writeFileSync(path.join(root, '01-reference-counting', 'refcounting.ts'), source);
  return root;
}

const refused = (source: string): StudentCodeError => {
  const root = withRefcounting(source);
  try {
    loadStudent(path.join(root, '01-reference-counting', 'refcounting.ts'), refcounting.meta);
  } catch (error) {
    if (error instanceof StudentCodeError) return error;
    throw error;
  }
  throw new Error('the import was not refused');
};

test.each([
  ['the reference refcounting', '/work/wt/exercises/core/refcount/refcounting', 'ReferenceRefCounting'],
  ['the core package index', '/work/wt/exercises/core', 'ReferenceCollector'],
  ['another exercise', 'pymemlab/exercises/04-finding-garbage/api', 'X'],
])('importing %s is refused with a message naming the only allowed module', (_what, spec, name) => {
  const kit = path.join(__dirname, '..', '..');
  const specifier = spec.replace('/work/wt/exercises', kit);
  const error = refused(`import { ${name} } from '${specifier}';\nexport const createRefCounting = ${name};\n`);
  expect(error.diagnostics[0].message).toContain('is refused');
  expect(error.diagnostics[0].message).toContain('pymemlab/exercises/01-reference-counting/api');
  expect(error.diagnostics[0].line).toBe(1);
});

test("Node's own modules cannot be imported either", () => {
  const error = refused("import { readFileSync } from 'fs';\nexport const createRefCounting = readFileSync;\n");
  expect(error.message).toContain('"fs" is refused');
});

test('a relative import that climbs out of the exercise folder is refused', () => {
  const root = withRefcounting("export { createRefCounting } from '../../../core/refcount/refcounting';\n");
  mkdirSync(path.join(root, 'core', 'refcount'), { recursive: true });
  writeFileSync(path.join(root, 'core', 'refcount', 'refcounting.ts'), 'export const createRefCounting = 1;\n');
  expect(() => loadStudent(path.join(root, '01-reference-counting', 'refcounting.ts'), refcounting.meta)).toThrow(
    'is refused',
  );
});

/** Student code that tries to escape its realm; each attempt reports what it found. */
const ESCAPES = `
const found: string[] = [];
const tryIt = (what: string, f: () => unknown) => {
  try {
    const v = f();
    if (v !== undefined && v !== null) found.push(what);
  } catch {
    /* refused, as it should be */
  }
};
export const createRefCounting = (api: any) => {
  tryIt('process via a primitive', () => api.refcount.constructor('return typeof process === "undefined" ? undefined : process')());
  tryIt('process via the api prototype', () => Object.getPrototypeOf(api));
  tryIt('require via globalThis', () => (globalThis as any).require);
  tryIt('process via globalThis', () => (globalThis as any).process);
  tryIt('process via an error', () => {
    try { api.refcount(-1); } catch (e: any) { return e.constructor.constructor('return typeof process === "undefined" ? undefined : process')(); }
  });
  if (found.length > 0) throw new Error('escaped: ' + found.join(', '));
  return {
    incref(op: number) { api.setRefcount(op, api.refcount(op) + 1); },
    decref(op: number) { const n = api.refcount(op) - 1; api.setRefcount(op, n); if (n === 0) api.deallocate(op); },
  };
};
`;

test('nothing handed to a student file leads back to process or require', () => {
  const verdict = checkExercise(withRefcounting(ESCAPES), refcounting, { numRuns: 5 });
  expect(verdict.compileErrors).toEqual([]);
  expect(verdict.reports.map((r) => r.failure?.mismatch.observed)).toEqual([undefined, undefined]);
});

test('the attempts themselves work in a realm that has process, so the test above can fail', () => {
  // The same probes run here (Node's realm) do find process: the escape test is not vacuous.
  const probe = (f: () => unknown) => f();
  expect(probe(() => (() => 0).constructor('return typeof process === "undefined" ? undefined : process')())).toBe(
    process,
  );
});

test('a student cannot pass by handing back a subclass or the runtime: the adapter gives ids only', () => {
  const grab = withRefcounting(`
export const createRefCounting = (api: any) => {
  const seen = Object.keys(api).sort().join(',');
  if (seen !== 'deallocate,refcount,setRefcount') throw new Error('api has ' + seen);
  return {
    incref(op: unknown) { if (typeof op !== 'number') throw new Error('got an object, not an id'); api.setRefcount(op, api.refcount(op) + 1); },
    decref(op: unknown) { if (typeof op !== 'number') throw new Error('got an object, not an id'); const n = api.refcount(op) - 1; api.setRefcount(op, n); if (n === 0) api.deallocate(op); },
  };
};
`);
  expect(checkExercise(grab, refcounting, { numRuns: 5 }).passed).toBe(true);
});

test('delegating to a do-nothing or a throwing implementation fails every visible check', () => {
  for (const body of ['incref() {}, decref() {}', 'incref() { throw new Error("no"); }, decref() {}']) {
    const verdict = checkExercise(
      withRefcounting(`export const createRefCounting = () => ({ ${body} });\n`),
      refcounting,
      {
        numRuns: 5,
      },
    );
    expect(verdict.reports.every((r) => !r.passed)).toBe(true);
  }
});

describe('exercise 8: an allocator cannot be passed off by delegating to the reference Pymalloc', () => {
  const pools = findExercise('08')!;
  const file = (root: string) => path.join(root, '08-pools-and-arenas', 'pools-and-arenas.ts');
  const withAllocator = (source: string): string => {
    const root = copySubmission('correct');
    writeFileSync(file(root), source);
    return root;
  };

  test.each([
    ['the reference Pymalloc', '/work/wt/exercises/core/pymalloc/pymalloc', 'Pymalloc'],
    ['the pymalloc package', '/work/wt/exercises/core/pymalloc', 'Pymalloc'],
    ["exercise 7's API", 'pymemlab/exercises/07-size-classes/api', 'X'],
  ])('importing %s is refused', (_what, spec, name) => {
    const specifier = spec.replace('/work/wt/exercises', path.join(__dirname, '..', '..'));
    const root = withAllocator(
      `import { ${name} } from '${specifier}';\nexport const createAllocator = () => new ${name}();\n`,
    );
    expect(() => loadStudent(file(root), pools.meta)).toThrow(
      /is refused.*pymemlab\/exercises\/08-pools-and-arenas\/api/s,
    );
  });

  test('the allocator is handed four functions of numbers only, with nothing behind them', () => {
    const root = withAllocator(`
export const createAllocator = (os: any) => {
  const found: string[] = [];
  const keys = Object.keys(os).sort().join(',');
  if (keys !== 'mapArena,rawFree,rawMalloc,unmapArena') found.push('api has ' + keys);
  if (Object.getPrototypeOf(os) !== null) found.push('a prototype');
  try { if (os.mapArena.constructor('return typeof process === "undefined" ? undefined : process')()) found.push('process'); } catch {}
  const address = os.mapArena();
  if (typeof address !== 'number') found.push('mapArena returned ' + typeof address);
  os.unmapArena(address);
  throw new Error(found.length === 0 ? 'nothing found' : 'escaped: ' + found.join(', '));
};
`);
    const verdict = checkExercise(root, pools, { only: 'pools-and-arenas', numRuns: 1 });
    expect(verdict.reports[0].failure?.mismatch.message).toContain('nothing found');
  });

  test('an allocator that hands every request to the raw allocator fails every visible check', () => {
    const root = withAllocator(`
export const createAllocator = (os: any) => ({
  malloc: (n: number) => os.rawMalloc(n),
  free: (a: number) => { if (a !== 0) os.rawFree(a); },
  realloc: (a: number, n: number) => { if (a !== 0) os.rawFree(a); return os.rawMalloc(n); },
  view: () => ({ maxarenas: 0, arenas: [], usableArenas: [], usedpools: [], nfp2lasta: [] }),
});
`);
    const verdict = checkExercise(root, pools, { numRuns: 5 });
    expect(verdict.reports.map((r) => [r.check, r.passed])).toEqual([
      ['pools-and-arenas', false],
      ['arenas-at-peak', false],
      ['arenas-at-end', false],
    ]);
  });
});
