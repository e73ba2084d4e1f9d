/**
 * The hostile and broken corpus graded as one class (hostile-corpus.ts has the cases and what each
 * must get): every case's status, score and message are asserted from the results the batch
 * wrote; the correct sample keeps full marks; results do not depend on the neighbours a
 * submission was graded with; the grader's own files are unchanged; nothing a submission tried to
 * write or read got through; and a regrade writes byte-identical files.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'fs';
import os from 'os';
import path from 'path';
import { gradeClass } from '../../graders/grade-class';
import { gradeSubmission } from '../../graders/grade';
import { createRenderer } from '../../graders/render';
import { FORMATS } from '../../graders/outputs';
import { toResults, type ExerciseResult, type SubmissionResults } from '../../graders/results';
import type { GradeOptions } from '../../graders/grade';
import {
  CORPUS_LIMITS,
  CORPUS_RUNS,
  CORPUS_SEED,
  EXERCISES,
  EXPECTED,
  FULL_MARKS,
  digestTree,
  prepareCorpus,
} from './hostile-corpus';

const OPTIONS: GradeOptions = { seed: CORPUS_SEED, runs: CORPUS_RUNS, limits: CORPUS_LIMITS };

/** What the student reads for an exercise: its error, or its first failing check's message. */
function message(exercise: ExerciseResult): string {
  return exercise.error ?? exercise.checks.find((c) => c.failure)?.failure?.message ?? '';
}

const GRADER_FILES = [
  path.join(__dirname, '..', '..', 'graders'),
  path.join(__dirname, 'fixtures'),
  path.join(__dirname, '..', '..', 'core', 'refcount'),
];

describe('the hostile and broken corpus, graded as one class', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'pymemlab-hostile-'));
  const paths = { dir: path.join(tmp, 'class'), out: path.join(tmp, 'out') };
  let names: string[] = [];
  let all: SubmissionResults[] = [];
  let before: Record<string, string>[] = [];
  let classBefore: Record<string, string> = {};
  let seconds = 0;

  beforeAll(async () => {
    names = prepareCorpus(paths);
    before = GRADER_FILES.map(digestTree);
    classBefore = digestTree(paths.dir);
    const start = Date.now();
    all = await gradeClass(
      names.map((name) => ({ name, dir: path.join(paths.dir, name) })),
      EXERCISES,
      { ...OPTIONS, jobs: 2, out: paths.out, formats: [...FORMATS], renderer: createRenderer() },
    );
    seconds = (Date.now() - start) / 1000;
    process.stderr.write(`hostile corpus: ${names.length} submissions graded in ${seconds.toFixed(1)} s\n`);
  }, 300_000);

  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test('every case of the corpus has an expectation, and every expectation a case', () => {
    expect(names).toEqual(Object.keys(EXPECTED).sort());
  });

  test.each(Object.keys(EXPECTED))('%s gets its status, score and message', (name) => {
    const expected = EXPECTED[name]!;
    const results = all.find((r) => r.submission === name)!;
    const [first, part2] = results.exercises;
    expect({ status: first!.status, score: results.score, part2: part2!.status }).toEqual({
      status: expected.status,
      score: expected.score,
      part2: expected.part2 ?? 'missing',
    });
    if (expected.message) expect(message(first!)).toMatch(expected.message);
  });

  test('the correct sample keeps full marks in the batch', () => {
    expect(all.find((r) => r.submission === 'correct')!.score).toBe(FULL_MARKS);
  });

  test('no submission scores above its expectation, and the class files match the per-submission results', () => {
    for (const results of all) expect(results.score).toBeLessThanOrEqual(EXPECTED[results.submission]!.score);
    const written = names.map((n) => JSON.parse(readFileSync(path.join(paths.out, n, 'results.json'), 'utf8')));
    expect(written).toEqual(all);
    const csv = readFileSync(path.join(paths.out, 'grades.csv'), 'utf8');
    for (const results of all) expect(csv).toContain(`,${results.score},`);
  });

  test("the grader's files and the other submissions are unchanged; nothing was written into the output folder", () => {
    expect(GRADER_FILES.map(digestTree)).toEqual(before);
    expect(digestTree(paths.dir)).toEqual(classBefore);
    expect(existsSync(path.join(paths.out, 'results.json'))).toBe(false);
    const forged = all.find((r) => r.submission === 'write-output-folder')!;
    expect(forged.score).toBe(0);
  });

  test('a result does not depend on the submissions graded beside it (graded alone, the same)', async () => {
    for (const name of ['correct', 'partial']) {
      const alone = toResults(await gradeSubmission({ name, dir: path.join(paths.dir, name) }, EXERCISES, OPTIONS));
      expect(alone).toEqual(all.find((r) => r.submission === name));
    }
  }, 120_000);

  test('what a submission reads or imports does not reach it; its printed text is kept, never parsed', async () => {
    const grade = (name: string) => gradeSubmission({ name, dir: path.join(paths.dir, name) }, EXERCISES, OPTIONS);
    const hidden = await grade('read-hidden-checks');
    expect(hidden.printed).not.toContain('refcounts-match-reference');
    const other = await grade('read-other-submissions');
    expect(other.printed).not.toContain('makeRefCounting');
    const dynamic = await grade('dynamic-import');
    expect(dynamic.printed).toContain('import refused');
    const fake = await grade('fake-results-output');
    expect(fake.printed).toContain('score: 6/6');
    expect(fake.score).toBe(0);
  }, 120_000);

  test('a regrade writes byte-identical files (no timestamps, no absolute paths)', async () => {
    const again = path.join(tmp, 'again');
    const some = ['correct', 'partial', 'syntax-error', 'loop-in-method', 'memory-bomb', 'flood-output', 'throw-proxy'];
    await gradeClass(
      some.map((name) => ({ name, dir: path.join(paths.dir, name) })),
      EXERCISES,
      { ...OPTIONS, jobs: 2, out: again, formats: [...FORMATS], renderer: createRenderer() },
    );
    for (const name of some) {
      const first = digestTree(path.join(paths.out, name));
      expect(digestTree(path.join(again, name))).toEqual(first);
      expect(Object.keys(first).length).toBeGreaterThan(1);
    }
    for (const file of Object.keys(digestTree(again)))
      expect(readFileSync(path.join(again, file), 'utf8')).not.toContain(tmp);
    expect(statSync(path.join(again, 'index.html')).size).toBeGreaterThan(0);
  }, 120_000);
});
