/**
 * tracemalloc snapshots on the simulator: the programs of tracemalloc-snapshot-programs.ts print
 * what python3 prints once the standard library's directory is masked (it differs between
 * installations), the sizes are formatted as Lib/tracemalloc.py's _format_size formats them, and
 * the comparisons catch a wrong line, a wrong free-list model and a wrong mask.
 */
import { spawnSync } from 'child_process';
import fc from 'fast-check';
import { runProgram } from '../../../python/interp/run';
import { Snapshots, TraceLocations, formatSize } from '../../../python/interp/modules/tracemalloc-snapshot';
import { maskStdlib } from '../../../fidelity/corpus-mask';
import { judgeProgram } from '../../../fidelity/corpus';
import { SNAPSHOT_PROGRAMS } from './tracemalloc-snapshot-programs';
import { cpython311, describeWithCPython } from '../../support/cpython311';
import { runOnCPython } from '../../support/run-cpython';

const THREE = 'three snapshots: each Snapshot smaller than the last, the call tuples new once the free lists are empty';
const LESSON = SNAPSHOT_PROGRAMS['the corpus lesson at a smaller size: a comprehension, current and peak in MB'];

describeWithCPython('snapshot programs compared with python3 (standard library directory masked)', () => {
  test.each(Object.entries(SNAPSHOT_PROGRAMS))('%s', (name, source) => {
    const real = runOnCPython(name, source);
    expect(real.exitCode).toBe(0);
    const sim = runProgram(source, real.file);
    expect(sim.exitCode).toBe(0);
    expect(maskStdlib(sim.stdout)).toBe(maskStdlib(real.stdout));
  });

  test("_format_size agrees with Lib/tracemalloc.py's on sizes from bytes to TiB, signed and not", () => {
    const sizes = fc.sample(
      fc.oneof(
        fc.integer({ min: -20000, max: 20000 }),
        fc.double({ min: -(2 ** 45), max: 2 ** 45, noNaN: true }).map((x) => x + 0),
      ),
      { numRuns: 300, seed: 42 },
    );
    const script = `import json, sys, tracemalloc
for s in json.load(sys.stdin):
    print(tracemalloc._format_size(s, False), '|', tracemalloc._format_size(s, True))`;
    const r = spawnSync(cpython311!.executable, ['-c', script], { input: JSON.stringify(sizes), encoding: 'utf8' });
    expect(r.status).toBe(0);
    const ours = sizes.map((s) => `${formatSize(s, false)} | ${formatSize(s, true)}`).join('\n');
    expect(ours + '\n').toBe(r.stdout);
  });
});

test("the lesson's lines and sizes are recorded figures of CPython 3.11.7; a tracer blind to the line, or to the free lists, is caught", () => {
  const expected = [
    '/usr/lib/python3.11/tracemalloc.py:560: size=320 B (+320 B), count=2 (+2), average=160 B',
    '/usr/lib/python3.11/tracemalloc.py:423: size=320 B (+320 B), count=2 (+2), average=160 B',
  ];
  const out = runProgram(LESSON, 'lesson.py').stdout;
  expect(out).toContain('lesson.py:11: size=');
  expect(out).toContain('lesson.py:7: size=400 B (+400 B), count=1 (+1), average=400 B');
  expect(out).toContain('lesson.py:8: size=64 B (+64 B), count=2 (+2), average=32 B');
  for (const line of expected) expect(out).toContain(line);
  // The injected bug: every allocation attributed to no line.
  const locate = jest.spyOn(TraceLocations.prototype, 'locate').mockReturnValue(0);
  try {
    expect(runProgram(LESSON, 'lesson.py').stdout).not.toBe(out);
  } finally {
    locate.mockRestore();
  }
  // The injected bug: the trace tuples take no free-list shell, so the later call tuples are not new.
  const three = SNAPSHOT_PROGRAMS[THREE];
  const right = runProgram(three, 'three.py').stdout;
  expect(right).toContain('/usr/lib/python3.11/tracemalloc.py:313: size=48 B (+48 B), count=1 (+1), average=48 B');
  const fill = jest
    .spyOn(Snapshots.prototype as unknown as { fillTraces: () => void }, 'fillTraces')
    .mockImplementation(() => undefined);
  try {
    expect(runProgram(three, 'three.py').stdout).not.toBe(right);
  } finally {
    fill.mockRestore();
  }
});

test("taking a snapshot says on stderr what it does not model; misuse gets CPython's errors or a named refusal", () => {
  const sim = runProgram(LESSON, 'lesson.py');
  expect(sim.stderr).toMatch(/^pymemlab: tracemalloc\.take_snapshot\(\) is modelled for the traced sizes and lines/);
  const error = (source: string) =>
    runProgram(`import tracemalloc\n${source}`, 'p.py').stderr.trimEnd().split('\n').pop();
  expect(error('tracemalloc.take_snapshot()\n')).toBe(
    'RuntimeError: the tracemalloc module must be tracing memory allocations to take a snapshot',
  );
  expect(error("tracemalloc.start()\ns = tracemalloc.take_snapshot()\ns.compare_to(s, 'line')\n")).toBe(
    "ValueError: unknown key_type: 'line'",
  );
  expect(error("tracemalloc.start()\ns = tracemalloc.take_snapshot()\ns.statistics('traceback', True)\n")).toBe(
    "ValueError: cumulative mode cannot by used with key type 'traceback'",
  );
  expect(error('tracemalloc.start(5)\ns = tracemalloc.take_snapshot()\n')).toMatch(
    /^NotImplementedError: pymemlab keeps one frame per trace/,
  );
  expect(error('tracemalloc.start()\ns = tracemalloc.take_snapshot()\nprint(len(s.traces._traces))\n')).toMatch(
    /^NotImplementedError: pymemlab does not model tracemalloc's trace tuples/,
  );
});

test('a full collection during a snapshot (its trace tuples are GC objects) is announced on stderr', () => {
  const source =
    'import tracemalloc\ntracemalloc.start()\nx = [i for i in range(100000)]\ns = tracemalloc.take_snapshot()\n';
  expect(runProgram(source, 'p.py').stderr).toContain(
    'pymemlab: the trace tuples of tracemalloc.take_snapshot() at line 4 triggered a full collection',
  );
  const small =
    'import tracemalloc\ntracemalloc.start()\nx = [i for i in range(1000)]\ns = tracemalloc.take_snapshot()\n';
  expect(runProgram(small, 'p.py').stderr).not.toContain('triggered a full collection');
});

describe('the standard library mask', () => {
  const recorded = (stdout: string) => ({
    script: 'p.py',
    stdout: [stdout, stdout] as [string, string],
    exitCode: 0,
    stderrLastLine: '',
  });
  const printing = (stdout: string) => () => ({ stdout, stderr: '', exitCode: 0 });
  const cpython = '/root/.pyenv/versions/3.11.7/lib/python3.11/tracemalloc.py:560: size=320 B (+320 B)\n';

  test("writes any installation's standard library directory the same way, and nothing else", () => {
    expect(maskStdlib(cpython)).toBe('<stdlib>/tracemalloc.py:560: size=320 B (+320 B)\n');
    expect(maskStdlib('/usr/lib/python3.11/tracemalloc.py:560')).toBe('<stdlib>/tracemalloc.py:560');
    expect(maskStdlib('/tmp/pymemlab-corpus/a.py:7 and /usr/lib/python3.12/x.py')).toBe(
      '/tmp/pymemlab-corpus/a.py:7 and /usr/lib/python3.12/x.py',
    );
  });

  test('another installation agrees; a wrong line, size, file or directory still differs', async () => {
    const judge = (stdout: string) => judgeProgram('', recorded(cpython), printing(stdout));
    await expect(judge('/usr/lib/python3.11/tracemalloc.py:560: size=320 B (+320 B)\n')).resolves.toEqual({
      kind: 'agree',
    });
    for (const wrong of [
      '/usr/lib/python3.11/tracemalloc.py:561: size=320 B (+320 B)\n',
      '/usr/lib/python3.11/tracemalloc.py:560: size=328 B (+328 B)\n',
      '/usr/lib/python3.11/weakref.py:560: size=320 B (+320 B)\n',
      '/usr/lib/python3.12/tracemalloc.py:560: size=320 B (+320 B)\n',
    ])
      await expect(judge(wrong)).resolves.toMatchObject({ kind: 'differ', line: 1 });
  });
});
