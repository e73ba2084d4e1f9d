/**
 * fast-check arbitraries for `weakref.finalize`, `atexit` and leaving early with `sys.exit()` /
 * `exit()` in generated programs (plugged into programs.ts as one more kind of statement group
 * at module level).
 *
 * What keeps them reproducible on CPython 3.11:
 * - A group first binds `fz` to a new finalizer of one of the program's instances, so shrinking
 *   (which drops whole groups) never leaves a use of `fz` without its binding; the finalizer
 *   object (whose repr shows addresses) is never printed, only `alive`, `atexit`, refcounts and
 *   what its callback prints: `print` with a str and ints (and maybe `sep`/`end`), or the
 *   program's `g(q)` (ints only).
 * - `gc.get_count()` is printed only after `gc.collect()` and the finalizer's creation, whose cost
 *   is fixed once the collection emptied the free lists.
 * - Finalizers still alive at the end run at exit, newest first, in the exit's output; `atexit`
 *   callbacks print a str and an int. An exit in the middle of a program (`sys.exit(k)`, `exit()`,
 *   `quit("text")`) is rare; a caught one prints its `code`.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../python/lang';
import * as py from './pyast';

/** What a finalizer group can use from the program around it. */
export interface FinalizerInputs {
  /** Names of the program's instances (referents: they accept weakrefs). */
  readonly instances: readonly string[];
  /** Int expressions valid here. */
  readonly ints: fc.Arbitrary<Expr>;
}

const FZ = py.name('fz');
const P = { lineno: 1, col: 0, endLineno: 1, endCol: 0 } as const;

/** `try: body except SystemExit as e: print('exit', e.code)`. */
function catchExit(body: Stmt[]): Stmt {
  const handler = {
    kind: 'ExceptHandler' as const,
    type: py.name('SystemExit'),
    name: 'e',
    body: [py.print(py.str('exit'), py.attr(py.name('e'), 'code'))],
    ...P,
  };
  return { kind: 'Try', body, handlers: [handler], orelse: [], finalbody: [], ...P };
}

/** A finalizer's function, positional arguments and keywords. */
interface Callback {
  readonly func: Expr;
  readonly args: Expr[];
  readonly keywords: Record<string, Expr>;
}

/** The finalizer's function and its arguments: print with a label and ints, or g(q). */
function callback(ints: fc.Arbitrary<Expr>): fc.Arbitrary<Callback> {
  const label = fc.constantFrom('fin', 'bye', 'gone').map((s) => py.str(s));
  return fc
    .oneof(
      { arbitrary: fc.tuple(label, fc.array(ints, { maxLength: 2 })), weight: 4 },
      { arbitrary: fc.tuple(label, fc.constant([])), weight: 1 },
    )
    .chain(([l, more]) =>
      fc.oneof(
        { arbitrary: fc.constant<Callback>({ func: py.name('print'), args: [l, ...more], keywords: {} }), weight: 4 },
        {
          arbitrary: fc
            .constantFrom<Record<string, Expr>>({ sep: py.str('-') }, { end: py.str('!\n') })
            .map((keywords): Callback => ({ func: py.name('print'), args: [l, ...more], keywords })),
          weight: 1,
        },
        { arbitrary: ints.map((q): Callback => ({ func: py.name('g'), args: [q], keywords: {} })), weight: 1 },
      ),
    );
}

/** What a group does with `fz` after binding it. */
function use(ints: fc.Arbitrary<Expr>): fc.Arbitrary<Stmt> {
  return fc.oneof(
    fc.constant(py.print(py.attr(FZ, 'alive'), py.attr(FZ, 'atexit'))),
    fc.constant(py.print(py.call('sys.getrefcount', [FZ]))),
    fc.constant(py.print(py.cmp(py.call(py.attr(FZ, 'peek')), 'Is', py.none()))),
    fc.constant(py.print(py.cmp(py.call(py.attr(FZ, 'detach')), 'Is', py.none()))),
    fc.constant(py.print(py.call(FZ))),
    fc.constant(py.print(py.call('len', [py.dotted('weakref.finalize._registry')]))),
    fc.boolean().map((on) => py.assign(py.attr(FZ, 'atexit', 'Store'), py.bool(on))),
    ints.map((n) => py.assign(py.attr(FZ, 'atexit', 'Store'), n)),
    fc.constant(py.del(FZ)),
  );
}

/** A finalizer group: `[gc.collect()]`, `fz = weakref.finalize(obj, func, *args)`, then uses. */
function finalizerGroup(inputs: FinalizerInputs): fc.Arbitrary<Stmt[]> {
  return fc
    .tuple(
      fc.constantFrom(...inputs.instances),
      callback(inputs.ints),
      fc.boolean(),
      fc.array(use(inputs.ints), { maxLength: 3 }),
    )
    .map(([obj, cb, counted, uses]) => {
      const made = py.call('weakref.finalize', [py.name(obj), cb.func, ...cb.args], cb.keywords);
      const bind = py.assign(FZ, made);
      return counted
        ? [py.expr(py.call('gc.collect')), bind, py.print(py.call('gc.get_count')), ...uses]
        : [bind, ...uses];
    });
}

/** `import atexit` and a registered callback that prints at exit. */
function atexitGroup(ints: fc.Arbitrary<Expr>): fc.Arbitrary<Stmt[]> {
  return fc
    .tuple(fc.constantFrom('atexit one', 'atexit two'), ints)
    .map(([label, n]) => [
      py.importStmt('atexit'),
      py.expr(py.call('atexit.register', [py.name('print'), py.str(label), n])),
    ]);
}

/** Leaving early: caught (its code printed), or not (the rest of the program never runs). */
function exitGroup(ints: fc.Arbitrary<Expr>): fc.Arbitrary<Stmt[]> {
  const exits = fc.oneof(
    fc.integer({ min: 0, max: 3 }).map((k) => py.call('sys.exit', [py.int(k)])),
    fc.constant(py.call('sys.exit')),
    fc.constant(py.call('exit')),
    fc.constant(py.call('quit', [py.str('leaving')])),
    ints.map((n) => py.call('sys.exit', [n])),
  );
  return fc
    .tuple(exits, fc.integer({ min: 0, max: 3 }))
    .map(([call, caught]) => (caught > 0 ? [catchExit([py.expr(call)])] : [py.expr(call)]));
}

/** One group about finalizers, atexit or exits, for a module-level statement position. */
export function finalizerStmt(inputs: FinalizerInputs): fc.Arbitrary<Stmt[]> | null {
  if (inputs.instances.length === 0) return null;
  return fc.oneof(
    { arbitrary: finalizerGroup(inputs), weight: 8 },
    { arbitrary: atexitGroup(inputs.ints), weight: 2 },
    { arbitrary: exitGroup(inputs.ints), weight: 1 },
  );
}
