/**
 * The kit's own exercises through the grader: the sample submissions, bundled from their folders,
 * observed in the sandbox and judged here, lose exactly the points of the checks their bug breaks
 * (the same checks test/exercises/submissions.test.ts expects of the in-process runner).
 * Two exercises only, to stay fast; `npm run grade` grades every sample on every exercise.
 */
import path from 'path';
import { gradeSubmission } from '../../graders/grade';
import { kitExercises } from '../../graders/kit-exercises';
import { FAST_LIMITS } from './fixtures/grade-fixture';

const SAMPLES = path.join(__dirname, '..', '..', 'examples', 'submissions');
const EXERCISES = kitExercises().filter((e) => ['01-reference-counting', '07-size-classes'].includes(e.id));

async function failedChecks(sample: string): Promise<{ score: string; failed: string[] }> {
  const grade = await gradeSubmission({ name: sample, dir: path.join(SAMPLES, sample) }, EXERCISES, {
    seed: 0,
    limits: { ...FAST_LIMITS, timeoutMs: 10_000 },
  });
  return {
    score: `${grade.score}/${grade.maxScore}`,
    failed: grade.exercises.flatMap((e) =>
      e.checks.filter((c) => c.result.status !== 'pass').map((c) => `${e.exercise.id}/${c.check.name}`),
    ),
  };
}

describe("the kit's sample submissions, graded in isolation", () => {
  it('the correct one gets full marks', async () => {
    expect(await failedChecks('correct')).toEqual({ score: '20/20', failed: [] });
  });

  it('bug-frees-below-zero loses exactly the reference-counting checks', async () => {
    expect(await failedChecks('bug-frees-below-zero')).toEqual({
      score: '10/20',
      failed: [
        '01-reference-counting/refcounts-exact',
        '01-reference-counting/frees-like-cpython',
        '01-reference-counting/long-programs',
      ],
    });
  });

  it('bug-size-class-rounding loses exactly the size-class checks its bug breaks, with a counterexample', async () => {
    expect(await failedChecks('bug-size-class-rounding')).toEqual({
      score: '13/20',
      failed: ['07-size-classes/request-to-size-class', '07-size-classes/every-request-size'],
    });
  });
});
