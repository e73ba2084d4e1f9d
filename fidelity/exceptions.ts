/**
 * Arbitraries for exception handling in generated programs: `try` statements around generated
 * statements and an operation that raises, caught by a handler naming its class, a base of it or
 * `Exception` (so the program goes on); handlers that print the exception, its args or its
 * refcount, or keep it in `kept` (which keeps its traceback's frames and their locals alive);
 * `else:` and `finally:` blocks that print (a `finally:` may collect while an exception is on the
 * stack); and `else:` blocks on generated loops.
 *
 * The raising operations use no names, so whatever shrinking removes around them they raise the
 * same exception with the same message, and the handler chosen for them still catches it.
 */
import fc from 'fast-check';
import type { Stmt } from '../python/lang';
import * as py from './pyast';

/** An operation that raises, and the classes that catch what it raises (most specific first). */
interface Raiser {
  readonly stmt: Stmt;
  readonly catchers: readonly string[];
}

const RAISERS: readonly Raiser[] = [
  { stmt: py.raise(py.call('ValueError', [py.str('bad value')])), catchers: ['ValueError', 'Exception'] },
  { stmt: py.raise(py.name('KeyError')), catchers: ['KeyError', 'LookupError', 'Exception'] },
  { stmt: py.print(py.sub(py.list([]), py.int(0))), catchers: ['IndexError', 'LookupError', 'Exception'] },
  { stmt: py.print(py.sub(py.dict([]), py.str('k'))), catchers: ['KeyError', 'LookupError', 'Exception'] },
  { stmt: py.print(py.bin(py.int(1), 'FloorDiv', py.int(0))), catchers: ['ZeroDivisionError', 'ArithmeticError'] },
  {
    stmt: py.assertStmt(py.cmp(py.int(1), 'Gt', py.int(2)), py.str('checked')),
    catchers: ['AssertionError', 'Exception'],
  },
];

/** What a handler does with the exception it caught (`err`, when it binds one). */
interface HandlerBody {
  readonly binds: boolean;
  readonly body: Stmt[];
}

const HANDLER_BODIES: readonly HandlerBody[] = [
  { binds: true, body: [py.print(py.str('caught'), py.name('err'))] },
  { binds: true, body: [py.print(py.str('args'), py.attr(py.name('err'), 'args'))] },
  { binds: true, body: [py.print(py.str('refs'), py.call('sys.getrefcount', [py.name('err')]))] },
  { binds: true, body: [py.assign(py.name('kept'), py.name('err'))] },
  { binds: false, body: [py.print(py.str('handled'))] },
];

/** What an `else:` or `finally:` block prints. */
const clauseBody = (word: string): fc.Arbitrary<Stmt[]> =>
  fc.constantFrom([py.print(py.str(word))], [py.print(py.str(word), py.call('gc.collect'))]);

/**
 * `try:` around the statements of `inner` and (usually) an operation that raises, with one or two
 * handlers (the last always catches it), and optional `else:` and `finally:` blocks.
 */
export function tryStmt(inner: fc.Arbitrary<Stmt[]>): fc.Arbitrary<Stmt[]> {
  return fc
    .record({
      before: inner,
      raiser: fc.option(fc.constantFrom(...RAISERS), { freq: 6 }),
      decoy: fc.option(fc.constantFrom('TypeError', 'AttributeError', 'RuntimeError'), { freq: 3 }),
      catcher: fc.nat(2),
      handler: fc.constantFrom(...HANDLER_BODIES),
      orelse: fc.option(clauseBody('else'), { freq: 3 }),
      finalbody: fc.option(clauseBody('finally'), { freq: 2 }),
    })
    .map((r) => {
      const body = [...r.before, ...(r.raiser ? [r.raiser.stmt] : [])];
      const catchers = r.raiser?.catchers ?? ['Exception'];
      const type = catchers[Math.min(r.catcher, catchers.length - 1)];
      const handlers = [
        ...(r.decoy ? [py.handler(py.name(r.decoy), null, [py.print(py.str('not this one'))])] : []),
        py.handler(py.name(type), r.handler.binds ? 'err' : null, r.handler.body),
      ];
      return [py.tryStmt(body.length > 0 ? body : [py.pass()], handlers, r.orelse ?? [], r.finalbody ?? [])];
    });
}

/** Loops of `group` given (sometimes) an `else:` block that prints, run when no `break` ended them. */
export function withLoopElse(group: fc.Arbitrary<Stmt[]>): fc.Arbitrary<Stmt[]> {
  return fc
    .tuple(group, fc.option(clauseBody('loop else'), { freq: 4 }))
    .map(([stmts, orelse]) =>
      orelse === null ? stmts : stmts.map((s) => (s.kind === 'For' || s.kind === 'While' ? { ...s, orelse } : s)),
    );
}
