/**
 * The sample submissions: the correct one (written apart from core/) passes every check of every
 * exercise, hidden ones included; each buggy one fails the checks its bug violates and passes every
 * exercise it does not touch.
 */
import path from 'path';
import { exercises } from '../../exercises';
import { checkExercise } from '../../exercises/check-exercise';
import { initWorkspace } from '../../exercises/workspace';
import { SUBMISSIONS, tempDir } from './helpers';

/** Each buggy submission: the exercise its bug is in, and the checks that must fail. */
const BUGS: Record<string, { exercise: string; fails: string[] }> = {
  'bug-forgets-to-decref-children': {
    exercise: '02-deallocation',
    // The mixed nest's dicts keep what they hold: the nest inside them leaks.
    fails: ['dealloc-order', 'mixed-deep-nest', 'python-programs'],
  },
  'bug-frees-below-zero': {
    exercise: '01-reference-counting',
    fails: ['refcounting', 'refcounts-under-collections', 'python-programs'],
  },
  'bug-gc-refs-off-by-one': {
    exercise: '04-finding-garbage',
    fails: ['cycle-collector', 'finalizer-order', 'weakref-order', 'python-programs'],
  },
  'bug-unreachable-too-early': {
    exercise: '04-finding-garbage',
    fails: ['cycle-collector', 'finalizer-order', 'weakref-order', 'python-programs'],
  },
  'bug-collects-young-referenced-by-old': {
    exercise: '04-finding-garbage',
    fails: ['cycle-collector', 'finalizer-order', 'weakref-order', 'python-programs'],
  },
  'bug-leaks-only-on-cycles': {
    exercise: '03-why-refcounting-leaks',
    fails: ['finds-every-leak', 'names-the-cycle', 'large-heaps'],
  },
  'bug-sizeof-without-gc-head': {
    exercise: '09-memory-optimisation',
    fails: ['instance-sizes', 'list-growth', 'matches-python3'],
  },
  'bug-youngest-generation-first': {
    exercise: '05-generations',
    fails: ['which-generation', 'long-lived-rule', 'cycle-collector'],
  },
  'bug-finalizes-twice': {
    exercise: '06-finalizers-and-weakrefs',
    fails: ['finalizers', 'weakrefs', 'cycle-collector', 'python-programs'],
  },
  'bug-callback-of-garbage-weakref': {
    exercise: '06-finalizers-and-weakrefs',
    fails: ['weakrefs', 'python-programs'],
  },
  'bug-size-class-rounding': {
    exercise: '07-size-classes',
    fails: ['request-to-size-class', 'every-request-size'],
  },
  // Efficiency is measured only on traces whose blocks are valid: an overlap fails those too.
  'bug-hands-out-live-block': {
    exercise: '08-pools-and-arenas',
    fails: ['pools-and-arenas', 'arenas-at-peak', 'arenas-at-end', 'more-traces'],
  },
  // Correct but wasteful: only the arenas held at the end differ from CPython's.
  'bug-never-releases-free-arena': {
    exercise: '08-pools-and-arenas',
    fails: ['arenas-at-end'],
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
    const verdict = checkExercise(root, e, { hidden: true, numRuns: touched ? undefined : 2 });
    expect(verdict.compileErrors).toEqual([]);
    const failed = verdict.reports.filter((r) => !r.passed).map((r) => r.check);
    expect([e.meta.id, failed]).toEqual([e.meta.id, touched ? fails : []]);
  }
});

test('every starter compiles (types included) and fails its visible checks', () => {
  const root = path.join(tempDir(), 'ws');
  initWorkspace(root, exercises());
  for (const e of exercises()) {
    const verdict = checkExercise(root, e, { typecheck: true, numRuns: 20 });
    expect([e.meta.id, verdict.compileErrors]).toEqual([e.meta.id, []]);
    expect([e.meta.id, verdict.reports.every((r) => !r.passed)]).toEqual([e.meta.id, true]);
  }
});
