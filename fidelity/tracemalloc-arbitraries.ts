/**
 * fast-check arbitraries for tracemalloc in generated programs (plugged into programs.ts as one
 * more kind of statement group at module level): trace a few allocations, read the traced memory
 * and its peak, stop, then print the figures.
 *
 * What keeps the figures reproducible and within the model (docs/fidelity.md, tracemalloc):
 * - Each group imports tracemalloc between full collections, with gc's debug flags, callbacks
 *   and thresholds back at their defaults (PREPARE), so the collections CPython's import of
 *   Lib/tracemalloc.py runs show nowhere; the collection after it empties every free list on both
 *   sides, so no shell CPython's start-up left parked (a free allocation there) is taken while
 *   tracing.
 * - Between `start()` and the read there is no print() (whose passing I/O allocations are not
 *   modelled) and only constructs whose allocations are modelled byte for byte: list
 *   comprehensions and `list(range(...))` of ints of one, two and three digits, generator
 *   expressions consumed by `sum`, appends, dict stores of int keys, `del`.
 * - The names a group binds (`tl tk td tm`) are its own, so other groups never see them half made.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../python/lang';
import { unparse } from '../python/lang';
import * as py from './pyast';

const P = { lineno: 1, col: 0, endLineno: 1, endCol: 0 } as const;
const I = py.name('i');

/** `range(n)` with n from 0 to 400 (a range longer than 256 makes new ints). */
const range: fc.Arbitrary<Expr> = fc.integer({ min: 0, max: 400 }).map((n) => py.call('range', [py.int(n)]));

/** The ints a traced group makes from `i`: cached small ones, one, two and three digits. */
const item: fc.Arbitrary<Expr> = fc
  .constantFrom(0, 1, 3, 40_000, 2 ** 31)
  .map((k) => (k === 0 ? py.int(7) : k === 1 ? I : py.bin(I, 'Mult', py.int(k))));

/** `[elt for i in <range>]` or `(elt for i in <range>)`. */
function comprehension(kind: 'ListComp' | 'GeneratorExp'): fc.Arbitrary<Expr> {
  return fc
    .tuple(item, range)
    .map(([elt, iter]): Expr => ({ kind, elt, generators: [{ target: py.name('i', 'Store'), iter, ifs: [] }], ...P }));
}

const TL = py.name('tl');
const TD = py.name('td');

/** One traced step. */
const step: fc.Arbitrary<Stmt[]> = fc.oneof(
  comprehension('ListComp').map((c) => [py.assign(TL, c)]),
  range.map((r) => [py.assign(TL, py.call('list', [r]))]),
  comprehension('GeneratorExp').map((g) => [py.assign(py.name('tk'), py.call('sum', [g]))]),
  fc
    .tuple(item, range)
    .map(([v, r]) => [
      py.assign(TL, py.list([])),
      py.forStmt(py.name('i', 'Store'), r, [py.expr(py.call('tl.append', [v]))]),
    ]),
  fc
    .tuple(item, range)
    .map(([v, r]) => [
      py.assign(TD, py.dict([])),
      py.forStmt(py.name('i', 'Store'), r, [py.assign(py.sub(TD, I, 'Store'), v)]),
    ]),
  fc.constant<Stmt[]>([py.assign(TL, py.list([])), py.del(TL)]),
);

const COLLECT = py.expr(py.call('gc.collect'));
/**
 * Before `import tracemalloc`: Lib/tracemalloc.py's import runs Python code that allocates and
 * collects (two young collections), which the simulator's native module does not. Debug flags
 * and gc callbacks would show those collections, and objects of the program still young could be
 * collected or promoted by them, so the group turns them off, restores the default thresholds and
 * collects everything first.
 */
const PREPARE: readonly Stmt[] = [
  py.expr(py.call('gc.set_debug', [py.int(0)])),
  py.expr(py.call('gc.callbacks.clear')),
  py.expr(py.call('gc.set_threshold', [py.int(700), py.int(10), py.int(10)])),
  COLLECT,
];
const IMPORT = py.importStmt('tracemalloc');
const START = py.expr(py.call('tracemalloc.start'));
const STOP = py.expr(py.call('tracemalloc.stop'));

/**
 * One group: import, collect, start, one to three traced steps, read (current, peak) into `tm`,
 * optionally reset the peak, step again and read into `tm2`, stop, print the figures.
 */
export function tracemallocGroup(): fc.Arbitrary<Stmt[]> {
  const read = (target: string) => py.assign(py.name(target), py.call('tracemalloc.get_traced_memory'));
  return fc
    .tuple(fc.array(step, { minLength: 1, maxLength: 3 }), fc.option(step, { freq: 2 }))
    .map(([steps, again]) => [
      ...PREPARE,
      IMPORT,
      COLLECT,
      START,
      ...steps.flat(),
      read('tm'),
      ...(again === null ? [] : [py.expr(py.call('tracemalloc.reset_peak')), ...again, read('tm2')]),
      STOP,
      py.print(py.name('tm'), ...(again === null ? [] : [py.name('tm2')])),
    ]);
}

/**
 * Whether a (shrunk) program still keeps the groups' guarantees: each `import tracemalloc` comes
 * right after PREPARE and right before `gc.collect()`, and each `start()` is followed by a
 * `stop()` with no print in between (a reduction that dropped one of them would compare what the
 * model leaves out on purpose).
 */
export function tracemallocIntact(body: readonly Stmt[]): boolean {
  const source = (s: Stmt) => unparse({ kind: 'Module', body: [s] });
  const text = body.map(source);
  const [importText, collectText, startText, stopText] = [IMPORT, COLLECT, START, STOP].map(source);
  const prepareText = PREPARE.map(source);
  const prepared = (at: number) => prepareText.every((t, k) => text[at - prepareText.length + k] === t);
  let tracing = false;
  for (let i = 0; i < body.length; i++) {
    if (text[i] === importText && (text[i + 1] !== collectText || !prepared(i))) return false;
    if (text[i] === startText) tracing = true;
    else if (text[i] === stopText) tracing = false;
    else if (tracing && /\bprint\(/.test(text[i])) return false;
  }
  return !tracing;
}
