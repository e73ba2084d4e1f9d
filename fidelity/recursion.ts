/**
 * Recursion for the program generator: `rec(k)` builds k nested lists, one frame per level, and
 * a call deep enough to pass the limit of 1000 frames ends in RecursionError, caught, after
 * which the program goes on (the traceback of a thousand frames is made and freed). `depth(k)`
 * prints how deep it got before the RecursionError: Python frames and the module's own count
 * against one limit, as in CPython 3.11, so it is exact.
 */
import fc from 'fast-check';
import type { Stmt } from '../python/lang';
import { stmts } from './templates';

export const RECURSION_DEF: readonly Stmt[] = stmts(`def rec(k):
    if k <= 0:
        return []
    return [rec(k - 1)]
def depth(k):
    try:
        return depth(k + 1)
    except RecursionError:
        return k
`);

/** A recursive call: printed, kept in a list of objects, or too deep. */
export function recursionStmt(objectListTargets: readonly string[]): fc.Arbitrary<Stmt[]> {
  const depth = fc.integer({ min: 0, max: 6 });
  const options: fc.Arbitrary<Stmt[]>[] = [
    depth.map((d) => stmts(`print(rec(${d}))`)),
    fc.constant(stmts("try:\n    rec(5000)\nexcept RecursionError as err:\n    print('too deep', err)")),
    fc.constant(stmts('print(depth(0))')),
  ];
  if (objectListTargets.length > 0)
    options.push(fc.tuple(fc.constantFrom(...objectListTargets), depth).map(([t, d]) => stmts(`${t} = rec(${d})`)));
  return fc.oneof(...options);
}
