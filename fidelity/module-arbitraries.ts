/**
 * The modules beyond gc and sys for the program generator: `weakref.proxy` (attribute reads,
 * shared proxies), `weakref.getweakrefcount`/`getweakrefs`, ctypes reading a live refcount
 * through `c_long.from_address(id(x))`, names bound by `import ... as` and `from ... import`,
 * and `globals()`/`locals()` at module level.
 *
 * Left out, measured: `pprint` allocates a PrettyPrinter and its bound methods on CPython's heap
 * (garbage in cycles until the next collection, 7 to 15 GC objects a call) and not on the
 * simulator's, so any `gc.collect()` after it would print another number (docs/fidelity.md).
 * `import ctypes` costs CPython 77 GC objects and a collection that the simulator does not make,
 * so a program that uses ctypes imports it in its first line, before the prelude's `gc.collect()`
 * (programs.ts, preludeFor).
 */
import fc from 'fast-check';
import type { Stmt } from '../python/lang';
import { stmts } from './templates';

/** Imports of modules already loaded (no allocation): the names the statements below use. */
export const ALIAS_IMPORTS: readonly Stmt[] = stmts(
  'import gc as collector\nfrom sys import getrefcount as rc\nfrom weakref import getweakrefcount as gwc, getweakrefs\n',
);

/** What the statements may refer to at their point in the program. */
export interface ModuleNames {
  /** Instances (weakref-able unless a class has `__slots__` without `__weakref__`). */
  readonly instances: readonly string[];
  /** Names of run-time objects of any kind. */
  readonly objects: readonly string[];
  /** Int names that may be rebound here. */
  readonly intTargets: readonly string[];
}

/** One statement group using a module, or null when nothing is in scope. */
export function moduleStmt(names: ModuleNames): fc.Arbitrary<Stmt[]> {
  const options: fc.Arbitrary<Stmt[]>[] = [
    fc.constant(stmts("print(locals() is globals(), 'n' in globals(), 'gen' in globals())")),
    fc.constant(stmts('print(collector.collect(), collector.isenabled())')),
  ];
  if (names.intTargets.length > 0)
    options.push(
      fc
        .tuple(fc.constantFrom(...names.intTargets), fc.integer({ min: -3, max: 9 }))
        .map(([n, v]) => stmts(`globals()['${n}'] = ${v}`)),
    );
  if (names.objects.length > 0) {
    const obj = fc.constantFrom(...names.objects);
    options.push(obj.map((o) => stmts(`print(ctypes.c_long.from_address(id(${o})).value, sys.getrefcount(${o}))`)));
    options.push(obj.map((o) => stmts(`print(rc(${o}), gwc(${o}), len(getweakrefs(${o})))`)));
    options.push(obj.map((o) => stmts(`print(weakref.getweakrefcount(${o}), len(weakref.getweakrefs(${o})))`)));
  }
  if (names.instances.length > 0) {
    options.push(
      fc.constantFrom(...names.instances).map((a) =>
        stmts(`try:
    px = weakref.proxy(${a})
    print(px is weakref.proxy(${a}), weakref.getweakrefcount(${a}))
except TypeError:
    print('not weakly referenceable')
`),
      ),
    );
    options.push(
      fc.constant(
        stmts(`try:
    print(px.val)
except (ReferenceError, AttributeError, NameError) as err:
    print(type(err).__name__)
`),
      ),
    );
  }
  return fc.oneof(...options);
}
