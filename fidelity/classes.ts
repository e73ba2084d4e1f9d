/**
 * Statements about class internals for the program generator: `sys.getsizeof` of the classes (a
 * PyHeapTypeObject, plus the cached keys of a class with a managed dict), of an instance's
 * `__dict__` (a split dict sized by the class's shared keys, which shrink as instances are made)
 * and of the class's mappingproxy; the names in a class namespace and an instance dict (insertion
 * order); `__module__`, `__qualname__`, `__doc__`, `__mro__`, `__bases__`; `object()` and
 * `__sizeof__`. Asking an instance for its `__dict__` materialises it, so later attribute stores
 * go through the split dict.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../python/lang';
import * as py from './pyast';

/** The names a class-internals statement may use at its point in the program (module level). */
export interface ClassNames {
  /** Names bound to instances of the generator's classes (any of A, B, S, K). */
  readonly instances: readonly string[];
  /** Names bound to printable lists and dicts (for `__sizeof__`). */
  readonly containers: readonly string[];
  /** A tag string for a new instance. */
  readonly tag: fc.Arbitrary<Expr>;
}

const CLASSES = ['A', 'B', 'S', 'K'] as const;
const DICT_CLASSES = ['A', 'B', 'K'] as const;

const size = (e: Expr): Expr => py.call('sys.getsizeof', [e]);
const dictOf = (e: Expr): Expr => py.attr(e, '__dict__');

/** `if type(o).__name__ != 'S': body` (instances of S have no __dict__). */
const unlessSlotted = (o: Expr, body: Stmt[]): Stmt =>
  py.ifStmt(py.cmp(py.attr(py.call('type', [o]), '__name__'), 'NotEq', py.str('S')), body);

/** One class-internals statement (as a one-statement group). */
export function classInternalsStmt(names: ClassNames): fc.Arbitrary<Stmt[]> {
  const cls = fc.constantFrom(...CLASSES).map((c) => py.name(c));
  const dictCls = fc.constantFrom(...DICT_CLASSES).map((c) => py.name(c));
  const options: fc.Arbitrary<Stmt>[] = [
    cls.map((c) => py.print(size(c))),
    cls.map((c) => py.print(size(dictOf(c)), py.call('len', [dictOf(c)]))),
    cls.map((c) => py.print(py.call('list', [dictOf(c)]))),
    cls.map((c) => py.print(py.attr(c, '__module__'), py.attr(c, '__qualname__'), py.attr(c, '__doc__'))),
    cls.map((c) => py.print(py.attr(c, '__mro__'), py.attr(c, '__bases__'))),
    fc
      .tuple(dictCls, names.tag)
      .map(([c, tag]) => py.print(size(dictOf(py.call(c, [tag]))), py.call('list', [dictOf(py.call(c, [tag]))]))),
    fc.constant(py.print(size(py.call('object')), py.call('sys.getrefcount', [py.call('object')]))),
  ];
  if (names.instances.length > 0) {
    const inst = fc.constantFrom(...names.instances).map((n) => py.name(n));
    options.push(
      inst.map((o) => unlessSlotted(o, [py.print(py.call('list', [dictOf(o)]), size(dictOf(o)))])),
      inst.map((o) => py.print(py.call(py.attr(o, '__sizeof__')))),
    );
  }
  if (names.containers.length > 0)
    options.push(fc.constantFrom(...names.containers).map((n) => py.print(py.call(py.attr(py.name(n), '__sizeof__')))));
  return fc.oneof(...options).map((s) => [s]);
}
