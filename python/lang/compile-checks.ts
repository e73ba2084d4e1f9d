// The SyntaxErrors CPython raises only after the whole file has parsed: first its symbol-table
// pass (global declarations, duplicate parameters) over the whole file, then its compiler
// ('return'/'break'/'continue'/'yield' out of place, repeated keyword arguments), in source order.

import type { Pos } from './ast';
import type { SyntaxErrorInfo } from './errors';
import type { ForeignBlock, PExpr, PModule, PStmt } from './parser';
import type { SourceText } from './tokenizer';
import { exprBlocks, exprChildren, stmtParts } from './walk';

class CompileError extends Error {
  constructor(readonly info: SyntaxErrorInfo) {
    super(info.msg);
  }
}

/** The first compile-stage error CPython reports for a parsed file, or null. */
export function compileError(tree: PModule, source: SourceText): SyntaxErrorInfo | null {
  const fail = (at: Pos, msg: string): never => {
    throw new CompileError({
      kind: 'SyntaxError',
      msg,
      lineno: at.lineno,
      offset: at.col + 1,
      endLineno: at.endLineno,
      endOffset: at.endCol + 1,
      text: source.lineText(at.lineno),
    });
  };
  try {
    const module = moduleScope();
    symbolTable(tree.body, module, fail);
    analyzeNonlocals(module, null, fail);
    compileBlock(tree.body, { inFunction: false, inLoop: false }, fail);
    return null;
  } catch (e) {
    if (e instanceof CompileError) return e.info;
    throw e;
  }
}

type Fail = (at: Pos, msg: string) => never;

/** What a scope has seen of a name so far (CPython's DEF_PARAM, USE, DEF_LOCAL, DEF_ANNOT, DEF_GLOBAL, DEF_NONLOCAL flags). */
type Seen = 'param' | 'use' | 'local' | 'annot' | 'global' | 'nonlocal';
type Scope = Map<string, Set<Seen>>;

function see(scope: Scope, name: string, how: Seen): void {
  const flags = scope.get(name) ?? new Set<Seen>();
  flags.add(how);
  scope.set(name, flags);
}

/** The module's scope: names declared global there may still be annotated. */
const moduleScopes = new WeakSet<Scope>();
function moduleScope(): Scope {
  const scope: Scope = new Map();
  moduleScopes.add(scope);
  return scope;
}

/** A scope's nested scopes (in source order), whether it is a function's, and its global and nonlocal statements. */
interface ScopeTree {
  readonly children: Scope[];
  readonly isFunction: boolean;
  readonly directives: { name: string; at: Pos }[];
}
const scopeTrees = new WeakMap<Scope, ScopeTree>();
function treeOf(scope: Scope): ScopeTree {
  let tree = scopeTrees.get(scope);
  if (tree === undefined) scopeTrees.set(scope, (tree = { children: [], isFunction: false, directives: [] }));
  return tree;
}

// CPython's symtable pass, reduced to the checks it can fail on in this language.
function symbolTable(body: PStmt[], scope: Scope, fail: Fail): void {
  for (const s of body) {
    if (s.kind === 'Global' || s.kind === 'Nonlocal') {
      const how = s.kind === 'Global' ? 'global' : 'nonlocal';
      for (const name of s.names) {
        const flags = scope.get(name);
        if (flags?.has('param')) fail(s, `name '${name}' is parameter and ${how}`);
        if (flags?.has('use')) fail(s, `name '${name}' is used prior to ${how} declaration`);
        if (flags?.has('annot')) fail(s, `annotated name '${name}' can't be ${how}`);
        if (flags?.has('local')) fail(s, `name '${name}' is assigned to before ${how} declaration`);
        see(scope, name, how);
        treeOf(scope).directives.push({ name, at: s });
      }
      continue;
    }
    if (s.kind === 'AnnAssign' && s.simple && s.target.kind === 'Name') {
      const name = s.target.id;
      const flags = scope.get(name);
      if (flags?.has('global') && !moduleScopes.has(scope)) fail(s, `annotated name '${name}' can't be global`);
      if (flags?.has('nonlocal')) fail(s, `annotated name '${name}' can't be nonlocal`);
      see(scope, name, 'annot');
    }
    if (s.kind === 'FunctionDef' || s.kind === 'ClassDef') see(scope, s.name, 'local');
    const parts = stmtParts(s);
    for (const e of parts.exprs) symbolTableExpr(e, scope, fail);
    for (const block of parts.blocks) symbolTableBlock(block, scope, fail);
  }
}

function symbolTableBlock(block: ForeignBlock, scope: Scope, fail: Fail): void {
  if (block.scope === 'same') {
    symbolTable(block.body, scope, fail);
    return;
  }
  const inner: Scope = new Map();
  treeOf(scope).children.push(inner);
  scopeTrees.set(inner, { children: [], isFunction: block.scope === 'function', directives: [] });
  for (const arg of block.params ?? []) {
    if (inner.get(arg.arg)?.has('param')) fail(arg, `duplicate argument '${arg.arg}' in function definition`);
    see(inner, arg.arg, 'param');
  }
  symbolTable(block.body, inner, fail);
}

/**
 * analyze_block's checks of nonlocal declarations, scope by scope in source order: a name both
 * global and nonlocal, a nonlocal at module level, or one no enclosing function binds (`bound`:
 * the names the enclosing functions bind, null at module level). Reported at the name's first
 * global or nonlocal statement (error_at_directive).
 */
function analyzeNonlocals(scope: Scope, bound: ReadonlySet<string> | null, fail: Fail): void {
  const tree = treeOf(scope);
  const at = (name: string): Pos => tree.directives.find((d) => d.name === name)!.at;
  for (const [name, flags] of scope) {
    if (!flags.has('nonlocal')) continue;
    if (flags.has('global')) fail(at(name), `name '${name}' is nonlocal and global`);
    if (bound === null) fail(at(name), 'nonlocal declaration not allowed at module level');
    if (!bound.has(name)) fail(at(name), `no binding for nonlocal '${name}' found`);
  }
  const own = [...scope].filter(
    ([, f]) => (f.has('param') || f.has('local')) && !f.has('global') && !f.has('nonlocal'),
  );
  const inner = tree.isFunction ? new Set([...(bound ?? []), ...own.map(([name]) => name)]) : (bound ?? new Set());
  for (const child of tree.children) analyzeNonlocals(child, inner, fail);
}

function symbolTableExpr(e: PExpr, scope: Scope, fail: Fail): void {
  if (e.kind === 'Name') see(scope, e.id, e.ctx === 'Load' ? 'use' : 'local');
  for (const child of exprChildren(e)) symbolTableExpr(child, scope, fail);
  for (const block of exprBlocks(e)) symbolTableBlock(block, scope, fail);
}

interface Context {
  inFunction: boolean;
  inLoop: boolean;
}

function blockContext(block: ForeignBlock, outer: Context): Context {
  if (block.scope === 'function') return { inFunction: true, inLoop: false };
  if (block.scope === 'class') return { inFunction: false, inLoop: false };
  return { inFunction: outer.inFunction, inLoop: outer.inLoop || block.loop };
}

// CPython's compiler pass, reduced to the errors it raises for misplaced statements.
function compileBlock(body: PStmt[], ctx: Context, fail: Fail): void {
  for (const s of body) {
    if (s.kind === 'Return' && !ctx.inFunction) fail(s, "'return' outside function");
    if (s.kind === 'Break' && !ctx.inLoop) fail(s, "'break' outside loop");
    if (s.kind === 'Continue' && !ctx.inLoop) fail(s, "'continue' not properly in loop");
    if (s.kind === 'Assign') {
      compileExpr(s.value, ctx, fail);
      for (const t of s.targets) compileTarget(t, ctx, fail);
    } else if (s.kind === 'For' || (s.kind === 'Foreign' && s.pyKind === 'For')) {
      const [target, iter] = stmtParts(s).exprs;
      compileExpr(iter, ctx, fail);
      compileTarget(target, ctx, fail);
    } else {
      const basesOrArgs = s.kind === 'ClassDef' || (s.kind === 'Foreign' && s.pyKind === 'ClassDef');
      for (const e of stmtParts(s).exprs) compileExpr(e, ctx, fail, basesOrArgs);
    }
    for (const block of stmtParts(s).blocks) compileBlock(block.body, blockContext(block, ctx), fail);
  }
}

const isStarred = (e: PExpr): boolean => e.kind === 'Foreign' && e.pyKind === 'Starred';

// An assignment target: a starred item must sit in a tuple or list, at most one per level.
function compileTarget(t: PExpr, ctx: Context, fail: Fail): void {
  if (t.kind === 'Foreign' && t.pyKind === 'Starred') fail(t, 'starred assignment target must be in a list or tuple');
  if (t.kind !== 'Tuple' && t.kind !== 'List') {
    compileExpr(t, ctx, fail);
    return;
  }
  if (t.elts.filter(isStarred).length > 1) fail(t, 'multiple starred expressions in assignment');
  for (const elt of t.elts) compileTarget(elt.kind === 'Foreign' && isStarred(elt) ? elt.exprs[0] : elt, ctx, fail);
}

/** `starAllowed`: the expression is an item of a display or a call argument. */
function compileExpr(e: PExpr, ctx: Context, fail: Fail, starAllowed = false): void {
  if (isStarred(e) && !starAllowed) fail(e, "can't use starred expression here");
  if (e.kind === 'List' || e.kind === 'Tuple' || e.kind === 'Set') {
    for (const elt of e.elts) compileExpr(elt, ctx, fail, true);
    return;
  }
  if (e.kind === 'Call') {
    e.keywords.forEach((kw, i) => {
      const repeat = kw.arg === null ? undefined : e.keywords.slice(i + 1).find((other) => other.arg === kw.arg);
      if (repeat) fail(repeat, `keyword argument repeated: ${kw.arg}`);
    });
  }
  if ((e.kind === 'Yield' || (e.kind === 'Foreign' && e.pyKind === 'YieldFrom')) && !ctx.inFunction) {
    fail(e, "'yield' outside function");
  }
  const callArgs = e.kind === 'Call' ? e.args : e.kind === 'Foreign' && e.pyKind === 'Call' ? e.exprs.slice(1) : [];
  for (const child of exprChildren(e)) compileExpr(child, ctx, fail, callArgs.includes(child));
  for (const block of exprBlocks(e)) compileBlock(block.body, blockContext(block, ctx), fail);
}
