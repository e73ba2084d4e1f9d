/**
 * What CPython's compiler decides before a program runs, as far as memory is concerned:
 * - each function's local variables, in co_varnames order (parameters, then other locals in the
 *   order the compiler first meets them), which is the order a returning frame releases them;
 * - the constants: one object per distinct literal in the file (the compiler merges equal
 *   constants across code objects), each held once by every code object using it and once per
 *   occurrence by the parser's arena, which lives while `__main__` runs; all-constant tuples are
 *   folded into one constant, as the AST optimizer does.
 */
import { floatRepr, newFloat } from '../../core/objects/floatobject';
import type * as A from '../lang/ast';
import type { Runtime } from '../../core/runtime';
import type { PyObject } from '../../core/objects/pyobject';
import { newTupleStealing } from '../../core/objects/tuple';
import { newCode } from '../../core/objects/funcobject';
import { UnsupportedConstruct } from '../lang/errors';
import { foldBlock } from './fold';
import { isConstTuple } from './const-tuple';
import { blockHasYield, blockStackDepth } from './stack-depth';
import { exprChildren, parameters, stmtParts } from '../lang/walk';

export interface CodeInfo {
  readonly name: string;
  readonly qualname: string;
  /** Parameters then locals, in co_varnames order. */
  readonly varnames: readonly string[];
  /** co_argcount: the positional parameters (positional-only included), first in varnames. */
  readonly nparams: number;
  /** How the other parameters follow them in varnames (absent: none). */
  readonly signature?: Signature;
  /** Names declared `global` in the function. */
  readonly globals: ReadonlySet<string>;
  /** True for function bodies (fast locals); false for module and class bodies (name lookups). */
  readonly fast: boolean;
  /** The code object (Kind.Code, holding co_consts). */
  code: PyObject;
  /** CO_GENERATOR: a call makes a generator that owns the frame instead of running the body. */
  readonly generator: boolean;
  /** co_nlocalsplus + co_stacksize: the frame's slots (a generator's size depends on it). */
  readonly frameSlots: number;
  /** The body run in the frame when it is not the source's own (a generator expression's loops). */
  readonly body: readonly A.Stmt[] | null;
  /** A module or class body with annotated assignments starts with SETUP_ANNOTATIONS. */
  readonly setupAnnotations: boolean;
  /** co_filename: the program's path, or `<string>` for code exec() compiled. */
  readonly filename: string;
  /** co_cellvars: the variables inner functions use, each in a cell made at the frame's start (MAKE_CELL). */
  readonly cellvars: readonly string[];
  /** co_freevars: the enclosing functions' variables this code uses, through its closure's cells (sorted by name). */
  readonly freevars: readonly string[];
  /**
   * co_localsplusnames: the frame's slots, varnames then the cells that are not parameters then the
   * free variables (a cell that is a parameter keeps the parameter's slot).
   */
  readonly localsplus: readonly string[];
  /** The slot of each cell and free variable (LOAD_DEREF's index); null when there are none. */
  readonly derefs: ReadonlyMap<string, number> | null;
}

/** co_posonlyargcount, co_kwonlyargcount, CO_VARARGS and CO_VARKEYWORDS. */
export interface Signature {
  readonly posonly: number;
  readonly kwonly: number;
  readonly varargs: boolean;
  readonly varkw: boolean;
}

export interface Compiled {
  readonly module: CodeInfo;
  readonly codes: Map<A.FunctionDef | A.ClassDef | A.AnyComp, CodeInfo>;
  /** Folded constants by node: Constant literals, all-constant tuples, constant-element tuples of list displays. */
  readonly constants: Map<A.Expr, PyObject>;
  /**
   * A function's all-literal defaults, and its all-literal annotations as (name, value, ...): the
   * compiler folds each into one constant tuple of the enclosing code, made before the program runs.
   */
  readonly constantDefaults: Map<A.FunctionDef, PyObject>;
  readonly constantAnnotations: Map<A.FunctionDef, PyObject>;
  /** The arena: released after the module has run. */
  readonly arena: PyObject[];
}

export function compileModule(rt: Runtime, module: A.Module, filename = '<string>'): Compiled {
  foldBlock(module.body);
  const constants = new Map<A.Expr, PyObject>();
  const merged = new Map<string, PyObject>();
  const arena: PyObject[] = [];
  const codes = new Map<A.FunctionDef | A.ClassDef | A.AnyComp, CodeInfo>();
  const constantDefaults = new Map<A.FunctionDef, PyObject>();
  const constantAnnotations = new Map<A.FunctionDef, PyObject>();

  const constKey = (e: A.Expr): string => {
    if (e.kind === 'Constant') {
      const v = e.value;
      return v.type === 'int'
        ? `i${v.value}`
        : v.type === 'float'
          ? `f${floatRepr(v.value)}`
          : v.type === 'str'
            ? `s${JSON.stringify(v.value)}`
            : v.type === 'bool'
              ? `b${v.value}`
              : 'N';
    }
    return `t(${(e as A.Tuple).elts.map(constKey).join(',')})`;
  };

  /** The merged constant object for a literal or foldable tuple (a new reference for the arena). */
  const constant = (e: A.Expr): PyObject => {
    const key = constKey(e);
    let op = merged.get(key);
    if (op === undefined) {
      if (e.kind === 'Constant') {
        const v = e.value;
        op =
          v.type === 'int'
            ? rt.int(v.value)
            : v.type === 'float'
              ? newFloat(rt, v.value)
              : v.type === 'str'
                ? rt.str(v.value)
                : v.type === 'bool'
                  ? rt.bool(v.value)
                  : rt.none();
      } else {
        op = newTupleStealing(
          rt,
          (e as A.Tuple).elts.map((x) => rt.newRef(constants.get(x) ?? constant(x))),
        );
      }
      merged.set(key, op);
      arena.push(op); // the merged object's own reference, held until the arena goes
    } else {
      rt.incref(op);
      arena.push(op);
    }
    return op;
  };

  /** The enclosing scopes (functions and classes), innermost last, for finding free variables. */
  const enclosing: Scope[] = [];

  /** Walk one code unit: collect its constants and (for functions) its locals in order. */
  const unit = (
    name: string,
    qualname: string,
    params: string[],
    body: A.Stmt[],
    fast: boolean,
    synthesized = false,
    signature?: Signature,
  ): CodeInfo => {
    const varnames = [...params];
    const declaredGlobal = new Set<string>();
    const declaredNonlocal = new Set<string>();
    const consts: PyObject[] = [];
    const useConst = (op: PyObject) => {
      if (!consts.includes(op)) consts.push(op);
    };
    const assigned = new Set<string>();
    // First pass: which names are local (assigned anywhere and not declared global).
    const findAssigned = (stmts: A.Stmt[]) => {
      for (const s of stmts) {
        if (s.kind === 'Global') s.names.forEach((n) => declaredGlobal.add(n));
        if (s.kind === 'Nonlocal') s.names.forEach((n) => declaredNonlocal.add(n));
        if (s.kind === 'FunctionDef' || s.kind === 'ClassDef') assigned.add(s.name);
        const targets =
          s.kind === 'Assign'
            ? s.targets
            : s.kind === 'AugAssign' || s.kind === 'For' || s.kind === 'AnnAssign'
              ? [s.target]
              : s.kind === 'Delete'
                ? s.targets
                : [];
        for (const t of targets) nameTargets(t).forEach((n) => assigned.add(n));
        if (s.kind === 'If') {
          findAssigned(s.body);
          findAssigned(s.orelse);
        } else if (s.kind === 'While' || s.kind === 'For') {
          findAssigned(s.body);
          findAssigned(s.orelse ?? []);
        } else if (s.kind === 'Try') {
          findAssigned(s.body);
          for (const h of s.handlers) {
            if (h.name !== null) assigned.add(h.name);
            findAssigned(h.body);
          }
          findAssigned(s.orelse);
          findAssigned(s.finalbody);
        }
        if (s.kind === 'Import' || s.kind === 'ImportFrom') importBindings(s).forEach((n) => assigned.add(n));
      }
    };
    findAssigned(body);
    params.forEach((p) => assigned.add(p));
    const isLocal = (n: string) => fast && assigned.has(n) && !declaredGlobal.has(n) && !declaredNonlocal.has(n);
    const ownLocals = new Set([...assigned].filter((n) => isLocal(n)));
    const scope: Scope = {
      fast,
      classBody: !fast && qualname !== '',
      locals: ownLocals,
      cells: new Set(),
      frees: new Set(),
    };
    // compiler_set_qualname: a definition inside a function is `<function>.<locals>.name`, inside a class `<class>.name`.
    const innerQualname = (name: string) =>
      qualname === '' ? name : fast ? `${qualname}.<locals>.${name}` : `${qualname}.${name}`;
    const meetName = (n: string, at?: A.Pos) => {
      if (isLocal(n)) {
        if (!varnames.includes(n)) varnames.push(n);
      } else if (!declaredGlobal.has(n) && !scope.frees.has(n)) {
        resolveFree(enclosing, scope, n, at ?? { lineno: 0, col: 0, endLineno: 0, endCol: 0 }, filename);
      }
    };
    for (const n of declaredNonlocal) meetName(n);
    const expr = (e: A.Expr): void => {
      switch (e.kind) {
        case 'Constant':
          if (!constants.has(e)) constants.set(e, constant(e));
          useConst(constants.get(e)!);
          return;
        case 'Tuple':
          if (isConstTuple(e) && e.elts.length > 0) {
            // The elements go to the arena too (each literal is parsed); the folded tuple is the constant.
            for (const x of e.elts) foldElements(x);
            constants.set(e, constant(e));
            useConst(constants.get(e)!);
            return;
          }
          e.elts.forEach(expr);
          return;
        case 'List':
          e.elts.forEach(expr);
          if (e.ctx === 'Load' && e.elts.length > 2 && e.elts.every((x) => x.kind === 'Constant')) {
            // BUILD_LIST 0 + LOAD_CONST (tuple) + LIST_EXTEND: the compiler makes a constant tuple.
            const tuple = newTupleStealing(
              rt,
              e.elts.map((x) => rt.newRef(constants.get(x)!)),
            );
            constants.set(e, tuple);
            useConst(tuple);
            arena.push(tuple); // held by the code object through consts; released with the arena
          }
          return;
        case 'Name':
          meetName(e.id, e);
          // symtable_visit_expr: a function loading `super` uses the implicit `__class__` cell.
          if (fast && e.id === 'super' && e.ctx === 'Load') meetName('__class__', e);
          return;
        case 'BoolOp':
          e.values.forEach(expr);
          return;
        case 'BinOp':
          expr(e.left);
          expr(e.right);
          return;
        case 'UnaryOp':
          expr(e.operand);
          return;
        case 'IfExp':
          expr(e.test);
          expr(e.body);
          expr(e.orelse);
          return;
        case 'Dict':
          e.keys.forEach((k, i) => {
            expr(k);
            expr(e.values[i]);
          });
          return;
        case 'Set':
          e.elts.forEach(expr);
          return;
        case 'Compare':
          expr(e.left);
          e.comparators.forEach(expr);
          return;
        case 'Call':
          expr(e.func);
          e.args.forEach(expr);
          e.keywords.forEach((k) => expr(k.value));
          return;
        case 'Attribute':
          expr(e.value);
          return;
        case 'Subscript':
          expr(e.value);
          expr(e.slice);
          return;
        case 'Slice':
          for (const part of [e.lower, e.upper, e.step]) if (part !== null) expr(part);
          return;
        case 'JoinedStr':
          e.values.forEach(expr);
          return;
        case 'FormattedValue':
          expr(e.value);
          if (e.formatSpec !== null) expr(e.formatSpec);
          return;
        case 'ListComp':
        case 'SetComp':
        case 'DictComp':
        case 'GeneratorExp': {
          // The first iterable is evaluated here; the rest is the nested function's body.
          expr(e.generators[0].iter);
          const name = COMPREHENSION_NAMES[e.kind];
          const inner = innerQualname(name);
          const info = unit(name, inner, ['.0'], comprehensionBody(e), true, true);
          codes.set(e, info);
          useConst(info.code);
          return;
        }
        case 'Yield':
          if (e.value) expr(e.value);
          return;
        case 'Starred':
          expr(e.value);
          return;
        case 'Lambda':
          functionDef(e.fn);
          return;
      }
    };
    const arenaOnly = (x: A.Expr): void => {
      if (x.kind === 'Constant') {
        if (!constants.has(x)) constants.set(x, constant(x));
      } else (exprChildren(x) as A.Expr[]).forEach(arenaOnly);
    };
    /** fold_tuple_on_constants for MAKE_FUNCTION's defaults and annotations tuples. */
    const foldFunctionConstants = (s: A.FunctionDef): void => {
      const at: A.Pos = { lineno: s.lineno, col: s.col, endLineno: s.endLineno, endCol: s.endCol };
      const tuple = (elts: A.Expr[]): A.Tuple => ({ kind: 'Tuple', elts, ctx: 'Load', ...at });
      const str = (value: string): A.Constant => ({ kind: 'Constant', value: { type: 'str', value }, ...at });
      const fold = (elts: A.Expr[], into: Map<A.FunctionDef, PyObject>): void => {
        if (elts.length === 0 || !elts.every((e) => e.kind === 'Constant')) return;
        const op = constant(tuple(elts));
        useConst(op);
        into.set(s, op);
      };
      fold(s.defaults, constantDefaults);
      const annotated = annotationPairs(s);
      if (annotated.every(([, e]) => e.kind === 'Constant'))
        fold(
          annotated.flatMap(([n, e]) => [str(n), e]),
          constantAnnotations,
        );
    };
    /** A def or a lambda: what MAKE_FUNCTION evaluates here, then the function's own code unit. */
    const functionDef = (s: A.FunctionDef): void => {
      s.defaults.forEach(expr);
      for (const d of s.kwDefaults ?? []) if (d !== null) expr(d);
      for (const a of [...s.argAnnotations, s.returns]) if (a !== null) expr(a);
      foldFunctionConstants(s);
      const inner = innerQualname(s.name);
      const info = unit(
        s.name,
        inner,
        parameters(s).map((a) => a.arg),
        s.body,
        true,
        false,
        signatureOf(s),
      );
      codes.set(s, info);
      useConst(info.code);
    };
    const foldElements = (x: A.Expr) => {
      if (x.kind === 'Constant') {
        if (!constants.has(x)) constants.set(x, constant(x));
      } else (x as A.Tuple).elts.forEach(foldElements);
    };
    const stmts = (list: A.Stmt[]): void => {
      for (const s of list) {
        switch (s.kind) {
          case 'FunctionDef':
            s.decorators?.forEach(expr);
            functionDef(s);
            meetName(s.name);
            break;
          case 'ClassDef': {
            s.decorators?.forEach(expr);
            s.bases.forEach(expr);
            const info = unit(s.name, innerQualname(s.name), [], s.body, false);
            codes.set(s, info);
            useConst(info.code);
            meetName(s.name);
            break;
          }
          case 'Return':
            if (s.value) expr(s.value);
            break;
          case 'Delete':
            s.targets.forEach(expr);
            break;
          case 'Assign':
            expr(s.value);
            s.targets.forEach(expr);
            break;
          case 'AugAssign':
            expr(s.target);
            expr(s.value);
            break;
          case 'AnnAssign':
            if (s.value !== null) expr(s.value);
            expr(s.target);
            // A function body never evaluates its annotations: their literals are only parsed.
            if (fast) arenaOnly(s.annotation);
            else expr(s.annotation);
            break;
          case 'For':
            expr(s.iter);
            expr(s.target);
            stmts(s.body);
            stmts(s.orelse ?? []);
            break;
          case 'While':
            expr(s.test);
            stmts(s.body);
            stmts(s.orelse ?? []);
            break;
          case 'Try':
            stmts(s.body);
            for (const h of s.handlers) {
              if (h.type !== null) expr(h.type);
              if (h.name !== null) meetName(h.name);
              stmts(h.body);
            }
            stmts(s.orelse);
            stmts(s.finalbody);
            break;
          case 'Raise':
            if (s.exc !== null) expr(s.exc);
            if (s.cause !== null) expr(s.cause);
            break;
          case 'Assert':
            expr(s.test);
            if (s.msg !== null) expr(s.msg);
            break;
          case 'If':
            expr(s.test);
            stmts(s.body);
            stmts(s.orelse);
            break;
          case 'Expr':
            expr(s.value);
            break;
          case 'Import':
            importBindings(s).forEach((n) => meetName(n));
            break;
          case 'ImportFrom': {
            // IMPORT_NAME's fromlist: a constant tuple of the imported names.
            const fromlist = newTupleStealing(
              rt,
              s.names.map((a) => rt.str(a.name)),
            );
            useConst(fromlist);
            arena.push(fromlist);
            importBindings(s).forEach((n) => meetName(n));
            break;
          }
          default:
            break;
        }
      }
    };
    enclosing.push(scope);
    try {
      stmts(body);
    } finally {
      enclosing.pop();
    }
    const code = newCode(rt, name, consts);
    rt.hold(code);
    rt.decref(code);
    const generator = fast && blockHasYield(body);
    const slots = localsPlus(varnames, params.length, scope);
    return {
      name,
      qualname: qualname === '' ? name : qualname,
      nparams: params.length - (signature === undefined ? 0 : signatureExtra(signature)),
      signature,
      globals: declaredGlobal,
      fast,
      code,
      generator,
      frameSlots: slots.localsplus.length + (generator ? blockStackDepth(body) : 0),
      body: synthesized ? body : null,
      setupAnnotations: !fast && hasAnnotations(body),
      filename,
      ...slots,
    };
  };

  const moduleInfo = unit('<module>', '', [], module.body, false);
  return { module: moduleInfo, codes, constants, constantDefaults, constantAnnotations, arena };
}

/** The parameters after the positional ones, or undefined for a def with positional ones only. */
function signatureOf(s: A.FunctionDef): Signature | undefined {
  const signature = {
    posonly: s.posonlyargcount ?? 0,
    kwonly: s.kwonlyargs?.length ?? 0,
    varargs: s.vararg != null,
    varkw: s.kwarg != null,
  };
  return signature.posonly === 0 && signatureExtra(signature) === 0 ? undefined : signature;
}

/** How many varnames the parameters after the positional ones take. */
function signatureExtra(s: Signature): number {
  return s.kwonly + (s.varargs ? 1 : 0) + (s.varkw ? 1 : 0);
}

/** What the compiler knows of a scope while it walks it (the symbol table's view of its names). */
interface Scope {
  /** A function's scope (fast locals); false for a class body. */
  readonly fast: boolean;
  /** A class body (not the module's): its functions' `__class__` is its implicit cell. */
  readonly classBody: boolean;
  readonly locals: ReadonlySet<string>;
  /** Its variables that inner functions use (cells). */
  readonly cells: Set<string>;
  /** The enclosing functions' variables it uses, or passes on to an inner function (free variables). */
  readonly frees: Set<string>;
}

/**
 * A name `scope` uses but does not bind: the nearest enclosing function binding it makes it a
 * cell, and it is free in every function from there in (each passes its cell on in the closure
 * tuple it makes); a name no enclosing function binds is a global. A class body on the way would
 * need a closure of its own (LOAD_CLASSDEREF), which the evaluator does not model.
 */
function resolveFree(enclosing: readonly Scope[], scope: Scope, name: string, at: A.Pos, filename: string): void {
  for (let i = enclosing.length - 1; i >= 0; i--) {
    const outer = enclosing[i];
    if (name === '__class__' && outer.classBody) return classCell(enclosing.slice(i + 1), scope, outer);
    if (!outer.fast || !(outer.locals.has(name) || outer.frees.has(name))) continue;
    const path = [...enclosing.slice(i + 1), scope];
    if (path.some((s) => !s.fast))
      throw new UnsupportedConstruct(
        'class bodies using variables of the enclosing function',
        at.lineno,
        at.col,
        filename,
      );
    if (outer.locals.has(name)) outer.cells.add(name);
    for (const s of path) s.frees.add(name);
    return;
  }
}

/**
 * drop_class_free: `__class__` used by functions (and the functions between) directly inside a
 * class body is that body's implicit cell, which type.__new__ fills with the new class; each
 * function on the way gets it as a free variable. A function outside any class leaves it global.
 */
function classCell(between: readonly Scope[], scope: Scope, classBody: Scope): void {
  classBody.cells.add('__class__');
  for (const s of [...between, scope]) s.frees.add('__class__');
}

/**
 * compute_localsplus_info: the parameters and locals (a cell variable that is not a parameter is
 * not among them), then the other cells, then the free variables; cells and frees sorted by name.
 */
function localsPlus(
  met: readonly string[],
  nparams: number,
  scope: Scope,
): Pick<CodeInfo, 'varnames' | 'cellvars' | 'freevars' | 'localsplus' | 'derefs'> {
  const cellvars = [...scope.cells].sort();
  const freevars = [...scope.frees].sort();
  const varnames = met.filter((n, i) => i < nparams || !scope.cells.has(n));
  const localsplus = [...varnames, ...cellvars.filter((n) => !varnames.includes(n)), ...freevars];
  const derefs =
    cellvars.length + freevars.length === 0
      ? null
      : new Map([...cellvars, ...freevars].map((n) => [n, localsplus.indexOf(n)] as const));
  return { varnames, cellvars, freevars, localsplus, derefs };
}

/** compiler_visit_annotations' order: each annotated parameter, then 'return'. */
export function annotationPairs(s: A.FunctionDef): [string, A.Expr][] {
  const pairs: [string, A.Expr][] = [];
  s.args.forEach((a, i) => {
    const annotation = s.argAnnotations[i];
    if (annotation !== null) pairs.push([a.arg, annotation]);
  });
  if (s.returns !== null) pairs.push(['return', s.returns]);
  return pairs;
}

/** find_ann: whether a body (not counting nested functions and classes) has an annotated assignment. */
function hasAnnotations(body: readonly A.Stmt[]): boolean {
  return body.some(
    (s) =>
      s.kind === 'AnnAssign' ||
      (s.kind !== 'FunctionDef' &&
        s.kind !== 'ClassDef' &&
        stmtParts(s).blocks.some((b) => hasAnnotations(b.body as A.Stmt[]))),
  );
}

const COMPREHENSION_NAMES: Record<A.AnyComp['kind'], string> = {
  ListComp: '<listcomp>',
  SetComp: '<setcomp>',
  DictComp: '<dictcomp>',
  GeneratorExp: '<genexpr>',
};

/**
 * The body of a comprehension's nested function as statements, for the symbol table and the
 * constants: `for target in .0: if cond: ... elt`; a generator expression's (`... yield elt`) is
 * also what its generator runs.
 */
function comprehensionBody(e: A.AnyComp): A.Stmt[] {
  const values: A.Expr[] =
    e.kind === 'DictComp'
      ? [e.key, e.value]
      : e.kind === 'GeneratorExp'
        ? [{ ...pos(e.elt), kind: 'Yield', value: e.elt }]
        : [e.elt];
  let body: A.Stmt[] = values.map((value) => ({ ...pos(e), kind: 'Expr', value }));
  for (let i = e.generators.length - 1; i >= 0; i--) {
    const g = e.generators[i];
    for (const test of [...g.ifs].reverse()) body = [{ ...pos(test), kind: 'If', test, body, orelse: [] }];
    const iter: A.Expr = i === 0 ? { ...pos(g.iter), kind: 'Name', id: '.0', ctx: 'Load' } : g.iter;
    body = [{ ...pos(g.target), kind: 'For', target: g.target, iter, body }];
  }
  return body;
}

function pos(p: A.Pos): A.Pos {
  return { lineno: p.lineno, col: p.col, endLineno: p.endLineno, endCol: p.endCol };
}

/** The plain names a target binds (`x`, or each name of `a, b`). */
export function nameTargets(t: A.Expr): string[] {
  if (t.kind === 'Name') return [t.id];
  if (t.kind === 'Tuple' || t.kind === 'List') return t.elts.flatMap(nameTargets);
  return [];
}

/** The names an import statement binds, in order: each `as` name, or the imported name itself. */
export function importBindings(s: A.Import | A.ImportFrom): string[] {
  if (s.kind === 'Import') return s.names.map((n, i) => s.asnames?.[i] ?? n);
  return s.names.map((a) => a.asname ?? a.name);
}
