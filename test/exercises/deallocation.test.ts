/** Exercise 2's deep-nest check: the reference frees a deep nest, and a dealloc without a trashcan cannot. */
import { writeFileSync } from 'fs';
import path from 'path';
import { findExercise } from '../../exercises';
import { checkExercise } from '../../exercises/check-exercise';
import { freeNest } from '../../exercises/02-deallocation/checks';
import { copySubmission } from './helpers';

test('the reference frees a 100,000-deep nest completely (what the check expects)', () => {
  expect(freeNest(100_000)).toEqual({ leftAlive: 0, error: null });
});

test('a correct order without a trashcan passes dealloc-order but fails deep-nest', () => {
  const root = copySubmission('correct');
  writeFileSync(
    path.join(root, '02-deallocation', 'deallocation.ts'),
    `import type { CreateDeallocator } from 'pymemlab/exercises/02-deallocation/api';
export const createDeallocator: CreateDeallocator = (api) => ({
  dealloc(op) {
    api.untrack(op);
    const items = api.items(op);
    for (const item of api.kind(op) === 'dict' ? items : items.reverse()) api.decref(item);
    api.freeShell(op);
  },
});
`,
  );
  const verdict = checkExercise(root, findExercise('02')!, {});
  expect(verdict.reports.map((r) => [r.check, r.passed])).toEqual([
    ['dealloc-order', true],
    ['deep-nest', false],
    ['python-programs', true],
  ]);
  expect(verdict.reports[1].failure!.mismatch.message).toContain('use a trashcan');
});
