/**
 * Exercise 8's efficiency checks can fail a valid allocator: one that never gives an empty pool
 * back to its arena (insert_to_freepool forgotten: the pool is unlinked and left) hands out only
 * valid blocks, yet maps more arenas than CPython at the peak and holds more at the end. The
 * correct sample (written with maps and arrays) passes both, and the never-releasing sample only
 * the peak (test/exercises/submissions.test.ts).
 */
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { findExercise } from '../../exercises';
import { checkExercise } from '../../exercises/check-exercise';
import { copySubmission } from './helpers';

const pools = findExercise('08')!;

test('an allocator that hoards its empty pools fails arenas-at-peak and arenas-at-end, with both figures', () => {
  const root = copySubmission('correct');
  const file = path.join(root, '08-pools-and-arenas', 'pools-and-arenas.ts');
  const source = readFileSync(file, 'utf8');
  const freepool = /const arena = pool\.arena;\n\s*arena\.emptied\.push\(pool\);[\s\S]*?else placeInUsable\(arena\);\n/;
  expect(source).toMatch(freepool);
  writeFileSync(file, source.replace(freepool, '// the empty pool is left where it is, never used again\n'));

  const verdict = checkExercise(root, pools, { hidden: true });
  const failed = Object.fromEntries(verdict.reports.map((r) => [r.check, r.failure?.mismatch]));
  expect(Object.keys(failed).filter((name) => failed[name] !== undefined)).toEqual([
    'pools-and-arenas',
    'arenas-at-peak',
    'arenas-at-end',
    'more-traces',
  ]);
  expect(failed['arenas-at-peak']?.message).toMatch(
    /At the busiest moment of this trace, CPython 3\.11 holds (\d+) arenas? .*; your allocator holds (\d+) arenas?/,
  );
  const [, want, got] = /holds (\d+) arenas?.*holds (\d+) arenas?/.exec(failed['arenas-at-peak']!.message)!;
  expect(Number(got)).toBeGreaterThan(Number(want));
  expect(failed['arenas-at-peak']?.expected).toContain(`at most ${want} arena`);
});
