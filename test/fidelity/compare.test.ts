// runFidelity: agreement when the "simulator" is CPython itself, and, with deliberately wrong
// simulators, a reported disagreement shrunk to a small program (proof the tool can fail).
import { generatePrograms, runFidelity, simulate, verdict } from '../../fidelity/compare';
import { firstDifferentLine } from '../../fidelity/lines';
import type { CPythonResult } from '../../fidelity/cpython';
import { diffLines } from '../../fidelity/diff';
import { guardNeeded, isGuard, probesIntact, programSource } from '../../fidelity/programs';
import { reductions } from '../../fidelity/reduce';
import { parse } from '../../python/lang';
import { pythonSimulator } from './helpers';
import { cpython311 as python, describeWithCPython } from '../support/cpython311';

const cp = (stdout: string, exitCode: number | null, more: Partial<CPythonResult> = {}): CPythonResult => ({
  stdout,
  stderr: '',
  exitCode,
  timedOut: false,
  stdoutIsUtf8: true,
  filename: 'p.py',
  ...more,
});

describe('comparing one program', () => {
  test('verdict: same stdout and exit status agree; a CPython timeout is skipped; a simulator crash disagrees', () => {
    expect(verdict(cp('a\n', 0), { stdout: 'a\n', exitCode: 0 })).toBe('agree');
    expect(verdict(cp('a\n', 0), { stdout: 'a\n', exitCode: 1 })).toBe('disagree');
    expect(verdict(cp('a\n', 0), { stdout: 'a', exitCode: 0 })).toBe('disagree');
    expect(verdict(cp('', null, { timedOut: true }), { stdout: '', exitCode: 0 })).toBe('skip');
    expect(verdict(cp('', 0), { stdout: '', exitCode: null, error: 'TypeError: boom' })).toBe('disagree');
    expect(verdict(cp('\ufffd', 0, { stdoutIsUtf8: false }), { stdout: '\ufffd', exitCode: 0 })).toBe('disagree');
  });

  test('simulate turns a JavaScript exception into an outcome', async () => {
    const out = await simulate(
      () => {
        throw new RangeError('too deep');
      },
      'print(1)\n',
      'p.py',
      100,
    );
    expect(out).toEqual({ stdout: '', exitCode: null, error: 'RangeError: too deep' });
  });

  test('firstDifferentLine and diffLines', () => {
    expect(firstDifferentLine('a\nb\nc\n', 'a\nb\nc\n')).toBeNull();
    expect(firstDifferentLine('a\nb\nc\n', 'a\nB\nc\n')).toEqual({ line: 2, cpython: 'b', simulator: 'B' });
    expect(firstDifferentLine('a\nb\n', 'a\n')).toEqual({ line: 2, cpython: 'b', simulator: '' });
    expect(firstDifferentLine('a\n', 'a')).toEqual({ line: 2, cpython: '', simulator: null });
    expect(diffLines('a\nb\nc\n', 'a\nc\nd\n')).toEqual([
      { op: ' ', text: 'a' },
      { op: '-', text: 'b' },
      { op: ' ', text: 'c' },
      { op: '+', text: 'd' },
    ]);
  });

  test('statement-level reductions keep programs in the subset, loops finite, probes and needed guards whole', () => {
    let count = 0;
    for (const p of generatePrograms(99, 12)) {
      expect(probesIntact(p.body)).toBe(true);
      const guards = p.body.filter((s) => isGuard(s) && guardNeeded(s, p.body)).length;
      for (const body of reductions(p.body)) {
        count++;
        const source = programSource(body);
        expect(() => parse(source, 'p.py')).not.toThrow();
        expect(source).not.toMatch(/^while (c\d) < \d+:\n(?! {4}\1 \+= 1)/m);
        expect(probesIntact(body)).toBe(true);
        expect(body.filter(isGuard).length).toBeGreaterThanOrEqual(Math.min(guards, body.length));
      }
    }
    expect(count).toBeGreaterThan(500);
  });

  test('a guard is kept while the program sets a threshold or registers a callback, and may go after', () => {
    const body = (src: string) => parse(src, 'p.py').body;
    const dropsGuard = (src: string) =>
      reductions(body(src)).some((r) => r.filter(isGuard).length < body(src).filter(isGuard).length);
    expect(dropsGuard('gc.callbacks.clear()\ngc.set_threshold(5)\nx = []\ngc.set_threshold(700)\n')).toBe(true); // no callback
    expect(dropsGuard('gc.set_threshold(5)\nx = []\ngc.set_threshold(700)\n')).toBe(false);
    expect(
      dropsGuard(
        'gc.set_threshold(3)\ngc.set_threshold(700)\ngc.callbacks.append(gccb)\nx = []\ngc.callbacks.clear()\n',
      ),
    ).toBe(false);
    expect(dropsGuard('x = []\ngc.callbacks.clear()\ngc.set_threshold(700)\n')).toBe(true);
    const [reset, clear] = body('gc.set_threshold(700)\ngc.callbacks.clear()\n');
    expect(guardNeeded(reset, body('gc.set_threshold(700)\nx = []\n'))).toBe(false);
    expect(guardNeeded(reset, body('def f():\n    gc.set_threshold(0)\n    return 0\ngc.set_threshold(700)\n'))).toBe(
      true,
    );
    expect(guardNeeded(clear, body('gc.callbacks.clear()\n'))).toBe(false);
    expect(guardNeeded(clear, body('gc.callbacks.append(gccb)\ngc.callbacks.clear()\n'))).toBe(true);
  });

  test('probesIntact: gc.get_count() must follow gc.collect() and known statements only', () => {
    const body = (src: string) => parse(src, 'p.py').body;
    expect(probesIntact(body('gc.collect()\npq = []\nprint(gc.get_count())\n'))).toBe(true);
    expect(probesIntact(body("print(gc.collect())\npq = []\ndel pq\nprint('probe')\nprint(gc.get_count())\n"))).toBe(
      true,
    );
    expect(probesIntact(body('pq = []\nprint(gc.get_count())\n'))).toBe(false);
    expect(probesIntact(body('gc.collect()\nx = []\nprint(gc.get_count())\n'))).toBe(false);
    expect(probesIntact(body('if x:\n    print(gc.get_count())\n'))).toBe(false);
  });
});

describeWithCPython('runFidelity against CPython (python3)', () => {
  test('a "simulator" that is python3 itself agrees on 100 programs', async () => {
    const report = await runFidelity({
      programs: 100,
      seed: 1234,
      python: python!,
      simulator: pythonSimulator(python!),
    });
    expect(report).toMatchObject({ programs: 100, agreed: 100, disagreed: 0, skipped: 0, minimal: null, seed: 1234 });
    expect(report.cpython_programs_per_second).toBeGreaterThan(0);
  });

  test('gc.collect() results off by one: reported, and shrunk to a few statements that print one', async () => {
    const simulator = pythonSimulator(python!, {
      source: (s) => s.replace(/print\(gc\.collect\((\d?)\)\)/g, 'print(gc.collect($1) + 1)'),
    });
    const report = await runFidelity({ programs: 25, seed: 42, python: python!, simulator, maxShrinkRuns: 400 });
    expect(report.disagreed).toBeGreaterThan(0);
    expect(report.agreed + report.disagreed + report.skipped).toBe(25);
    const m = report.minimal!;
    // 24 statements after fast-check's shrinking alone, 8 if guards that no longer guard anything
    // (the program no longer sets a threshold or registers a callback) are kept, 6 here
    expect(m.statements).toBeLessThanOrEqual(6);
    expect(m.source).not.toMatch(/gc\.callbacks\.clear\(\)|gc\.set_threshold\(700\)/);
    expect(m.source).toMatch(/print\(gc\.collect\(\d?\)\)/);
    expect(m.cpythonDeterministic).toBe(true);
    const d = m.firstDifferentLine!;
    expect(Number(d.simulator)).toBe(Number(d.cpython) + 1);
    expect(report.original!.index).toBe(report.disagreeing[0]);
  });

  test('a dropped output line: reported with the first different line, shrunk to a small program', async () => {
    const dropThird = (s: string): string => {
      const lines = s.split('\n');
      if (lines.length > 3) lines.splice(2, 1);
      return lines.join('\n');
    };
    const report = await runFidelity({
      programs: 20,
      seed: 7,
      python: python!,
      simulator: pythonSimulator(python!, { stdout: dropThird }),
      maxShrinkRuns: 400,
    });
    expect(report.disagreed).toBeGreaterThan(0);
    const m = report.minimal!;
    // With the isinstance/issubclass groups in the generator (which moved its random stream), seed 7
    // shrinks to 13 statements: a function, the gc guards, tracemalloc reads and a str.format call
    // printing three lines (6 before, with a class and a `while` printing them).
    expect(m.statements).toBeLessThanOrEqual(13);
    expect(m.cpython.stdout.split('\n').length).toBe(4); // three lines are needed to lose the third
    expect(m.firstDifferentLine!.line).toBe(3);
  });

  test('a wrong exit status: shrunk to the one statement that raises', async () => {
    const report = await runFidelity({
      programs: 20,
      seed: 3,
      python: python!,
      simulator: pythonSimulator(python!, { exitCode: () => 0 }),
      maxShrinkRuns: 300,
    });
    expect(report.disagreed).toBeGreaterThan(0);
    const m = report.minimal!;
    expect(m.statements).toBe(1);
    expect(m).toMatchObject({ cpython: { exitCode: 1 }, simulator: { exitCode: 0 }, firstDifferentLine: null });
  });
});
