/**
 * The guards the corpus relies on, one by one, each shown to refuse the bad input and to accept
 * the good one next to it (so that none passes by refusing everything).
 */
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import os from 'os';
import { spawnSync } from 'child_process';
import path from 'path';
import { build } from 'esbuild';
import { readSourceFile, MAX_SOURCE_BYTES } from '../../graders/submission-files';
import { parseObservation } from '../../graders/sandbox/validate';
import { SandboxError } from '../../graders/sandbox/errors';
import { exerciseStatus } from '../../graders/exercise-status';
import { withholdPlugin } from '../../graders/withhold';
import { acquireUid, releaseUid } from '../../graders/sandbox/uids';
import { cpuMillis, cpuMillisWithEndedChildren } from '../../graders/sandbox/cpu-time';
import type { CheckResult } from '../../core/checks/result';

describe('submission files', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pymemlab-files-'));
  const file = (name: string, bytes: string | Buffer) => {
    writeFileSync(path.join(root, name), bytes);
    return path.join(root, name);
  };
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('UTF-8 source is read; binary, non-UTF-8, oversized and escaping links are refused by name', () => {
    expect(readSourceFile(root, file('ok.ts', 'export const café = 1;\n'))).toEqual({
      text: 'export const café = 1;\n',
    });
    expect(readSourceFile(root, file('bin.ts', Buffer.from([0x7f, 0x45, 0, 1])))).toEqual({
      error: 'bin.ts is a binary file (it holds NUL bytes), not TypeScript source',
    });
    expect(readSourceFile(root, file('latin1.ts', Buffer.from('// ok\n// caf\xe9\n', 'latin1')))).toEqual({
      error: 'latin1.ts:2:7: not UTF-8 text: save the file as UTF-8',
    });
    expect(readSourceFile(root, file('big.ts', 'x'.repeat(MAX_SOURCE_BYTES + 1)))).toEqual({
      error: `big.ts is ${MAX_SOURCE_BYTES + 1} bytes, over the limit of ${MAX_SOURCE_BYTES} bytes for a source file`,
    });
    symlinkSync(__filename, path.join(root, 'out.ts'));
    expect(readSourceFile(root, path.join(root, 'out.ts'))).toEqual({
      error: 'out.ts is a symbolic link to a file outside the submission: copy the file in instead',
    });
    mkdirSync(path.join(root, 'sub'));
    symlinkSync(path.join(root, 'ok.ts'), path.join(root, 'sub', 'in.ts'));
    expect(readSourceFile(root, path.join(root, 'sub', 'in.ts'))).toEqual({ text: 'export const café = 1;\n' });
  });
});

describe('observations', () => {
  const refused = (json: unknown) => {
    try {
      parseObservation(json, 1000);
      return null;
    } catch (error) {
      return error instanceof SandboxError ? `${error.kind}: ${error.message}` : 'not a SandboxError';
    }
  };

  test('JSON text of plain data passes; prototype keys, non-text, bad JSON and oversized replies are refused', () => {
    expect(refused(JSON.stringify({ snapshots: [{ id: 1, refcnt: 2, name: 'x' }], calls: 3, error: null }))).toBeNull();
    expect(refused('{"a": [{"__proto__": {"polluted": true}}]}')).toBe(
      'invalid: observation holds the key "__proto__" at observation.a[0]',
    );
    expect(refused('{"constructor": {"prototype": {}}}')).toBe(
      'invalid: observation holds the key "constructor" at observation',
    );
    expect(refused({ a: 1 })).toBe('invalid: the reply is a object, not JSON text');
    expect(refused('{"a": ')).toMatch(/^invalid: the reply is not valid JSON/);
    expect(refused(JSON.stringify('x'.repeat(2000)))).toBe(
      'invalid: observation of 2002 characters exceeds the limit of 1000',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a message from the child is cut at 2000 characters', () => {
    const error = new SandboxError('threw', 'y'.repeat(5000));
    expect(error.message.length).toBeLessThan(2100);
    expect(error.message.endsWith('… (message cut)')).toBe(true);
    expect(new SandboxError('threw', 'short').message).toBe('short');
  });
});

describe('exercise status', () => {
  const result = (status: CheckResult['status'], reason: string | null = null): CheckResult => ({
    check: 'c',
    meaning: 'm',
    status,
    seed: 1,
    numRuns: 1,
    path: null,
    failure: reason
      ? { reason, message: '', steps: [], failingStep: null, expected: null, observed: null, heap: null }
      : null,
  });

  test('bundle failures first, then the first broken limit, then crash, then pass or fail', () => {
    expect(exerciseStatus('missing', [])).toBe('missing');
    expect(exerciseStatus(null, [result('pass'), result('timeout', 'time-limit')])).toBe('timeout');
    expect(exerciseStatus(null, [result('crash', 'memory-limit'), result('timeout', 'time-limit')])).toBe('memory');
    expect(exerciseStatus(null, [result('crash', 'output-limit')])).toBe('output-limit');
    expect(exerciseStatus(null, [result('fail', 'refcount-conservation'), result('crash', 'raised')])).toBe('crash');
    expect(exerciseStatus(null, [result('pass'), result('fail', 'x')])).toBe('failed');
    expect(exerciseStatus(null, [result('pass'), result('pass')])).toBe('passed');
  });
});

describe('withheld reference files', () => {
  test('a withheld module keeps its export names, and each throws when used', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pymemlab-withhold-'));
    const reference = path.join(dir, 'reference.ts');
    writeFileSync(reference, 'export class Reference { ok() { return 1; } }\nexport const helper = () => 2;\n');
    writeFileSync(
      path.join(dir, 'entry.ts'),
      "import { Reference, helper } from './reference';\nexport { Reference, helper };\n",
    );
    const bundle = async (files: string[]) =>
      (
        await build({
          entryPoints: [path.join(dir, 'entry.ts')],
          bundle: true,
          write: false,
          format: 'cjs',
          plugins: [withholdPlugin(files)],
        })
      ).outputFiles[0]!.text;
    const load = (code: string) => {
      const module = { exports: {} as Record<string, () => unknown> };
      new Function('module', 'exports', code)(module, module.exports);
      return module.exports;
    };
    const stubbed = load(await bundle([reference]));
    expect(() => stubbed.helper!()).toThrow('helper is part of the reference implementation, which is withheld');
    expect(() => new (stubbed.Reference as unknown as new () => unknown)()).toThrow(/Reference is part of/);
    expect(load(await bundle([])).helper!()).toBe(2);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('sandbox resources', () => {
  test('concurrent sandboxes get distinct uids, and a released uid is reused', () => {
    const a = acquireUid();
    const b = acquireUid();
    expect(a).not.toBe(b);
    releaseUid(a);
    expect(acquireUid()).toBe(a);
    releaseUid(a);
    releaseUid(b);
  });

  test('CPU time is read for a live process and grows while it computes', () => {
    const before = cpuMillis(process.pid)!;
    const start = process.cpuUsage();
    while (process.cpuUsage(start).user < 200_000) {
      // compute for 200 ms of CPU time, however long that takes on a loaded machine
    }
    expect(cpuMillis(process.pid)! - before).toBeGreaterThanOrEqual(150);
    expect(cpuMillis(2 ** 22 + 12345)).toBeNull();
  });

  test("an ended child's CPU time is counted with the grader's own (the benchmark's CPU figure)", () => {
    const before = cpuMillisWithEndedChildren()!;
    const ownBefore = cpuMillis(process.pid)!;
    const burn = 'const s = process.cpuUsage(); while (process.cpuUsage(s).user < 300000) {}';
    expect(spawnSync(process.execPath, ['-e', burn]).status).toBe(0);
    const children = cpuMillisWithEndedChildren()! - before - (cpuMillis(process.pid)! - ownBefore);
    expect(children).toBeGreaterThanOrEqual(250);
  });
});
