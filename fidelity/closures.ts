/**
 * Closures for the program generator: a function that keeps a generated object alive through a
 * cell, a function in a cycle with itself through its own cell (freed only by the collector),
 * a `nonlocal` counter, lambdas made in a comprehension (late binding, and default arguments
 * binding early), a lambda whose default holds an object, and a comprehension using its
 * function's parameter. Each group defines and uses its own names (`keep_fn`, `kept`, ...), so
 * dropping any group leaves the others valid; the objects it captures are new ones or names of
 * objects, never literals, so `sys.getrefcount` of them (read back into a name) prints what the
 * model must get right.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../python/lang';
import * as py from './pyast';

const P = { lineno: 1, col: 0, endLineno: 1, endCol: 0 } as const;

/** `lambda params: body` (a param given as [name, default] has a default). */
function lambda(params: (string | [string, Expr])[], body: Expr): Expr {
  const fn = py.def('<lambda>', params, [py.ret(body)]);
  if (fn.kind !== 'FunctionDef') throw new Error('py.def made no FunctionDef');
  return { kind: 'Lambda', fn, ...P };
}

const nonlocal = (...names: string[]): Stmt => ({ kind: 'Nonlocal', names, ...P });

/** `def outer(p): def inner(): <innerBody>; return inner` */
function factory(outer: string, param: string, inner: string, innerBody: Stmt[], before: Stmt[] = []): Stmt {
  return py.def(outer, [param], [...before, py.def(inner, [], innerBody), py.ret(py.name(inner))]);
}

/** An object kept alive by a closure: its refcount read back through the closure, then maybe dropped. */
function keepAlive(object: fc.Arbitrary<Expr>): fc.Arbitrary<Stmt[]> {
  return fc
    .tuple(object, fc.boolean())
    .map(([obj, dropped]) => [
      factory('keep_fn', 'obj', 'get', [py.ret(py.name('obj'))]),
      py.assign(py.name('kept', 'Store'), py.call('keep_fn', [obj])),
      py.assign(py.name('kept_obj', 'Store'), py.call('kept')),
      py.print(
        py.call('sys.getrefcount', [py.name('kept_obj')]),
        py.call('len', [py.attr(py.name('kept'), '__closure__')]),
      ),
      py.del(py.name('kept_obj', 'Del')),
      ...(dropped ? [py.del(py.name('kept', 'Del'))] : []),
    ]);
}

/** A function whose cell holds the function itself (and an object): a cycle the collector frees. */
function selfCycle(object: fc.Arbitrary<Expr>): fc.Arbitrary<Stmt[]> {
  return object.map((obj) => [
    factory('cycle_fn', 'obj', 'me', [py.ret(py.tuple([py.name('me'), py.name('obj')]))]),
    py.assign(py.name('looped', 'Store'), py.call('cycle_fn', [obj])),
    py.print(py.cmp(py.sub(py.call('looped'), py.int(0)), 'Is', py.name('looped'))),
    py.del(py.name('looped', 'Del')),
    py.print(py.call('gc.collect')),
  ]);
}

/** A `nonlocal` counter: the cell's int replaced on each call. */
const counter: fc.Arbitrary<Stmt[]> = fc
  .tuple(fc.nat(300), fc.integer({ min: 1, max: 3 }))
  .map(([start, calls]) => [
    factory(
      'counter_fn',
      'start',
      'inc',
      [nonlocal('count'), py.aug(py.name('count', 'Store'), 'Add', py.int(1)), py.ret(py.name('count'))],
      [py.assign(py.name('count', 'Store'), py.name('start'))],
    ),
    py.assign(py.name('tick', 'Store'), py.call('counter_fn', [py.int(start)])),
    py.print(...Array.from({ length: calls }, () => py.call('tick'))),
  ]);

/** Lambdas made in a comprehension: each reads the comprehension's cell late, or its default early. */
const lateBinding: fc.Arbitrary<Stmt[]> = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.boolean()).map(([n, early]) => {
  const made = lambda(early ? [['k', py.name('k')]] : [], py.name('k'));
  const comp = (elt: Expr, target: string, iter: Expr): Expr => ({
    kind: 'ListComp',
    elt,
    generators: [{ target: py.name(target, 'Store'), iter, ifs: [] }],
    ...P,
  });
  return [
    py.assign(py.name('late', 'Store'), comp(made, 'k', py.call('range', [py.int(n)]))),
    py.print(comp(py.call('f'), 'f', py.name('late'))),
  ];
});

/** A lambda whose default holds an object: the defaults tuple keeps it alive. */
function lambdaDefault(object: fc.Arbitrary<Expr>): fc.Arbitrary<Stmt[]> {
  return fc
    .tuple(object, fc.boolean())
    .map(([obj, dropped]) => [
      py.assign(py.name('hold', 'Store'), lambda([['x', obj]], py.name('x'))),
      py.assign(py.name('held', 'Store'), py.call('hold')),
      py.print(py.call('sys.getrefcount', [py.name('held')])),
      py.del(py.name('held', 'Del')),
      ...(dropped ? [py.del(py.name('hold', 'Del'))] : []),
    ]);
}

/** A comprehension inside a function using the function's parameter (a free variable of `<listcomp>`). */
const comprehensionFree: fc.Arbitrary<Stmt[]> = fc
  .tuple(fc.integer({ min: -3, max: 5 }), fc.array(fc.nat(9), { maxLength: 3 }))
  .map(([factor, xs]) => [
    py.def(
      'scale_fn',
      ['xs', 'f'],
      [
        py.ret({
          kind: 'ListComp',
          elt: py.bin(py.name('x'), 'Mult', py.name('f')),
          generators: [{ target: py.name('x', 'Store'), iter: py.name('xs'), ifs: [] }],
          ...P,
        }),
      ],
    ),
    py.print(
      py.call('scale_fn', [py.list(xs.map((x) => py.int(x))), factor < 0 ? py.neg(py.int(-factor)) : py.int(factor)]),
    ),
  ]);

/** One closure group at module level, capturing objects from `object`. */
export function closureGroup(object: fc.Arbitrary<Expr>): fc.Arbitrary<Stmt[]> {
  return fc.oneof(
    { weight: 3, arbitrary: keepAlive(object) },
    { weight: 2, arbitrary: selfCycle(object) },
    { weight: 2, arbitrary: counter },
    { weight: 2, arbitrary: lateBinding },
    { weight: 2, arbitrary: lambdaDefault(object) },
    { weight: 1, arbitrary: comprehensionFree },
  );
}
