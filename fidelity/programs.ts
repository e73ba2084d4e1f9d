/**
 * fast-check arbitraries for random programs in pymemlab's Python subset (docs/language.md),
 * built as subset ASTs and printed with `unparse`. They exercise the memory manager: classes with
 * `__slots__`, `__init__` and printing / resurrecting `__del__`, object graphs with cycles,
 * `del`, weakrefs with callbacks, the gc module (collect, counts, thresholds, callbacks,
 * DEBUG_SAVEALL, freeze, tracking), `sys.getrefcount` and `sys.getsizeof`, loops and errors,
 * floats with the numeric operators (fidelity/floats.ts), `str % values` formatting
 * (fidelity/percent-arbitraries.ts), exceptions caught by `try` statements
 * (fidelity/exceptions.ts), tracemalloc's figures (fidelity/tracemalloc-arbitraries.ts),
 * comprehensions, generator functions, modules and recursion (fidelity/comprehensions.ts,
 * generator-functions.ts, module-arbitraries.ts, recursion.ts), isinstance/issubclass over tuples
 * and map/filter (fidelity/classinfo-arbitraries.ts, map-filter-arbitraries.ts), and subclasses
 * calling their base's methods through super() (fidelity/super-arbitraries.ts).
 *
 * Every program must print the same thing on every CPython 3.11 run and stay inside what the
 * simulator can reproduce (docs/cpython-3.11-evaluation-facts.md), also after shrinking drops any
 * statement. That is kept by construction:
 * - Each global name has one kind for the whole program (`a b c` instances, `L M` lists of
 *   objects, `xs ys` printable lists, `D` dict of objects, `pd` printable dict, `t` tuple, `s`
 *   set of ints, `n m` ints, `w v` weakrefs, `bm` a bound method). Objects that print an address
 *   (instances, functions, weakrefs, anything holding them) are never printed; only ints, strs,
 *   bools, None and containers of those are.
 * - "Object" positions (list items, attributes, dict values) only ever receive objects created at
 *   run time, so `sys.getrefcount` is only asked about such objects (never literals, small ints,
 *   None or strs); tuples always hold a name, so they are never constant-folded.
 * - No sets of strs or of instances (hash order); no addresses; `gc.get_count()` is printed
 *   only right after a `gc.collect()` and at most a few statements of known cost.
 * - Loops terminate whatever shrinking removes: `while` loops increment their counter as their
 *   first statement, `for` loops over a container cannot grow it or call user functions, user
 *   functions call no user functions (no recursion), and loops nest at most two deep.
 * - A program is `import gc, sys, weakref`, `gc.collect()`, then an array of independent
 *   statement groups, so shrinking drops groups and simplifies the expressions inside them.
 */
import fc from 'fast-check';
import type { BinOperator, Expr, Stmt } from '../python/lang';
import { unparse } from '../python/lang';
import * as py from './pyast';
import { tryStmt, withLoopElse } from './exceptions';
import { formattingStmt } from './format-arbitraries';
import { percentStmt } from './percent-arbitraries';
import { floatGroup } from './floats';
import { sliceStmt } from './slices';
import { annotatedBind } from './annotations';
import { comprehensionStmt } from './comprehensions';
import { GENERATOR_DEFS, generatorStmt } from './generator-functions';
import { ALIAS_IMPORTS, moduleStmt } from './module-arbitraries';
import { RECURSION_DEF, recursionStmt } from './recursion';
import { finalizerStmt } from './finalizers';
import { classInternalsStmt } from './classes';
import { iterBuiltinStmt } from './iter-builtins';
import { classinfoStmt } from './classinfo-arbitraries';
import { mapFilterStmt } from './map-filter-arbitraries';
import { superGroup } from './super-arbitraries';
import { tracemallocGroup, tracemallocIntact } from './tracemalloc-arbitraries';

/** A generated program: its statements after the prelude, and its full source text. */
export interface FidelityProgram {
  /** The statements after the fixed prelude (`import gc, sys, weakref` and `gc.collect()`). */
  readonly body: readonly Stmt[];
  readonly source: string;
}

/** The fixed first two lines of every program. */
export const PRELUDE: readonly Stmt[] = [py.importStmt('gc', 'sys', 'weakref'), py.expr(py.call('gc.collect'))];

/**
 * The first two lines of a program with these statements: PRELUDE, importing ctypes too when
 * they use it (its import allocates in CPython, so it must come before the first collection;
 * fidelity/module-arbitraries.ts).
 */
export function preludeFor(body: readonly Stmt[]): readonly Stmt[] {
  const usesCtypes = unparse({ kind: 'Module', body: [...body] }).includes('ctypes.');
  return usesCtypes ? [py.importStmt('gc', 'sys', 'weakref', 'ctypes'), PRELUDE[1]] : PRELUDE;
}

/** The source of a program with the given statements after the prelude. */
export function programSource(body: readonly Stmt[]): string {
  return unparse({ kind: 'Module', body: [...preludeFor(body), ...body] });
}

/** Top-level statements after the prelude (a class or a loop counts as one). */
export function statementCount(program: FidelityProgram): number {
  return program.body.length;
}

// ------------------------------------------------------------------------------------------------
// Kinds of names, and the names of each kind

type Kind = 'inst' | 'olist' | 'plist' | 'odict' | 'pdict' | 'tuple' | 'set' | 'int' | 'wref' | 'bm' | 'str';

/** Kinds whose values are objects created at run time (fine for getrefcount, list items, attributes). */
const OBJECT_KINDS: readonly Kind[] = ['inst', 'olist', 'plist', 'odict', 'pdict', 'tuple', 'set'];
/** Kinds whose repr holds no address. */
const PRINTABLE_KINDS: readonly Kind[] = ['int', 'plist', 'pdict', 'set', 'str'];

const MODULE_NAMES: Record<Kind, readonly string[]> = {
  inst: ['a', 'b', 'c'],
  olist: ['L', 'M'],
  plist: ['xs', 'ys'],
  odict: ['D'],
  pdict: ['pd'],
  tuple: ['t'],
  set: ['s'],
  int: ['n', 'm'],
  wref: ['w', 'v'],
  bm: ['bm'],
  str: [],
};

type Scope = 'module' | 'f' | 'g' | 'h';

/** Names a function assigns (its locals, parameters, and for h its declared globals). */
const FUNCTION_WRITABLE: Record<Exclude<Scope, 'module'>, Partial<Record<Kind, readonly string[]>>> = {
  // def f(p, q=..., acc=[]): p is any object, q an int, acc a list of objects (a shared default)
  f: { inst: ['lo'], olist: ['loc', 'acc'], int: ['r', 'q'] },
  // def g(q, k=...): ints only
  g: { int: ['r', 'q', 'k'] },
  // def h(): global L, n, a
  h: { inst: ['lo', 'a'], olist: ['loc', 'L'], int: ['r', 'n'] },
};
const H_GLOBALS = ['L', 'n', 'a'];

type LoopKind = 'range' | 'while' | 'olist' | 'plist' | 'keys' | 'oitems' | 'pitems';

interface Ctx {
  readonly scope: Scope;
  /** Compound statements around this point. */
  readonly depth: number;
  /** Enclosing loops, outermost first (the loop variables readable here). */
  readonly loops: readonly LoopKind[];
  /** Inside a `for` over a container: nothing may grow a container or call a user function. */
  readonly noGrow: boolean;
  /** When set (the setup section), only these global names exist yet. */
  readonly defined?: readonly string[];
}

const MAX_DEPTH = 2;

/** Loop variables, by loop nesting level. */
const rangeVar = (level: number): string => (level === 0 ? 'i' : 'j');
const whileVar = (level: number): string => `c${level}`;
const elemVar = (level: number): string => (level === 0 ? 'e' : 'e1');
const printableVar = (level: number): string => (level === 0 ? 'x' : 'x1');
const keyVar = (level: number): string => (level === 0 ? 'key' : 'key1');

function loopVars(ctx: Ctx, kind: Kind | 'any' | 'printable'): string[] {
  const out: string[] = [];
  ctx.loops.forEach((loop, level) => {
    const add = (k: Kind, v: string): void => {
      if (
        k === kind ||
        (kind === 'any' && OBJECT_KINDS.includes(k)) ||
        (kind === 'printable' && PRINTABLE_KINDS.includes(k))
      )
        out.push(v);
    };
    if (loop === 'range') add('int', rangeVar(level));
    if (loop === 'while') add('int', whileVar(level));
    // items of an object list are runtime objects of unknown kind: 'any' only
    if ((loop === 'olist' || loop === 'oitems') && kind === 'any') out.push(elemVar(level));
    if ((loop === 'plist' || loop === 'pitems') && kind === 'printable') out.push(printableVar(level));
    if (loop === 'keys' || loop === 'oitems' || loop === 'pitems') add('str', keyVar(level));
  });
  return out;
}

function writable(ctx: Ctx, kind: Kind): string[] {
  if (ctx.scope === 'module') return [...MODULE_NAMES[kind]];
  return [...(FUNCTION_WRITABLE[ctx.scope][kind] ?? [])];
}

const uniq = (xs: string[]): string[] => [...new Set(xs)];

function readable(ctx: Ctx, kind: Kind | 'any' | 'printable'): string[] {
  const kinds = kind === 'any' ? OBJECT_KINDS : kind === 'printable' ? PRINTABLE_KINDS : [kind];
  const out: string[] = [];
  for (const k of kinds) {
    out.push(...writable(ctx, k));
    if (ctx.scope !== 'module' && ctx.scope !== 'g') out.push(...MODULE_NAMES[k]);
    if (ctx.scope === 'g' && k === 'int') out.push(...MODULE_NAMES.int);
  }
  if (kind === 'any') {
    if (ctx.scope !== 'g') out.push('saved');
    if (ctx.scope === 'f') out.push('p');
  }
  out.push(...loopVars(ctx, kind));
  const defined = ctx.defined;
  return uniq(defined ? out.filter((n) => defined.includes(n)) : out);
}

// ------------------------------------------------------------------------------------------------
// Small helpers

const pick = (names: readonly string[]): fc.Arbitrary<string> => fc.constantFrom(...names);
const nameOf = (names: readonly string[]): fc.Arbitrary<Expr> => pick(names).map((n) => py.name(n));

/** An arbitrary that is usually null (absent): present with weight `present` out of `present + absent`; shrinks to null. */
function rarely<T>(arb: fc.Arbitrary<T>, present = 1, absent = 3): fc.Arbitrary<T | null> {
  return fc.oneof(
    { withCrossShrink: true },
    { arbitrary: fc.constant(null), weight: absent },
    { arbitrary: arb, weight: present },
  );
}

/** Usually present (absent with probability 1/freq); shrinks to null. */
const usually = <T>(arb: fc.Arbitrary<T>, freq = 8): fc.Arbitrary<T | null> => fc.option(arb, { freq });

type Weighted<T> = { arbitrary: fc.Arbitrary<T>; weight: number };
const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>): Weighted<T> => ({ arbitrary, weight });

/** fc.oneof over the alternatives that exist (weight > 0), shrinking towards the first. */
function choose<T>(alternatives: (Weighted<T> | null)[]): fc.Arbitrary<T> {
  const present = alternatives.filter((a): a is Weighted<T> => a !== null && a.weight > 0);
  return fc.oneof({ withCrossShrink: true }, ...present);
}

const one = (s: fc.Arbitrary<Stmt>): fc.Arbitrary<Stmt[]> => s.map((x) => [x]);

/** Memoises arbitraries per context (they are pure descriptions). */
function memo<T>(build: (ctx: Ctx) => fc.Arbitrary<T>): (ctx: Ctx) => fc.Arbitrary<T> {
  const cache = new Map<string, fc.Arbitrary<T>>();
  return (ctx) => {
    const key = JSON.stringify(ctx);
    let arb = cache.get(key);
    if (!arb) {
      arb = build(ctx);
      cache.set(key, arb);
    }
    return arb;
  };
}

// ------------------------------------------------------------------------------------------------
// Expressions

const KEYS = ['k', 'j', 'z'];

const smallInt = fc.integer({ min: 0, max: 5 });
const intLiteral: fc.Arbitrary<Expr> = fc
  .oneof(
    { withCrossShrink: true },
    w(6, fc.integer({ min: 0, max: 9 })),
    w(3, fc.integer({ min: -5, max: 300 })),
    w(1, fc.constantFrom(1000, 123456, 2 ** 31, 2 ** 62, 10 ** 20, -(2 ** 40))),
  )
  .map((v) => (v < 0 ? py.neg(py.int(-v)) : py.int(v)));
const nonZeroLiteral: fc.Arbitrary<Expr> = fc
  .constantFrom(1, 2, 3, 7, -2, -3)
  .map((v) => (v < 0 ? py.neg(py.int(-v)) : py.int(v)));
const keyLiteral: fc.Arbitrary<Expr> = pick(KEYS).map(py.str);
const tagFor = (base: string): fc.Arbitrary<Expr> => fc.nat(9).map((i) => py.str(`${base}${i}`));

/** `Cls('tag')`: a new instance. */
const newInstance = (tagBase: string): fc.Arbitrary<Expr> =>
  fc.tuple(fc.constantFrom('A', 'A', 'B', 'S', 'K'), tagFor(tagBase)).map(([cls, tag]) => py.call(cls, [tag]));

/** Names that have a len(): lists, dicts, tuples and sets (and `saved`, where it exists). */
function containerNames(ctx: Ctx): string[] {
  const names = (['olist', 'plist', 'odict', 'pdict', 'tuple', 'set'] as const).flatMap((k) => readable(ctx, k));
  const savedExists = ctx.scope !== 'g' && (!ctx.defined || ctx.defined.includes('saved'));
  return uniq(savedExists ? [...names, 'saved'] : names);
}

const intExpr: (ctx: Ctx) => fc.Arbitrary<Expr> = memo((ctx) => intExprAt(ctx, 0));

function intExprAt(ctx: Ctx, level: number): fc.Arbitrary<Expr> {
  const ints = readable(ctx, 'int');
  const containers = readable(ctx, 'any');
  const sized = containerNames(ctx);
  const insts = readable(ctx, 'inst');
  const leaf: (Weighted<Expr> | null)[] = [
    w(5, intLiteral),
    ints.length ? w(5, nameOf(ints)) : null,
    sized.length
      ? w(
          2,
          nameOf(sized).map((c) => py.call('len', [c])),
        )
      : null,
    insts.length
      ? w(
          2,
          nameOf(insts).map((o) => py.attr(o, 'val')),
        )
      : null,
  ];
  if (level >= 2) return choose(leaf);
  const sub = intExprAt(ctx, level + 1);
  const arith = fc
    .tuple(sub, fc.constantFrom<BinOperator>('Add', 'Sub', 'Mult', 'FloorDiv', 'Mod'), sub, nonZeroLiteral, smallInt)
    .map(([l, op, r, nz, k]) =>
      op === 'FloorDiv' || op === 'Mod'
        ? py.bin(l, op, nz)
        : op === 'Mult'
          ? py.bin(l, op, py.int(k))
          : py.bin(l, op, r),
    );
  return choose([
    ...leaf,
    w(4, arith),
    w(1, sub.map(py.neg)),
    w(
      1,
      fc.tuple(boolExprAt(ctx, 2), sub, sub).map(([t, b, o]) => py.ifExp(t, b, o)),
    ),
    insts.length && !ctx.noGrow
      ? w(
          1,
          fc.tuple(nameOf(insts), fc.option(sub)).map(([o, k]) => py.call(py.attr(o, 'bump'), k ? [k] : [])),
        )
      : null,
    ctx.scope === 'module' && !ctx.noGrow
      ? w(
          1,
          fc.tuple(sub, fc.option(sub)).map(([a, b]) => py.call('g', b ? [a, b] : [a])),
        )
      : null,
    ctx.scope !== 'g' && containers.length
      ? w(
          1,
          nameOf(containers).map((c) => py.call('sys.getsizeof', [c])),
        )
      : null,
    ctx.scope !== 'g' && containers.length
      ? w(
          1,
          nameOf(containers).map((c) => py.call('sys.getrefcount', [c])),
        )
      : null,
  ]);
}

const boolExpr: (ctx: Ctx) => fc.Arbitrary<Expr> = memo((ctx) => boolExprAt(ctx, 0));

function boolExprAt(ctx: Ctx, level: number): fc.Arbitrary<Expr> {
  const ints = intExprAt(ctx, Math.max(level, 1));
  const objs = readable(ctx, 'any');
  const insts = readable(ctx, 'inst');
  const wrefs = readable(ctx, 'wref');
  const plists = readable(ctx, 'plist');
  const dicts = [...readable(ctx, 'odict'), ...readable(ctx, 'pdict')];
  const sets = readable(ctx, 'set');
  const cmpOp = fc.constantFrom('Lt', 'Eq', 'NotEq', 'Gt', 'LtE', 'GtE' as const);
  const alternatives: (Weighted<Expr> | null)[] = [
    w(
      4,
      fc.tuple(ints, cmpOp, ints).map(([l, op, r]) => py.cmp(l, op, r)),
    ),
    objs.length
      ? w(
          2,
          fc
            .tuple(nameOf(objs), fc.constantFrom('Is', 'IsNot' as const), nameOf(objs))
            .map(([l, op, r]) => py.cmp(l, op, r)),
        )
      : null,
    insts.length
      ? w(
          1,
          nameOf(insts).map((o) => py.cmp(py.attr(o, 'ref'), 'Is', py.none())),
        )
      : null,
    wrefs.length
      ? w(
          2,
          nameOf(wrefs).map((r) => py.cmp(py.call(r), 'Is', py.none())),
        )
      : null,
    wrefs.length && insts.length
      ? w(
          1,
          fc.tuple(nameOf(wrefs), nameOf(insts)).map(([r, o]) => py.cmp(py.call(r), 'Is', o)),
        )
      : null,
    plists.length || sets.length
      ? w(
          1,
          fc.tuple(ints, nameOf([...plists, ...sets])).map(([x, c]) => py.cmp(x, 'In', c)),
        )
      : null,
    dicts.length
      ? w(
          1,
          fc.tuple(keyLiteral, nameOf(dicts), fc.boolean()).map(([k, d, neg]) => py.cmp(k, neg ? 'NotIn' : 'In', d)),
        )
      : null,
    insts.length && objs.length
      ? w(
          1,
          fc
            .tuple(nameOf(insts), nameOf(readable(ctx, 'olist').length ? readable(ctx, 'olist') : objs))
            .map(([o, l]) => py.cmp(o, 'In', l)),
        )
      : null,
    ctx.scope !== 'g' && objs.length
      ? w(
          1,
          nameOf(objs).map((o) => py.call('gc.is_tracked', [o])),
        )
      : null,
    insts.length
      ? w(
          1,
          nameOf(insts).map((o) => py.call('gc.is_finalized', [o])),
        )
      : null,
    w(1, fc.constant(py.call('gc.isenabled'))),
  ];
  if (level < 2) {
    const sub = boolExprAt(ctx, level + 1);
    alternatives.push(
      w(1, sub.map(py.not)),
      w(
        1,
        fc.tuple(sub, sub, fc.boolean()).map(([a, b, isAnd]) => (isAnd ? py.and(a, b) : py.or(a, b))),
      ),
    );
  }
  return choose(alternatives);
}

/** A runtime-created object: a name of an object kind, a display, or a new instance. */
const objExpr: (ctx: Ctx) => fc.Arbitrary<Expr> = memo((ctx) => objExprAt(ctx, 0));

function objExprAt(ctx: Ctx, level: number): fc.Arbitrary<Expr> {
  const objs = readable(ctx, 'any');
  const named = objs.length ? [w(8, nameOf(objs))] : [];
  const leaf = choose<Expr>([
    ...named,
    w(2, newInstance('o')),
    w(1, fc.constant(py.list([]))),
    w(1, fc.constant(py.dict([]))),
    w(
      1,
      fc
        .array(fc.integer({ min: -3, max: 40 }), { maxLength: 3 })
        .map((xs) => py.set(xs.map((x) => (x < 0 ? py.neg(py.int(-x)) : py.int(x))))),
    ),
  ]);
  if (level >= 1) return leaf;
  const sub = objExprAt(ctx, level + 1);
  return choose<Expr>([
    w(10, leaf),
    w(
      2,
      fc.array(sub, { minLength: 1, maxLength: 3 }).map((xs) => py.list(xs)),
    ),
    w(
      1,
      fc.array(fc.tuple(keyLiteral, sub), { minLength: 1, maxLength: 2 }).map((kv) => py.dict(kv)),
    ),
    objs.length
      ? w(
          1,
          fc.tuple(nameOf(objs), fc.array(sub, { maxLength: 2 })).map(([n, xs]) => py.tuple([n, ...xs])),
        )
      : null,
  ]);
}

/** Something whose repr has no address. */
const printableExpr: (ctx: Ctx) => fc.Arbitrary<Expr> = memo((ctx) => {
  const names = readable(ctx, 'printable');
  const insts = readable(ctx, 'inst');
  const pdicts = readable(ctx, 'pdict');
  return choose<Expr>([
    w(5, intExpr(ctx)),
    w(3, boolExpr(ctx)),
    names.length ? w(4, nameOf(names)) : null,
    w(1, fc.constantFrom('x', 'mark', "it's", 'a b').map(py.str)),
    insts.length
      ? w(
          2,
          nameOf(insts).map((o) => py.attr(o, 'name')),
        )
      : null,
    pdicts.length
      ? w(
          1,
          fc.tuple(nameOf(pdicts), keyLiteral).map(([d, k]) => py.call(py.attr(d, 'get'), [k])),
        )
      : null,
    w(
      1,
      fc.array(intExpr(ctx), { maxLength: 3 }).map((xs) => py.list(xs)),
    ),
  ]);
});

/** A printable value for a printable container: ints, or other printable containers. */
const printableItem: (ctx: Ctx) => fc.Arbitrary<Expr> = memo((ctx) => {
  const containers = [...readable(ctx, 'plist'), ...readable(ctx, 'pdict'), ...readable(ctx, 'set')];
  return choose<Expr>([
    w(6, intExpr(ctx)),
    containers.length ? w(1, nameOf(containers)) : null,
    w(1, fc.constantFrom('x', 'y').map(py.str)),
  ]);
});

// ------------------------------------------------------------------------------------------------
// Statements

/** Assignments that (re)bind a name of each kind. */
const bindStmt: (ctx: Ctx) => fc.Arbitrary<Stmt[]> = memo((ctx) => {
  const target = (kind: Kind): fc.Arbitrary<Expr> | null => {
    const names = writable(ctx, kind);
    return names.length ? nameOf(names) : null;
  };
  const bind = (kind: Kind, weight: number, value: fc.Arbitrary<Expr>): Weighted<Stmt[]> | null => {
    const t = target(kind);
    return t ? w(weight, one(fc.tuple(t, value).map(([n, v]) => py.assign(n, v)))) : null;
  };
  const insts = readable(ctx, 'inst');
  const ints = writable(ctx, 'int');
  const names = (kind: Kind): string[] => readable(ctx, kind);
  const alias = (kind: Kind): fc.Arbitrary<Expr> =>
    names(kind).length ? nameOf(names(kind)) : fc.constant(py.list([]));
  const tupleValue = fc
    .tuple(
      nameOf(uniq([...readable(ctx, 'any'), ...readable(ctx, 'int')])),
      fc.array(fc.oneof(objExpr(ctx), intExpr(ctx)), { maxLength: 2 }),
    )
    .map(([first, rest]) => py.tuple([first, ...rest]));
  const insts2 = writable(ctx, 'inst');
  return choose<Stmt[]>([
    bind(
      'inst',
      6,
      fc
        .tuple(fc.constantFrom('A', 'A', 'B', 'S', 'K'), fc.nat(9))
        .map(([cls, i]) => py.call(cls, [py.str(`${cls.toLowerCase()}${i}`)])),
    ),
    bind('inst', 1, alias('inst')),
    bind(
      'olist',
      4,
      fc.array(objExpr(ctx), { maxLength: 3 }).map((xs) => py.list(xs)),
    ),
    bind('olist', 1, alias('olist')),
    bind(
      'plist',
      3,
      fc.array(printableItem(ctx), { maxLength: 4 }).map((xs) => py.list(xs)),
    ),
    bind(
      'odict',
      2,
      fc.array(fc.tuple(keyLiteral, objExpr(ctx)), { maxLength: 3 }).map((kv) => py.dict(kv)),
    ),
    bind(
      'pdict',
      2,
      fc.array(fc.tuple(keyLiteral, printableItem(ctx)), { maxLength: 3 }).map((kv) => py.dict(kv)),
    ),
    bind('tuple', 2, tupleValue),
    bind(
      'set',
      2,
      fc.array(intExpr(ctx), { maxLength: 4 }).map((xs) => py.set(xs)),
    ),
    bind('int', 4, intExpr(ctx)),
    bind(
      'bm',
      insts.length ? 1 : 0,
      fc.tuple(nameOf(insts.length ? insts : ['a']), fc.constantFrom('bump', 'link')).map(([o, m]) => py.attr(o, m)),
    ),
    ints.length >= 2
      ? w(
          1,
          one(
            fc.constant(
              py.assign(py.tuple([py.name(ints[0]), py.name(ints[1])]), py.tuple([py.name(ints[1]), py.name(ints[0])])),
            ),
          ),
        )
      : null,
    insts2.length >= 2
      ? w(
          1,
          one(
            fc
              .shuffledSubarray(insts2, { minLength: 2, maxLength: 2 })
              .map(([x, y]) => py.assign(py.tuple([py.name(x), py.name(y)]), py.tuple([py.name(y), py.name(x)]))),
          ),
        )
      : null,
    insts2.length >= 2
      ? w(
          1,
          one(
            fc
              .tuple(fc.shuffledSubarray(insts2, { minLength: 2, maxLength: 2 }), newInstance('ab'))
              .map(([[x, y], v]) => py.assign([py.name(x), py.name(y)], v)),
          ),
        )
      : null,
    ints.length
      ? w(
          2,
          one(
            fc
              .tuple(
                nameOf(ints),
                fc.constantFrom<BinOperator>('Add', 'Sub', 'Mult', 'FloorDiv', 'Mod'),
                intExpr(ctx),
                nonZeroLiteral,
                smallInt,
              )
              .map(([n, op, v, nz, k]) =>
                py.aug(n, op, op === 'FloorDiv' || op === 'Mod' ? nz : op === 'Mult' ? py.int(k) : v),
              ),
          ),
        )
      : null,
  ]);
});

/** Links between objects: attributes, list and dict items, set members. */
const graphStmt: (ctx: Ctx) => fc.Arbitrary<Stmt[]> = memo((ctx) => {
  const insts = readable(ctx, 'inst');
  const olists = readable(ctx, 'olist');
  const plists = readable(ctx, 'plist');
  const odicts = readable(ctx, 'odict');
  const pdicts = readable(ctx, 'pdict');
  const sets = readable(ctx, 'set');
  const grow = !ctx.noGrow;
  const guardLen = (c: Expr, body: Stmt): Stmt => py.ifStmt(py.cmp(py.call('len', [c]), 'Gt', py.int(0)), [body]);
  const m = (c: Expr, method: string, args: Expr[]): Stmt => py.expr(py.call(py.attr(c, method), args));
  return choose<Stmt[]>([
    insts.length
      ? w(5, one(fc.tuple(nameOf(insts), objExpr(ctx)).map(([o, v]) => py.assign(py.attr(o, 'ref'), v))))
      : null,
    insts.length
      ? w(2, one(fc.tuple(nameOf(insts), intExpr(ctx)).map(([o, v]) => py.assign(py.attr(o, 'val'), v))))
      : null,
    insts.length
      ? w(1, one(fc.tuple(nameOf(insts), intExpr(ctx)).map(([o, v]) => py.aug(py.attr(o, 'val'), 'Add', v))))
      : null,
    insts.length && grow
      ? w(2, one(fc.tuple(nameOf(insts), objExpr(ctx)).map(([o, v]) => m(py.attr(o, 'items'), 'append', [v]))))
      : null,
    insts.length ? w(2, one(fc.tuple(nameOf(insts), objExpr(ctx)).map(([o, v]) => m(o, 'link', [v])))) : null,
    insts.length && grow ? w(1, one(fc.tuple(nameOf(insts), objExpr(ctx)).map(([o, v]) => m(o, 'keep', [v])))) : null,
    insts.length
      ? w(
          1,
          one(
            fc
              .tuple(nameOf(insts), fc.array(objExpr(ctx), { maxLength: 2 }))
              .map(([o, v]) => py.assign(py.attr(o, 'items'), py.list(v))),
          ),
        )
      : null,
    olists.length && grow
      ? w(4, one(fc.tuple(nameOf(olists), objExpr(ctx)).map(([l, v]) => m(l, 'append', [v]))))
      : null,
    olists.length && grow ? w(1, one(nameOf(olists).map((l) => m(l, 'append', [l])))) : null,
    olists.length && grow
      ? w(1, one(fc.tuple(nameOf(olists), objExpr(ctx)).map(([l, v]) => m(l, 'insert', [py.int(0), v]))))
      : null,
    olists.length && grow
      ? w(
          1,
          one(
            fc
              .tuple(nameOf(olists), fc.array(objExpr(ctx), { maxLength: 2 }))
              .map(([l, v]) => m(l, 'extend', [py.list(v)])),
          ),
        )
      : null,
    olists.length ? w(2, one(nameOf(olists).map((l) => guardLen(l, m(l, 'pop', []))))) : null,
    olists.length ? w(1, one(nameOf(olists).map((l) => m(l, 'clear', [])))) : null,
    olists.length
      ? w(
          1,
          one(fc.tuple(nameOf(olists), objExpr(ctx)).map(([l, v]) => guardLen(l, py.assign(py.sub(l, py.int(0)), v)))),
        )
      : null,
    olists.length && insts.length
      ? w(
          1,
          one(
            fc
              .tuple(nameOf(olists), nameOf(insts))
              .map(([l, o]) => py.ifStmt(py.cmp(o, 'In', l), [m(l, 'remove', [o])])),
          ),
        )
      : null,
    plists.length && grow
      ? w(3, one(fc.tuple(nameOf(plists), printableItem(ctx)).map(([l, v]) => m(l, 'append', [v]))))
      : null,
    plists.length && grow
      ? w(
          1,
          one(
            fc
              .tuple(nameOf(plists), fc.integer({ min: 0, max: 5 }))
              .map(([l, k]) => m(l, 'extend', [py.call('range', [py.int(k)])])),
          ),
        )
      : null,
    plists.length && grow
      ? w(1, one(fc.tuple(nameOf(plists), intExpr(ctx)).map(([l, v]) => m(l, 'insert', [py.int(0), v]))))
      : null,
    plists.length ? w(1, one(nameOf(plists).map((l) => guardLen(l, m(l, 'pop', []))))) : null,
    plists.length
      ? w(
          1,
          one(fc.tuple(nameOf(plists), intExpr(ctx)).map(([l, v]) => guardLen(l, py.assign(py.sub(l, py.int(0)), v)))),
        )
      : null,
    odicts.length && grow
      ? w(3, one(fc.tuple(nameOf(odicts), keyLiteral, objExpr(ctx)).map(([d, k, v]) => py.assign(py.sub(d, k), v))))
      : null,
    odicts.length && grow ? w(1, one(nameOf(odicts).map((d) => py.assign(py.sub(d, py.str('me')), d)))) : null,
    odicts.length && grow
      ? w(1, one(fc.tuple(nameOf(odicts), keyLiteral, objExpr(ctx)).map(([d, k, v]) => m(d, 'setdefault', [k, v]))))
      : null,
    odicts.length && grow
      ? w(1, one(fc.tuple(nameOf(odicts), keyLiteral).map(([d, k]) => m(d, 'pop', [k, py.none()]))))
      : null,
    odicts.length && grow ? w(1, one(nameOf(odicts).map((d) => m(d, 'clear', [])))) : null,
    pdicts.length && grow
      ? w(
          2,
          one(fc.tuple(nameOf(pdicts), keyLiteral, printableItem(ctx)).map(([d, k, v]) => py.assign(py.sub(d, k), v))),
        )
      : null,
    pdicts.length && grow
      ? w(1, one(fc.tuple(nameOf(pdicts), keyLiteral).map(([d, k]) => m(d, 'pop', [k, py.none()]))))
      : null,
    sets.length ? w(2, one(fc.tuple(nameOf(sets), intExpr(ctx)).map(([s, v]) => m(s, 'add', [v])))) : null,
    sets.length ? w(1, one(fc.tuple(nameOf(sets), intExpr(ctx)).map(([s, v]) => m(s, 'discard', [v])))) : null,
    sets.length ? w(1, one(nameOf(sets).map((s) => m(s, 'clear', [])))) : null,
  ]);
});

/** `del` of names, attributes and items (items guarded, so they rarely raise). */
const delStmt: (ctx: Ctx) => fc.Arbitrary<Stmt[]> = memo((ctx) => {
  const names = uniq(
    OBJECT_KINDS.flatMap((k) => writable(ctx, k)).concat(
      writable(ctx, 'wref'),
      writable(ctx, 'bm'),
      writable(ctx, 'int'),
    ),
  );
  const insts = readable(ctx, 'inst');
  const olists = readable(ctx, 'olist');
  const dicts = [...readable(ctx, 'odict'), ...readable(ctx, 'pdict')];
  return choose<Stmt[]>([
    names.length
      ? w(
          6,
          one(
            fc
              .uniqueArray(pick(names), { minLength: 1, maxLength: 2 })
              .map((ns) => py.del(...ns.map((n) => py.name(n)))),
          ),
        )
      : null,
    insts.length
      ? w(
          2,
          one(
            fc
              .tuple(nameOf(insts), fc.constantFrom('ref', 'ref', 'items', 'val'))
              .map(([o, a]) => py.del(py.attr(o, a))),
          ),
        )
      : null,
    olists.length
      ? w(
          2,
          one(
            nameOf(olists).map((l) =>
              py.ifStmt(py.cmp(py.call('len', [l]), 'Gt', py.int(0)), [py.del(py.sub(l, py.int(0)))]),
            ),
          ),
        )
      : null,
    olists.length ? w(1, one(nameOf(olists).map((l) => py.del(py.sub(l, py.neg(py.int(1))))))) : null,
    dicts.length
      ? w(
          2,
          one(
            fc.tuple(nameOf(dicts), keyLiteral).map(([d, k]) => py.ifStmt(py.cmp(k, 'In', d), [py.del(py.sub(d, k))])),
          ),
        )
      : null,
  ]);
});

const weakrefStmt: (ctx: Ctx) => fc.Arbitrary<Stmt[]> = memo((ctx) => {
  const targets = [...readable(ctx, 'inst'), ...readable(ctx, 'set')];
  const wrefs = writable(ctx, 'wref');
  const wread = readable(ctx, 'wref');
  const insts = readable(ctx, 'inst');
  return choose<Stmt[]>([
    wrefs.length && targets.length
      ? w(
          5,
          one(
            fc
              .tuple(nameOf(wrefs), nameOf(targets), fc.constantFrom(null, 'cb', 'cb', 'cb2'))
              .map(([r, o, cb]) => py.assign(r, py.call('weakref.ref', cb ? [o, py.name(cb)] : [o]))),
          ),
        )
      : null,
    wread.length ? w(3, one(nameOf(wread).map((r) => py.print(py.cmp(py.call(r), 'Is', py.none()))))) : null,
    wread.length && insts.length
      ? w(1, one(fc.tuple(nameOf(wread), nameOf(insts)).map(([r, o]) => py.print(py.cmp(py.call(r), 'Is', o)))))
      : null,
    wread.length ? w(1, one(nameOf(wread).map((r) => py.print(py.call('sys.getrefcount', [r]))))) : null,
    wread.length && insts.length && writable(ctx, 'inst').length
      ? w(
          1,
          one(
            fc
              .tuple(nameOf(wread), nameOf(writable(ctx, 'inst')))
              .map(([r, o]) => py.ifStmt(py.cmp(py.call(r), 'IsNot', py.none()), [py.assign(o, py.call(r))])),
          ),
        )
      : null,
  ]);
});

const genArg = fc.constantFrom(0, 1, 2);

/** `gc.collect()` (its result printed or not) followed by up to three statements of known cost and `print(gc.get_count())`. */
const countProbe: fc.Arbitrary<Stmt[]> = (() => {
  const collect = choose<Stmt>([
    w(4, fc.constant(py.expr(py.call('gc.collect')))),
    w(3, fc.constant(py.print(py.call('gc.collect')))),
    w(1, fc.constant(py.expr(py.call('gc.collect', [py.int(2)])))),
    w(
      1,
      genArg.map((g) => py.print(py.call('gc.collect', [py.int(g)]))),
    ),
  ]);
  const pq = py.name('pq');
  const known = choose<Stmt>([
    w(2, fc.constant(py.assign(pq, py.list([])))),
    w(1, fc.constant(py.assign(pq, py.dict([])))),
    w(1, fc.constant(py.assign(pq, py.call('set')))),
    w(1, fc.constant(py.assign(pq, py.list([py.name('n'), py.int(1)])))),
    w(1, fc.constant(py.assign(pq, py.tuple([py.name('n'), py.name('m')])))),
    w(1, fc.constant(py.assign(pq, py.dict([[py.str('k'), py.name('n')]])))),
    w(1, fc.constant(py.assign(pq, py.call('A', [py.str('pq')])))),
    w(1, fc.constant(py.print(py.str('probe')))),
    w(1, fc.constant(py.assign(pq, py.call('weakref.ref', [py.name('a')])))),
    w(1, fc.constant(py.del(pq))),
  ]);
  return fc
    .tuple(collect, fc.array(known, { maxLength: 3 }))
    .map(([c, ks]) => [c, ...ks, py.print(py.call('gc.get_count'))]);
})();

/*
 * gc callbacks and low thresholds never meet at interpreter exit. Tearing CPython down allocates
 * about 200 GC objects (a weakref per module in finalize_remove_modules, ...), so with
 * threshold0 below that, automatic collections run during shutdown and a registered callback
 * prints them: output that depends on how many modules the installation loads, not on the
 * program. So a low threshold is set only after `gc.callbacks.clear()`, a callback is added only
 * after the threshold is back to 700, and the one place where both hold (callbackRegion) runs
 * only statements that cannot raise and ends with `gc.callbacks.clear()`. Statement reductions
 * (reduce.ts) never remove those guards.
 */
const RESET_THRESHOLD: Stmt = py.expr(py.call('gc.set_threshold', [py.int(700)]));
const CLEAR_CALLBACKS: Stmt = py.expr(py.call('gc.callbacks.clear'));

/** The guards above: statements the shrinker keeps while they guard something (guardNeeded). */
export function isGuard(s: Stmt): boolean {
  return s.kind === 'Expr' && (unparse(s) === unparse(RESET_THRESHOLD) || unparse(s) === unparse(CLEAR_CALLBACKS));
}

/**
 * Whether a guard still guards something in `program` (its statements after the prelude). A
 * shrunk counterexample should show a reader only what it needs: once shrinking has removed every
 * `gc.set_threshold(...)` other than the reset, resetting the threshold to its default changes
 * nothing, and once it has removed every `gc.callbacks.append(...)`, clearing the empty list
 * changes nothing; such a guard may go like any other statement. While the program still holds
 * what it guards against, it stays (removing it could make CPython's output depend on the
 * installation, a different failure from the one being shrunk).
 */
export function guardNeeded(guard: Stmt, program: readonly Stmt[]): boolean {
  const source = unparse({ kind: 'Module', body: [...program] });
  if (unparse(guard) === unparse(RESET_THRESHOLD)) {
    const thresholds = source.match(/gc\.set_threshold\(/g)?.length ?? 0;
    const resets = source.match(/gc\.set_threshold\(700\)$/gm)?.length ?? 0;
    return thresholds > resets;
  }
  return /gc\.callbacks\.append\(/.test(source);
}

function setThreshold(ts: number[]): Stmt[] {
  const set = py.expr(
    py.call(
      'gc.set_threshold',
      ts.map((t) => py.int(t)),
    ),
  );
  return ts[0] > 0 && ts[0] < 700 ? [CLEAR_CALLBACKS, set] : [set];
}

/** A low threshold with the gc callback registered, around allocations that cannot raise. */
const callbackRegion: fc.Arbitrary<Stmt[]> = fc
  .tuple(
    fc.constantFrom(1, 2, 3, 5, 10),
    fc.array(
      fc.constantFrom<Stmt>(
        py.assign(py.name('gq'), py.list([])),
        py.assign(py.name('gq'), py.list([py.list([]), py.dict([])])),
        py.assign(py.name('gq'), py.dict([[py.str('k'), py.list([py.list([])])]])),
        py.assign(py.name('gq'), py.tuple([py.list([]), py.call('set')])),
        py.print(py.call('gc.collect')),
        py.print(py.call('gc.collect', [py.int(0)])),
      ),
      { minLength: 1, maxLength: 6 },
    ),
  )
  .map(([t, inner]) => [
    py.expr(py.call('gc.set_threshold', [py.int(t)])),
    py.expr(py.call('gc.callbacks.append', [py.name('gccb')])),
    ...inner,
    CLEAR_CALLBACKS,
  ]);

const PROBE_END = 'print(gc.get_count())\n';
const PROBE_START = /^(print\()?gc\.collect\(\d?\)\)?\n$/;
/** Statements of known cost: countProbe's, and a finalizer's creation (fidelity/finalizers.ts). */
const PROBE_KNOWN = /^(pq = .*|del pq|print\('probe'\)|fz = weakref\.finalize\(.*\))\n$/;

/**
 * Whether every `print(gc.get_count())` in these statements (at any depth) still follows a
 * `gc.collect()` with at most three statements of known cost between them, as countProbe built
 * it. Statement reductions must keep this.
 */
export function probesIntact(body: readonly Stmt[]): boolean {
  if (!tracemallocIntact(body)) return false;
  const texts = body.map((s) => (s.kind === 'Expr' ? unparse(s) : ''));
  for (let i = 0; i < body.length; i++) {
    const s = body[i];
    if (texts[i] === PROBE_END) {
      let j = i - 1;
      while (
        j >= 0 &&
        j >= i - 4 &&
        PROBE_KNOWN.test(body[j].kind === 'Assign' || body[j].kind === 'Delete' ? unparse(body[j]) : texts[j])
      )
        j--;
      if (j < 0 || j < i - 4 || !PROBE_START.test(texts[j])) return false;
    }
    if ('body' in s && Array.isArray(s.body) && !probesIntact(s.body)) return false;
    if (s.kind === 'If' && !probesIntact(s.orelse)) return false;
  }
  return true;
}

const gcStmt: (ctx: Ctx) => fc.Arbitrary<Stmt[]> = memo((ctx) => {
  const objs = uniq([...readable(ctx, 'any'), ...readable(ctx, 'int')]);
  const insts = readable(ctx, 'inst');
  const thresholds = fc.array(fc.constantFrom(0, 1, 2, 3, 5, 10, 50, 700), { minLength: 1, maxLength: 3 });
  return choose<Stmt[]>([
    w(4, one(fc.constant(py.print(py.call('gc.collect'))))),
    w(3, one(genArg.map((g) => py.print(py.call('gc.collect', [py.int(g)]))))),
    w(2, one(fc.constant(py.expr(py.call('gc.collect'))))),
    ctx.scope === 'module' ? w(4, countProbe) : null,
    w(
      2,
      thresholds.map((ts) => setThreshold(ts)),
    ),
    w(1, one(fc.constant(py.print(py.call('gc.get_threshold'))))),
    w(1, one(fc.constant(py.expr(py.call('gc.disable'))))),
    w(1, one(fc.constant(py.expr(py.call('gc.enable'))))),
    w(1, one(fc.constant(py.print(py.call('gc.isenabled'))))),
    ctx.scope !== 'g'
      ? w(2, fc.constant([RESET_THRESHOLD, py.expr(py.call('gc.callbacks.append', [py.name('gccb')]))]))
      : null,
    ctx.scope === 'module' && ctx.depth === 0 ? w(2, callbackRegion) : null,
    w(1, one(fc.constant(py.expr(py.call('gc.callbacks.clear'))))),
    w(1, one(fc.constant(py.expr(py.call('gc.set_debug', [py.dotted('gc.DEBUG_SAVEALL')]))))),
    w(1, one(fc.constant(py.expr(py.call('gc.set_debug', [py.int(0)]))))),
    w(1, one(fc.constant(py.print(py.call('gc.get_debug'))))),
    w(2, one(fc.constant(py.print(py.call('len', [py.dotted('gc.garbage')]))))),
    w(1, one(fc.constant(py.expr(py.call('gc.garbage.clear'))))),
    objs.length ? w(2, one(nameOf(objs).map((o) => py.print(py.call('gc.is_tracked', [o]))))) : null,
    insts.length ? w(1, one(nameOf(insts).map((o) => py.print(py.call('gc.is_finalized', [o]))))) : null,
    w(1, one(fc.constant(py.expr(py.call('gc.freeze'))))),
    w(1, one(fc.constant(py.expr(py.call('gc.unfreeze'))))),
  ]);
});

const sysStmt: (ctx: Ctx) => fc.Arbitrary<Stmt[]> = memo((ctx) => {
  const objs = readable(ctx, 'any');
  const runtimeNamed = uniq([...objs, ...readable(ctx, 'wref'), ...readable(ctx, 'bm')]);
  const printables = [...readable(ctx, 'plist'), ...readable(ctx, 'pdict'), ...readable(ctx, 'set')];
  const sizeable = uniq([...objs, ...readable(ctx, 'int')]);
  const rc = (e: Expr): Expr => py.call('sys.getrefcount', [e]);
  return choose<Stmt[]>([
    runtimeNamed.length ? w(6, one(nameOf(runtimeNamed).map((o) => py.print(rc(o))))) : null,
    containerNames(ctx).length
      ? w(1, one(nameOf(containerNames(ctx)).map((o) => py.print(py.call('len', [o]), rc(o)))))
      : null,
    printables.length ? w(1, one(nameOf(printables).map((o) => py.print(o, rc(o))))) : null,
    printables.length ? w(1, one(nameOf(printables).map((o) => py.print(py.list([o, rc(o)]))))) : null,
    ctx.scope === 'module' ? w(1, one(fc.constantFrom('A', 'B', 'f', 'g').map((o) => py.print(rc(py.name(o)))))) : null,
    readable(ctx, 'inst').length
      ? w(1, one(nameOf(readable(ctx, 'inst')).map((o) => py.print(rc(py.attr(o, 'items'))))))
      : null,
    sizeable.length ? w(4, one(nameOf(sizeable).map((o) => py.print(py.call('sys.getsizeof', [o]))))) : null,
    w(1, one(intLiteral.map((v) => py.print(py.call('sys.getsizeof', [v]))))),
  ]);
});

const printStmt: (ctx: Ctx) => fc.Arbitrary<Stmt[]> = memo((ctx) =>
  choose<Stmt[]>([
    w(6, one(fc.array(printableExpr(ctx), { minLength: 1, maxLength: 3 }).map((args) => py.print(...args)))),
    w(1, one(fc.nat(99).map((k) => py.print(py.str('step'), py.int(k))))),
    w(
      1,
      one(
        fc
          .tuple(printableExpr(ctx), printableExpr(ctx))
          .map(([x, y]) => py.expr(py.call('print', [x, y], { sep: py.str('-'), end: py.str('!\n') }))),
      ),
    ),
  ]),
);

/** Calls of the user functions (module level only, never inside a loop over a container). */
const callStmt: (ctx: Ctx) => fc.Arbitrary<Stmt[]> = memo((ctx) => {
  const insts = readable(ctx, 'inst');
  const olists = writable(ctx, 'olist');
  return choose<Stmt[]>([
    w(4, one(objExpr(ctx).map((o) => py.expr(py.call('f', [o]))))),
    w(1, one(fc.tuple(objExpr(ctx), intExpr(ctx)).map(([o, q]) => py.expr(py.call('f', [o, q]))))),
    olists.length
      ? w(2, one(fc.tuple(nameOf(olists), objExpr(ctx)).map(([l, o]) => py.assign(l, py.list([py.call('f', [o])])))))
      : null,
    w(
      2,
      one(fc.tuple(intExpr(ctx), fc.option(intExpr(ctx))).map(([a, b]) => py.print(py.call('g', b ? [a, b] : [a])))),
    ),
    w(3, one(fc.constant(py.expr(py.call('h'))))),
    insts.length
      ? w(
          2,
          one(
            fc
              .tuple(nameOf(insts), fc.option(intExpr(ctx)))
              .map(([o, k]) => py.print(py.call(py.attr(o, 'bump'), k ? [k] : []))),
          ),
        )
      : null,
    readable(ctx, 'bm').length ? w(1, one(fc.constant(py.expr(py.call('bm', [py.name('a')]))))) : null,
  ]);
});

/** `if`, `while` and `for`, with bodies one level deeper. */
const controlStmt: (ctx: Ctx) => fc.Arbitrary<Stmt[]> = memo((ctx) => {
  const inner = (loop: LoopKind | null, noGrow = ctx.noGrow): Ctx => ({
    scope: ctx.scope,
    depth: ctx.depth + 1,
    loops: loop ? [...ctx.loops, loop] : ctx.loops,
    noGrow,
  });
  const body = (c: Ctx): fc.Arbitrary<Stmt[]> =>
    fc.array(stmtGroup(c), { minLength: 1, maxLength: 4 }).map((groups) => groups.flat());
  const level = ctx.loops.length;
  const olists = readable(ctx, 'olist');
  const plists = readable(ctx, 'plist');
  const odicts = readable(ctx, 'odict');
  const pdicts = readable(ctx, 'pdict');
  const loopOk = level < 2;
  const c = whileVar(level);
  return choose<Stmt[]>([
    w(
      4,
      one(
        fc
          .tuple(boolExpr(ctx), body(inner(null)), fc.option(body(inner(null)), { freq: 3 }))
          .map(([t, b, e]) => py.ifStmt(t, b, e ?? [])),
      ),
    ),
    loopOk
      ? w(
          3,
          one(
            fc
              .tuple(fc.integer({ min: 0, max: 4 }), body(inner('range')))
              .map(([k, b]) => py.forStmt(py.name(rangeVar(level)), py.call('range', [py.int(k)]), b)),
          ),
        )
      : null,
    loopOk
      ? w(
          2,
          fc
            .tuple(fc.integer({ min: 1, max: 3 }), body(inner('while')))
            .map(([k, b]) => [
              py.assign(py.name(c), py.int(0)),
              py.whileStmt(py.cmp(py.name(c), 'Lt', py.int(k)), [py.aug(py.name(c), 'Add', py.int(1)), ...b]),
            ]),
        )
      : null,
    loopOk && olists.length
      ? w(
          2,
          one(
            fc
              .tuple(nameOf(olists), body(inner('olist', true)))
              .map(([l, b]) => py.forStmt(py.name(elemVar(level)), l, b)),
          ),
        )
      : null,
    loopOk && plists.length
      ? w(
          1,
          one(
            fc
              .tuple(nameOf(plists), body(inner('plist', true)))
              .map(([l, b]) => py.forStmt(py.name(printableVar(level)), l, b)),
          ),
        )
      : null,
    loopOk && odicts.length + pdicts.length
      ? w(
          1,
          one(
            fc
              .tuple(nameOf([...odicts, ...pdicts]), body(inner('keys', true)))
              .map(([d, b]) => py.forStmt(py.name(keyVar(level)), d, b)),
          ),
        )
      : null,
    loopOk && odicts.length
      ? w(
          1,
          one(
            fc
              .tuple(nameOf(odicts), body(inner('oitems', true)))
              .map(([d, b]) =>
                py.forStmt(
                  py.tuple([py.name(keyVar(level)), py.name(elemVar(level))]),
                  py.call(py.attr(d, 'items')),
                  b,
                ),
              ),
          ),
        )
      : null,
    loopOk && pdicts.length
      ? w(
          1,
          one(
            fc
              .tuple(nameOf(pdicts), body(inner('pitems', true)))
              .map(([d, b]) =>
                py.forStmt(
                  py.tuple([py.name(keyVar(level)), py.name(printableVar(level))]),
                  py.call(py.attr(d, 'items')),
                  b,
                ),
              ),
          ),
        )
      : null,
  ]);
});

/** `break` / `continue` (inside loops), `return` (inside functions), usually behind an `if`. */
const jumpStmt: (ctx: Ctx) => fc.Arbitrary<Stmt[]> = memo((ctx) => {
  const jumps: fc.Arbitrary<Stmt>[] = [];
  if (ctx.loops.length > 0) jumps.push(fc.constant(py.brk()), fc.constant(py.cont()));
  if (ctx.scope === 'f') jumps.push(fc.constantFrom('p', 'loc', 'acc').map((n) => py.ret(py.name(n))));
  if (ctx.scope === 'g') jumps.push(intExpr(ctx).map((v) => py.ret(v)));
  if (ctx.scope === 'h') jumps.push(fc.constant(py.ret()));
  return fc
    .tuple(fc.oneof(...jumps), fc.option(boolExpr(ctx), { freq: 5 }))
    .map(([j, test]) => [test ? py.ifStmt(test, [j]) : j]);
});

function hasJumps(ctx: Ctx): boolean {
  return ctx.loops.length > 0 || ctx.scope !== 'module';
}

/** One group of statements (usually one statement) valid at `ctx`. */
const stmtGroup: (ctx: Ctx) => fc.Arbitrary<Stmt[]> = memo((ctx) => {
  const module = ctx.scope === 'module';
  const intsOnly = ctx.scope === 'g';
  const compound = ctx.depth < MAX_DEPTH;
  if (intsOnly) {
    return choose<Stmt[]>([
      w(5, bindStmt(ctx)),
      w(3, printStmt(ctx)),
      w(1, one(fc.constant(py.print(py.call('gc.collect'))))),
      compound ? w(2, controlStmt(ctx)) : null,
      w(1, jumpStmt(ctx)),
    ]);
  }
  const slice = sliceStmt({
    objectLists: readable(ctx, 'olist'),
    objectListTargets: writable(ctx, 'olist'),
    printableLists: readable(ctx, 'plist'),
    mayGrow: !ctx.noGrow,
    object: objExpr(ctx),
  });
  const iterating = iterBuiltinStmt({ objectLists: readable(ctx, 'olist'), printableLists: readable(ctx, 'plist') });
  const lazy = mapFilterStmt({ objectLists: readable(ctx, 'olist'), printableLists: readable(ctx, 'plist') });
  const classinfo = classinfoStmt({
    objects: readable(ctx, 'any'),
    values: uniq([...readable(ctx, 'any'), ...readable(ctx, 'int')]),
  });
  // A name declared global in a function cannot be annotated there (a SyntaxError).
  const annotatable = writable(ctx, 'int').filter((n) => ctx.scope !== 'h' || !H_GLOBALS.includes(n));
  const annotated = annotatedBind(annotatable, intExpr(ctx));
  const finalizers =
    module && !ctx.noGrow ? finalizerStmt({ instances: readable(ctx, 'inst'), ints: intExpr(ctx) }) : null;
  return choose<Stmt[]>([
    w(8, bindStmt(ctx)),
    w(8, graphStmt(ctx)),
    slice ? w(2, slice) : null,
    iterating ? w(2, iterating) : null,
    classinfo ? w(1, classinfo) : null,
    lazy ? w(1, lazy) : null,
    annotated ? w(1, annotated) : null,
    w(4, delStmt(ctx)),
    w(3, weakrefStmt(ctx)),
    w(6, gcStmt(ctx)),
    w(4, sysStmt(ctx)),
    w(4, printStmt(ctx)),
    w(2, formatStmt(ctx)),
    module && !ctx.noGrow ? w(3, callStmt(ctx)) : null,
    module ? w(1, superGroup()) : null,
    module ? w(3, floatGroup(py.name('n'))) : null,
    finalizers ? w(2, finalizers) : null,
    module
      ? w(
          2,
          classInternalsStmt({
            instances: readable(ctx, 'inst'),
            containers: [...readable(ctx, 'plist'), ...readable(ctx, 'pdict')],
            tag: tagFor('i'),
          }),
        )
      : null,
    module
      ? w(
          2,
          comprehensionStmt({
            printableLists: readable(ctx, 'plist'),
            objectLists: readable(ctx, 'olist'),
            objectListTargets: writable(ctx, 'olist'),
          }),
        )
      : null,
    module
      ? w(
          2,
          generatorStmt({ growableLists: ctx.noGrow ? [] : readable(ctx, 'olist'), instances: readable(ctx, 'inst') }),
        )
      : null,
    module
      ? w(
          2,
          moduleStmt({
            instances: readable(ctx, 'inst'),
            objects: readable(ctx, 'any'),
            intTargets: writable(ctx, 'int'),
          }),
        )
      : null,
    module ? w(1, recursionStmt(writable(ctx, 'olist'))) : null,
    module && !ctx.noGrow ? w(1, tracemallocGroup()) : null,
    compound ? w(module ? 4 : 2, withLoopElse(controlStmt(ctx))) : null,
    compound
      ? w(1, tryStmt(fc.array(stmtGroup({ ...ctx, depth: ctx.depth + 1 }), { maxLength: 2 }).map((g) => g.flat())))
      : null,
    hasJumps(ctx) ? w(1, jumpStmt(ctx)) : null,
  ]);
});

/** Output formatting (f-strings, str.format, format(), str % values) over this context's values. */
const formatStmt: (ctx: Ctx) => fc.Arbitrary<Stmt[]> = memo((ctx) => {
  const inputs = { ints: intExpr(ctx), printables: printableExpr(ctx), objects: readable(ctx, 'any') };
  return fc.oneof({ arbitrary: formattingStmt(inputs), weight: 3 }, { arbitrary: percentStmt(inputs), weight: 2 });
});

// ------------------------------------------------------------------------------------------------
// Classes and functions

const selfAttr = (a: string): Expr => py.attr(py.name('self'), a);
const printDel = (...more: Expr[]): Stmt => py.print(py.str('del'), selfAttr('name'), ...more);

const delMethod: fc.Arbitrary<Stmt> = choose<Stmt[]>([
  w(5, fc.constant([printDel()])),
  w(3, fc.constant([printDel(), py.expr(py.call('saved.append', [py.name('self')]))])),
  w(1, fc.constant([printDel(py.call('len', [py.name('saved')]))])),
  w(1, fc.constant([printDel(selfAttr('val'))])),
  w(1, fc.constant([printDel(py.cmp(selfAttr('ref'), 'Is', py.none()))])),
  w(1, fc.constant([printDel(py.call('gc.is_finalized', [py.name('self')]))])),
  w(1, fc.constant([printDel(py.call('sys.getrefcount', [py.name('self')]))])),
  w(1, fc.constant([printDel(py.call('gc.collect'))])),
]).map((body) => py.def('__del__', ['self'], body));

/** `__init__(self, name)`: sets name, val, ref and items, then optional extras. */
interface InitParts {
  readonly val: number;
  /** Whether `__init__` appends the instance to the class attribute `registry` (then defined). */
  readonly registry: boolean;
  readonly extras: InitExtra[];
}

type InitExtra = 'nestedItems' | 'refSelf' | 'itemsSelf' | 'print' | 'count';

function initExtra(cls: string, extra: InitExtra): Stmt {
  switch (extra) {
    case 'nestedItems':
      return py.assign(selfAttr('items'), py.list([py.list([])]));
    case 'refSelf':
      return py.assign(selfAttr('ref'), py.name('self'));
    case 'itemsSelf':
      return py.assign(selfAttr('items'), py.list([py.name('self')]));
    case 'print':
      return py.print(py.str('init'), py.name('name'));
    case 'count':
      return py.assign(py.attr(py.name(cls), 'count'), py.bin(py.attr(py.name(cls), 'count'), 'Add', py.int(1)));
  }
}

function initMethod(cls: string, parts: InitParts): Stmt {
  const registry = py.attr(py.name(cls), 'registry');
  return py.def(
    '__init__',
    ['self', 'name'],
    [
      py.assign(selfAttr('name'), py.name('name')),
      py.assign(selfAttr('val'), py.int(parts.val)),
      py.assign(selfAttr('ref'), py.none()),
      py.assign(selfAttr('items'), py.list([])),
      ...(parts.registry ? [py.expr(py.call(py.attr(registry, 'append'), [py.name('self')]))] : []),
      ...parts.extras.map((e) => initExtra(cls, e)),
    ],
  );
}

const initParts: fc.Arbitrary<InitParts> = fc.record({
  val: fc.nat(9),
  registry: rarely(fc.constant(true), 1, 2).map((r) => r === true),
  extras: fc.array(fc.constantFrom<InitExtra>('nestedItems', 'nestedItems', 'refSelf', 'itemsSelf', 'print', 'count'), {
    maxLength: 2,
  }),
});

const linkMethod = py.def('link', ['self', 'other'], [py.assign(selfAttr('ref'), py.name('other'))]);
const bumpMethod = py.def(
  'bump',
  ['self', ['k', py.int(1)]],
  [py.aug(selfAttr('val'), 'Add', py.name('k')), py.ret(selfAttr('val'))],
);
const keepMethod = py.def(
  'keep',
  ['self', 'other'],
  [py.expr(py.call(py.attr(selfAttr('items'), 'append'), [py.name('other')]))],
);

/** `class A`, `class B`, `class S` (with `__slots__`) or `class K(A)` (which may inherit `__init__`). */
function classDef(cls: 'A' | 'B' | 'S' | 'K'): fc.Arbitrary<Stmt> {
  return fc
    .record({
      count: usually(fc.constant(py.assign(py.name('count'), py.int(0))), 3),
      tag: rarely(fc.constant(py.assign(py.name('tag'), py.str(cls.toLowerCase())))),
      weakrefSlot: usually(fc.constant(true), 4),
      doc: rarely(fc.constant(py.expr(py.str(`Class ${cls}.`)))),
      init: cls === 'K' ? rarely(initParts, 1, 1) : fc.option(initParts, { freq: 1000 }),
      link: usually(fc.constant(linkMethod)),
      bump: usually(fc.constant(bumpMethod)),
      keep: usually(fc.constant(keepMethod), 4),
      del: cls === 'B' ? rarely(delMethod) : usually(delMethod, 3),
    })
    .map((r) => {
      const body: Stmt[] = r.doc ? [r.doc] : [];
      if (cls === 'S') {
        const slots = ['items', 'name', 'ref', 'val', ...(r.weakrefSlot ? ['__weakref__'] : [])];
        body.push(py.assign(py.name('__slots__'), py.tuple(slots.map(py.str))));
      }
      if (r.count || r.init?.extras.includes('count')) body.push(py.assign(py.name('count'), py.int(0)));
      if (r.init?.registry) body.push(py.assign(py.name('registry'), py.list([])));
      if (r.tag) body.push(r.tag);
      if (r.init) body.push(initMethod(cls, r.init));
      if (cls !== 'K') {
        if (r.link) body.push(r.link);
        if (r.bump) body.push(r.bump);
        if (r.keep) body.push(r.keep);
      }
      if (r.del) body.push(r.del);
      if (body.length === 0) body.push(py.pass());
      return py.classDef(cls, cls === 'K' ? ['A'] : [], body);
    });
}

const fnBody = (scope: Exclude<Scope, 'module'>): fc.Arbitrary<Stmt[]> =>
  fc.array(stmtGroup({ scope, depth: 0, loops: [], noGrow: false }), { maxLength: 5 }).map((g) => g.flat());

/** `def f(p, q=..., acc=[])`: works on objects and returns one. */
const fDef: fc.Arbitrary<Stmt> = fc
  .tuple(
    choose<Expr>([w(3, intLiteral), w(1, fc.constant(py.call('len', [py.list([])])))]),
    fc.constantFrom<Expr>(py.list([]), py.list([py.list([])])),
    fnBody('f'),
    fc.constantFrom('p', 'acc', 'loc'),
  )
  .map(([q, acc, body, result]) =>
    py.def(
      'f',
      ['p', ['q', q], ['acc', acc]],
      [
        py.assign(py.name('loc'), py.list([py.name('p')])),
        py.assign(py.name('lo'), py.call('A', [py.str('lo')])),
        py.assign(py.name('r'), py.name('q')),
        ...body,
        py.ret(py.name(result)),
      ],
    ),
  );

/** `def g(q, k=...)`: ints only. */
const gDef: fc.Arbitrary<Stmt> = fc
  .tuple(fc.integer({ min: -3, max: 5 }), fnBody('g'), intExpr({ scope: 'g', depth: 0, loops: [], noGrow: false }))
  .map(([k, body, result]) =>
    py.def(
      'g',
      ['q', ['k', k < 0 ? py.neg(py.int(-k)) : py.int(k)]],
      [py.assign(py.name('r'), py.bin(py.name('q'), 'Mult', py.name('k'))), ...body, py.ret(result)],
    ),
  );

/** `def h(): global L, n, a` and statements that rebind them. */
const hDef: fc.Arbitrary<Stmt> = fnBody('h').map((body) =>
  py.def(
    'h',
    [],
    [
      py.global(...H_GLOBALS),
      py.assign(py.name('loc'), py.list([])),
      py.assign(py.name('lo'), py.call('A', [py.str('lo')])),
      py.assign(py.name('r'), py.int(0)),
      ...body,
    ],
  ),
);

/** Weakref callbacks `cb(r)` and `cb2(r)`. */
const wrefCallback = (fname: string): fc.Arbitrary<Stmt> =>
  choose<Stmt[]>([
    w(3, fc.constant([py.print(py.str(fname), py.cmp(py.call('r'), 'Is', py.none()))])),
    w(1, fc.constant([py.print(py.str(fname), py.call('len', [py.name('saved')]))])),
    w(1, fc.constant([py.print(py.str(fname), py.call('sys.getrefcount', [py.name('r')]))])),
    w(1, fc.constant([py.print(py.str(fname)), py.expr(py.call('saved.append', [py.list([])]))])),
  ]).map((body) => py.def(fname, ['r'], body));

/** The gc callback `gccb(phase, info)`. */
const gcCallback: fc.Arbitrary<Stmt> = choose<Stmt[]>([
  w(
    3,
    fc.constant([
      py.print(
        py.str('gc'),
        py.name('phase'),
        py.sub(py.name('info'), py.str('generation')),
        py.sub(py.name('info'), py.str('collected')),
        py.sub(py.name('info'), py.str('uncollectable')),
      ),
    ]),
  ),
  w(1, fc.constant([py.print(py.str('gc'), py.name('phase'), py.name('info'))])),
]).map((body) => py.def('gccb', ['phase', 'info'], body));

// ------------------------------------------------------------------------------------------------
// Programs

const MODULE: Ctx = { scope: 'module', depth: 0, loops: [], noGrow: false };

/** The first bindings, in an order where each may use only the earlier ones. */
const setupArb: fc.Arbitrary<Stmt[]> = (() => {
  const order: [string, number][] = [
    ['saved', 100],
    ['n', 100],
    ['m', 30],
    ['a', 100],
    ['b', 30],
    ['c', 30],
    ['L', 100],
    ['M', 30],
    ['xs', 100],
    ['ys', 30],
    ['D', 100],
    ['pd', 30],
    ['s', 30],
    ['t', 30],
    ['w', 10],
    ['v', 10],
  ];
  const parts = order.map(([n, freq], i) => {
    const ctx: Ctx = { ...MODULE, noGrow: true, defined: order.slice(0, i).map((o) => o[0]) };
    const objs = objExpr(ctx);
    const items = printableItem(ctx);
    let value: fc.Arbitrary<Expr>;
    switch (n) {
      case 'saved':
        value = fc.constant(py.list([]));
        break;
      case 'n':
      case 'm':
        value = intLiteral;
        break;
      case 'a':
      case 'b':
      case 'c':
        value = fc
          .tuple(fc.constantFrom('A', 'A', 'A', 'B', 'S', 'K'), fc.nat(9))
          .map(([cls, k]) => py.call(cls, [py.str(`${n}${k}`)]));
        break;
      case 'L':
      case 'M':
        value = fc.array(objs, { maxLength: 3 }).map((xs) => py.list(xs));
        break;
      case 'xs':
      case 'ys':
        value = fc.array(items, { maxLength: 4 }).map((xs) => py.list(xs));
        break;
      case 'D':
        value = fc.array(fc.tuple(keyLiteral, objs), { maxLength: 3 }).map((kv) => py.dict(kv));
        break;
      case 'pd':
        value = fc.array(fc.tuple(keyLiteral, items), { maxLength: 3 }).map((kv) => py.dict(kv));
        break;
      case 's':
        value = fc.array(intLiteral, { maxLength: 4 }).map((xs) => py.set(xs));
        break;
      case 't':
        value = fc
          .tuple(nameOf(['a', 'L', 'n', 'xs']), fc.array(objs, { maxLength: 2 }))
          .map(([x, r]) => py.tuple([x, ...r]));
        break;
      default:
        value = fc
          .tuple(nameOf(n === 'w' ? ['a', 'b'] : ['c', 'a']), fc.constantFrom(null, 'cb', n === 'w' ? 'cb' : 'cb2'))
          .map(([o, cb]) => py.call('weakref.ref', cb ? [o, py.name(cb)] : [o]));
    }
    return usually(
      value.map((v) => py.assign(py.name(n), v)),
      freq,
    );
  });
  return fc.tuple(...parts).map((xs) => xs.filter((x): x is Stmt => x !== null));
})();

/** A statement that raises at the end of the program. */
const errorArb: fc.Arbitrary<Stmt> = fc.constantFrom(
  py.print(py.name('undefined_name')),
  py.print(py.attr(py.name('a'), 'missing')),
  py.print(py.sub(py.name('xs'), py.int(99))),
  py.print(py.sub(py.name('pd'), py.str('nokey'))),
  py.print(py.bin(py.name('n'), 'FloorDiv', py.int(0))),
  py.print(py.bin(py.int(1), 'Mod', py.bin(py.name('n'), 'Sub', py.name('n')))),
);

export interface ProgramOptions {
  /** Most statement groups after the setup (default 20). */
  readonly maxStatements?: number;
}

/** Random programs of the subset; shrinking removes statements and simplifies expressions. */
export function programArb(options: ProgramOptions = {}): fc.Arbitrary<FidelityProgram> {
  const maxStatements = options.maxStatements ?? 20;
  return fc
    .record({
      classA: usually(classDef('A'), 100),
      classB: usually(classDef('B'), 12),
      classS: usually(classDef('S'), 12),
      classK: usually(classDef('K'), 12),
      cb: usually(wrefCallback('cb'), 20),
      cb2: usually(wrefCallback('cb2'), 8),
      gccb: usually(gcCallback, 8),
      aliases: usually(fc.constant(ALIAS_IMPORTS), 4),
      f: usually(fDef, 12),
      gens: usually(fc.constant(GENERATOR_DEFS), 4),
      rec: usually(fc.constant(RECURSION_DEF), 3),
      g: usually(gDef, 8),
      h: usually(hDef, 8),
      setup: setupArb,
      body: fc.array(stmtGroup(MODULE), { maxLength: maxStatements }),
      error: rarely(errorArb, 1, 5),
    })
    .map((r) => {
      const body: Stmt[] = [];
      for (const s of [
        r.aliases,
        r.classA,
        r.classB,
        r.classS,
        r.classK,
        r.cb,
        r.cb2,
        r.gccb,
        r.f,
        r.gens,
        r.rec,
        r.g,
        r.h,
      ])
        if (s) body.push(...(Array.isArray(s) ? s : [s]));
      body.push(...r.setup, ...r.body.flat());
      // CPython's teardown under a low threshold collects at points the simulator does not model
      // (docs/fidelity.md, known differences): a program that changed the threshold restores it
      // before it ends, or raises its last error.
      if (body.some((s) => unparse(s).includes('gc.set_threshold('))) body.push(RESET_THRESHOLD);
      if (r.error) body.push(r.error);
      return { body, source: programSource(body) };
    });
}
