/**
 * Runs programs on the real CPython, each in a fresh interpreter exactly as `python3 FILE.py`
 * (what happens at interpreter shutdown, e.g. `__del__` output, is part of the output), many at
 * a time: the programs are written to a temporary directory and a pool of child processes (one
 * per core by default) runs them. The interpreter is resolved once to its real executable
 * (`sys.executable`), which skips wrapper scripts such as pyenv shims (about 50 ms per run here).
 *
 * Each child gets the environment of the facts the simulator follows
 * (docs/cpython-3.11-evaluation-facts.md): PYTHONUNBUFFERED=1 (stdout buffering changes gc
 * counts), PYTHONDONTWRITEBYTECODE=1, UTF-8 standard streams, and none of the variables that
 * would change what a program does (PYTHONPATH, PYTHONDEVMODE, PYTHONWARNINGS, PYTHONMALLOC, ...).
 */
import { spawn, spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';

/** The interpreter the programs run on. */
export interface PythonInfo {
  /** What the user named (`python3`, a path, ...). */
  readonly command: string;
  /** The real executable (`sys.executable`). */
  readonly executable: string;
  /** e.g. "3.11.7" */
  readonly version: string;
}

/** python3 is missing, broken, or not the version asked for. */
export class PythonNotFoundError extends Error {
  override readonly name = 'PythonNotFoundError';
}

export interface CPythonResult {
  /** Standard output as text (invalid UTF-8 bytes shown as U+FFFD; see stdoutIsUtf8). */
  readonly stdout: string;
  readonly stderr: string;
  /** The exit status, as a shell reports it: 128 + signal number if killed by a signal; null on a timeout. */
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  /** False if CPython wrote bytes that are not UTF-8 (the simulator cannot match them). */
  readonly stdoutIsUtf8: boolean;
  /** The file the program ran as (the simulator gets the same name). */
  readonly filename: string;
}

export interface CPythonBatchOptions {
  /** Child processes at once (default: the number of cores). */
  readonly concurrency?: number;
  /** Per-program limit (default 10 s). */
  readonly timeoutMs?: number;
  /** Called as each program finishes (for progress reports). */
  readonly onResult?: (index: number, result: CPythonResult) => void;
  /** Keep the temporary directory (its path is in the results' filenames). */
  readonly keepFiles?: boolean;
}

export interface CPythonBatch {
  readonly results: CPythonResult[];
  readonly seconds: number;
  readonly programsPerSecond: number;
}

/** Output beyond this many bytes per stream is cut off (and the program killed). */
const MAX_OUTPUT = 16 * 1024 * 1024;

const DROPPED_ENV = [
  'PYTHONPATH',
  'PYTHONSTARTUP',
  'PYTHONDEVMODE',
  'PYTHONWARNINGS',
  'PYTHONMALLOC',
  'PYTHONMALLOCSTATS',
  'PYTHONTRACEMALLOC',
  'PYTHONFAULTHANDLER',
  'PYTHONINSPECT',
  'PYTHONOPTIMIZE',
  'PYTHONVERBOSE',
  'PYTHONDEBUG',
  'PYTHONSAFEPATH',
  'PYTHONBREAKPOINT',
];

/** The environment every CPython child runs with. */
export function pythonEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const name of DROPPED_ENV) delete env[name];
  env.PYTHONUNBUFFERED = '1';
  env.PYTHONDONTWRITEBYTECODE = '1';
  env.PYTHONIOENCODING = 'utf-8';
  return env;
}

/**
 * Finds the interpreter and its real executable. Throws PythonNotFoundError with a message fit
 * for the user if it cannot be run, or if `requireVersion` (e.g. "3.11") does not match.
 */
export function findPython(command = 'python3', requireVersion: string | null = '3.11'): PythonInfo {
  const probe = spawnSync(
    command,
    ['-c', 'import sys, platform; print(sys.executable); print(platform.python_version())'],
    {
      encoding: 'utf8',
      env: pythonEnv(),
      timeout: 30_000,
    },
  );
  if (probe.error) {
    const code = (probe.error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'not found' : code === 'EACCES' ? 'not executable' : (code ?? probe.error.message);
    throw new PythonNotFoundError(
      `cannot run '${command}' (${why}); CPython ${requireVersion ?? '3'} is the oracle: install it or name it with --python`,
    );
  }
  if (probe.status !== 0) {
    throw new PythonNotFoundError(
      `'${command}' failed (exit status ${probe.status ?? probe.signal}): ${probe.stderr.trim().split('\n').pop() ?? ''}`,
    );
  }
  const [executable, version] = probe.stdout.trim().split('\n');
  if (!executable || !version) throw new PythonNotFoundError(`'${command}' did not answer like a Python interpreter`);
  if (requireVersion && version !== requireVersion && !version.startsWith(`${requireVersion}.`)) {
    throw new PythonNotFoundError(
      `'${command}' is Python ${version}; the simulator models CPython ${requireVersion}, so only that version can be the oracle`,
    );
  }
  return { command, executable, version };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

function decode(bytes: Buffer): { text: string; ok: boolean } {
  try {
    return { text: utf8.decode(bytes), ok: true };
  } catch {
    return { text: lossy.decode(bytes), ok: false };
  }
}

function signalStatus(signal: NodeJS.Signals | null): number | null {
  if (!signal) return null;
  const n = os.constants.signals[signal];
  return n === undefined ? null : 128 + n;
}

function runOne(python: PythonInfo, file: string, timeoutMs: number): Promise<CPythonResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(python.executable, [file], {
      cwd: path.dirname(file),
      env: pythonEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes <= MAX_OUTPUT) out.push(chunk);
      else child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      errBytes += chunk.length;
      if (errBytes <= MAX_OUTPUT) err.push(chunk);
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new PythonNotFoundError(`cannot run ${python.executable} (${e.code ?? e.message})`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stdout = decode(Buffer.concat(out));
      resolve({
        stdout: stdout.text,
        stderr: lossy.decode(Buffer.concat(err)),
        exitCode: timedOut ? null : (code ?? signalStatus(signal)),
        timedOut,
        stdoutIsUtf8: stdout.ok,
        filename: file,
      });
    });
  });
}

/** Runs every source as its own `python3 FILE.py`, `concurrency` at a time; results in input order. */
export async function runOnCPython(
  python: PythonInfo,
  sources: readonly string[],
  options: CPythonBatchOptions = {},
): Promise<CPythonBatch> {
  const concurrency = Math.max(1, options.concurrency ?? defaultConcurrency());
  const timeoutMs = options.timeoutMs ?? 10_000;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pymemlab-fidelity-'));
  const start = process.hrtime.bigint();
  const results: CPythonResult[] = new Array(sources.length);
  try {
    const files = sources.map((source, i) => {
      const file = path.join(dir, `prog_${String(i).padStart(4, '0')}.py`);
      writeFileSync(file, source);
      return file;
    });
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < files.length) {
        const i = next++;
        results[i] = await runOne(python, files[i], timeoutMs);
        options.onResult?.(i, results[i]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  } finally {
    if (!options.keepFiles) rmSync(dir, { recursive: true, force: true });
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { results, seconds, programsPerSecond: seconds > 0 ? sources.length / seconds : 0 };
}

/** One program, synchronously (for simulators in tests that call python3 themselves). */
export function runOnCPythonSync(
  python: PythonInfo,
  source: string,
  options: { timeoutMs?: number; filename?: string } = {},
): CPythonResult {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pymemlab-fidelity-'));
  const file = path.join(dir, options.filename ? path.basename(options.filename) : 'prog.py');
  try {
    writeFileSync(file, source);
    const r = spawnSync(python.executable, [file], {
      cwd: dir,
      env: pythonEnv(),
      timeout: options.timeoutMs ?? 10_000,
      maxBuffer: MAX_OUTPUT,
    });
    const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
    if (r.error && !timedOut)
      throw new PythonNotFoundError(
        `cannot run ${python.executable} (${(r.error as NodeJS.ErrnoException).code ?? r.error.message})`,
      );
    const stdout = decode(r.stdout ?? Buffer.alloc(0));
    return {
      stdout: stdout.text,
      stderr: lossy.decode(r.stderr ?? Buffer.alloc(0)),
      exitCode: timedOut ? null : (r.status ?? signalStatus(r.signal)),
      timedOut,
      stdoutIsUtf8: stdout.ok,
      filename: file,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function defaultConcurrency(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}
