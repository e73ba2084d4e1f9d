/**
 * Generator functions for the program generator: `gen(n)` yields new lists and prints what
 * `send` gives it, `holder(p)` keeps its argument in its frame while suspended. A generator is a
 * GC-tracked object owning its frame: generated statements start, resume, send to, close, measure
 * and drop them (a generator that dies suspended is closed), and put them in cycles through
 * their frames (`L.append(go)` after `go = holder(L)`, `a.ref = go` after `go = holder(a)`), which
 * only the collector frees, finalizing the generator first (PEP 442).
 *
 * `gn` and `go` only ever hold generators (or None). A `send` that CPython refuses (to a
 * just-started generator) or that ends the generator raises; it is wrapped in a `try` that says
 * so, so the program goes on.
 */
import fc from 'fast-check';
import type { Stmt } from '../python/lang';
import { stmts } from './templates';

/** The definitions, placed with the program's other functions. */
export const GENERATOR_DEFS: readonly Stmt[] = stmts(`def gen(n):
    for k in range(n):
        got = yield [k]
        if got is not None:
            print('got', got)
    return n
def holder(p):
    box = [p]
    yield len(box)
    print('resumed', len(box))
    yield 0
`);

/** What the statements may refer to at their point in the program. */
export interface GeneratorNames {
  /** Lists of objects that may grow here (not inside a `for` over a container). */
  readonly growableLists: readonly string[];
  /** Instances, whose `ref` attribute may be set. */
  readonly instances: readonly string[];
}

const USES: readonly Stmt[][] = [
  stmts('print(next(gn, None))'),
  stmts('print(sys.getsizeof(gn), gc.is_tracked(gn))'),
  stmts('print(sys.getrefcount(gn))'),
  stmts("try:\n    print(gn.send(5))\nexcept (StopIteration, TypeError):\n    print('send refused')"),
  stmts('gn.close()'),
  stmts('print(list(gn))'),
  stmts('gn = None'),
];

/** A generator made and used, or put in a cycle through its frame (a group of statements). */
export function generatorStmt(names: GeneratorNames): fc.Arbitrary<Stmt[]> {
  const made = fc.integer({ min: 0, max: 3 }).map((n) => stmts(`gn = gen(${n})`));
  const options: fc.Arbitrary<Stmt[]>[] = [
    fc.tuple(made, fc.subarray([...USES], { minLength: 1, maxLength: 3 })).map(([m, uses]) => [...m, ...uses.flat()]),
  ];
  if (names.growableLists.length > 0)
    options.push(
      fc
        .constantFrom(...names.growableLists)
        .map((l) => stmts(`go = holder(${l})\nprint(next(go, None))\n${l}.append(go)`)),
    );
  if (names.instances.length > 0)
    options.push(
      fc
        .constantFrom(...names.instances)
        .map((a) => stmts(`go = holder(${a})\n${a}.ref = go\nprint(next(go, None))\ngo = None`)),
    );
  return fc.oneof(...options);
}
