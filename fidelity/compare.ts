/**
 * The fidelity property: for every generated program, the simulator prints exactly what CPython
 * prints and exits with the same status. `runFidelity` generates the programs from a seed, runs
 * them all on CPython in parallel batches and on the simulator, and shrinks the first
 * disagreement to a minimal program (each shrink step re-runs CPython, several candidates at a
 * time, keeping fast-check's greedy order: the first failing candidate wins).
 *
 * Programs are generated directly from the arbitrary (not through fc.assert) so that CPython can
 * run them in batches; program i of seed S is always the same program (its own random stream).
 */
import fc from 'fast-check';
import type { RunOptions, RunResult } from '../python/interp/types';
import type { CPythonResult, PythonInfo } from './cpython';
import { defaultConcurrency, findPython, runOnCPython } from './cpython';
import type { FidelityProgram, ProgramOptions } from './programs';
import { programArb, programSource, statementCount } from './programs';
import { reductions } from './reduce';
import { firstDifferentLine, type FirstDifferentLine } from './lines';

/** runProgram's signature (python/interp/run.ts); may also be async. */
export type Simulator = (source: string, filename: string, options?: RunOptions) => RunResult | Promise<RunResult>;

export interface Outcome {
  readonly stdout: string;
  readonly exitCode: number | null;
  /** Not compared (tracebacks hold addresses and paths); kept to help read a disagreement. */
  readonly stderr?: string;
}

export interface SimulatorOutcome extends Outcome {
  /** The simulator threw (an internal error, not a Python exception). */
  readonly error?: string;
}

export interface Disagreement {
  readonly source: string;
  /** Statements after the prelude (`import gc, sys, weakref` / `gc.collect()`). */
  readonly statements: number;
  readonly cpython: Outcome;
  readonly simulator: SimulatorOutcome;
  /** Null when the outputs are the same and only the exit status differs. */
  readonly firstDifferentLine: FirstDifferentLine | null;
  /** False if two more CPython runs of this program printed something else (a generator bug). */
  readonly cpythonDeterministic: boolean;
}

export interface FidelityReport {
  readonly programs: number;
  readonly agreed: number;
  readonly disagreed: number;
  /** Programs CPython did not finish in time (neither agreement nor disagreement). */
  readonly skipped: number;
  /** The first disagreement, shrunk; null when all agreed. */
  readonly minimal: Disagreement | null;
  /** The next disagreements, shrunk too, when `shrink` asked for more than one. */
  readonly moreMinimal: readonly Disagreement[];
  /** The first disagreement as generated (before shrinking), with its index. */
  readonly original: { readonly index: number; readonly source: string } | null;
  /** Indices of all disagreeing programs (program i of this seed is reproducible). */
  readonly disagreeing: readonly number[];
  readonly seed: number;
  readonly cpython_programs_per_second: number;
  /** CPython runs made while shrinking. */
  readonly shrinkRuns: number;
  readonly python: { readonly executable: string; readonly version: string };
}

export type ProgressEvent =
  | { readonly phase: 'cpython' | 'simulator'; readonly done: number; readonly total: number }
  | { readonly phase: 'shrink'; readonly runs: number; readonly statements: number };

export interface FidelityOptions {
  /** How many programs (default 200). */
  readonly programs?: number;
  readonly seed: number;
  /** The interpreter command or an already resolved interpreter (default 'python3'). */
  readonly python?: string | PythonInfo;
  readonly simulator: Simulator;
  readonly programOptions?: ProgramOptions;
  /** CPython processes at once (default: the number of cores). */
  readonly concurrency?: number;
  /** Per-program CPython time limit (default 10 s). */
  readonly timeoutMs?: number;
  /** Passed to the simulator (default 2,000,000). */
  readonly maxSteps?: number;
  /** Most CPython runs spent shrinking one program (default 800). */
  readonly maxShrinkRuns?: number;
  /** How many disagreeing programs to shrink (default 1: the first). */
  readonly shrink?: number;
  readonly onProgress?: (event: ProgressEvent) => void;
}

// ------------------------------------------------------------------------------------------------
// Generation

/** A small seeded generator with the interface fast-check's Random wraps (xorshift128+ on 32-bit halves). */
class SeededRng {
  constructor(private readonly s: [number, number, number, number]) {}

  static from(seed: number, index: number): SeededRng {
    let h = (seed ^ 0x9e3779b9) >>> 0;
    const mix = (): number => {
      // splitmix32
      h = (h + 0x9e3779b9) >>> 0;
      let z = h ^ Math.imul(index + 1, 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0 || 1;
    };
    return new SeededRng([mix(), mix(), mix(), mix()]);
  }

  clone(): SeededRng {
    return new SeededRng([...this.s]);
  }

  /** xoshiro128** step; a signed 32-bit integer. */
  next(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9);
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result | 0;
  }

  getState(): readonly number[] {
    return [...this.s];
  }
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/** Program `index` of `seed`, with the context fast-check needs to shrink it. */
export function generateProgramValue(
  arb: fc.Arbitrary<FidelityProgram>,
  seed: number,
  index: number,
): fc.Value<FidelityProgram> {
  return arb.generate(new fc.Random(SeededRng.from(seed, index)), undefined);
}

/** Programs 0..count-1 of `seed`. */
export function generatePrograms(seed: number, count: number, options: ProgramOptions = {}): FidelityProgram[] {
  const arb = programArb(options);
  return Array.from({ length: count }, (_, i) => generateProgramValue(arb, seed, i).value);
}

// ------------------------------------------------------------------------------------------------
// Comparing

/** Runs the simulator, turning a JavaScript exception into an outcome. */
export async function simulate(
  simulator: Simulator,
  source: string,
  filename: string,
  maxSteps: number,
): Promise<SimulatorOutcome> {
  try {
    const r = await simulator(source, filename, { maxSteps });
    return { stdout: r.stdout, exitCode: r.exitCode, stderr: r.stderr };
  } catch (e) {
    return { stdout: '', exitCode: null, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

export type Verdict = 'agree' | 'disagree' | 'skip';

export function verdict(cpython: CPythonResult, sim: SimulatorOutcome): Verdict {
  if (cpython.timedOut) return 'skip';
  if (sim.error !== undefined || !cpython.stdoutIsUtf8) return 'disagree';
  return cpython.stdout === sim.stdout && cpython.exitCode === sim.exitCode ? 'agree' : 'disagree';
}

// ------------------------------------------------------------------------------------------------
// The run

interface Checked {
  readonly cpython: CPythonResult;
  readonly sim: SimulatorOutcome;
  readonly verdict: Verdict;
}

export async function runFidelity(options: FidelityOptions): Promise<FidelityReport> {
  const count = options.programs ?? 200;
  const python = typeof options.python === 'object' ? options.python : findPython(options.python ?? 'python3');
  const concurrency = options.concurrency ?? defaultConcurrency();
  const maxSteps = options.maxSteps ?? 2_000_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const progress = options.onProgress ?? ((): void => {});

  const arb = programArb(options.programOptions);
  const values = Array.from({ length: count }, (_, i) => generateProgramValue(arb, options.seed, i));
  const sources = values.map((v) => v.value.source);

  let done = 0;
  const batch = await runOnCPython(python, sources, {
    concurrency,
    timeoutMs,
    onResult: () => progress({ phase: 'cpython', done: ++done, total: count }),
  });

  const checked: Checked[] = [];
  for (let i = 0; i < count; i++) {
    const cpython = batch.results[i];
    const sim = await simulate(options.simulator, sources[i], cpython.filename, maxSteps);
    checked.push({ cpython, sim, verdict: verdict(cpython, sim) });
    progress({ phase: 'simulator', done: i + 1, total: count });
  }

  const disagreeing = checked.flatMap((c, i) => (c.verdict === 'disagree' ? [i] : []));
  const skipped = checked.filter((c) => c.verdict === 'skip').length;
  const minimals: Disagreement[] = [];
  let shrinkRuns = 0;
  for (const index of disagreeing.slice(0, Math.max(1, options.shrink ?? 1))) {
    const shrunk = await shrink(
      arb,
      values[index],
      checked[index],
      shrinkSetup(options, python, concurrency, timeoutMs, maxSteps, progress),
    );
    shrinkRuns += shrunk.runs;
    minimals.push(await describe(shrunk.program, shrunk.checked, python, timeoutMs));
  }
  return {
    programs: count,
    agreed: checked.filter((c) => c.verdict === 'agree').length,
    disagreed: disagreeing.length,
    skipped,
    minimal: minimals[0] ?? null,
    moreMinimal: minimals.slice(1),
    original: disagreeing.length > 0 ? { index: disagreeing[0], source: sources[disagreeing[0]] } : null,
    disagreeing,
    seed: options.seed,
    cpython_programs_per_second: Math.round(batch.programsPerSecond * 10) / 10,
    shrinkRuns,
    python: { executable: python.executable, version: python.version },
  };
}

/**
 * Shrinks program `index` of `seed` (which must disagree) without running the others: for
 * looking at several disagreements of one run.
 */
export async function shrinkProgram(
  options: Omit<FidelityOptions, 'programs' | 'shrink' | 'onProgress'> & {
    readonly index: number;
    readonly onProgress?: (e: ProgressEvent) => void;
  },
): Promise<Disagreement | null> {
  const python = typeof options.python === 'object' ? options.python : findPython(options.python ?? 'python3');
  const concurrency = options.concurrency ?? defaultConcurrency();
  const maxSteps = options.maxSteps ?? 2_000_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const arb = programArb(options.programOptions);
  const value = generateProgramValue(arb, options.seed, options.index);
  const [cpython] = (await runOnCPython(python, [value.value.source], { timeoutMs })).results;
  const sim = await simulate(options.simulator, value.value.source, cpython.filename, maxSteps);
  const start: Checked = { cpython, sim, verdict: verdict(cpython, sim) };
  if (start.verdict !== 'disagree') return null;
  const shrunk = await shrink(
    arb,
    value,
    start,
    shrinkSetup(options, python, concurrency, timeoutMs, maxSteps, options.onProgress ?? ((): void => {})),
  );
  return describe(shrunk.program, shrunk.checked, python, timeoutMs);
}

/** The shrinking budget for one run: a shorter CPython time limit, at most maxShrinkRuns runs. */
function shrinkSetup(
  options: Pick<FidelityOptions, 'simulator' | 'maxShrinkRuns'>,
  python: PythonInfo,
  concurrency: number,
  timeoutMs: number,
  maxSteps: number,
  progress: (e: ProgressEvent) => void,
): ShrinkSetup {
  return {
    python,
    simulator: options.simulator,
    concurrency,
    timeoutMs: Math.min(timeoutMs, 5_000),
    maxSteps,
    maxRuns: options.maxShrinkRuns ?? 800,
    progress,
  };
}

interface ShrinkSetup {
  readonly python: PythonInfo;
  readonly simulator: Simulator;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly maxSteps: number;
  readonly maxRuns: number;
  readonly progress: (event: ProgressEvent) => void;
}

/** Runs candidate sources not seen before (CPython in parallel, then the simulator); cached by source. */
class Evaluator {
  readonly cache = new Map<string, Checked>();
  runs = 0;
  constructor(private readonly setup: ShrinkSetup) {}

  async check(sources: readonly string[]): Promise<Checked[]> {
    const fresh = [...new Set(sources.filter((s) => !this.cache.has(s)))];
    if (fresh.length > 0) {
      const results = await runOnCPython(this.setup.python, fresh, {
        concurrency: this.setup.concurrency,
        timeoutMs: this.setup.timeoutMs,
      });
      this.runs += fresh.length;
      for (let i = 0; i < fresh.length; i++) {
        const cpython = results.results[i];
        const sim = await simulate(this.setup.simulator, fresh[i], cpython.filename, this.setup.maxSteps);
        this.cache.set(fresh[i], { cpython, sim, verdict: verdict(cpython, sim) });
      }
    }
    return sources.map((s) => this.cache.get(s)!);
  }

  get exhausted(): boolean {
    return this.runs >= this.setup.maxRuns;
  }

  /** Phase 1 may use 40% of the runs, so that phase 2 always gets some. */
  get phase1Exhausted(): boolean {
    return this.runs >= this.setup.maxRuns * 0.4;
  }
}

interface Shrunk {
  readonly program: FidelityProgram;
  readonly checked: Checked;
  readonly runs: number;
}

/**
 * Shrinks a failing program in two phases: fast-check's own greedy shrinking (the first
 * candidate that still fails wins; `concurrency * 2` candidates run at once, which keeps that
 * order), then statement-level reductions (reduce.ts) that fast-check no longer offers.
 */
async function shrink(
  arb: fc.Arbitrary<FidelityProgram>,
  start: fc.Value<FidelityProgram>,
  startChecked: Checked,
  setup: ShrinkSetup,
): Promise<Shrunk> {
  const evaluator = new Evaluator(setup);
  evaluator.cache.set(start.value.source, startChecked);
  const batchSize = Math.max(2, setup.concurrency * 2);
  const report = (p: FidelityProgram): void =>
    setup.progress({ phase: 'shrink', runs: evaluator.runs, statements: statementCount(p) });

  // phase 1: fast-check
  let current = start;
  search: while (!evaluator.phase1Exhausted) {
    const candidates = arb.shrink(current.value_, current.context);
    for (;;) {
      const batch: fc.Value<FidelityProgram>[] = [];
      while (batch.length < batchSize) {
        const next = candidates.next();
        if (next.done) break;
        batch.push(next.value);
      }
      if (batch.length === 0) break search;
      const checked = await evaluator.check(batch.map((c) => c.value.source));
      const failing = checked.findIndex((c) => c.verdict === 'disagree');
      if (failing >= 0) {
        current = batch[failing];
        report(current.value);
        continue search;
      }
      if (evaluator.phase1Exhausted) break search;
    }
  }

  // phase 2: statement-level reductions, to a fixpoint
  let body = [...current.value.body];
  let changed = true;
  while (changed && !evaluator.exhausted) {
    changed = false;
    let pos = 0;
    let candidates = reductions(body);
    while (pos < candidates.length && !evaluator.exhausted) {
      const batch = candidates.slice(pos, pos + batchSize);
      const checked = await evaluator.check(batch.map(programSource));
      const failing = checked.findIndex((c) => c.verdict === 'disagree');
      if (failing >= 0) {
        body = batch[failing];
        changed = true;
        report({ body, source: '' });
        // carry on from about the same place in the new program's list
        candidates = reductions(body);
        pos += failing;
      } else {
        pos += batch.length;
      }
    }
  }
  const source = programSource(body);
  const [checked] = await evaluator.check([source]);
  return { program: { body, source }, checked, runs: evaluator.runs };
}

async function describe(
  program: FidelityProgram,
  checked: Checked,
  python: PythonInfo,
  timeoutMs: number,
): Promise<Disagreement> {
  const again = await runOnCPython(python, [program.source, program.source], { concurrency: 2, timeoutMs });
  const deterministic = again.results.every(
    (r) => r.stdout === checked.cpython.stdout && r.exitCode === checked.cpython.exitCode,
  );
  return {
    source: program.source,
    statements: statementCount(program),
    cpython: { stdout: checked.cpython.stdout, exitCode: checked.cpython.exitCode, stderr: checked.cpython.stderr },
    simulator: checked.sim,
    firstDifferentLine: firstDifferentLine(checked.cpython.stdout, checked.sim.stdout),
    cpythonDeterministic: deterministic,
  };
}
