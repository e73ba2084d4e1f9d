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

async function failedChecks(sample: string, exercises = EXERCISES): Promise<{ score: string; failed: string[] }> {
  const grade = await gradeSubmission({ name: sample, dir: path.join(SAMPLES, sample) }, exercises, {
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

/** The points a submission keeps when exactly `failed` checks fail: computed from the metadata. */
function expectedScore(failed: readonly string[], exercises = EXERCISES): string {
  const checks = exercises.flatMap((e) => e.checks.map((c) => ({ key: `${e.id}/${c.name}`, points: c.points })));
  const total = checks.reduce((sum, c) => sum + c.points, 0);
  const lost = checks.filter((c) => failed.includes(c.key)).reduce((sum, c) => sum + c.points, 0);
  return `${total - lost}/${total}`;
}

describe("the kit's sample submissions, graded in isolation", () => {
  it('the correct one gets full marks', async () => {
    expect(await failedChecks('correct')).toEqual({ score: expectedScore([]), failed: [] });
  });

  it.each([
    [
      'bug-frees-below-zero',
      [
        '01-reference-counting/refcounting',
        '01-reference-counting/refcounts-under-collections',
        '01-reference-counting/python-programs',
      ],
    ],
    ['bug-size-class-rounding', ['07-size-classes/request-to-size-class', '07-size-classes/every-request-size']],
  ])('%s loses exactly the points of the checks its bug breaks', async (sample, failed) => {
    expect(await failedChecks(sample)).toEqual({ score: expectedScore(failed), failed });
  });

  it("reports python-programs' counterexample as the program's lines, with the two outputs", async () => {
    const grade = await gradeSubmission(
      { name: 'bug-frees-below-zero', dir: path.join(SAMPLES, 'bug-frees-below-zero') },
      EXERCISES.filter((e) => e.id === '01-reference-counting'),
      { seed: 0, limits: { ...FAST_LIMITS, timeoutMs: 10_000 } },
    );
    const result = grade.exercises[0]!.checks.find((c) => c.check.name === 'python-programs')!.result;
    expect(result.status).toBe('fail');
    expect(result.failure!.steps.slice(0, 2)).toEqual(['import gc, sys, weakref', 'gc.collect()']);
    expect(result.failure!.steps.length).toBeLessThanOrEqual(20);
    expect(result.failure!.expected).toContain('(exit status');
    expect(result.failure!.observed).toContain('the run stopped with an error');
  });
});

describe('exercise 8 through the grader: correctness gates efficiency', () => {
  const POOLS = kitExercises().filter((e) => e.id === '08-pools-and-arenas');
  /** The graded checks of exercise 8 for one sample, and its score. */
  const gradePools = async (sample: string) => {
    const grade = await gradeSubmission({ name: sample, dir: path.join(SAMPLES, sample) }, POOLS, {
      seed: 0,
      limits: { ...FAST_LIMITS, timeoutMs: 10_000 },
    });
    return { checks: grade.exercises[0].checks, score: grade.score };
  };

  it('the correct allocator (maps and arrays, not the reference) gets full marks', async () => {
    expect(await failedChecks('correct', POOLS)).toEqual({ score: expectedScore([], POOLS), failed: [] });
  });

  it('handing out a live block fails correctness, and the efficiency points are withheld', async () => {
    const { checks, score } = await gradePools('bug-hands-out-live-block');
    expect(checks.find((c) => c.check.name === 'pools-and-arenas')?.result.failure?.reason).toMatch(/mismatch/);
    expect(checks.filter((c) => c.check.kind === 'efficiency').map((c) => [c.gated, c.score])).toEqual([
      [true, 0],
      [true, 0],
    ]);
    expect(score).toBe(0);
  });

  it('never releasing a free arena keeps the correctness points and loses arenas-at-end, showing both figures', async () => {
    const { checks, score } = await gradePools('bug-never-releases-free-arena');
    expect(checks.filter((c) => c.result.status !== 'pass').map((c) => c.check.name)).toEqual(['arenas-at-end']);
    expect(score).toBe(Number(expectedScore(['08-pools-and-arenas/arenas-at-end'], POOLS).split('/')[0]));
    const failure = checks.find((c) => c.check.name === 'arenas-at-end')!.result.failure!;
    expect(failure.message).toMatch(/CPython 3\.11 holds \d+ arenas? .*; your allocator holds \d+ arenas?/);
    expect([failure.expected, failure.observed]).toEqual([
      expect.stringMatching(/^at most \d/),
      expect.stringMatching(/^\d/),
    ]);
  });
});
