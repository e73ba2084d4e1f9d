// Generic traversal of the parser's tree: which expressions and statement blocks a node owns.

import type { Arg, Comprehension, FunctionDef } from './ast';
import type { Foreign, ForeignBlock, PExpr, PStmt } from './parser';

/** The direct sub-expressions of an expression, in source order. */
export function exprChildren(e: PExpr): PExpr[] {
  switch (e.kind) {
    case 'BoolOp':
      return e.values;
    case 'BinOp':
      return [e.left, e.right];
    case 'UnaryOp':
      return [e.operand];
    case 'IfExp':
      return [e.body, e.test, e.orelse];
    case 'Dict':
      return e.keys.flatMap((k, i) => [k, e.values[i]]);
    case 'Set':
    case 'List':
    case 'Tuple':
      return e.elts;
    case 'Compare':
      return [e.left, ...e.comparators];
    case 'Call':
      return [e.func, ...e.args, ...e.keywords.map((k) => k.value)];
    case 'Attribute':
      return [e.value];
    case 'Subscript':
      return [e.value, e.slice];
    case 'Slice':
      return [e.lower, e.upper, e.step].filter((x): x is PExpr => x !== null);
    case 'JoinedStr':
      return e.values;
    case 'FormattedValue':
      return e.formatSpec ? [e.value, e.formatSpec] : [e.value];
    case 'ListComp':
    case 'SetComp':
    case 'GeneratorExp':
      return [e.elt, ...comprehensionChildren(e.generators)];
    case 'DictComp':
      return [e.key, e.value, ...comprehensionChildren(e.generators)];
    case 'Yield':
      return e.value ? [e.value] : [];
    case 'Starred':
      return [e.value];
    case 'Lambda':
      // its defaults; the body is a block of its own scope (exprBlocks)
      return stmtParts(e.fn).exprs;
    case 'Constant':
    case 'Name':
      return [];
    case 'Foreign':
      return e.exprs;
  }
}

/** The statement blocks an expression owns, each in a scope of its own: a lambda's body, a Foreign's blocks. */
export function exprBlocks(e: PExpr): ForeignBlock[] {
  if (e.kind === 'Lambda') return stmtParts(e.fn).blocks;
  return e.kind === 'Foreign' ? e.blocks : [];
}

/** The clauses' targets, iterables and conditions, in source order. */
function comprehensionChildren(generators: Comprehension<Foreign>[]): PExpr[] {
  return generators.flatMap((g) => [g.target, g.iter, ...g.ifs]);
}

/** The keyword-only parameters' defaults that are given. */
function kwDefaults(s: FunctionDef<Foreign>): PExpr[] {
  return (s.kwDefaults ?? []).filter((d): d is PExpr => d !== null);
}

/** Every parameter of a def in co_varnames order: positional, keyword-only, `*args`, `**kwargs`. */
export function parameters(s: FunctionDef<Foreign>): Arg[] {
  return [...s.args, ...(s.kwonlyargs ?? []), ...(s.vararg ? [s.vararg] : []), ...(s.kwarg ? [s.kwarg] : [])];
}

export interface StmtParts {
  /** Expressions evaluated in the statement's own scope, in source order. */
  exprs: PExpr[];
  /** Nested statement blocks, with the scope they run in and whether they are a loop body. */
  blocks: ForeignBlock[];
}

export function stmtParts(s: PStmt): StmtParts {
  const same = (body: PStmt[], loop = false): ForeignBlock => ({ body, scope: 'same', loop });
  switch (s.kind) {
    case 'FunctionDef': {
      const annotations = [...s.argAnnotations, s.returns].filter((a): a is PExpr => a !== null);
      return {
        exprs: [...(s.decorators ?? []), ...s.defaults, ...kwDefaults(s), ...annotations],
        blocks: [{ body: s.body, scope: 'function', loop: false, params: parameters(s) }],
      };
    }
    case 'ClassDef':
      return { exprs: [...(s.decorators ?? []), ...s.bases], blocks: [{ body: s.body, scope: 'class', loop: false }] };
    case 'Return':
      return { exprs: s.value ? [s.value] : [], blocks: [] };
    case 'Delete':
      return { exprs: s.targets, blocks: [] };
    case 'Assign':
      return { exprs: [...s.targets, s.value], blocks: [] };
    case 'AugAssign':
      return { exprs: [s.target, s.value], blocks: [] };
    case 'AnnAssign':
      return { exprs: s.value ? [s.target, s.annotation, s.value] : [s.target, s.annotation], blocks: [] };
    case 'For':
      return { exprs: [s.target, s.iter], blocks: [same(s.body, true), same(s.orelse ?? [])] };
    case 'While':
      return { exprs: [s.test], blocks: [same(s.body, true), same(s.orelse ?? [])] };
    case 'Try':
      return {
        exprs: s.handlers.flatMap((h) => (h.type ? [h.type] : [])),
        blocks: [same(s.body), ...s.handlers.map((h) => same(h.body)), same(s.orelse), same(s.finalbody)],
      };
    case 'Raise':
      return { exprs: [s.exc, s.cause].filter((e): e is PExpr => e !== null), blocks: [] };
    case 'Assert':
      return { exprs: s.msg ? [s.test, s.msg] : [s.test], blocks: [] };
    case 'If':
      return { exprs: [s.test], blocks: [same(s.body), same(s.orelse)] };
    case 'Expr':
      return { exprs: [s.value], blocks: [] };
    case 'Pass':
    case 'Break':
    case 'Continue':
    case 'Global':
    case 'Nonlocal':
    case 'Import':
    case 'ImportFrom':
      return { exprs: [], blocks: [] };
    case 'Foreign':
      return { exprs: s.exprs, blocks: s.blocks };
  }
}
