// The corpus of real teaching programs (test/corpus/teaching/): every program agrees with CPython
// 3.11's recorded output or is refused naming its construct and line, the simulator never crashes
// on one, and the programs agree.json lists still agree (a ratchet, raised with
// `pymemlab corpus --update`). The fixtures under test/corpus/fixtures/ show the comparison can
// fail: a deliberately wrong recording, a simulator printing something else.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { corpusCommand } from '../../bin/cmd-corpus';
import { UsageError } from '../../bin/usage-error';
import {
  CorpusError,
  crashesAgainst,
  loadAgreeing,
  loadKnownCrashes,
  loadManifest,
  regressions,
  runCorpus,
  RECORDING,
  recordCPython,
  type CorpusReport,
  type CorpusVerdict,
} from '../../fidelity/corpus';
import type { Simulator } from '../../fidelity/compare';
import { runProgram } from '../../python/interp/run';
import { cpython311, describeWithCPython } from '../support/cpython311';

const TEACHING = path.join(__dirname, 'teaching');
const FIXTURE = path.join(__dirname, 'fixtures', 'mini');

const verdictOf = (report: CorpusReport, file: string): CorpusVerdict =>
  report.results.find((r) => r.file === file)!.verdict;

describe('the teaching corpus', () => {
  let report: CorpusReport;
  beforeAll(async () => {
    report = await runCorpus(TEACHING, runProgram);
  });

  test('has at least 60 programs, each with its source in the manifest and a header naming it', () => {
    const manifest = loadManifest(TEACHING);
    expect(manifest.programs.length).toBeGreaterThanOrEqual(60);
    for (const program of manifest.programs)
      expect(readFileSync(path.join(TEACHING, program.file), 'utf8')).toMatch(
        new RegExp(`^# Source: ${program.source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
      );
  });

  test('the simulator crashes on no corpus program but the known, reported ones; a refusal names its construct and line', () => {
    expect(crashesAgainst(report, loadKnownCrashes(TEACHING))).toEqual({ unexpected: [], stale: [] });
    for (const r of report.results) {
      if (r.verdict.kind !== 'refused') continue;
      expect(r.verdict.construct).toMatch(/\w/);
      expect(r.verdict.line).toBeGreaterThanOrEqual(1);
    }
  });

  test('every program agree.json lists still agrees (the ratchet)', () => {
    const agreeing = loadAgreeing(TEACHING);
    expect(agreeing.length).toBeGreaterThan(0);
    expect(regressions(report, agreeing)).toEqual([]);
    const c = report.counts;
    console.log(
      `teaching corpus: ${(report.share * 100).toFixed(1)}% agree (${c.agree} of ${report.results.length}); differ ${c.differ}, refused ${c.refused}, unstable ${c.unstable}`,
    );
  });
});

describe('the comparison can fail (fixtures)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'pymemlab-corpus-test-'));
    cpSync(FIXTURE, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const editRecording = (edit: (text: string) => string): void => {
    const file = path.join(dir, RECORDING);
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
  };

  test('an address that varied between the two CPython runs is masked; a refusal gives construct and line', async () => {
    const report = await runCorpus(dir, runProgram);
    expect(verdictOf(report, 'addresses-1.py')).toEqual({ kind: 'agree' });
    expect(verdictOf(report, 'refused-1.py')).toEqual({ kind: 'refused', construct: 'async functions', line: 4 });
    expect(report.refusals).toEqual([{ construct: 'async functions', programs: 1 }]);
    expect(report.outside).toEqual([{ construct: 'async functions', programs: 1 }]);
    expect(report.results.map((r) => r.outside)).toEqual([[], ['async functions']]);
    expect(regressions(report, loadAgreeing(dir))).toEqual([]);
  });

  test('a deliberately wrong recorded output fails the ratchet and the command', async () => {
    editRecording((text) => text.replace(/after\\n/g, 'afterwards\\n'));
    const report = await runCorpus(dir, runProgram);
    expect(verdictOf(report, 'addresses-1.py')).toMatchObject({
      kind: 'differ',
      line: 2,
      expected: 'afterwards',
      got: 'after',
    });
    expect(regressions(report, loadAgreeing(dir))).toEqual(['addresses-1.py']);
    let out = '';
    await corpusCommand(dir, { python: 'python3' }, { write: (t) => (out += t) });
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
    expect(out).toContain('addresses-1.py  differ at line 2: expected "afterwards", got "after"');
    expect(out).toContain('No longer agreeing, though agree.json lists them: addresses-1.py');
  });

  test('a simulator printing another address agrees; one printing other text where the address was does not', async () => {
    const printing =
      (line: string): Simulator =>
      () => ({ stdout: `${line}\nafter\n`, stderr: '', exitCode: 0 });
    const other = await runCorpus(dir, printing('<__main__.A object at 0x5555deadbeef>'));
    expect(verdictOf(other, 'addresses-1.py')).toEqual({ kind: 'agree' });
    const wrong = await runCorpus(dir, printing('<__main__.A object at nowhere>'));
    expect(verdictOf(wrong, 'addresses-1.py')).toMatchObject({ kind: 'differ', line: 1 });
    const wrongType = await runCorpus(dir, printing('<__main__.B object at 0x5555deadbeef>'));
    expect(verdictOf(wrongType, 'addresses-1.py')).toMatchObject({ kind: 'differ', line: 1 });
  });

  test("an exit status other than CPython's differs, naming the simulator's error", async () => {
    const failing: Simulator = () => ({
      stdout: '<__main__.A object at 0x1>\nafter\n',
      stderr: 'Traceback (most recent call last):\nNameError: name "x" is not defined\n',
      exitCode: 1,
    });
    const report = await runCorpus(dir, failing);
    expect(verdictOf(report, 'addresses-1.py')).toMatchObject({
      kind: 'differ',
      line: null,
      simulatorError: 'NameError: name "x" is not defined',
    });
    expect(report.simulatorErrors).toEqual([{ error: 'NameError: name "x" is not defined', programs: 2 }]);
  });

  test('a simulator that throws is a crash, reported with its message', async () => {
    const throwing: Simulator = () => {
      throw new TypeError('cannot read properties of undefined');
    };
    const report = await runCorpus(dir, throwing);
    expect(verdictOf(report, 'addresses-1.py')).toMatchObject({
      kind: 'crashed',
      message: expect.stringMatching(/^TypeError: cannot read properties of undefined/),
    });
    expect(crashesAgainst(report, {})).toEqual({ unexpected: ['addresses-1.py', 'refused-1.py'], stale: [] });
    expect(crashesAgainst(report, { 'addresses-1.py': 'reported' })).toEqual({
      unexpected: ['refused-1.py'],
      stale: [],
    });
    const fine = await runCorpus(dir, runProgram);
    expect(crashesAgainst(fine, { 'addresses-1.py': 'reported' })).toEqual({
      unexpected: [],
      stale: ['addresses-1.py'],
    });
  });

  test('CPython disagreeing with itself beyond number tokens makes a program unstable, not agreeing', async () => {
    editRecording((text) => text.replace('"<__main__.A object at 0x7f88aa001234>', "\"{'b', 'a'}"));
    const report = await runCorpus(dir, runProgram);
    expect(verdictOf(report, 'addresses-1.py')).toMatchObject({ kind: 'unstable' });
  });

  test('a malformed corpus folder is a clear error naming the file and what is wrong', async () => {
    const manifest = path.join(dir, 'manifest.json');
    writeFileSync(manifest, JSON.stringify({ programs: [{ file: 'addresses-1.py', topic: 'x' }] }));
    expect(() => loadManifest(dir)).toThrow(CorpusError);
    expect(() => loadManifest(dir)).toThrow(`${manifest}: manifest/programs/0 must have required property 'source'`);
    writeFileSync(manifest, '{"programs": [');
    expect(() => loadManifest(dir)).toThrow(/manifest\.json: not valid JSON/);
    writeFileSync(
      manifest,
      JSON.stringify({ programs: [{ file: 'new-program-1.py', source: 'https://example.org', topic: 'x' }] }),
    );
    await expect(runCorpus(dir, runProgram)).rejects.toThrow(/no CPython run recorded for new-program-1\.py/);
    editRecording((text) => text.replace('"exitCode": 0', '"exitCode": "0"'));
    await expect(runCorpus(dir, runProgram)).rejects.toThrow(
      /cpython-3\.11\.json: recording\/programs\/addresses-1\.py\/exitCode must be integer,null/,
    );
    await expect(corpusCommand(path.join(dir, 'missing'), { python: 'python3' })).rejects.toThrow(UsageError);
  });
});

describeWithCPython('recording CPython', () => {
  test('runs each program twice: addresses differ between the runs, the rest is kept as printed', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pymemlab-corpus-test-'));
    try {
      cpSync(FIXTURE, dir, { recursive: true });
      const recording = recordCPython(dir, cpython311!);
      const addresses = recording.programs['addresses-1.py'];
      expect(addresses.exitCode).toBe(0);
      expect(addresses.stdout[0]).toMatch(/^<__main__\.A object at 0x[0-9a-f]+>\nafter\n$/);
      expect(addresses.stdout[1]).not.toBe(addresses.stdout[0]);
      expect(recording.programs['refused-1.py']).toMatchObject({ stdout: ['before\n', 'before\n'], exitCode: 0 });
      expect(JSON.parse(readFileSync(path.join(dir, RECORDING), 'utf8'))).toEqual(recording);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
