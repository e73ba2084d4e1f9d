/**
 * Small builders for subset AST nodes (python/lang/ast.ts), used by the program generator. Every
 * node gets a dummy position: generated trees are turned into source with `unparse`, which
 * ignores positions, and the simulator parses that source itself.
 */
import type { BinOperator, CmpOperator, Ctx, ExceptHandler, Expr, JoinedStr, Stmt } from '../python/lang';

const P = { lineno: 1, col: 0, endLineno: 1, endCol: 0 } as const;

// ---- expressions ----

export const name = (id: string, ctx: Ctx = 'Load'): Expr => ({ kind: 'Name', id, ctx, ...P });
export const int = (value: number | bigint): Expr => ({
  kind: 'Constant',
  value: { type: 'int', value: BigInt(value) },
  ...P,
});
/** A float literal; its value must be non-negative and finite (negate with `neg`). */
export const float = (value: number): Expr => ({ kind: 'Constant', value: { type: 'float', value }, ...P });
export const bool = (value: boolean): Expr => ({ kind: 'Constant', value: { type: 'bool', value }, ...P });
export const str = (value: string): Expr => ({ kind: 'Constant', value: { type: 'str', value }, ...P });
export const none = (): Expr => ({ kind: 'Constant', value: { type: 'none' }, ...P });

export const attr = (value: Expr, attribute: string, ctx: Ctx = 'Load'): Expr => ({
  kind: 'Attribute',
  value,
  attr: attribute,
  ctx,
  ...P,
});
export const sub = (value: Expr, slice: Expr, ctx: Ctx = 'Load'): Expr => ({
  kind: 'Subscript',
  value,
  slice,
  ctx,
  ...P,
});

/** `func(args..., kw=value...)`; `func` may be a dotted name such as 'gc.collect'. */
export function call(func: string | Expr, args: Expr[] = [], keywords: Record<string, Expr> = {}): Expr {
  return {
    kind: 'Call',
    func: typeof func === 'string' ? dotted(func) : func,
    args,
    keywords: Object.entries(keywords).map(([arg, value]) => ({ kind: 'keyword', arg, value, ...P })),
    ...P,
  };
}

/** `a.b.c` as nested Attribute nodes. */
export function dotted(path: string, ctx: Ctx = 'Load'): Expr {
  const parts = path.split('.');
  let e = name(parts[0], parts.length === 1 ? ctx : 'Load');
  for (let i = 1; i < parts.length; i++) e = attr(e, parts[i], i === parts.length - 1 ? ctx : 'Load');
  return e;
}

/** `lower:upper:step` for a subscript; null leaves a part out. */
export const slice = (lower: Expr | null, upper: Expr | null, step: Expr | null): Expr => ({
  kind: 'Slice',
  lower,
  upper,
  step,
  ...P,
});
export const bin = (left: Expr, op: BinOperator, right: Expr): Expr => ({ kind: 'BinOp', left, op, right, ...P });
export const neg = (operand: Expr): Expr => ({ kind: 'UnaryOp', op: 'USub', operand, ...P });
export const invert = (operand: Expr): Expr => ({ kind: 'UnaryOp', op: 'Invert', operand, ...P });
export const not = (operand: Expr): Expr => ({ kind: 'UnaryOp', op: 'Not', operand, ...P });
export const cmp = (left: Expr, op: CmpOperator, right: Expr): Expr => ({
  kind: 'Compare',
  left,
  ops: [op],
  comparators: [right],
  ...P,
});
export const and = (...values: Expr[]): Expr => ({ kind: 'BoolOp', op: 'And', values, ...P });
export const or = (...values: Expr[]): Expr => ({ kind: 'BoolOp', op: 'Or', values, ...P });
export const ifExp = (test: Expr, body: Expr, orelse: Expr): Expr => ({ kind: 'IfExp', test, body, orelse, ...P });
/** An f-string of str literals and `formatted` fields. */
export const joinedStr = (values: Expr[]): JoinedStr => ({ kind: 'JoinedStr', values, ...P });
export const formatted = (value: Expr, conversion: 's' | 'r' | 'a' | null, spec: JoinedStr | null): Expr => ({
  kind: 'FormattedValue',
  value,
  conversion,
  formatSpec: spec,
  ...P,
});
export const list = (elts: Expr[], ctx: Ctx = 'Load'): Expr => ({ kind: 'List', elts, ctx, ...P });
export const tuple = (elts: Expr[], ctx: Ctx = 'Load'): Expr => ({ kind: 'Tuple', elts, ctx, ...P });
export const set = (elts: Expr[]): Expr => (elts.length === 0 ? call('set') : { kind: 'Set', elts, ...P });
export const dict = (entries: [Expr, Expr][]): Expr => ({
  kind: 'Dict',
  keys: entries.map((e) => e[0]),
  values: entries.map((e) => e[1]),
  ...P,
});

// ---- statements ----

/** The same target expression with a Store or Del context (unparse ignores it; kept for tidiness). */
export function withCtx(e: Expr, ctx: Ctx): Expr {
  switch (e.kind) {
    case 'Name':
    case 'Attribute':
    case 'Subscript':
      return { ...e, ctx };
    case 'Tuple':
    case 'List':
      return { ...e, ctx, elts: e.elts.map((x) => withCtx(x, ctx)) };
    default:
      return e;
  }
}

export const assign = (target: Expr | Expr[], value: Expr): Stmt => ({
  kind: 'Assign',
  targets: (Array.isArray(target) ? target : [target]).map((t) => withCtx(t, 'Store')),
  value,
  ...P,
});
export const aug = (target: Expr, op: BinOperator, value: Expr): Stmt => ({
  kind: 'AugAssign',
  target: withCtx(target, 'Store'),
  op,
  value,
  ...P,
});
/** `target: annotation = value` (a plain name target, so `simple`). */
export const annAssign = (target: string, annotation: Expr, value: Expr | null): Stmt => ({
  kind: 'AnnAssign',
  target: name(target, 'Store'),
  annotation,
  value,
  simple: true,
  ...P,
});
export const expr = (value: Expr): Stmt => ({ kind: 'Expr', value, ...P });
export const print = (...args: Expr[]): Stmt => expr(call('print', args));
export const del = (...targets: Expr[]): Stmt => ({
  kind: 'Delete',
  targets: targets.map((t) => withCtx(t, 'Del')),
  ...P,
});
export const ifStmt = (test: Expr, body: Stmt[], orelse: Stmt[] = []): Stmt => ({
  kind: 'If',
  test,
  body,
  orelse,
  ...P,
});
export const whileStmt = (test: Expr, body: Stmt[]): Stmt => ({ kind: 'While', test, body, ...P });
export const forStmt = (target: Expr, iter: Expr, body: Stmt[]): Stmt => ({
  kind: 'For',
  target: withCtx(target, 'Store'),
  iter,
  body,
  ...P,
});
export const ret = (value: Expr | null = null): Stmt => ({ kind: 'Return', value, ...P });
export const pass = (): Stmt => ({ kind: 'Pass', ...P });
export const brk = (): Stmt => ({ kind: 'Break', ...P });
export const cont = (): Stmt => ({ kind: 'Continue', ...P });
export const global = (...names: string[]): Stmt => ({ kind: 'Global', names, ...P });
export const importStmt = (...names: string[]): Stmt => ({ kind: 'Import', names, ...P });

/** `def name(params): body`; a param given as [name, default] has a default (they must come last). */
export function def(fname: string, params: (string | [string, Expr])[], body: Stmt[]): Stmt {
  return {
    kind: 'FunctionDef',
    name: fname,
    args: params.map((p) => ({ kind: 'arg', arg: typeof p === 'string' ? p : p[0], ...P })),
    defaults: params.filter((p): p is [string, Expr] => typeof p !== 'string').map((p) => p[1]),
    argAnnotations: params.map(() => null),
    returns: null,
    body,
    ...P,
  };
}

export const classDef = (cname: string, bases: string[], body: Stmt[]): Stmt => ({
  kind: 'ClassDef',
  name: cname,
  bases: bases.map((b) => name(b)),
  body,
  ...P,
});

export const raise = (exc: Expr | null = null, cause: Expr | null = null): Stmt => ({
  kind: 'Raise',
  exc,
  cause,
  ...P,
});
export const assertStmt = (test: Expr, msg: Expr | null = null): Stmt => ({ kind: 'Assert', test, msg, ...P });
export const handler = (type: Expr | null, hname: string | null, body: Stmt[]): ExceptHandler => ({
  kind: 'ExceptHandler',
  type,
  name: hname,
  body,
  ...P,
});
export const tryStmt = (
  body: Stmt[],
  handlers: ExceptHandler[],
  orelse: Stmt[] = [],
  finalbody: Stmt[] = [],
): Stmt => ({
  kind: 'Try',
  body,
  handlers,
  orelse,
  finalbody,
  ...P,
});
