/**
 * Statements with map and filter for the program generator. Printable lists go through them to a
 * printed list, a sorted list or a sum (with functions any printable item accepts: `str`, `bool`,
 * lambdas building containers or testing truth and type); lists of objects are walked by a `for`
 * printing each item's refcount (which shows that map and filter keep no item between steps) and
 * measured with `sys.getsizeof`, `gc.is_tracked` and `len(gc.get_referents(...))`, with the
 * list's refcount while the object is alive. No function calls user code, so every loop ends.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../python/lang';
import * as py from './pyast';
import { expr } from './templates';

/** The lists a map/filter statement may read at its point in the program. */
export interface MapFilterNames {
  /** Lists of objects made at run time (their items' refcounts are exact to print). */
  readonly objectLists: readonly string[];
  /** Lists of printable values. */
  readonly printableLists: readonly string[];
}

/** The loop variable, named apart from every name the generator binds otherwise (as the lambdas' parameter). */
const ITEM = 'mf_o';

/** Functions for map that any printable item can be given. */
const MAP_FUNCTIONS = ['str', 'bool', 'lambda mf_v: [mf_v]', 'lambda mf_v: (mf_v, mf_v)'].map(expr);
/** Two-argument functions for a map over two lists. */
const MAP2_FUNCTIONS = ['lambda mf_v, mf_w: (mf_v, mf_w)', 'lambda mf_v, mf_w: [mf_w]'].map(expr);
/** Predicates for filter over printable items: None and bool test the item itself, with no call. */
const PREDICATES = ['None', 'bool', 'lambda mf_v: not mf_v', 'lambda mf_v: isinstance(mf_v, (int, (str,)))'].map(expr);

/** One statement using map or filter (as a one-statement group), or null with no list in scope. */
export function mapFilterStmt(names: MapFilterNames): fc.Arbitrary<Stmt[]> | null {
  const options: fc.Arbitrary<Stmt>[] = [];
  const listOf = (ns: readonly string[]) => fc.constantFrom(...ns).map((n) => py.name(n));
  if (names.printableLists.length > 0) {
    const p = listOf(names.printableLists);
    const lazy: fc.Arbitrary<Expr> = fc.oneof(
      fc.tuple(fc.constantFrom(...MAP_FUNCTIONS), p).map(([f, a]) => py.call('map', [f, a])),
      fc.tuple(fc.constantFrom(...MAP2_FUNCTIONS), p, p).map(([f, a, b]) => py.call('map', [f, a, b])),
      fc.tuple(fc.constantFrom(...PREDICATES), p).map(([f, a]) => py.call('filter', [f, a])),
    );
    options.push(lazy.map((e) => py.print(py.call('list', [e]))));
    options.push(lazy.map((e) => py.print(py.call('sorted', [e], { key: py.name('str') }))));
    options.push(
      p.map((a) => py.print(py.call('sum', [py.call('map', [py.name('len'), py.call('map', [py.name('str'), a])])]))),
    );
  }
  if (names.objectLists.length > 0) {
    const o = listOf(names.objectLists);
    const loop = (iterable: Expr) =>
      py.forStmt(py.name(ITEM, 'Store'), iterable, [py.print(py.call('sys.getrefcount', [py.name(ITEM)]))]);
    options.push(o.map((l) => loop(py.call('map', [expr('lambda mf_v: mf_v'), l]))));
    options.push(o.map((l) => loop(py.call('filter', [py.none(), l]))));
    const made = fc
      .tuple(o, fc.boolean())
      .map(([l, isMap]) => [l, py.call(isMap ? 'map' : 'filter', [py.name(isMap ? 'id' : 'bool'), l])] as const);
    options.push(
      made.map(([l, e]) =>
        py.print(
          py.call('sys.getsizeof', [e]),
          py.call('gc.is_tracked', [e]),
          py.call('len', [py.call('gc.get_referents', [e])]),
          py.call('sys.getrefcount', [l]),
        ),
      ),
    );
  }
  return options.length > 0 ? fc.oneof(...options).map((s) => [s]) : null;
}
