/**
 * Comprehensions and generator expressions for the program generator. In 3.11 each is a call of
 * a nested function (`<listcomp>`, `<setcomp>`, `<dictcomp>`, `<genexpr>`) whose frame takes the
 * first iterable's iterator, so they test frames, iterators and the sizes a list reaches by
 * appending (`sys.getsizeof` of a comprehension's list is not that of a display of the same
 * items). A generator expression kept in `ge` holds its iterator, and so its iterable, until it
 * is exhausted or dropped (`sys.getrefcount` of that list shows it).
 *
 * Only at module level: inside a function a comprehension using the function's variables needs a
 * closure. The comprehension's variable `k` never leaks, whatever the module binds.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../python/lang';
import * as py from './pyast';
import { expr } from './templates';

/** The names a comprehension statement may use at its point in the program. */
export interface ComprehensionNames {
  /** Lists of printable ints (`xs`, `ys`), read only. */
  readonly printableLists: readonly string[];
  /** Lists of objects that may be read, and those that may be rebound. */
  readonly objectLists: readonly string[];
  readonly objectListTargets: readonly string[];
}

const POS = { lineno: 1, col: 0, endLineno: 1, endCol: 0 } as const;
const small = fc.integer({ min: 0, max: 5 }).map(py.int);
const k = py.name('k');

/** `[elt for k in iter if cond]` and its kin, printed: ints in, ints out (dict and set comps order ints). */
function printedComprehension(iter: fc.Arbitrary<Expr>): fc.Arbitrary<Stmt> {
  const elt = fc.constantFrom(k, py.bin(k, 'Mult', py.int(2)), py.bin(k, 'Mod', py.int(3)));
  const cond = fc.option(
    fc.constantFrom(py.cmp(k, 'Gt', py.int(1)), py.cmp(py.bin(k, 'Mod', py.int(2)), 'Eq', py.int(0))),
    {
      freq: 3,
    },
  );
  return fc
    .tuple(fc.constantFrom('list', 'set', 'dict', 'sum', 'any', 'list-of-gen', 'size'), elt, iter, cond)
    .map(([form, e, it, c]) => {
      const gen = [{ target: py.name('k', 'Store'), iter: it, ifs: c ? [c] : [] }];
      const comp: Record<string, Expr> = {
        list: { kind: 'ListComp', elt: e, generators: gen, ...POS },
        set: { kind: 'SetComp', elt: e, generators: gen, ...POS },
        dict: { kind: 'DictComp', key: k, value: e, generators: gen, ...POS },
        sum: py.call('sum', [{ kind: 'GeneratorExp', elt: e, generators: gen, ...POS }]),
        any: py.call('any', [{ kind: 'GeneratorExp', elt: py.cmp(e, 'Gt', py.int(2)), generators: gen, ...POS }]),
        'list-of-gen': py.call('list', [{ kind: 'GeneratorExp', elt: e, generators: gen, ...POS }]),
        size: py.call('sys.getsizeof', [{ kind: 'ListComp', elt: e, generators: gen, ...POS }]),
      };
      return py.print(comp[form]);
    });
}

/** One comprehension statement, or a generator expression kept in `ge` and used. */
export function comprehensionStmt(names: ComprehensionNames): fc.Arbitrary<Stmt[]> {
  const ranges = small.map((n) => py.call('range', [n]));
  const iters =
    names.printableLists.length > 0
      ? fc.oneof(
          ranges,
          fc.constantFrom(...names.printableLists).map((n) => py.name(n)),
        )
      : ranges;
  const options: fc.Arbitrary<Stmt[]>[] = [printedComprehension(iters).map((s) => [s])];
  const targets = names.objectListTargets;
  if (targets.length > 0) {
    // a list of new lists, built by LIST_APPEND
    options.push(
      fc
        .tuple(fc.constantFrom(...targets), fc.integer({ min: 0, max: 5 }))
        .map(([t, n]) => [py.assign(py.name(t), expr(`[[k] for k in range(${n})]`))]),
    );
  }
  if (names.objectLists.length > 0) {
    const list = fc.constantFrom(...names.objectLists);
    // objects filtered into a new list (their refcounts go up)
    if (targets.length > 0)
      options.push(
        fc
          .tuple(fc.constantFrom(...targets), list)
          .map(([t, l]) => [py.assign(py.name(t), expr(`[e for e in ${l} if e is not None]`))]),
      );
    // a generator expression over a list, used, and dropped while suspended or not
    options.push(
      fc
        .tuple(list, fc.subarray(GENEXP_USES, { minLength: 1 }))
        .map(([l, uses]) => [py.assign(py.name('ge'), expr(`(e for e in ${l})`)), ...uses]),
    );
  }
  return fc.oneof(...options);
}

const GENEXP_USES: Stmt[] = [
  py.print(expr('next(ge, None) is None')),
  py.print(expr('sys.getsizeof(ge)')),
  py.print(expr('sys.getrefcount(ge)')),
  py.print(expr('len(list(ge))')),
  py.assign(py.name('ge'), py.none()),
];
