/**
 * Fixed pieces of generated programs written as Python source and parsed once with the
 * simulator's own front end, for definitions too long to read as builder calls (generator
 * functions, recursive functions). They must parse; a template that does not is a bug here.
 */
import type { Expr, Stmt } from '../python/lang';
import { parse } from '../python/lang';

/** The statements of `source` (a module body). */
export function stmts(source: string): Stmt[] {
  return parse(source, '<fidelity template>').body;
}

/** The expression of `source`, a single expression statement. */
export function expr(source: string): Expr {
  const [s] = stmts(source);
  if (s?.kind !== 'Expr') throw new Error(`fidelity template is not an expression: ${source}`);
  return s.value;
}
