/**
 * Running a check: deterministic (the same code and seed give the same verdict and counterexample),
 * replayable from the printed seed and path, and the same whether the student's side runs here or
 * behind an asynchronous observer (a grader's child process).
 */
import path from 'path';
import { findExercise, loadStudent, runCheck, runCheckRemote } from '../../exercises';
import { reportText } from '../../exercises/report-text';
import { SUBMISSIONS } from './helpers';

const exercise = findExercise('04')!;
const check = exercise.checks[0];
const load = (submission: string) =>
  loadStudent(path.join(SUBMISSIONS, submission, exercise.meta.id, 'finding-garbage.ts'), exercise.meta);

test('the same code and seed give the same verdict and counterexample; the path replays it', () => {
  const first = runCheck(exercise, check, { student: load('bug-gc-refs-off-by-one') });
  const second = runCheck(exercise, check, { student: load('bug-gc-refs-off-by-one') });
  expect(first.passed).toBe(false);
  expect(second).toEqual(first);
  const replay = runCheck(
    exercise,
    check,
    { student: load('bug-gc-refs-off-by-one') },
    {
      seed: first.seed,
      path: first.failure!.path,
    },
  );
  expect(replay.failure!.steps).toEqual(first.failure!.steps);
  expect(replay.failure!.mismatch).toEqual(first.failure!.mismatch);
  const text = reportText(first);
  expect(text).toContain(`replay: pymemlab check ${exercise.meta.id} --only ${check.name} --seed ${first.seed} --path`);
  expect(text).toMatch(/ {4}1\. /);
});

test('an asynchronous observer gets the same verdicts as the in-process one', async () => {
  for (const submission of ['correct', 'bug-unreachable-too-early']) {
    const student = load(submission);
    const local = runCheck(exercise, check, { student }, { numRuns: 20 });
    const remote = await runCheckRemote(exercise, check, async (input) => check.observe(student, input), {
      numRuns: 20,
    });
    expect(remote.report).toEqual(local);
  }
});
