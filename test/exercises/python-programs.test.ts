/**
 * The `python-programs` check (exercises/python-programs.ts): a buggy component fails it with a
 * short Python program and the two outputs, replayable from its seed and path; an injected bug is
 * caught; a correct component written differently from the reference passes; the judge compares
 * exit status and refuses observations that are not runs.
 */
import fc from 'fast-check';
import path from 'path';
import type { RefCounting } from '../../core/components';
import type { Runtime } from '../../core/runtime';
import { findExercise, loadStudent, runCheck, type LoadedStudent } from '../../exercises';
import {
  pythonProgramsCheck,
  runPythonProgram,
  type ProgramRun,
  type PythonProgram,
} from '../../exercises/python-programs';
import { parse } from '../../python';
import { reportText } from '../../exercises/report-text';
import { studentFiles } from '../../exercises/workspace';
import { SUBMISSIONS } from './helpers';

const PROGRAM_CHECK = 'python-programs';

function exerciseAndCheck(id: string) {
  const exercise = findExercise(id)!;
  return { exercise, check: exercise.checks.find((c) => c.name === PROGRAM_CHECK)! };
}

function sample(submission: string, id: string): LoadedStudent {
  const exercise = findExercise(id)!;
  return loadStudent(studentFiles(path.join(SUBMISSIONS, submission), exercise)[0], exercise.meta);
}

/** No student files: the injected components below are plain functions of the test. */
const NO_STUDENT = { exports: {} } as unknown as LoadedStudent;

/** Py_DECREF that forgets the free at zero: every object outlives its last reference. */
const neverFrees = (): RefCounting => ({
  incref: (op) => void (op.refcnt += 1),
  decref: (op) => void (op.refcnt -= 1),
});

/** A correct Py_DECREF written apart from the reference: the count is read once, the free decided from it. */
const countsThenFrees = (rt: Runtime): RefCounting => ({
  incref: (op) => {
    op.refcnt = op.refcnt + 1;
  },
  decref: (op) => {
    const left = op.refcnt - 1;
    op.refcnt = left;
    if (left === 0) rt.dealloc(op);
  },
});

test('a buggy sample fails with a few lines of Python, what the reference prints and what it prints', () => {
  const { exercise, check } = exerciseAndCheck('06');
  const report = runCheck(exercise, check, { student: sample('bug-finalizes-twice', '06') });
  expect(report.passed).toBe(false);
  const { steps, mismatch, path: replayPath } = report.failure!;
  expect(steps[0]).toBe('import gc, sys, weakref');
  expect(steps.length).toBeLessThanOrEqual(20);
  // The expected side is exactly what the shrunk program prints on the reference.
  const reference = runPythonProgram({ source: steps.join('\n') + '\n' });
  expect(mismatch.expected).toBe(reference.stdout.replace(/\n$/, ''));
  const dels = (text: string) => text.split('\n').filter((line) => line.startsWith('del ')).length;
  expect(dels(mismatch.observed)).toBeGreaterThan(dels(mismatch.expected));
  expect(reportText(report)).toContain(`    1. import gc, sys, weakref`);

  const replay = runCheck(
    exercise,
    check,
    { student: sample('bug-finalizes-twice', '06') },
    { seed: report.seed, path: replayPath },
  );
  expect(replay.failure!.steps).toEqual(steps);
  expect(replay.failure!.mismatch).toEqual(mismatch);
});

test('an injected bug (Py_DECREF never frees) is caught with a short program', () => {
  const { exercise } = exerciseAndCheck('01');
  const report = runCheck(
    exercise,
    pythonProgramsCheck(() => ({ refcounting: () => neverFrees() })),
    {
      student: NO_STUDENT,
    },
  );
  expect(report.passed).toBe(false);
  expect(report.failure!.steps.length).toBeLessThanOrEqual(20);
  expect(report.failure!.mismatch.expected).not.toEqual(report.failure!.mismatch.observed);
});

test('a correct component written differently from the reference passes, and so does the correct sample', () => {
  const { exercise } = exerciseAndCheck('01');
  const alternative = runCheck(
    exercise,
    pythonProgramsCheck(() => ({ refcounting: countsThenFrees })),
    {
      student: NO_STUDENT,
    },
  );
  expect(alternative.failure).toBeUndefined();
  for (const id of ['01', '02', '04', '05', '06']) {
    const { exercise: e, check: c } = exerciseAndCheck(id);
    expect([id, runCheck(e, c, { student: sample('correct', id) }).failure]).toEqual([id, undefined]);
  }
});

describe('the judge', () => {
  const { check } = exerciseAndCheck('01');
  const program = { source: 'print(1)\n' };
  const run = (over: Partial<ProgramRun>): ProgramRun => ({
    stdout: '1\n',
    lastError: '',
    exitCode: 0,
    error: null,
    ...over,
  });

  it('agrees when output and exit status agree', () => {
    expect(check.judge(program, run({}), run({}))).toBeNull();
  });

  it('shows both exit statuses, with the exception, when only they differ', () => {
    const mismatch = check.judge(
      program,
      run({ exitCode: 1, lastError: "NameError: name 'x' is not defined" }),
      run({}),
    );
    expect(mismatch).toMatchObject({
      message: 'with your component the program exits with status 1, not 0',
      expected: '1\n(exit status 0)',
      observed: "1\n(exit status 1: NameError: name 'x' is not defined)",
    });
  });

  it('names the first output line that differs, and an error that stopped the run', () => {
    expect(check.judge(program, run({ stdout: '1\n3\n' }), run({ stdout: '1\n2\n' }))!.message).toContain(
      'first difference at output line 2',
    );
    const stopped = check.judge(program, run({ stdout: '', exitCode: null, error: 'Error: boom' }), run({}))!;
    expect(stopped.observed).toBe('(the run stopped with an error: Error: boom)');
  });

  it('refuses an observation that is not a run (what a tampered sandbox could send)', () => {
    expect(check.judge(program, { stdout: 3 }, run({}))!.message).toBe('your code returned something unexpected');
    expect(check.judge(program, null, run({}))!.message).toBe('your code returned something unexpected');
  });
});

describe('programs travel parsed', () => {
  const { check } = exerciseAndCheck('01');
  const programs = fc.sample(check.arbitrary as fc.Arbitrary<PythonProgram>, { numRuns: 12, seed: 3 });

  test('each generated program carries its parse, and a run from it prints what a run from the source prints', () => {
    for (const program of programs) {
      expect(program.parsed).toEqual(parse(program.source, 'program.py'));
      expect(runPythonProgram(program)).toEqual(runPythonProgram({ source: program.source }));
    }
  });

  test('a run starts from the parse it is given (the parse of another program prints what that program prints), and leaves it as it was', () => {
    const [a, b] = programs.filter((p, i, all) => all.findIndex((q) => q.source === p.source) === i);
    const before = structuredClone(b!.parsed);
    const run = runPythonProgram({ source: a!.source, parsed: b!.parsed });
    expect(run).toEqual(runPythonProgram({ source: b!.source }));
    expect(run).not.toEqual(runPythonProgram({ source: a!.source }));
    expect(b!.parsed).toEqual(before);
  });
});
