/**
 * Nothing lost: a real `pymemlab grade` process is killed mid-batch (SIGKILL, and SIGTERM as Ctrl-C
 * sends), then run again with --resume. The resumed run must keep every submission finished before
 * the kill untouched (not regraded), leave no partial or temporary file, and end with exactly the
 * files of a run that was never interrupted, class summary included.
 */
import { spawn, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'fs';
import os from 'os';
import path from 'path';
import { CORPUS_LIMITS, CORPUS_RUNS, CORPUS_SEED, digestTree, prepareCorpus } from './hostile-corpus';

const REPO = path.join(__dirname, '..', '..');
const CASES = ['correct', 'partial', 'syntax-error', 'method-throws', 'patch-json', 'detects-grading'];

function gradeArgs(classDir: string, out: string): string[] {
  return [
    path.join(REPO, 'bin', 'pymemlab.js'),
    'grade',
    path.join(classDir, '*'),
    '--out',
    out,
    '--exercises',
    path.join(__dirname, 'hostile-exercises.ts'),
    '--seed',
    String(CORPUS_SEED),
    '--runs',
    String(CORPUS_RUNS),
    '--timeout-ms',
    String(CORPUS_LIMITS.timeoutMs),
    '--memory-mb',
    String(CORPUS_LIMITS.memoryMb),
    '--jobs',
    '2',
  ];
}

function finished(out: string): string[] {
  if (!existsSync(out)) return [];
  return CASES.filter((name) => existsSync(path.join(out, name, 'results.json')));
}

/** Start a grade run, send `signal` once `atLeast` submissions are finished; resolves to its exit. */
function interrupted(
  classDir: string,
  out: string,
  signal: NodeJS.Signals,
  atLeast: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, gradeArgs(classDir, out), { stdio: 'ignore' });
  const poll = setInterval(() => {
    if (finished(out).length >= atLeast) {
      clearInterval(poll);
      child.kill(signal);
    }
  }, 20);
  return new Promise((resolve) =>
    child.on('exit', (code, sig) => {
      clearInterval(poll);
      resolve({ code, signal: sig });
    }),
  );
}

function resume(classDir: string, out: string) {
  return spawnSync(process.execPath, [...gradeArgs(classDir, out), '--resume'], { encoding: 'utf8' });
}

describe('an interrupted batch resumes with --resume', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'pymemlab-resume-'));
  const classDir = path.join(tmp, 'class');
  let reference: Record<string, string> = {};

  beforeAll(() => {
    prepareCorpus({ dir: classDir, out: path.join(tmp, 'unused') }, CASES);
    for (const name of readdirSync(classDir))
      if (!CASES.includes(name)) rmSync(path.join(classDir, name), { recursive: true });
    const run = spawnSync(process.execPath, gradeArgs(classDir, path.join(tmp, 'reference')), { encoding: 'utf8' });
    expect(run.stderr).not.toContain('internal error');
    expect(run.status).toBe(0);
    reference = digestTree(path.join(tmp, 'reference'));
  }, 180_000);

  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test.each([
    ['SIGKILL', null],
    ['SIGTERM', 143],
  ] as const)(
    'after %s the resumed run keeps finished submissions and ends with the uninterrupted files',
    async (signal, exitCode) => {
      const out = path.join(tmp, `out-${signal}`);
      const stopped = await interrupted(classDir, out, signal, 2);
      if (exitCode === null) expect(stopped.signal).toBe(signal);
      else expect(stopped.code).toBe(exitCode);
      const done = finished(out);
      expect(done.length).toBeGreaterThanOrEqual(2);
      expect(done.length).toBeLessThan(CASES.length);
      const kept = Object.fromEntries(done.map((n) => [n, statSync(path.join(out, n, 'results.json')).mtimeMs]));

      const run = resume(classDir, out);
      expect(run.stderr).not.toContain('internal error');
      expect(run.status).toBe(0);

      for (const name of done) expect(statSync(path.join(out, name, 'results.json')).mtimeMs).toBe(kept[name]);
      expect(digestTree(out)).toEqual(reference);
    },
    180_000,
  );

  test('resuming with other options is refused with a message naming the folder, exit 2', () => {
    const out = path.join(tmp, 'reference');
    const run = spawnSync(process.execPath, [...gradeArgs(classDir, out), '--resume', '--seed', '8'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${out} was graded with other options`);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  }, 60_000);
});
