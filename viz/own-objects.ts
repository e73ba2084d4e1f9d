/**
 * The program's own objects: what its names reach. Roots are the module globals the program
 * defined (not dunder names, not imported modules) and every frame's locals and value stack; the
 * walk follows references but does not enter classes, functions, modules or code, so class
 * internals, descriptors and the like appear only if the program's names reach them some other way.
 */
import type { ObjectRecord } from './recording';

/** Kinds whose insides belong to CPython, not to the program: drawn when reached, not entered. */
const OPAQUE_KINDS: ReadonlySet<string> = new Set(['type', 'function', 'module', 'code', 'builtin_function_or_method']);

/** Ids reachable from `roots` among `objects`, not entering opaque kinds. */
export function ownObjects(objects: ReadonlyMap<number, ObjectRecord>, roots: readonly number[]): number[] {
  const seen = new Set<number>();
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop()!;
    const object = objects.get(id);
    if (object === undefined || seen.has(id)) continue;
    seen.add(id);
    if (!OPAQUE_KINDS.has(object.kind)) stack.push(...object.referents);
  }
  return [...seen].sort((a, b) => a - b);
}
