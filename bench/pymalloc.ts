/**
 * Throughput of the pymalloc simulator next to CPython's own allocator, on the same
 * deterministic malloc-lab-like trace.
 *
 *   node bin/run-ts.js bench/pymalloc.ts [--json]
 *
 * The trace is balanced (every block allocated is freed): 500,000 mallocs and 500,000 frees,
 * sizes biased toward small classes with a few 0-byte and > 512-byte requests, frees picking
 * a random live block, the live set drifting around LIVE_TARGET. As in mdriver traces, block
 * ids are reused once freed, so there are about as many ids as the peak live set. A "pair" is
 * one malloc plus one free, so pairs/s = (ops / 2) / seconds. Each side warms up once and
 * keeps its best run.
 *
 * CPython is driven through ctypes (PyObject_Malloc / PyObject_Free from `ctypes.pythonapi`),
 * so its raw figure includes, per op, a Python loop iteration and a ctypes call that converts
 * its argument and boxes a returned address into a Python int. The same loop calling libc's
 * labs through ctypes.PyDLL (GIL held, like pythonapi) with the same argument and return
 * types, on address-sized values, measures that overhead; subtracting it gives the net figure.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Pymalloc } from '../core/pymalloc/pymalloc';

export interface PymallocBenchResult {
  /** Operations in the trace (mallocs + frees). */
  ops: number;
  /** Simulator: malloc+free pairs per second, best of `runs`. */
  pairs_per_second: number;
  /** Simulator: best wall time of one trace, in milliseconds. */
  simulator_best_ms: number;
  runs: number;
  /** Share of requests that go to the raw allocator (0 or > 512 bytes). */
  raw_request_share: number;
  /** Largest live set during the trace. */
  peak_live_blocks: number;
  /** CPython figures, or null when python3 is not on PATH (see `cpython_error`). */
  cpython: CpythonBenchResult | null;
  cpython_error?: string;
}

export interface CpythonBenchResult {
  version: string;
  /** Pairs per second as measured through ctypes, overhead included. */
  pairs_per_second_via_ctypes: number;
  /** Cost of one ctypes call plus one loop iteration (the same loop calling a no-op through ctypes), in ns. */
  ctypes_overhead_ns_per_op: number;
  /** Pairs per second with the ctypes/loop overhead subtracted: the allocator's own speed, estimated. */
  pairs_per_second_net: number;
  best_ms_via_ctypes: number;
  overhead_best_ms: number;
}

const OPS = 1_000_000;
const LIVE_TARGET = 20_000;
const RUNS = 5;
const SEED = 0x5eed;

/** A trace, like mdriver's: ops[i] >= 0 is `a ids[i] ops[i]` (malloc), ops[i] = FREE is `f ids[i]`. */
interface Trace {
  readonly ops: Int32Array;
  readonly ids: Int32Array;
  /** Distinct ids (mdriver's num_ids). */
  readonly numIds: number;
  readonly mallocs: number;
  readonly rawRequests: number;
  readonly peakLive: number;
}

const FREE = -1;

/** mulberry32: a tiny deterministic PRNG, so every run and both languages see the same trace. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Request sizes biased toward small classes, like the objects of a Python program. */
function requestSize(random: () => number): number {
  const r = random();
  if (r < 0.6) return 1 + Math.floor(random() * 64);
  if (r < 0.85) return 65 + Math.floor(random() * 192);
  if (r < 0.97) return 257 + Math.floor(random() * 256);
  if (r < 0.98) return 0;
  return 513 + Math.floor(random() * 4096);
}

function malloclabTrace(count: number = OPS, seed: number = SEED): Trace {
  const random = mulberry32(seed);
  const ops = new Int32Array(count);
  const ids = new Int32Array(count);
  const live: number[] = [];
  const freeIds: number[] = [];
  let numIds = 0;
  let mallocs = 0;
  let rawRequests = 0;
  let peakLive = 0;
  for (let i = 0; i < count; i++) {
    const mallocsLeft = count / 2 - mallocs;
    const pMalloc = live.length < LIVE_TARGET ? 0.6 : 0.4;
    if (live.length === 0 || (mallocsLeft > 0 && random() < pMalloc)) {
      const size = requestSize(random);
      if (size === 0 || size > 512) rawRequests++;
      ops[i] = size;
      ids[i] = freeIds.pop() ?? numIds++;
      live.push(ids[i]);
      mallocs++;
      peakLive = Math.max(peakLive, live.length);
    } else {
      const k = Math.floor(random() * live.length);
      ops[i] = FREE;
      ids[i] = live[k];
      freeIds.push(live[k]);
      live[k] = live[live.length - 1];
      live.pop();
    }
  }
  return { ops, ids, numIds, mallocs, rawRequests, peakLive };
}

function runSimulator(trace: Trace): number {
  const allocator = new Pymalloc();
  const addresses = new Float64Array(trace.numIds);
  const { ops, ids } = trace;
  const start = process.hrtime.bigint();
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (op >= 0) addresses[ids[i]] = allocator.malloc(op);
    else allocator.free(addresses[ids[i]]);
  }
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const CPYTHON_SCRIPT = String.raw`
import ctypes, sys, time
from array import array
data = array('i'); data.frombytes(open(sys.argv[1], 'rb').read())
half = len(data) // 2
trace = list(zip(data[:half], data[half:]))
nids, runs = int(sys.argv[2]), int(sys.argv[3])
api = ctypes.pythonapi
malloc, free = api.PyObject_Malloc, api.PyObject_Free
malloc.argtypes, malloc.restype = [ctypes.c_size_t], ctypes.c_void_p
free.argtypes, free.restype = [ctypes.c_void_p], None
def replay():
    addrs = [0] * nids
    t = time.perf_counter()
    for op, i in trace:
        if op >= 0:
            addrs[i] = malloc(op)
        else:
            free(addrs[i])
    return time.perf_counter() - t
noop = ctypes.PyDLL(None).labs
noop.argtypes, noop.restype = [ctypes.c_void_p], ctypes.c_void_p
ADDRESS = 0x7f0000000000
def overhead():
    addrs = [0] * nids
    t = time.perf_counter()
    for op, i in trace:
        if op >= 0:
            addrs[i] = noop(ADDRESS)
        else:
            noop(addrs[i])
    return time.perf_counter() - t
replay(); overhead()
best = min(replay() for _ in range(runs))
base = min(overhead() for _ in range(runs))
print(sys.version.split()[0], best, base)
`;

function runCpython(trace: Trace): CpythonBenchResult {
  const dir = mkdtempSync(join(tmpdir(), 'pymemlab-bench-'));
  try {
    const traceFile = join(dir, 'trace.bin');
    writeFileSync(
      traceFile,
      Buffer.concat([trace.ops, trace.ids].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))),
    );
    const result = spawnSync('python3', ['-c', CPYTHON_SCRIPT, traceFile, String(trace.numIds), String(RUNS)], {
      encoding: 'utf8',
      timeout: 600_000,
    });
    if (result.error) throw result.error;
    if (result.status !== 0) throw new Error(`python3 exited with ${result.status}: ${result.stderr.trim()}`);
    const [version, best, base] = result.stdout.trim().split(/\s+/);
    const bestS = Number(best);
    const baseS = Number(base);
    const pairs = trace.ops.length / 2;
    return {
      version,
      pairs_per_second_via_ctypes: Math.round(pairs / bestS),
      ctypes_overhead_ns_per_op: Math.round((baseS / trace.ops.length) * 1e9),
      pairs_per_second_net: Math.round(pairs / Math.max(bestS - baseS, 1e-9)),
      best_ms_via_ctypes: Math.round(bestS * 1e3),
      overhead_best_ms: Math.round(baseS * 1e3),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchPymalloc(): Promise<PymallocBenchResult> {
  const trace = malloclabTrace();
  runSimulator(trace);
  let best = Infinity;
  for (let run = 0; run < RUNS; run++) best = Math.min(best, runSimulator(trace));
  const result: PymallocBenchResult = {
    ops: trace.ops.length,
    pairs_per_second: Math.round(trace.ops.length / 2 / (best / 1e3)),
    simulator_best_ms: Math.round(best * 100) / 100,
    runs: RUNS,
    raw_request_share: Math.round((trace.rawRequests / trace.mallocs) * 1e4) / 1e4,
    peak_live_blocks: trace.peakLive,
    cpython: null,
  };
  try {
    result.cpython = runCpython(trace);
  } catch (error) {
    result.cpython_error = error instanceof Error ? error.message : String(error);
  }
  return result;
}

function format(result: PymallocBenchResult): string {
  const millions = (n: number): string => `${(n / 1e6).toFixed(1)} M`;
  const lines = [
    `pymalloc bench: ${result.ops.toLocaleString('en-US')} ops (malloc-lab-like, ${(result.raw_request_share * 100).toFixed(1)}% raw requests, peak ${result.peak_live_blocks.toLocaleString('en-US')} live)`,
    `  simulator         ${millions(result.pairs_per_second)} pairs/s   (best of ${result.runs}: ${result.simulator_best_ms} ms)`,
  ];
  const c = result.cpython;
  if (c === null) {
    lines.push(`  CPython           skipped: ${result.cpython_error ?? 'unavailable'}`);
  } else {
    lines.push(
      `  CPython ${c.version.padEnd(9)} ${millions(c.pairs_per_second_via_ctypes)} pairs/s via ctypes (best ${c.best_ms_via_ctypes} ms)`,
      `                    ${c.ctypes_overhead_ns_per_op} ns/op ctypes + loop overhead (same loop calling a no-op, ${c.overhead_best_ms} ms)`,
      `                    ${millions(c.pairs_per_second_net)} pairs/s net of that overhead (estimate)`,
    );
  }
  return lines.join('\n');
}

if (resolve(process.argv[1] ?? '') === __filename) {
  void benchPymalloc().then((result) => {
    console.log(process.argv.includes('--json') ? JSON.stringify(result, null, 2) : format(result));
  });
}
