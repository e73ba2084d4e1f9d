/**
 * The sample submissions: the correct one (written apart from core/) passes every check of every
 * exercise, hidden ones included; each buggy one fails the checks its bug violates and passes every
 * exercise it does not touch.
 */
import path from 'path';
import { exercises } from '../../exercises';
import { checkExercise } from '../../exercises/check-exercise';
import { SUBMISSIONS } from './helpers';

/** Each buggy submission: the exercise its bug is in, and the checks that must fail. */
const BUGS: Record<string, { exercise: string; fails: string[] }> = {
  'bug-frees-below-zero': {
    exercise: '01-reference-counting',
    fails: ['refcounts-exact', 'frees-like-cpython', 'long-programs'],
  },
  'bug-gc-refs-off-by-one': {
    exercise: '04-finding-garbage',
    fails: ['finds-the-garbage', 'same-order-as-cpython', 'long-programs'],
  },
  'bug-unreachable-too-early': {
    exercise: '04-finding-garbage',
    // The collector re-checks the unreachable set after finalizers, so no reachable object is freed;
    // but __del__ and weakref callbacks run on reachable objects: the comparison with CPython sees it.
    fails: ['same-order-as-cpython', 'long-programs'],
  },
  'bug-size-class-rounding': {
    exercise: '07-size-classes',
    fails: ['request-to-size-class', 'every-request-size'],
  },
};

test.each(exercises().map((e) => [e.meta.id, e] as const))(
  'the correct submission passes every check of %s',
  (_id, e) => {
    const verdict = checkExercise(path.join(SUBMISSIONS, 'correct'), e, { hidden: true });
    expect(verdict.compileErrors).toEqual([]);
    expect(verdict.reports.filter((r) => !r.passed).map((r) => r.failure)).toEqual([]);
    expect(verdict.reports.length).toBe(e.meta.checks.length);
  },
);

test.each(Object.entries(BUGS))('%s fails exactly the checks its bug violates', (bug, { exercise, fails }) => {
  const root = path.join(SUBMISSIONS, bug);
  for (const e of exercises()) {
    const touched = e.meta.id === exercise;
    const verdict = checkExercise(root, e, { hidden: true, numRuns: touched ? undefined : 15 });
    expect(verdict.compileErrors).toEqual([]);
    const failed = verdict.reports.filter((r) => !r.passed).map((r) => r.check);
    expect([e.meta.id, failed]).toEqual([e.meta.id, touched ? fails : []]);
  }
});
