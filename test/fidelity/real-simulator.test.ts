// (d) The real simulator (core/interp/run.ts) against CPython 3.11 on 300 generated programs:
// every one must print exactly what python3 prints and exit the same way.
//
// With this seed all 300 agree (measured when the test was written). Other seeds still find
// disagreements (about 5 in 1200 programs of seeds 1-4: gc-callback allocation counts, set
// displays with colliding hashes, shutdown order after an uncaught exception under a low
// threshold); `pymemlab fidelity --seed N` shows them shrunk.
import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { runFidelity } from '../../fidelity/compare';
import { runProgram } from '../../python/interp/run';
import type { RunResult } from '../../python/interp/types';
import { assertFreshBundle, PYMEMLAB } from '../support/bundle';
import { cpython311 as python, testWithCPython } from '../support/cpython311';

const dir = mkdtempSync(path.join(tmpdir(), 'pymemlab-real-simulator-'));

/**
 * runProgram in this process; a program that met the end of Jest's JavaScript stack (recursion to
 * the limit of 1000 frames) runs again through the command, which takes a larger stack as
 * `pymemlab fidelity` does.
 */
function simulator(source: string, filename: string): RunResult {
  const result = runProgram(source, filename);
  if (result.stackExhausted !== true) return result;
  const file = path.join(dir, path.basename(filename));
  writeFileSync(file, source);
  const child = spawnSync(process.execPath, ['--stack-size=4000', PYMEMLAB, 'run', file], { encoding: 'utf8' });
  return { stdout: child.stdout, stderr: child.stderr, exitCode: child.status ?? 1 };
}

testWithCPython(
  'the simulator agrees with CPython on 300 random programs',
  async () => {
    assertFreshBundle();
    const report = await runFidelity({
      programs: 300,
      seed: 20240611,
      python: python!,
      simulator,
      maxShrinkRuns: 400,
    });
    const m = report.minimal;
    const explanation = m
      ? `program ${report.original!.index} disagrees; shrunk:\n${m.source}\n--- CPython (exit ${m.cpython.exitCode})\n${m.cpython.stdout}\n--- simulator (exit ${m.simulator.exitCode})\n${m.simulator.stdout}${m.simulator.error ?? ''}`
      : '';
    expect({ disagreed: report.disagreed, explanation }).toEqual({ disagreed: 0, explanation: '' });
    expect(report.agreed + report.skipped).toBe(300);
  },
  600_000,
);
