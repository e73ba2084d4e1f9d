// The boundary of pymemlab's Python subset: finds the first construct (in source order) that a
// valid Python program uses outside it, and otherwise hands back the tree as the subset AST.

import type { Module, Pos } from './ast';
import { UnsupportedConstruct } from './errors';
import type { PExpr, PModule, PStmt } from './parser';
import { exprBlocks, exprChildren, stmtParts } from './walk';
import { MODULE_NAMES, unmodelledNames } from './module-names';

export const SUPPORTED_MODULES = Object.keys(MODULE_NAMES);

interface Problem {
  construct: string;
  at: Pos;
}

/** Throws UnsupportedConstruct for the earliest construct outside the subset. */
export function checkSubset(tree: PModule, filename: string): Module {
  const problems: Problem[] = [];
  stmtProblems(tree.body, false, problems);
  problems.push(...unmodelledNames(tree));
  if (problems.length > 0) {
    // on a tie the innermost construct (found last) is the more precise name
    const first = problems.reduce((a, b) =>
      b.at.lineno < a.at.lineno || (b.at.lineno === a.at.lineno && b.at.col <= a.at.col) ? b : a,
    );
    throw new UnsupportedConstruct(first.construct, first.at.lineno, first.at.col, filename);
  }
  // Every Foreign node is a problem, so none is left: the tree is a subset Module.
  return tree as Module<never> as Module;
}

const CLASS_BODY_KINDS = new Set(['Assign', 'AugAssign', 'AnnAssign', 'FunctionDef', 'Pass']);

/**
 * The special methods a class may define: the interpreter calls these where CPython does
 * (`__getitem__`, `__int__`, `__index__` and `__float__` only from printf-style formatting;
 * elsewhere an object without them shows CPython's TypeError for one). Any other `__name__`
 * method would be ignored silently (an `__eq__` that `==` never calls, a `__setattr__` that
 * assignment skips), printing what CPython would not: such a class is refused by name and line.
 */
const HONOURED_SPECIAL_METHODS = new Set([
  '__init__',
  '__del__',
  '__repr__',
  '__str__',
  '__format__',
  '__getitem__',
  '__int__',
  '__index__',
  '__float__',
]);

const isSpecialName = (name: string): boolean => /^__\w+__$/.test(name);

/** The statements the generator executor can suspend inside (python/interp/generators.ts). */
const SUSPENDABLE_KINDS = new Set(['For', 'While', 'If']);

/**
 * `blocker`: the kind of the innermost statement around `body`, up to the enclosing function, that
 * a generator cannot be suspended inside (null when there is none).
 */
function stmtProblems(body: PStmt[], inClass: boolean, out: Problem[], blocker: string | null = null): void {
  for (const s of body) {
    const own = stmtProblem(s, inClass);
    if (own) out.push({ construct: own, at: s });
    const parts = stmtParts(s);
    for (const e of parts.exprs) {
      // the generator executor suspends a yield that is a statement or an assignment's value
      if (e.kind === 'Yield' && (s.kind === 'Expr' || s.kind === 'Assign') && e === s.value) {
        if (blocker !== null) out.push({ construct: `yield inside '${blocker}' statements`, at: e });
        exprChildren(e).forEach((child) => exprProblems(child, out));
      } else exprProblems(e, out);
    }
    for (const block of parts.blocks) {
      const inner =
        block.scope === 'function' ? null : SUSPENDABLE_KINDS.has(s.kind) ? blocker : (blocker ?? s.kind.toLowerCase());
      stmtProblems(block.body, s.kind === 'ClassDef', out, inner);
    }
  }
}

function isDocstring(s: PStmt): boolean {
  return s.kind === 'Expr' && s.value.kind === 'Constant' && s.value.value.type === 'str';
}

function stmtProblem(s: PStmt, inClass: boolean): string | null {
  if (s.kind === 'Foreign') return s.construct;
  if (inClass && !CLASS_BODY_KINDS.has(s.kind) && !isDocstring(s)) {
    return 'class-body statements other than assignments, defs, pass and docstrings';
  }
  if (inClass && s.kind === 'FunctionDef' && isSpecialName(s.name) && !HONOURED_SPECIAL_METHODS.has(s.name)) {
    return `'${s.name}' methods (special methods other than ${[...HONOURED_SPECIAL_METHODS].join(', ')})`;
  }
  switch (s.kind) {
    case 'Import':
    case 'ImportFrom': {
      // Name the refused modules: a new user needs to know which import to remove.
      const refused = (s.kind === 'Import' ? s.names : [s.module]).filter((n) => !SUPPORTED_MODULES.includes(n));
      return refused.length === 0
        ? null
        : `imports of ${refused.map((n) => `'${n}'`).join(', ')} (modules other than ${SUPPORTED_MODULES.join(', ')})`;
    }
    case 'For':
      return isNameTarget(s.target) ? null : 'for-loop targets other than a name or a tuple of names';
    case 'ClassDef':
      return s.bases.length > 1 ? 'classes with more than one base' : null;
    case 'Delete':
      return s.targets.every((t) => t.kind === 'Name' || t.kind === 'Attribute' || t.kind === 'Subscript')
        ? null
        : 'tuple or list targets in del statements';
    default:
      return null;
  }
}

/** A name, or a non-empty tuple of names. */
function isNameTarget(t: PExpr): boolean {
  const names = t.kind === 'Tuple' ? t.elts : [t];
  return names.every((n) => n.kind === 'Name') && names.length > 0;
}

function exprProblems(e: PExpr, out: Problem[]): void {
  if (e.kind === 'Foreign') out.push({ construct: e.construct, at: e });
  if (e.kind === 'Yield') out.push({ construct: 'yield expressions inside other expressions', at: e });
  if (e.kind === 'ListComp' || e.kind === 'SetComp' || e.kind === 'DictComp' || e.kind === 'GeneratorExp') {
    for (const g of e.generators) {
      if (!isNameTarget(g.target))
        out.push({ construct: 'comprehension targets other than a name or a tuple of names', at: g.target });
    }
  }
  for (const child of exprChildren(e)) exprProblems(child, out);
  // a lambda's body is a function's (a Foreign's blocks are inside the construct already refused)
  if (e.kind === 'Lambda') for (const block of exprBlocks(e)) stmtProblems(block.body, false, out);
}

/** Every construct outside the subset, not just the first (what `pymemlab corpus` counts programs needing). */
export function subsetProblems(tree: PModule): string[] {
  const problems: Problem[] = [];
  stmtProblems(tree.body, false, problems);
  problems.push(...unmodelledNames(tree));
  return problems.map((p) => p.construct);
}
