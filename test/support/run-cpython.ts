// Run a program on python3 (CPython 3.11) as `python3 FILE` runs it, unbuffered as the fidelity
// tool runs it: the comparisons of whole programs share this.
import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { cpython311 } from './cpython311';
import { runProgram } from '../../python/interp/run';

/** What python3 did with one program written to a temporary file (whose path is `file`). */
export interface CPythonRun {
  readonly file: string;
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number | null;
}

let dir: string | null = null;

/** Write `source` to a file named after `name` in this run's temporary folder and run python3 on it. */
export function runOnCPython(name: string, source: string): CPythonRun {
  dir ??= mkdtempSync(path.join(tmpdir(), 'pymemlab-run-'));
  const file = path.join(dir, `${name.replace(/\W+/g, '_')}.py`);
  writeFileSync(file, source);
  const r = spawnSync(cpython311!.executable, [file], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONUNBUFFERED: '1' },
  });
  return { file, stdout: r.stdout, stderr: r.stderr, exitCode: r.status };
}

/** 3.11's position markers under a traceback's source line (`~~^^~~`), which the simulator does not print. */
export function withoutCarets(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !/^\s+[~^]+\s*$/.test(line))
    .join('\n');
}

/** A program python3 runs to the end prints the same on the simulator, which writes nothing to stderr. */
export function expectSameStdout(name: string, source: string): void {
  const real = runOnCPython(name, source);
  expect(real.exitCode).toBe(0);
  const sim = runProgram(source, real.file);
  expect(sim.stderr).toBe('');
  expect(sim.stdout).toBe(real.stdout);
}

/**
 * A program python3 ends with an uncaught exception: the simulator prints the same stdout and the
 * same traceback (python3's without its position markers), and exits with status 1 too.
 */
export function expectSameTraceback(name: string, source: string): void {
  const real = runOnCPython(name, source);
  expect(real.exitCode).toBe(1);
  const sim = runProgram(source, real.file);
  expect(sim.stdout).toBe(real.stdout);
  expect(sim.stderr).toBe(withoutCarets(real.stderr));
  expect(sim.exitCode).toBe(1);
}
