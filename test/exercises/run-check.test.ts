/**
 * Running a check: deterministic (the same code and seed give the same verdict and counterexample),
 * replayable from the printed seed and path, and the same whether the student's side runs here or
 * behind an asynchronous observer (a grader's child process).
 */
import path from 'path';
import fc from 'fast-check';
import equal from 'fast-deep-equal';
import { ObservationText } from '../../core/checks/check';
import {
  findExercise,
  loadStudent,
  runCheck,
  runCheckRemote,
  type ExerciseCheck,
  type LoadedStudent,
} from '../../exercises';
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

/** A grader's child's answer: the observation encoded for the wire, as JSON text (`write` may respell it); parses counted. */
function sentAsText(c: ExerciseCheck, student: LoadedStudent, parses: { count: number }, write = JSON.stringify) {
  return async (input: unknown) =>
    new ObservationText(write(c.wire!.encode(c.observe(student, input))), (json) => {
      parses.count++;
      return JSON.parse(json) as unknown;
    });
}

test("an observation that arrives as the reference's very text is judged as the reference's, without parsing", async () => {
  const student = load('correct');
  const parses = { count: 0 };
  const remote = await runCheckRemote(exercise, check, sentAsText(check, student, parses), { numRuns: 20 });
  expect(remote.report).toEqual(runCheck(exercise, check, { student }, { numRuns: 20 }));
  expect(remote.report.passed).toBe(true);
  expect(parses.count).toBe(0);
});

test('any other text is parsed and judged: a wrong observation fails, the same observation spelled differently passes', async () => {
  const wrong = load('bug-unreachable-too-early');
  const parses = { count: 0 };
  const failing = await runCheckRemote(exercise, check, sentAsText(check, wrong, parses), { numRuns: 20 });
  expect(failing.report).toEqual(runCheck(exercise, check, { student: wrong }, { numRuns: 20 }));
  expect(failing.report.passed).toBe(false);
  expect(parses.count).toBeGreaterThan(0);
  const respelled = { count: 0 };
  const indented = (value: unknown) => JSON.stringify(value, null, 1);
  const passing = await runCheckRemote(exercise, check, sentAsText(check, load('correct'), respelled, indented), {
    numRuns: 20,
  });
  expect(passing.report.passed).toBe(true);
  expect(respelled.count).toBe(20);
});

test('a check whose expected value is not an observation parses every text', async () => {
  const notAnObservation: ExerciseCheck = { ...check, expectsObservation: false };
  const parses = { count: 0 };
  const remote = await runCheckRemote(exercise, notAnObservation, sentAsText(check, load('correct'), parses), {
    numRuns: 10,
  });
  expect(remote.report.passed).toBe(true);
  expect(parses.count).toBe(10);
});

test("the reference's observation comes back from its text exactly (the shortcut's premise), for every check that takes it", () => {
  // fast-deep-equal, unlike toEqual, tells a key holding undefined (which JSON drops) from a missing one
  expect(equal(JSON.parse(JSON.stringify({ a: undefined })), { a: undefined })).toBe(false);
  for (const id of ['01', '02', '04', '05', '06']) {
    for (const c of findExercise(id)!.checks.filter((k) => k.expectsObservation === true)) {
      for (const input of fc.sample(c.arbitrary, { seed: 11, numRuns: 2 })) {
        const expected = c.expect(input);
        const text = JSON.stringify(c.wire === undefined ? expected : c.wire.encode(expected));
        const parsed = JSON.parse(text) as unknown;
        expect(equal(c.wire === undefined ? parsed : c.wire.decode(parsed), expected)).toBe(true);
      }
    }
  }
});
