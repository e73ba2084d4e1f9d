/**
 * Statements with isinstance and issubclass over a classinfo tuple for the program generator: the
 * tuple mixes built-in classes, `type(name)` of the program's objects (so no class name the
 * shrinker may drop is needed) and nested tuples, empty ones too. Every item is a class, so no
 * call raises; the refcount printed after the checks shows that they hold nothing.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../python/lang';
import * as py from './pyast';

/** The names a classinfo statement may read at its point in the program. */
export interface ClassinfoNames {
  /** Objects made at run time (instances, containers): their refcounts are exact to print. */
  readonly objects: readonly string[];
  /** Any bound name of the program, ints and printable values too. */
  readonly values: readonly string[];
}

const BUILTIN_CLASSES = ['int', 'bool', 'str', 'list', 'tuple', 'dict', 'object', 'float', 'Exception'];

/** A classinfo: a class, or a tuple of classinfos at most `depth` deep. */
function classinfo(values: readonly string[], depth: number): fc.Arbitrary<Expr> {
  const cls = fc.oneof(
    fc.constantFrom(...BUILTIN_CLASSES).map((n) => py.name(n)),
    fc.constantFrom(...values).map((n) => py.call('type', [py.name(n)])),
  );
  if (depth === 0) return cls;
  const tuple = fc.array(classinfo(values, depth - 1), { maxLength: 3 }).map((items) => py.tuple(items));
  return fc.oneof({ arbitrary: cls, weight: 1 }, { arbitrary: tuple, weight: 3 });
}

/** `print(isinstance(x, info), issubclass(type(x), info), sys.getrefcount(o))`, or null with no object in scope. */
export function classinfoStmt(names: ClassinfoNames): fc.Arbitrary<Stmt[]> | null {
  if (names.objects.length === 0 || names.values.length === 0) return null;
  const info = classinfo([...names.objects, ...names.values], 2);
  return fc
    .tuple(fc.constantFrom(...names.values), fc.constantFrom(...names.objects), info, info)
    .map(([x, o, a, b]) => [
      py.print(
        py.call('isinstance', [py.name(x), a]),
        py.call('issubclass', [py.call('type', [py.name(x)]), b]),
        py.call('isinstance', [py.name(o), b]),
        py.call('sys.getrefcount', [py.name(o)]),
      ),
    ]);
}
