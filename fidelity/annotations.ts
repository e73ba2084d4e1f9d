/**
 * Annotated assignments for the program generator: `n: int = value` binds like `n = value`; a
 * module body also evaluates the annotation and stores it in `__annotations__` (made at the
 * module's start), a function body does neither. Annotations are builtin names or str literals,
 * which print no address.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../python/lang';
import * as py from './pyast';

const annotation: fc.Arbitrary<Expr> = fc.oneof(
  fc.constantFrom('int', 'object', 'list').map((n) => py.name(n)),
  fc.constantFrom('count', 'Node').map(py.str),
);

/** `target: annotation = value` for one of `targets` (a one-statement group), or null when there is none. */
export function annotatedBind(targets: readonly string[], value: fc.Arbitrary<Expr>): fc.Arbitrary<Stmt[]> | null {
  if (targets.length === 0) return null;
  return fc
    .tuple(fc.constantFrom(...targets), annotation, value)
    .map(([target, ann, v]) => [py.annAssign(target, ann, v)]);
}
