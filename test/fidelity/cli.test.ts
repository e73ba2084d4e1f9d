// `pymemlab fidelity`: exit status 2 with a clear message on bad arguments or a missing python3,
// 0 when all programs agree, 1 with the minimal program and a diff of the outputs otherwise.
import { spawnSync } from 'child_process';
import path from 'path';
import { fidelityCommand, summary } from '../../bin/fidelity-command';
import type { FidelityReport } from '../../fidelity/compare';
import { pythonSimulator } from './helpers';
import { cpython311 as python, describeWithCPython } from '../support/cpython311';
import { assertFreshBundle, PYMEMLAB } from '../support/bundle';

beforeAll(assertFreshBundle);

const ROOT = path.join(__dirname, '..', '..');

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [PYMEMLAB, 'fidelity', ...args], { encoding: 'utf8', cwd: ROOT });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test.each([
  [['--programs', 'abc'], /option '--programs <n>' argument 'abc' is invalid/],
  [['--programs', '0'], /expected a whole number from 1 to 1000000/],
  [['--seed', '1.5'], /option '--seed <s>' argument '1.5' is invalid/],
  [['--frobnicate'], /unknown option '--frobnicate'/],
  [
    ['--python', 'no-such-python-here', '--programs', '1'],
    /pymemlab: fidelity: cannot run 'no-such-python-here' \(not found\)/,
  ],
])('bad arguments: %j give exit status 2 and a message, no stack trace', (args, message) => {
  const r = cli(...args);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

const report = (over: Partial<FidelityReport>): FidelityReport => ({
  programs: 10,
  agreed: 10,
  disagreed: 0,
  skipped: 0,
  minimal: null,
  moreMinimal: [],
  original: null,
  disagreeing: [],
  seed: 5,
  cpython_programs_per_second: 55.5,
  shrinkRuns: 0,
  python: { executable: '/usr/bin/python3', version: '3.11.7' },
  ...over,
});

test('the human summary: agreement, or the minimal program with a diff of the outputs', () => {
  expect(summary(report({}))).toMatch(
    /10 random programs, seed 5, CPython 3\.11\.7 \(55\.5 programs\/s\)\n  agreed 10, disagreed 0\n/,
  );
  const text = summary(
    report({
      agreed: 8,
      disagreed: 2,
      disagreeing: [3, 6],
      original: { index: 3, source: '...' },
      shrinkRuns: 40,
      minimal: {
        source: 'import gc, sys, weakref\ngc.collect()\nprint(gc.collect())\n',
        statements: 1,
        cpython: { stdout: 'a\n0\n', exitCode: 0 },
        simulator: { stdout: 'a\n1\n', exitCode: 0 },
        firstDifferentLine: { line: 2, cpython: '0', simulator: '1' },
        cpythonDeterministic: true,
      },
    }),
  );
  expect(text).toContain(
    'First disagreement: program 3, shrunk in 40 CPython runs to 1 statement:\n\n    import gc, sys, weakref\n    gc.collect()\n    print(gc.collect())\n',
  );
  expect(text).toContain(
    'Standard output differs from line 2:\n    --- CPython\n    +++ simulator\n     a\n    -0\n    +1\n',
  );
  expect(text).toContain('Repeat with: pymemlab fidelity --seed 5 --programs 10');
});

describeWithCPython('fidelityCommand with python3', () => {
  const saved = process.exitCode;
  afterEach(() => {
    process.exitCode = saved;
  });

  test('exit status 0 and JSON when all agree', async () => {
    let out = '';
    await fidelityCommand(
      { python: 'python3', programs: 5, seed: 11, json: true },
      { write: (t) => (out += t), simulator: pythonSimulator(python!) },
    );
    expect(process.exitCode).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ programs: 5, agreed: 5, disagreed: 0, minimal: null, seed: 11 });
  });

  test('exit status 1 and the minimal program when they disagree', async () => {
    let out = '';
    const simulator = pythonSimulator(python!, { exitCode: () => 0 });
    await fidelityCommand({ python: 'python3', programs: 12, seed: 3 }, { write: (t) => (out += t), simulator });
    expect(process.exitCode).toBe(1);
    expect(out).toMatch(/First disagreement: program \d+, shrunk in \d+ CPython runs to 1 statement:/);
    expect(out).toMatch(/Exit status: CPython 1, simulator 0/);
  });
});
