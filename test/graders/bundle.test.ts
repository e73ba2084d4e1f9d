import { mkdirSync, symlinkSync, writeFileSync } from 'fs';
import path from 'path';
import { bundleExercise } from '../../graders/bundle';
import { BUNDLE_GLOBAL } from '../../graders/sandbox/protocol';
import { refcountExercise, SUBMISSIONS } from './fixtures/refcount-exercise/exercise';
import { tempDir } from './fixtures/grade-fixture';

/** A one-file submission of the fixture exercise, written to a temporary folder. */
function submission(source: string, extra: Record<string, string> = {}): string {
  const dir = tempDir('bundle');
  writeFileSync(path.join(dir, 'refcount.ts'), source);
  for (const [file, text] of Object.entries(extra)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('bundling a submission', () => {
  it('bundles the student file, its own helper file and the exercise API into one script', async () => {
    const outcome = await bundleExercise(refcountExercise, path.join(SUBMISSIONS, 'wasteful'));
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.code).toContain('function bump(');
  });

  it('refuses a Node built-in, naming it with the file and line of the import', async () => {
    const outcome = await bundleExercise(refcountExercise, path.join(SUBMISSIONS, 'imports-fs'));
    expect(outcome).toEqual({
      ok: false,
      kind: 'compile-error',
      error: expect.stringMatching(/^refcount\.ts:2:\d+: import of "fs" refused/),
    });
  });

  it('applies the rule to a submission reached through a symbolic link', async () => {
    const link = path.join(tempDir('link'), 'student');
    symlinkSync(path.join(SUBMISSIONS, 'imports-fs'), link);
    const outcome = await bundleExercise(refcountExercise, link);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatch(/import of "fs" refused/);
  });

  it('refuses a relative import that leaves the submission folder (the reference in core/)', async () => {
    const dir = submission(
      "import { ReferenceRefCounting } from '../../../../core/refcount/refcounting';\nexport const makeRefCounting = (rt: never) => new ReferenceRefCounting(rt);\n",
    );
    const outcome = await bundleExercise(refcountExercise, dir);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toContain('import of "../../../../core/refcount/refcounting" refused');
  });

  it('refuses packages, even ones the grader itself has installed', async () => {
    const dir = submission("import fc from 'fast-check';\nexport const makeRefCounting = () => fc;\n");
    const outcome = await bundleExercise(refcountExercise, dir);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toContain('import of "fast-check" refused');
  });

  it('accepts the API by its specifier and by a relative path to the API file', async () => {
    const bySpecifier = submission(
      "import type { RefCounting } from 'pymemlab-fixture/refcount-api';\nimport * as api from 'pymemlab-fixture/refcount-api';\nexport const makeRefCounting = (): RefCounting | typeof api => ({}) as RefCounting;\n",
    );
    expect((await bundleExercise(refcountExercise, bySpecifier)).ok).toBe(true);
  });

  it("stubs a trusted module's Node built-ins, so the bundle still loads where there is no require", async () => {
    const exercise = {
      ...refcountExercise,
      sandboxEntry: `import path from 'path';\nimport { readFileSync } from 'node:fs';\nexport const where = path.join('a', 'b');\nexport const read = readFileSync;\nexport function observe() { return 1; }`,
    };
    const outcome = await bundleExercise(exercise, path.join(SUBMISSIONS, 'correct'));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const loaded = new Function(`${outcome.code}\nreturn ${BUNDLE_GLOBAL};`)() as { where: string; read: unknown };
    expect(loaded.where).toBe('');
    expect(typeof loaded.read).toBe('undefined');
  });

  it('reports a missing student file instead of bundling', async () => {
    const dir = tempDir('empty');
    expect(await bundleExercise(refcountExercise, dir)).toEqual({
      ok: false,
      kind: 'missing',
      error: 'the submission is empty or missing: expected refcount.ts',
    });
  });

  it('reports a syntax error with file and line', async () => {
    const dir = submission('export function makeRefCounting( {\n');
    const outcome = await bundleExercise(refcountExercise, dir);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatch(/^refcount\.ts:\d+:\d+: Expected identifier/);
  });
});
