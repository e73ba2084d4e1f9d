/**
 * Hostile submissions against the kit's own exercises (hostile.test.ts grades the full corpus
 * against a fixture exercise): the same sandbox, but with the kit's student API, adapters,
 * observer and wire format in the child. Each case in test/graders/corpus-kit hands in exercise 1
 * (reference counting); every case also hands in a correct exercise 7 (size classes), which must
 * keep its points whatever exercise 1 does. The bundled correct sample is graded in the same batch
 * and keeps full marks.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { gradeClass } from '../../graders/grade-class';
import { kitExercises } from '../../graders/kit-exercises';
import { createRenderer } from '../../graders/render';
import type { ExerciseResult, SubmissionResults } from '../../graders/results';
import type { ExerciseStatus } from '../../graders/exercise-status';
import { digestTree } from './hostile-corpus';

const REPO = path.join(__dirname, '..', '..');
const CORPUS = path.join(__dirname, 'corpus-kit');
const CORRECT = path.join(REPO, 'examples', 'submissions', 'correct');
const EXERCISES = kitExercises().filter((e) => e.id === '01-reference-counting' || e.id === '07-size-classes');
const [REFCOUNTING, SIZE_CLASSES] = EXERCISES.map((e) => e.checks.reduce((sum, c) => sum + c.points, 0)) as [
  number,
  number,
];

interface Expected {
  readonly status: ExerciseStatus;
  /** Exercise 1's score (exercise 7 must always have all of its points). */
  readonly score: number;
  readonly message?: RegExp;
}

const leaks: Expected = { status: 'failed', score: 0, message: /refcount|alive|free/ };

const EXPECTED: Readonly<Record<string, Expected>> = {
  correct: { status: 'passed', score: REFCOUNTING },
  'honest-but-probing': { status: 'passed', score: REFCOUNTING },
  'import-core': {
    status: 'compile-error',
    score: 0,
    message: /refcounting\.ts:3:\d+: import of ".*core\/refcount\/refcounting\.ts" refused/,
  },
  'reference-through-api': { status: 'failed', score: 0 },
  'tamper-observer': leaks,
  'prints-fake-results': leaks,
  'loop-in-decref': { status: 'timeout', score: 0, message: /no answer within the time limit/ },
  'memory-bomb': { status: 'memory', score: 0, message: /memory|heap/ },
  'throws-null': { status: 'failed', score: 0, message: /threw null|thrown value: null/ },
  'exits-process': { status: 'failed', score: 0, message: /reading 'exit'/ },
};

/** What the student reads for an exercise: its error, or its first failing check's message. */
function message(exercise: ExerciseResult): string {
  return exercise.error ?? exercise.checks.find((c) => c.failure)?.failure?.message ?? '';
}

describe('hostile submissions against the kit exercises, graded as one class', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'pymemlab-hostile-kit-'));
  const dir = path.join(tmp, 'class');
  let results: SubmissionResults[] = [];
  let graderBefore: Record<string, string> = {};

  beforeAll(async () => {
    cpSync(CORPUS, dir, { recursive: true });
    for (const id of ['01-reference-counting', '07-size-classes'])
      cpSync(path.join(CORRECT, id), path.join(dir, 'correct', id), { recursive: true, dereference: true });
    for (const name of readdirSync(dir)) {
      cpSync(path.join(CORRECT, '07-size-classes'), path.join(dir, name, '07-size-classes'), {
        recursive: true,
        dereference: true,
      });
      const file = path.join(dir, name, '01-reference-counting', 'refcounting.ts');
      const text = readFileSync(file, 'utf8');
      const reference = path.join(REPO, 'core', 'refcount', 'refcounting.ts');
      writeFileSync(file, text.replace("'REFERENCE_FILE'", JSON.stringify(reference)));
    }
    graderBefore = digestTree(path.join(REPO, 'exercises'));
    const names = readdirSync(dir).sort();
    results = await gradeClass(
      names.map((name) => ({ name, dir: path.join(dir, name) })),
      EXERCISES,
      {
        seed: 11,
        runs: 10,
        limits: { timeoutMs: 2000, memoryMb: 192, maxObservationChars: 16_000_000, maxOutputBytes: 16 * 1024 },
        jobs: 2,
        out: path.join(tmp, 'out'),
        formats: ['json', 'md', 'junit', 'gradescope'],
        renderer: createRenderer(),
      },
    );
  }, 600_000);

  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test('every case has an expectation', () => {
    expect(results.map((r) => r.submission).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  test.each(Object.keys(EXPECTED))(
    '%s: exercise 1 gets its status, score and message; exercise 7 keeps its points',
    (name) => {
      const expected = EXPECTED[name]!;
      const result = results.find((r) => r.submission === name)!;
      const [refcounting, sizeClasses] = result.exercises;
      expect({ status: refcounting!.status, score: refcounting!.score }).toEqual({
        status: expected.status,
        score: expected.score,
      });
      if (expected.message) expect(message(refcounting!)).toMatch(expected.message);
      expect({ status: sizeClasses!.status, score: sizeClasses!.score }).toEqual({
        status: 'passed',
        score: SIZE_CLASSES,
      });
      expect(result.score).toBe(expected.score + SIZE_CLASSES);
    },
  );

  test('what a submission printed never becomes part of its results', () => {
    const fake = results.find((r) => r.submission === 'prints-fake-results')!;
    expect(JSON.stringify(fake.exercises)).not.toContain('"score": 100');
  });

  test("the kit's exercises are unchanged by the batch", () => {
    expect(digestTree(path.join(REPO, 'exercises'))).toEqual(graderBefore);
  });
});
