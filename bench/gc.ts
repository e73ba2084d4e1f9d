/**
 * Benchmark: a full collection on the simulator next to CPython's own gc.collect(), on the same
 * heap shapes built in the same run.
 *
 * Shapes (N objects, all lists): a reachable chain (a variable holds the head, each list the next),
 * unreachable 2-cycles (N/2 pairs referencing each other, nothing else), and a random graph (each
 * list holds two random others; a variable holds `keep = lists[::10]`, a list of one in ten). Both
 * sides build the same graph (the same random sequence: mulberry32, written in both languages), so
 * that both collectors do the same work: the same objects, references and list moves.
 *
 * What is timed is a full collection of the shape itself. Before it, the shapes whose objects
 * survive (chain, random) get one generation-0 collection, so that, as in a running program, the
 * heap being measured has been seen by the collector once and sits in an older generation. The
 * cycles do not get that warm-up: collect(0) would already free every 2-cycle and leave the timed
 * collect(2) an empty heap. They are collected straight from generation 0 by the timed collect(2)
 * (which merges the young generations first), and that includes freeing them. The simulator and
 * the CPython side do exactly the same thing (see `WARM_UP` and the Python `build`).
 */
import { execFileSync } from 'child_process';
import { Runtime } from '../core/runtime';
import { GcModule } from '../core/gc/gcmodule';
import { type PyObject } from '../core/objects/pyobject';
import { newList, listAppend } from '../core/objects/list';

export type Shape = 'chain' | 'cycles' | 'random';
export const SHAPES: readonly Shape[] = ['chain', 'cycles', 'random'];

/** Shapes that get a warm-up gc.collect(0) before the timed gc.collect(2): those that survive it. */
const WARM_UP: Readonly<Record<Shape, boolean>> = { chain: true, cycles: false, random: true };

export interface GcFullCollectFigure {
  shape: Shape;
  objects: number;
  sim_ns_per_object: number;
  cpython_ns_per_object: number;
  /** sim / CPython: below 1.0 the simulator is faster than CPython's C collector. */
  ratio: number;
}

/** A deterministic random sequence (mulberry32), the same in every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function build(rt: Runtime, shape: Shape, n: number): void {
  const link = (from: PyObject, to: PyObject) => listAppend(rt, from, to);
  const lists: PyObject[] = [];
  for (let i = 0; i < n; i++) lists.push(newList(rt, []));
  if (shape === 'chain') {
    for (let i = 0; i + 1 < n; i++) link(lists[i], lists[i + 1]);
    rt.hold(lists[0]);
  } else if (shape === 'cycles') {
    for (let i = 0; i + 1 < n; i += 2) {
      link(lists[i], lists[i + 1]);
      link(lists[i + 1], lists[i]);
    }
  } else {
    const next = random(7);
    for (const l of lists) {
      link(l, lists[Math.floor(next() * n)]);
      link(l, lists[Math.floor(next() * n)]);
    }
    const keep = newList(
      rt,
      lists.filter((_, i) => i % 10 === 0),
    );
    rt.hold(keep);
    rt.decref(keep);
  }
  for (const l of lists) rt.decref(l);
}

/** Simulated full collection: best of `repeats` fresh heaps, in ns per object. */
export function simulatedFullCollect(shape: Shape, n: number, repeats = 3): number {
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const rt = new Runtime();
    const gc = new GcModule(rt);
    gc.disable();
    build(rt, shape, n);
    if (WARM_UP[shape]) gc.collect(0); // the heap being measured has been seen by the collector once
    const start = process.hrtime.bigint();
    gc.collect(2);
    best = Math.min(best, Number(process.hrtime.bigint() - start));
  }
  return best / n;
}

const PYTHON_BENCH = `
import gc, json, sys, time
def mulberry32(seed):
    # The same sequence as random() in gc.ts, in 32-bit unsigned arithmetic.
    a = seed
    def imul(x, y):
        return (x * y) & 0xFFFFFFFF
    def nxt():
        nonlocal a
        a = (a + 0x6D2B79F5) & 0xFFFFFFFF
        t = imul(a ^ (a >> 15), 1 | a)
        t = ((t + imul(t ^ (t >> 7), 61 | t)) & 0xFFFFFFFF) ^ t
        return (t ^ (t >> 14)) / 4294967296
    return nxt
def build(shape, n):
    lists = [[] for _ in range(n)]
    keep = None
    if shape == 'chain':
        for i in range(n - 1): lists[i].append(lists[i + 1])
        keep = lists[0]
    elif shape == 'cycles':
        for i in range(0, n - 1, 2):
            lists[i].append(lists[i + 1]); lists[i + 1].append(lists[i])
    else:
        rnd = mulberry32(7)
        for l in lists:
            l.append(lists[int(rnd() * n)]); l.append(lists[int(rnd() * n)])
        keep = lists[::10]
    return keep
out = []
gc.disable()
warm_up, cases = json.loads(sys.argv[1])
for shape, n, repeats in cases:
    best = float('inf')
    for _ in range(repeats):
        keep = build(shape, n)
        if warm_up[shape]: gc.collect(0)
        t = time.perf_counter_ns()
        gc.collect(2)
        best = min(best, time.perf_counter_ns() - t)
        del keep
        gc.collect()
    out.append(best / n)
print(json.dumps(out))
`;

/** CPython's gc.collect() on the same shapes, in one python3 process: ns per object each. */
export function cpythonFullCollect(cases: readonly [Shape, number][], python = 'python3', repeats = 3): number[] {
  const arg = JSON.stringify([WARM_UP, cases.map(([s, n]) => [s, n, repeats])]);
  const out = execFileSync(python, ['-c', PYTHON_BENCH, arg], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out) as number[];
}

export function benchGcFullCollect(
  sizes: readonly number[] = [100_000, 1_000_000],
  python = 'python3',
): GcFullCollectFigure[] {
  const cases = sizes.flatMap((n) => SHAPES.map((s) => [s, n] as [Shape, number]));
  const cpython = cpythonFullCollect(cases, python);
  return cases.map(([shape, objects], i) => {
    const sim = simulatedFullCollect(shape, objects);
    return {
      shape,
      objects,
      sim_ns_per_object: round(sim),
      cpython_ns_per_object: round(cpython[i]),
      ratio: round(sim / cpython[i]),
    };
  });
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
