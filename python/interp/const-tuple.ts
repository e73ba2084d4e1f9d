/**
 * Which tuple displays CPython's AST optimizer turns into constants (fold_tuple in
 * Python/ast_opt.c): those whose items are all constants, nested constant tuples included. The
 * compiler loads such a tuple with LOAD_CONST, and `%` formatting is rewritten only when its
 * tuple is not one of them.
 */
import type * as A from '../lang/ast';

/** Whether `e` is a tuple display the optimizer folds into a constant tuple. */
export function isConstTuple(e: A.Expr): boolean {
  return e.kind === 'Tuple' && e.ctx === 'Load' && e.elts.every((x) => x.kind === 'Constant' || isConstTuple(x));
}
