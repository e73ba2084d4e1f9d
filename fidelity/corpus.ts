/**
 * A corpus of real teaching programs (test/corpus/teaching/: tutorials, books, course notes about
 * CPython's memory), each run on the simulator and compared with what CPython 3.11 printed for it,
 * recorded once in the corpus folder. Where the random programs of `pymemlab fidelity` measure
 * exactness on the subset, this measures reach: how many programs people actually write run, and
 * what stops the others.
 *
 * A corpus folder holds the programs, `manifest.json` (each program's file, source and topic),
 * `cpython-3.11.json` (CPython's two runs of each, written by `record`) and `agree.json` (the
 * programs known to agree: a ratchet raised as the language grows).
 */
import { spawnSync } from 'child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import Ajv, { type JSONSchemaType, type ValidateFunction } from 'ajv';
import type { Simulator } from './compare';
import { firstMismatch, maskStdlib, outputPattern } from './corpus-mask';
import { pythonEnv, type PythonInfo } from './cpython';
import { parseTokens } from '../python/lang/parser';
import { subsetProblems } from '../python/lang/subset';
import { tokenize } from '../python/lang/tokenizer';

/** One program of the corpus, as manifest.json lists it. */
export interface CorpusProgram {
  /** File name in the corpus folder, `<source-slug>-<n>.py`. */
  readonly file: string;
  /** Where it was published. */
  readonly source: string;
  /** What it teaches (refcount, cycles, weakref, __slots__, sizes, generators, tracemalloc, ...). */
  readonly topic: string;
  /** Why no simulator could print what CPython prints (reads freed memory, the clock, ...), if so. */
  readonly beyondReach?: string;
}

export interface CorpusManifest {
  readonly programs: CorpusProgram[];
}

/** CPython's behaviour for one program: two runs, so that what varies from run to run is known. */
export interface RecordedRun {
  /** The name the program ran under; the simulator runs it under the same name. */
  readonly script: string;
  /** Standard output of the two runs (PYTHONHASHSEED 1 and 2, each a fresh address space). */
  readonly stdout: [string, string];
  readonly exitCode: number | null;
  /** The last line CPython wrote to standard error (the exception, for a program that fails). */
  readonly stderrLastLine: string;
}

export interface CorpusRecording {
  readonly python: string;
  readonly programs: Record<string, RecordedRun>;
}

export type CorpusVerdict =
  | { readonly kind: 'agree' }
  | {
      readonly kind: 'differ';
      /** The first line that does not match, or the exit statuses when only they differ. */
      readonly line: number | null;
      readonly expected: string | null;
      readonly got: string | null;
      /** The simulator's last line on standard error when its exit status is not CPython's. */
      readonly simulatorError: string | null;
    }
  | { readonly kind: 'refused'; readonly construct: string; readonly line: number }
  | { readonly kind: 'crashed'; readonly message: string }
  | { readonly kind: 'unstable'; readonly why: string };

export interface CorpusResult {
  readonly file: string;
  readonly topic: string;
  readonly beyondReach: string | null;
  readonly verdict: CorpusVerdict;
  /** Every construct outside the subset the program uses, in source order, each once. */
  readonly outside: string[];
  readonly seconds: number;
}

export interface CorpusReport {
  readonly dir: string;
  readonly python: string;
  readonly results: CorpusResult[];
  readonly counts: Record<CorpusVerdict['kind'], number>;
  /** Agreeing programs over all programs, 0..1. */
  readonly share: number;
  /** Refused constructs, most common first. */
  readonly refusals: { construct: string; programs: number }[];
  /** Every construct outside the subset, with the programs using it (not only where they stop), most common first. */
  readonly outside: { construct: string; programs: number }[];
  /** The simulator's errors where it stopped and CPython did not, most common first. */
  readonly simulatorErrors: { error: string; programs: number }[];
}

/** A corpus folder that cannot be read or is not well formed: the message names the file and what is wrong. */
export class CorpusError extends Error {
  override readonly name = 'CorpusError';
}

export const MANIFEST = 'manifest.json';
export const RECORDING = 'cpython-3.11.json';
export const AGREEING = 'agree.json';
export const KNOWN_CRASHES = 'known-crashes.json';

const PROGRAM_SCHEMA: JSONSchemaType<CorpusProgram> = {
  type: 'object',
  properties: {
    file: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*-[0-9]+\\.py$' },
    source: { type: 'string', pattern: '^https?://' },
    topic: { type: 'string', minLength: 1 },
    beyondReach: { type: 'string', minLength: 1, nullable: true },
  },
  required: ['file', 'source', 'topic'],
  additionalProperties: false,
};

const MANIFEST_SCHEMA: JSONSchemaType<CorpusManifest> = {
  type: 'object',
  properties: { programs: { type: 'array', items: PROGRAM_SCHEMA, minItems: 1 } },
  required: ['programs'],
  additionalProperties: false,
};

const RECORDING_SCHEMA = {
  type: 'object',
  properties: {
    python: { type: 'string' },
    programs: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: {
          script: { type: 'string' },
          stdout: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 },
          exitCode: { type: ['integer', 'null'] },
          stderrLastLine: { type: 'string' },
        },
        required: ['script', 'stdout', 'exitCode', 'stderrLastLine'],
        additionalProperties: false,
      },
    },
  },
  required: ['python', 'programs'],
  additionalProperties: false,
};

/** Compiled on first use, not at import. */
let manifestValidator: ValidateFunction<CorpusManifest> | null = null;
let recordingValidator: ValidateFunction<CorpusRecording> | null = null;

/** A JSON file of the corpus folder, parsed; unreadable or malformed is a CorpusError naming it. */
function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CorpusError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CorpusError(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

/** The manifest, validated against its schema, with every file it names present and named once. */
export function loadManifest(dir: string): CorpusManifest {
  const file = path.join(dir, MANIFEST);
  const data = readJson(file);
  const ajv = new Ajv({ allErrors: false });
  const validate = (manifestValidator ??= ajv.compile(MANIFEST_SCHEMA));
  if (!validate(data)) throw new CorpusError(`${file}: ${ajv.errorsText(validate.errors, { dataVar: 'manifest' })}`);
  const seen = new Set<string>();
  for (const program of data.programs) {
    if (seen.has(program.file)) throw new CorpusError(`${file}: ${program.file} is listed twice`);
    seen.add(program.file);
  }
  return data;
}

/** The recorded CPython runs; a program of the manifest without one is a CorpusError. */
export function loadRecording(dir: string, manifest: CorpusManifest): CorpusRecording {
  const file = path.join(dir, RECORDING);
  const data = readJson(file);
  const ajv = new Ajv({ allErrors: false });
  const validate = (recordingValidator ??= ajv.compile<CorpusRecording>(RECORDING_SCHEMA));
  if (!validate(data))
    throw new CorpusError(
      `${file}: ${ajv.errorsText(validate.errors, { dataVar: 'recording' })} (it is written by \`pymemlab corpus --record\`)`,
    );
  const missing = manifest.programs.filter((p) => data.programs[p.file] === undefined).map((p) => p.file);
  if (missing.length > 0)
    throw new CorpusError(
      `${file}: no CPython run recorded for ${missing.join(', ')} (run \`pymemlab corpus --record\`)`,
    );
  return data;
}

/** A JSON file of the corpus folder that may be absent (then null); malformed is a CorpusError naming it. */
function readOptionalJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CorpusError(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

/** The programs recorded as agreeing (the ratchet); none when the file does not exist yet. */
export function loadAgreeing(dir: string): string[] {
  const file = path.join(dir, AGREEING);
  const data = readOptionalJson(file);
  if (data === null) return [];
  const agree = (data as { agree?: unknown }).agree;
  if (!Array.isArray(agree) || !agree.every((f) => typeof f === 'string'))
    throw new CorpusError(`${file}: expected {"agree": ["<file>.py", ...]}`);
  return agree as string[];
}

/**
 * The simulator's crashes on corpus programs that are known and reported, each with what crashes
 * (a crash is a bug in the simulator; this list keeps it visible without failing every run until
 * it is fixed). None when the file does not exist.
 */
export function loadKnownCrashes(dir: string): Record<string, string> {
  const file = path.join(dir, KNOWN_CRASHES);
  const data = readOptionalJson(file);
  if (data === null) return {};
  if (typeof data !== 'object' || Array.isArray(data) || !Object.values(data).every((v) => typeof v === 'string'))
    throw new CorpusError(`${file}: expected {"<file>.py": "what crashes, and where it was reported", ...}`);
  return data as Record<string, string>;
}

/** Crashes the known list does not name, and known crashes that no longer happen (stale entries). */
export function crashesAgainst(
  report: CorpusReport,
  known: Record<string, string>,
): { unexpected: string[]; stale: string[] } {
  const crashed = report.results.filter((r) => r.verdict.kind === 'crashed').map((r) => r.file);
  return {
    unexpected: crashed.filter((f) => known[f] === undefined),
    stale: Object.keys(known).filter((f) => !crashed.includes(f)),
  };
}

/** Where CPython runs the programs: a fixed path, so that output naming the file is the same on every machine. */
export function recordingDir(): string {
  return path.join(os.tmpdir(), 'pymemlab-corpus');
}

/** One run of one program on CPython, with a hash seed of its own. */
function runCPython(python: PythonInfo, script: string, hashSeed: string, timeoutMs: number) {
  const r = spawnSync(python.executable, [script], {
    cwd: path.dirname(script),
    env: { ...pythonEnv(), PYTHONHASHSEED: hashSeed },
    timeout: timeoutMs,
    maxBuffer: 16 * 1024 * 1024,
    encoding: 'utf8',
  });
  if (r.error) throw new CorpusError(`${script}: CPython did not finish (${r.error.message})`);
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.status };
}

/** Runs every program of the manifest twice on CPython and writes the recording. */
export function recordCPython(
  dir: string,
  python: PythonInfo,
  options: { timeoutMs?: number; onProgram?: (file: string) => void } = {},
): CorpusRecording {
  const manifest = loadManifest(dir);
  const where = recordingDir();
  mkdirSync(where, { recursive: true });
  const programs: Record<string, RecordedRun> = {};
  try {
    for (const { file } of manifest.programs) {
      options.onProgram?.(file);
      const script = path.join(where, file);
      writeFileSync(script, readFileSync(path.join(dir, file)));
      const first = runCPython(python, script, '1', options.timeoutMs ?? 120_000);
      const second = runCPython(python, script, '2', options.timeoutMs ?? 120_000);
      programs[file] = {
        script,
        stdout: [first.stdout, second.stdout],
        exitCode: first.exitCode === second.exitCode ? first.exitCode : null,
        stderrLastLine: first.stderr.trimEnd().split('\n').pop() ?? '',
      };
    }
  } finally {
    rmSync(where, { recursive: true, force: true });
  }
  const recording = { python: python.version, programs };
  writeFileSync(path.join(dir, RECORDING), `${JSON.stringify(recording, null, 1)}\n`);
  return recording;
}

const REFUSAL = /: line (\d+): (.+) are not supported by pymemlab/;

/** The last non-empty line of a stream. */
function lastLine(text: string): string {
  return text.trimEnd().split('\n').pop() ?? '';
}

/** What the simulator did with one program, judged against CPython's recorded runs. */
export async function judgeProgram(
  source: string,
  recorded: RecordedRun,
  simulator: Simulator,
): Promise<CorpusVerdict> {
  const pattern = outputPattern(maskStdlib(recorded.stdout[0]), maskStdlib(recorded.stdout[1]));
  let result;
  try {
    result = await simulator(source, recorded.script);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const where = e.stack?.split('\n').find((l) => l.trim().startsWith('at '));
    return { kind: 'crashed', message: `${e.name}: ${e.message}${where ? ` (${where.trim()})` : ''}` };
  }
  const refusal = REFUSAL.exec(result.stderr);
  if (refusal && result.exitCode !== 0 && result.stdout === '')
    return { kind: 'refused', construct: refusal[2], line: Number(refusal[1]) };
  if (!pattern.stable) return { kind: 'unstable', why: pattern.why };
  const mismatch = firstMismatch(pattern.lines, maskStdlib(result.stdout));
  // The simulator's error, when it stopped where CPython did not or with another exception.
  const stopped = result.exitCode !== recorded.exitCode || lastLine(result.stderr) !== recorded.stderrLastLine;
  const simulatorError = result.exitCode !== 0 && stopped ? lastLine(result.stderr) : null;
  if (mismatch === null && result.exitCode === recorded.exitCode) return { kind: 'agree' };
  return {
    kind: 'differ',
    line: mismatch?.line ?? null,
    expected: mismatch ? mismatch.expected : `exit status ${recorded.exitCode}`,
    got: mismatch ? mismatch.got : `exit status ${result.exitCode}`,
    simulatorError,
  };
}

/**
 * The constructs outside the subset a program uses, each once: where a refusal names only the
 * first, this shows what stands behind it. None for a program the front end cannot parse.
 */
function constructsOutside(source: string): string[] {
  try {
    return [...new Set(subsetProblems(parseTokens(tokenize(source))))];
  } catch {
    return [];
  }
}

/** Counts of a key over results, most common first (ties by name). */
function histogram(keys: string[]): { key: string; programs: number }[] {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts]
    .map(([key, programs]) => ({ key, programs }))
    .sort((a, b) => b.programs - a.programs || a.key.localeCompare(b.key));
}

/** Runs every program of the corpus folder on the simulator and compares it with CPython's recorded runs. */
export async function runCorpus(
  dir: string,
  simulator: Simulator,
  onProgram?: (file: string) => void,
): Promise<CorpusReport> {
  const manifest = loadManifest(dir);
  const recording = loadRecording(dir, manifest);
  const results: CorpusResult[] = [];
  for (const program of manifest.programs) {
    onProgram?.(program.file);
    const source = readFileSync(path.join(dir, program.file), 'utf8');
    const start = process.hrtime.bigint();
    const verdict = await judgeProgram(source, recording.programs[program.file], simulator);
    results.push({
      file: program.file,
      topic: program.topic,
      beyondReach: program.beyondReach ?? null,
      verdict,
      outside: constructsOutside(source),
      seconds: Number(process.hrtime.bigint() - start) / 1e9,
    });
  }
  const counts = { agree: 0, differ: 0, refused: 0, crashed: 0, unstable: 0 };
  for (const r of results) counts[r.verdict.kind]++;
  const verdicts = results.map((r) => r.verdict);
  return {
    dir,
    python: recording.python,
    results,
    counts,
    share: results.length === 0 ? 0 : counts.agree / results.length,
    refusals: histogram(verdicts.flatMap((v) => (v.kind === 'refused' ? [v.construct] : []))).map(
      ({ key, programs }) => ({ construct: key, programs }),
    ),
    outside: histogram(results.flatMap((r) => r.outside)).map(({ key, programs }) => ({ construct: key, programs })),
    simulatorErrors: histogram(
      verdicts.flatMap((v) => (v.kind === 'differ' && v.simulatorError ? [v.simulatorError] : [])),
    ).map(({ key, programs }) => ({ error: key, programs })),
  };
}

/** Programs the ratchet lists as agreeing that no longer agree (or are no longer in the corpus). */
export function regressions(report: CorpusReport, agreeing: readonly string[]): string[] {
  const agreeNow = new Set(report.results.filter((r) => r.verdict.kind === 'agree').map((r) => r.file));
  return agreeing.filter((file) => !agreeNow.has(file));
}

/** Writes the ratchet: every program that agrees now. */
export function writeAgreeing(dir: string, report: CorpusReport): string[] {
  const agree = report.results.filter((r) => r.verdict.kind === 'agree').map((r) => r.file);
  writeFileSync(path.join(dir, AGREEING), `${JSON.stringify({ agree }, null, 2)}\n`);
  return agree;
}
