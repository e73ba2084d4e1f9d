/**
 * grading.seconds_per_submission: the wall time of grading the bundled correct submission on every
 * exercise with default settings (bundle, sandboxed child, every check, visible and hidden), the
 * best of `repeats`, each with a class seed of its own (as the submissions of a class have). grading.isolation_overhead: that time over the same checks with the same
 * bundle evaluated in the grader's own process (for comparison only: the grader never does this).
 * Targets: at most 5 s per submission on the 2-core machines; overhead at most 1.25.
 */
import path from 'path';
import { gradeSubmission, type Subject } from '../graders/grade';
import { kitExercises } from '../graders/kit-exercises';
import { DEFAULT_LIMITS } from '../graders/sandbox/pool';
import { SandboxError } from '../graders/sandbox/errors';
import { BUNDLE_GLOBAL } from '../graders/sandbox/protocol';
import { parseObservation } from '../graders/sandbox/validate';
import { ObservationText } from '../core/checks/check';

export interface GradingBench {
  readonly seconds_per_submission: number;
  readonly in_process_seconds: number;
  readonly isolation_overhead: number;
  readonly score: string;
}

type Bundle = { student: unknown; observe: (student: unknown, check: string, ops: unknown) => unknown };

/**
 * The bundle evaluated here, as the child would evaluate it, with the submission's errors reported
 * alike and its observations sent as the child sends them (JSON text), so that the judge's side
 * does the same work and the ratio measures the isolation alone.
 */
function inProcess(code: string): Subject {
  const bundle = new Function(`${code}\nreturn ${BUNDLE_GLOBAL};`)() as Bundle;
  return {
    printed: '',
    close: () => {},
    observe: async (check, ops) => {
      let value: unknown;
      try {
        value = bundle.observe(bundle.student, check, ops);
      } catch (error) {
        throw new SandboxError('threw', String(error));
      }
      return new ObservationText(JSON.stringify(value) ?? 'null', (json) => parseObservation(json, Infinity));
    },
  };
}

/**
 * One grading of the correct submission with class seed `seed`. Each run has a seed of its own, as
 * each submission of a class has: the reference's observations the grader keeps within a
 * submission (exercises that share a check) are never reused from an earlier run.
 */
async function timeGrading(
  seed: number,
  subject?: (code: string) => Subject,
): Promise<{ seconds: number; score: string }> {
  const submission = { name: 'correct', dir: path.join(__dirname, '..', 'examples', 'submissions', 'correct') };
  const start = process.hrtime.bigint();
  const grade = await gradeSubmission(submission, kitExercises(), { seed, limits: DEFAULT_LIMITS, subject });
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, score: `${grade.score}/${grade.maxScore}` };
}

export async function benchGrading(repeats = 3): Promise<GradingBench> {
  let isolated = Infinity;
  let local = Infinity;
  let score = '';
  for (let i = 0; i < repeats; i++) {
    const run = await timeGrading(2 * i);
    isolated = Math.min(isolated, run.seconds);
    score = run.score;
    local = Math.min(local, (await timeGrading(2 * i + 1, inProcess)).seconds);
  }
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    seconds_per_submission: round(isolated),
    in_process_seconds: round(local),
    isolation_overhead: round(isolated / local),
    score,
  };
}
