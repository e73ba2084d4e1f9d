/**
 * Statements with slices for the program generator: copies, deletions and assignments of slices
 * of lists (slice objects through the slice cache, list_ass_slice's release order), and printed
 * slices of printable lists. Bounds are small ints, negative ones and missing parts; the step is
 * never 0, so a slice never raises.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../python/lang';
import * as py from './pyast';

/** The names and values a slice statement may use at its point in the program. */
export interface SliceNames {
  /** Lists of objects that may be read, and those that may be rebound to a copy. */
  readonly objectLists: readonly string[];
  readonly objectListTargets: readonly string[];
  /** Lists of printable values. */
  readonly printableLists: readonly string[];
  /** Whether lists may grow here (not inside a `for` over a container). */
  readonly mayGrow: boolean;
  /** A new object (an instance, a list, ...), for the items a slice assignment stores. */
  readonly object: fc.Arbitrary<Expr>;
}

const bound: fc.Arbitrary<Expr | null> = fc.option(
  fc.integer({ min: -3, max: 4 }).map((n) => (n < 0 ? py.neg(py.int(-n)) : py.int(n))),
  { freq: 3 },
);
const step: fc.Arbitrary<Expr | null> = fc.option(
  fc.constantFrom(2, -1, -2, 3).map((n) => (n < 0 ? py.neg(py.int(-n)) : py.int(n))),
  { freq: 2 },
);
const contiguous = fc.tuple(bound, bound).map(([lower, upper]) => py.slice(lower, upper, null));
const anySlice = fc.tuple(bound, bound, step).map(([lower, upper, s]) => py.slice(lower, upper, s));

/** One slice statement (as a one-statement group), or null when no list is in scope. */
export function sliceStmt(names: SliceNames): fc.Arbitrary<Stmt[]> | null {
  const lists = names.objectLists;
  const options: fc.Arbitrary<Stmt>[] = [];
  const listName = (ns: readonly string[]) => fc.constantFrom(...ns).map((n) => py.name(n));
  if (lists.length > 0) {
    options.push(fc.tuple(listName(lists), anySlice).map(([l, s]) => py.del(py.sub(l, s))));
    options.push(fc.tuple(listName(lists), anySlice).map(([l, s]) => py.print(py.call('len', [py.sub(l, s)]))));
    if (names.objectListTargets.length > 0)
      options.push(
        fc
          .tuple(listName(names.objectListTargets), listName(lists), anySlice)
          .map(([t, l, s]) => py.assign(t, py.sub(l, s))),
      );
    if (names.mayGrow)
      options.push(
        fc
          .tuple(listName(lists), contiguous, fc.array(names.object, { maxLength: 3 }))
          .map(([l, s, items]) => py.assign(py.sub(l, s), py.list(items))),
      );
  }
  if (names.printableLists.length > 0)
    options.push(fc.tuple(listName(names.printableLists), anySlice).map(([l, s]) => py.print(py.sub(l, s))));
  return options.length > 0 ? fc.oneof(...options).map((s) => [s]) : null;
}
