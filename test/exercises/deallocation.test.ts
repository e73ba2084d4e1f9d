/**
 * Exercise 2's nest checks: the reference frees a deep nest of lists and a mixed one of lists,
 * tuples and dicts; a dealloc without a trashcan fails both, and one whose trashcan covers lists
 * alone passes the first and fails the second.
 */
import { writeFileSync } from 'fs';
import path from 'path';
import { findExercise } from '../../exercises';
import { checkExercise } from '../../exercises/check-exercise';
import { freeNest } from '../../exercises/02-deallocation/checks';
import { copySubmission } from './helpers';

test('the reference frees a 100,000-deep nest completely (what the check expects)', () => {
  expect(freeNest(100_000)).toEqual({ leftAlive: 0, error: null });
});

test('the reference frees a 100,000-deep nest of lists, tuples and dicts completely', () => {
  expect(freeNest(100_000, undefined, ['list', 'tuple', 'dict'])).toEqual({ leftAlive: 0, error: null });
});

/** The correct sample's deallocator with `trashcan` deciding which containers go through the trashcan. */
function withTrashcanFor(trashcan: string): string {
  const root = copySubmission('correct');
  writeFileSync(
    path.join(root, '02-deallocation', 'deallocation.ts'),
    `import type { CreateDeallocator, ObjectId } from 'pymemlab/exercises/02-deallocation/api';
export const createDeallocator: CreateDeallocator = (api) => {
  let depth = 0;
  const deferred: ObjectId[] = [];
  const destroy = (op: ObjectId): void => {
    const items = api.items(op);
    for (const item of api.kind(op) === 'dict' ? items : items.reverse()) api.decref(item);
    api.freeShell(op);
  };
  return {
    dealloc(op) {
      api.untrack(op);
      if (!(${trashcan})) return destroy(op);
      if (depth >= 50) return void deferred.push(op);
      depth++;
      destroy(op);
      while (depth === 1 && deferred.length > 0) destroy(deferred.pop()!);
      depth--;
    },
  };
};
`,
  );
  return root;
}

const checksOf = (root: string) =>
  checkExercise(root, findExercise('02')!, { hidden: true, numRuns: 2 }).reports.map((r) => [r.check, r.passed]);

test('a correct order without a trashcan passes dealloc-order but fails both nests', () => {
  const root = withTrashcanFor('false');
  const verdict = checkExercise(root, findExercise('02')!, { hidden: true });
  expect(verdict.reports.map((r) => [r.check, r.passed])).toEqual([
    ['dealloc-order', true],
    ['deep-nest', false],
    ['mixed-deep-nest', false],
    ['python-programs', true],
  ]);
  expect(verdict.reports[1].failure!.mismatch.message).toContain('use a trashcan)');
  expect(verdict.reports[2].failure!.mismatch.message).toContain('use a trashcan in the dealloc of every kind');
});

test.each([['list'], ['tuple'], ['dict']])(
  'a trashcan in every dealloc but the %s one fails mixed-deep-nest alone',
  (kind) => {
    const root = withTrashcanFor(`api.kind(op) !== '${kind}'`);
    expect(checksOf(root)).toEqual([
      ['dealloc-order', true],
      ['deep-nest', kind !== 'list'],
      ['mixed-deep-nest', false],
      ['python-programs', true],
    ]);
  },
);

test('a trashcan in list_dealloc alone passes deep-nest and fails mixed-deep-nest', () => {
  const root = withTrashcanFor(`api.kind(op) === 'list'`);
  expect(checksOf(root)).toEqual([
    ['dealloc-order', true],
    ['deep-nest', true],
    ['mixed-deep-nest', false],
    ['python-programs', true],
  ]);
});

test('the same deallocator with the trashcan in every dealloc passes every check (written apart from the sample)', () => {
  expect(checksOf(withTrashcanFor('true'))).toEqual([
    ['dealloc-order', true],
    ['deep-nest', true],
    ['mixed-deep-nest', true],
    ['python-programs', true],
  ]);
});
