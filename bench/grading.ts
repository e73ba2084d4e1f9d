/**
 * grading.seconds_per_submission: the wall time of grading the bundled correct submission on every
 * exercise with default settings (bundle, sandboxed child, every check, visible and hidden), the
 * best of `repeats`, each with a class seed of its own (as the submissions of a class have).
 * grading.isolation_overhead: that time over the same checks with the same bundle evaluated in the
 * grader's own process (for comparison only: the grader never does this).
 * grading.cpu_seconds_per_submission and in_process_cpu_seconds: the CPU time the same gradings
 * used (the grader's threads and, isolated, its sandboxed children), the least of `repeats`: a
 * 5 s target on two cores needs at most 10 s (measure-grading.ts).
 * Targets: at most 5 s per submission on the 2-core machines; overhead at most 1.25.
 */
import path from 'path';
import { gradeSubmission, type Subject } from '../graders/grade';
import { kitExercises } from '../graders/kit-exercises';
import { DEFAULT_LIMITS } from '../graders/sandbox/pool';
import { measureGrading, round } from './measure-grading';
import { SandboxError } from '../graders/sandbox/errors';
import { BUNDLE_GLOBAL } from '../graders/sandbox/protocol';
import { parseObservation } from '../graders/sandbox/validate';
import { ObservationText } from '../core/checks/check';

export interface GradingBench {
  readonly seconds_per_submission: number;
  readonly in_process_seconds: number;
  readonly isolation_overhead: number;
  /** null where /proc cannot be read (not Linux). */
  readonly cpu_seconds_per_submission: number | null;
  readonly in_process_cpu_seconds: number | null;
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
): Promise<{ seconds: number; cpuSeconds: number | null; score: string }> {
  const submission = { name: 'correct', dir: path.join(__dirname, '..', 'examples', 'submissions', 'correct') };
  const {
    value: grade,
    seconds,
    cpuSeconds,
  } = await measureGrading(() =>
    gradeSubmission(submission, kitExercises(), { seed, limits: DEFAULT_LIMITS, subject }),
  );
  return { seconds, cpuSeconds, score: `${grade.score}/${grade.maxScore}` };
}

/** The least of figures that may be unknown (null if any is). */
function least(figures: readonly (number | null)[]): number | null {
  return figures.some((f) => f === null) ? null : Math.min(...(figures as number[]));
}

export async function benchGrading(repeats = 3): Promise<GradingBench> {
  const isolated: { seconds: number; cpuSeconds: number | null }[] = [];
  const local: { seconds: number; cpuSeconds: number | null }[] = [];
  let score = '';
  for (let i = 0; i < repeats; i++) {
    const run = await timeGrading(2 * i);
    isolated.push(run);
    score = run.score;
    local.push(await timeGrading(2 * i + 1, inProcess));
  }
  const roundOrNull = (x: number | null) => (x === null ? null : round(x));
  const fastest = least(isolated.map((r) => r.seconds))!;
  const fastestLocal = least(local.map((r) => r.seconds))!;
  return {
    seconds_per_submission: round(fastest),
    in_process_seconds: round(fastestLocal),
    isolation_overhead: round(fastest / fastestLocal),
    cpu_seconds_per_submission: roundOrNull(least(isolated.map((r) => r.cpuSeconds))),
    in_process_cpu_seconds: roundOrNull(least(local.map((r) => r.cpuSeconds))),
    score,
  };
}
