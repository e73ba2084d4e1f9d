/**
 * Statements with the iterator built-ins for the program generator: zip, enumerate, reversed and
 * sorted over the program's lists. Printable lists are printed through them (sorted by `key=str`,
 * since a printable list may mix ints, strs and containers); lists of objects are walked by a
 * `for` whose body prints the refcount of each item, which shows whether zip's and enumerate's
 * result tuple is reused (it still holds the item) and when a reverse iterator lets go of its list.
 * Nothing here grows a list or calls a user function, so the loops always end.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../python/lang';
import * as py from './pyast';

/** The lists an iterator statement may read at its point in the program. */
export interface IterBuiltinNames {
  /** Lists of objects made at run time (their items' refcounts are exact to print). */
  readonly objectLists: readonly string[];
  /** Lists of printable values. */
  readonly printableLists: readonly string[];
}

/** The loop variables, named apart from every name the generator binds otherwise. */
const INDEX = 'it_i';
const ITEM = 'it_o';
const OTHER = 'it_p';

const start: fc.Arbitrary<Expr[]> = fc
  .option(fc.integer({ min: -2, max: 3 }), { freq: 2 })
  .map((n) => (n === null ? [] : [n < 0 ? py.neg(py.int(-n)) : py.int(n)]));

/** `for target in iterable: print(sys.getrefcount(ITEM), ...)`. */
function refcountLoop(target: Expr, iterable: Expr, ...more: Expr[]): Stmt {
  return py.forStmt(target, iterable, [py.print(py.call('sys.getrefcount', [py.name(ITEM)]), ...more)]);
}

/** One statement using zip, enumerate, reversed or sorted (as a one-statement group), or null with no list in scope. */
export function iterBuiltinStmt(names: IterBuiltinNames): fc.Arbitrary<Stmt[]> | null {
  const options: fc.Arbitrary<Stmt>[] = [];
  const listOf = (ns: readonly string[]) => fc.constantFrom(...ns).map((n) => py.name(n));
  const printed = names.printableLists;
  if (printed.length > 0) {
    const p = listOf(printed);
    const listed = (e: Expr) => py.print(py.call('list', [e]));
    options.push(fc.tuple(p, p).map(([a, b]) => listed(py.call('zip', [a, b]))));
    options.push(fc.tuple(p, start).map(([a, s]) => listed(py.call('enumerate', [a, ...s]))));
    options.push(p.map((a) => listed(py.call('reversed', [a]))));
    options.push(
      fc
        .tuple(p, fc.boolean())
        .map(([a, rev]) =>
          py.print(
            py.call('sorted', [a], rev ? { key: py.name('str'), reverse: py.bool(true) } : { key: py.name('str') }),
          ),
        ),
    );
  }
  const objects = names.objectLists;
  if (objects.length > 0) {
    const o = listOf(objects);
    const pair = (a: string, b: string) => py.tuple([py.name(a, 'Store'), py.name(b, 'Store')], 'Store');
    options.push(
      fc
        .tuple(o, start)
        .map(([l, s]) => refcountLoop(pair(INDEX, ITEM), py.call('enumerate', [l, ...s]), py.name(INDEX))),
    );
    options.push(
      fc
        .tuple(o, listOf([...objects, ...printed]))
        .map(([l, m]) => refcountLoop(pair(ITEM, OTHER), py.call('zip', [l, m]))),
    );
    options.push(o.map((l) => refcountLoop(py.name(ITEM, 'Store'), py.call('reversed', [l]), py.call('len', [l]))));
    options.push(o.map((l) => py.print(py.call('len', [py.call('sorted', [l], { key: py.name('id') })]))));
  }
  return options.length > 0 ? fc.oneof(...options).map((s) => [s]) : null;
}
