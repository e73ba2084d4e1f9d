import { readFileSync } from 'fs';
import path from 'path';
import { globSync } from 'glob';
import { scoreChecks, submissionSeed } from '../../graders/grade';
import type { CheckResult } from '../../core/checks/result';
import type { SubmissionResults } from '../../graders/results';
import { refcountExercise } from './fixtures/refcount-exercise/exercise';
import { gradeFixture } from './fixtures/grade-fixture';

/** Per check of the only exercise: [status, score]. */
function byCheck(results: SubmissionResults): Record<string, [string, number]> {
  return Object.fromEntries(results.exercises[0]!.checks.map((c) => [c.name, [c.status, c.score]]));
}

function result(check: string, status: CheckResult['status']): CheckResult {
  return { check, meaning: '', status, seed: 1, numRuns: 1, path: null, failure: null };
}

describe('grading a class of the fixture exercise', () => {
  let graded: { out: string; results: SubmissionResults[] };
  beforeAll(async () => {
    graded = await gradeFixture(['correct', 'leaky', 'wasteful', 'imports-fs']);
  });
  const of = (name: string) => graded.results.find((r) => r.submission === name)!;

  it('gives the correct submission full marks', () => {
    expect([of('correct').score, of('correct').max_score]).toEqual([6, 6]);
  });

  it('takes from the leaky one the points of the checks its bug breaks, and its gated efficiency points', () => {
    expect(byCheck(of('leaky'))).toEqual({
      'heap-invariants': ['fail', 0],
      'refcounts-match-reference': ['fail', 0],
      'no-extra-work': ['pass', 0],
    });
    expect(of('leaky').exercises[0]!.checks[2]!.gated).toBe(true);
  });

  it('takes from the wasteful one exactly the efficiency point', () => {
    expect(byCheck(of('wasteful'))).toEqual({
      'heap-invariants': ['pass', 3],
      'refcounts-match-reference': ['pass', 2],
      'no-extra-work': ['fail', 0],
    });
  });

  it('grades nothing of a submission whose import is refused, and says why', () => {
    expect(of('imports-fs').score).toBe(0);
    expect(of('imports-fs').exercises[0]!.error).toMatch(/import of "fs" refused/);
    expect(of('imports-fs').exercises[0]!.checks.map((c) => c.failure!.reason)).toEqual(Array(3).fill('not-graded'));
  });

  it('carries, with a failure, the shrunk steps, expected and observed, the heap, and the replay command', () => {
    const failure = of('leaky').exercises[0]!.checks[0]!;
    expect(failure.failure!.steps.length).toBeGreaterThan(0);
    expect(failure.failure!.heap!.objects.length).toBeGreaterThan(0);
    expect(failure.failure!.observed).toContain('refcount 0');
    expect(failure.replay).toBe(
      `npx pymemlab check refcount --only heap-invariants --seed ${of('leaky').seed} --path ${failure.path}`,
    );
  });

  it('writes byte-identical files when the class is graded again', async () => {
    const again = await gradeFixture(['correct', 'leaky', 'wasteful', 'imports-fs']);
    const files = globSync('**/*', { cwd: graded.out, nodir: true }).sort();
    expect(globSync('**/*', { cwd: again.out, nodir: true }).sort()).toEqual(files);
    expect(files.length).toBe(4 * 5 + 4); // + index.html, grades.csv, summary.json, run.json (resume.ts)
    for (const file of files)
      expect(readFileSync(path.join(again.out, file), 'utf8')).toBe(readFileSync(path.join(graded.out, file), 'utf8'));
  });
});

describe('submission seeds', () => {
  it('depend on the class seed and the name, and on nothing else', () => {
    expect(submissionSeed(7, 'ada')).toBe(submissionSeed(7, 'ada'));
    expect(submissionSeed(7, 'ada')).not.toBe(submissionSeed(8, 'ada'));
    expect(submissionSeed(7, 'ada')).not.toBe(submissionSeed(7, 'bob'));
    expect(submissionSeed(7, 'ada')).toBeGreaterThanOrEqual(0);
    expect(submissionSeed(7, 'ada')).toBeLessThan(2 ** 31);
  });
});

describe('scores', () => {
  const names = refcountExercise.checks.map((c) => c.name);
  const statuses = (...s: CheckResult['status'][]) => s.map((status, i) => result(names[i]!, status));

  it('count the points of every passing check', () => {
    expect(scoreChecks(refcountExercise, statuses('pass', 'pass', 'pass')).map((c) => c.score)).toEqual([3, 2, 1]);
  });

  it('withhold efficiency points while any correctness check (hidden ones too) fails', () => {
    for (const s of [statuses('pass', 'fail', 'pass'), statuses('timeout', 'pass', 'pass')]) {
      const scored = scoreChecks(refcountExercise, s);
      expect(scored.map((c) => [c.score, c.gated])).toEqual([
        [s[0]!.status === 'pass' ? 3 : 0, false],
        [s[1]!.status === 'pass' ? 2 : 0, false],
        [0, true],
      ]);
    }
  });

  it('withhold efficiency points only while a correctness check it is gated by fails, when it names them', () => {
    const gatedByFirst = {
      ...refcountExercise,
      checks: refcountExercise.checks.map((c, i) => (i === 2 ? { ...c, gatedBy: [names[0]!] } : c)),
    };
    expect(scoreChecks(gatedByFirst, statuses('pass', 'fail', 'pass')).map((c) => [c.score, c.gated])).toEqual([
      [3, false],
      [0, false],
      [1, false],
    ]);
    expect(scoreChecks(gatedByFirst, statuses('fail', 'pass', 'pass')).map((c) => [c.score, c.gated])).toEqual([
      [0, false],
      [2, false],
      [0, true],
    ]);
  });

  it('give a replay command for every check that did not pass, and none otherwise', () => {
    const scored = scoreChecks(refcountExercise, statuses('pass', 'crash', 'fail'));
    expect(scored.map((c) => c.replay === null)).toEqual([true, false, false]);
  });
});
