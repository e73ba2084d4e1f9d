/**
 * examples/gradescope/run_autograder as Gradescope runs it, with /autograder moved into a
 * temporary folder: the kit unpacked at /autograder/pymemlab (here, this checkout), one student's
 * submission at /autograder/submission, results.json written to /autograder/results.
 */
import { spawnSync } from 'child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';

const REPO = path.join(__dirname, '..', '..');
const EXAMPLE = path.join(REPO, 'examples', 'gradescope');

interface GradescopeTest {
  readonly name: string;
  readonly score: number;
  readonly max_score: number;
  readonly visibility: string;
}

test('run_autograder grades /autograder/submission into /autograder/results/results.json', () => {
  const root = path.join(mkdtempSync(path.join(tmpdir(), 'pymemlab-gs-')), 'autograder');
  mkdirSync(path.join(root, 'results'), { recursive: true });
  symlinkSync(REPO, path.join(root, 'pymemlab'));
  // Only exercise 7 handed in (the size-class rounding bug): the others are graded as missing.
  const exercise = path.join(REPO, 'examples', 'submissions', 'bug-size-class-rounding', '07-size-classes');
  cpSync(exercise, path.join(root, 'submission', '07-size-classes'), { recursive: true, dereference: true });
  const script = path.join(root, 'run_autograder');
  writeFileSync(script, readFileSync(path.join(EXAMPLE, 'run_autograder'), 'utf8').replaceAll('/autograder', root));

  const run = spawnSync('bash', [script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);

  const results = JSON.parse(readFileSync(path.join(root, 'results', 'results.json'), 'utf8')) as {
    score: number;
    tests: GradescopeTest[];
  };
  const sizeClasses = results.tests.filter((t) => t.name.includes('07-size-classes'));
  const failed = sizeClasses.filter((t) => t.score < t.max_score).map((t) => t.name);
  expect(failed.some((name) => name.includes('request-to-size-class'))).toBe(true);
  expect(sizeClasses.some((t) => t.score === t.max_score && t.max_score > 0)).toBe(true);
  expect(results.tests.filter((t) => t.name.includes('01-reference-counting')).every((t) => t.score === 0)).toBe(true);
  expect(results.score).toBe(results.tests.reduce((sum, t) => sum + t.score, 0));
  expect(results.tests.some((t) => t.visibility === 'after_published' || t.visibility === 'hidden')).toBe(true);
});
