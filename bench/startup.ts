/**
 * Start-up time of the pymemlab command (`pymemlab run empty.py`, the bundle users run) next to
 * `python3 -c pass`, measured in the same run: the median wall-clock time of several starts each,
 * and the fastest start (on a shared, loaded machine the minimum shows what a start costs).
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';

export interface StartupFigures {
  /** Median seconds of `node bin/pymemlab.js run empty.py`. */
  readonly startup_seconds: number;
  /** The fastest of those starts. */
  readonly startup_min_seconds: number;
  /** Median seconds of `python3 -c pass` in the same run. */
  readonly python_c_pass_seconds: number;
  /** The fastest of those starts. */
  readonly python_c_pass_min_seconds: number;
  readonly runs: number;
}

/** Wall-clock seconds of running `command args` `runs` times, median and minimum; a failed start is an error. */
function timeStarts(command: string, args: readonly string[], runs: number): { median: number; min: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(command, args, { encoding: 'utf8' });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr || r.error?.message}`);
    times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0] };
}

/** The CLI's start-up next to CPython's, `runs` starts each. */
export function benchStartup(python: string, runs = 11): StartupFigures {
  const empty = path.join(mkdtempSync(path.join(tmpdir(), 'pymemlab-bench-')), 'empty.py');
  writeFileSync(empty, '');
  const bin = path.join(__dirname, '..', 'bin', 'pymemlab.js');
  const cli = timeStarts(process.execPath, [bin, 'run', empty], runs);
  const cpython = timeStarts(python, ['-c', 'pass'], runs);
  return {
    startup_seconds: cli.median,
    startup_min_seconds: cli.min,
    python_c_pass_seconds: cpython.median,
    python_c_pass_min_seconds: cpython.min,
    runs,
  };
}
