/**
 * A statement group with super() for the program generator: a base class `SupBase` and a subclass
 * `SupChild` whose `__init__`, `__del__` and a method call the base's through super() (without
 * arguments or as `super(SupChild, self)`), the base's `__init__` maybe reaching object's through
 * super() too; then an instance `sc` made, its method called, maybe made into a cycle, and dropped.
 *
 * What keeps it reproducible and inside the simulator: the group defines its classes and `sc`
 * itself (shrinking drops whole groups); a later group rebinds both classes before the instance,
 * so an old class pair dies in one collection; the instance and classes are never printed, only
 * ints, strs, refcounts, `gc.collect()`'s result, and `gc.get_count()` right after a collection
 * (programs.ts's probe rule); `__del__` prints a tag, so the finalizers' order shows.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../python/lang';
import * as py from './pyast';

const SELF = py.name('self');
const SC = py.name('sc');

/** How one method reaches its base's: `super()` or `super(SupChild, self)`. */
const superCall = (zeroArgs: boolean): Expr =>
  zeroArgs ? py.call('super') : py.call('super', [py.name('SupChild'), SELF]);

/** What one group of super() statements chooses. */
interface SuperChoices {
  /** The base's `__init__` calls object's through super(). */
  readonly baseSuperInit: boolean;
  /** Which classes have a printing `__del__`, the subclass's passing on to the base's. */
  readonly baseDel: boolean;
  readonly childDel: boolean;
  /** Each of the subclass's methods: zero-argument super() or the two-argument form. */
  readonly zeroArgs: readonly [boolean, boolean, boolean];
  readonly tag: number;
  readonly k: number;
  /** What is done with the instance: call, collect and count; a cycle through itself; refcounts; super objects' sizes. */
  readonly uses: readonly ('count' | 'cycle' | 'refcounts' | 'bound')[];
  readonly dropped: boolean;
}

/** `class SupBase` and `class SupChild(SupBase)` for the choices. */
function classes(c: SuperChoices): Stmt[] {
  const printDel = (label: string) => py.print(py.str(label), py.attr(SELF, 'tag'));
  const base = py.classDef('SupBase', [], [
    py.def('__init__', ['self', 'tag'], [
      ...(c.baseSuperInit ? [py.expr(py.call(py.attr(py.call('super'), '__init__')))] : []),
      py.assign(py.attr(SELF, 'tag', 'Store'), py.name('tag')),
    ]),
    py.def('size', ['self'], [py.ret(py.int(1))]),
    ...(c.baseDel ? [py.def('__del__', ['self'], [printDel('del base')])] : []),
  ]); // prettier-ignore
  const [initZero, sizeZero, delZero] = c.zeroArgs;
  const child = py.classDef('SupChild', ['SupBase'], [
    py.def('__init__', ['self', 'tag', 'k'], [
      py.expr(py.call(py.attr(superCall(initZero), '__init__'), [py.name('tag')])),
      py.assign(py.attr(SELF, 'k', 'Store'), py.name('k')),
    ]),
    py.def('size', ['self'], [py.ret(py.bin(py.call(py.attr(superCall(sizeZero), 'size')), 'Add', py.attr(SELF, 'k')))]),
    ...(c.childDel
      ? [py.def('__del__', ['self'], [
          printDel('del child'),
          ...(c.baseDel ? [py.expr(py.call(py.attr(superCall(delZero), '__del__')))] : []),
        ])]
      : []),
  ]); // prettier-ignore
  return [base, child];
}

/** One use of the instance `sc`. */
function use(u: SuperChoices['uses'][number]): Stmt[] {
  switch (u) {
    case 'count':
      return [
        py.print(py.call(py.attr(SC, 'size'))),
        py.expr(py.call('gc.collect')),
        py.print(py.call('gc.get_count')),
      ];
    case 'cycle':
      return [py.assign(py.attr(SC, 'me', 'Store'), SC)];
    case 'refcounts':
      return [
        py.print(
          py.call('sys.getrefcount', [py.name('SupChild')]),
          py.call('sys.getrefcount', [py.name('SupBase')]),
          py.call('sys.getrefcount', [SC]),
        ),
      ];
    case 'bound':
      return [
        py.print(
          py.call('sys.getsizeof', [py.call('super', [py.name('SupChild'), SC])]),
          py.call('gc.is_tracked', [py.attr(py.call('super', [py.name('SupChild'), SC]), 'size')]),
        ),
      ];
  }
}

/** The group: both classes, `sc = SupChild(tag, k)`, its uses, maybe `del sc` and a collection. */
export function superGroup(): fc.Arbitrary<Stmt[]> {
  return fc
    .record({
      baseSuperInit: fc.boolean(),
      baseDel: fc.boolean(),
      childDel: fc.boolean(),
      zeroArgs: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
      tag: fc.nat(9),
      k: fc.integer({ min: 1, max: 5 }),
      uses: fc.array(fc.constantFrom('count', 'cycle', 'refcounts', 'bound'), { maxLength: 3 }),
      dropped: fc.boolean(),
    })
    .map((c: SuperChoices) => [
      ...classes(c),
      py.assign(SC, py.call('SupChild', [py.str(`s${c.tag}`), py.int(c.k)])),
      ...c.uses.flatMap(use),
      ...(c.dropped ? [py.del(SC), py.print(py.call('gc.collect'))] : []),
    ]);
}
