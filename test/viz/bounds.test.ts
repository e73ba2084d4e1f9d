/**
 * The recorder's bounds (viz/bounds.ts): past them a step records what the names reach first and
 * counts what it leaves out; a named object is never among what is left out, recorded or drawn.
 */
import { mkdtempSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { runProgram } from '../../python/interp/run';
import { StepRecorder } from '../../viz/recorder';
import type { RecordBounds, Recording } from '../../viz/recording';
import { decodeRecording, encodeRecording } from '../../viz/recording-codec';
import { MAX_DRAWN, stepPicture } from '../../viz/page/step-picture';
import { PROGRAMS, record } from './support';

const DIR = mkdtempSync(path.join(os.tmpdir(), 'pymemlab-bounds-'));
const SMALL: RecordBounds = { objects: 40, referents: 5, changes: 10 };

function recordSource(name: string, lines: readonly string[], bounds: RecordBounds): Recording {
  const file = path.join(DIR, name);
  const source = lines.join('\n') + '\n';
  writeFileSync(file, source);
  const recorder = new StepRecorder(undefined, bounds);
  return recorder.recording(file, source, runProgram(source, file, { observer: recorder }));
}

/** Sixty names, each the only reference to its own list of ten items, then a big list. */
const MANY_NAMES = [
  ...Array.from({ length: 60 }, (_, i) => `n${i} = [${i}] * 10`),
  'big = [str(i) for i in range(300)]',
  'del big[:150]',
  'print(len(big))',
];
const many = recordSource('many.py', MANY_NAMES, SMALL);

/** The step after the statement on `line` (the last, if it ran more than once). */
const lastAt = (r: Recording, line: number) => r.steps.filter((s) => s.kind === 'line' && s.line === line).at(-1)!;

/** Names whose object (a recordable one: not a small int, None or interned str) a step left out. */
function namedButMissing(recording: Recording): string[] {
  return recording.steps.flatMap((step, i) => {
    const recorded = new Set(step.objects.map((k) => recording.objects[k].id));
    return step.slots
      .filter((s) => s.value === undefined && !recorded.has(s.target))
      .map((s) => `step ${i}: ${s.name}`);
  });
}

describe('a program past the bounds', () => {
  test('prints what it prints unrecorded', () => {
    expect(many.stdout).toBe(runProgram(MANY_NAMES.join('\n') + '\n', 'many.py').stdout);
  });

  test('every step records at most the bound, plus the objects the names refer to', () => {
    for (const step of many.steps) {
      const named = new Set(step.slots.filter((s) => s.value === undefined).map((s) => s.target));
      expect(step.objects.length).toBeLessThanOrEqual(Math.max(SMALL.objects, named.size));
    }
    const last = lastAt(many, 61);
    expect(last.omitted).not.toBeNull();
    expect(last.omitted!.objects).toBeGreaterThan(250); // of 60 lists and 300 strs, 40 are recorded
    expect(last.omitted!.cyclesUnchecked).toBe(true);
  });

  test('no object a name refers to is left out, though sixty names are more than the bound', () => {
    expect(namedButMissing(many)).toEqual([]);
    const step = lastAt(many, 61);
    expect(step.slots.filter((s) => s.kind === 'global' && s.value === undefined).length).toBe(61);
    // The check can fail: leave one named object out of a step and it says which.
    const broken = { ...many, steps: many.steps.map((s) => (s === step ? { ...s, objects: s.objects.slice(1) } : s)) };
    const first = many.objects[step.objects[0]].id;
    expect(step.slots.some((s) => s.target === first)).toBe(true);
    expect(namedButMissing(broken).length).toBeGreaterThan(0);
  });

  test('every object a name refers to is drawn, though they are more than the picture draws', () => {
    const index = many.steps.indexOf(lastAt(many, 61));
    const step = many.steps[index];
    const { options } = stepPicture(many, index, 'own');
    const named = step.slots.filter((s) => s.value === undefined).map((s) => s.target);
    expect(named.length).toBeGreaterThan(MAX_DRAWN);
    for (const id of named) expect(options.include).toContain(id);
  });

  test('a long list records its first references and counts the rest; its box says so', () => {
    const index = many.steps.indexOf(lastAt(many, 61));
    const big = many.steps[index].slots.find((s) => s.name === 'big')!.target;
    const record = many.steps[index].objects.map((k) => many.objects[k]).find((o) => o.id === big)!;
    expect(record.referents).toHaveLength(SMALL.referents);
    expect(record.moreReferents).toBe(300 - SMALL.referents);
    expect(record.value).toBe("['0', '1', '2', '3', '4', '5', '6', '..."); // repr() cut at 37
    expect(stepPicture(many, index, 'own').options.moreReferents![big]).toBe(295);
    const after = lastAt(many, 62);
    expect(after.objects.map((k) => many.objects[k]).find((o) => o.id === big)!.moreReferents).toBe(145);
  });

  test('births and frees of objects left out are counted, not listed', () => {
    const step = lastAt(many, 61); // 300 strs born, a few of them recorded
    expect(step.changes.length).toBeLessThan(SMALL.objects);
    expect(step.omitted!.changes).toBeGreaterThanOrEqual(300 - SMALL.objects);
    const freeing = lastAt(many, 62); // 150 strs freed
    expect(freeing.changes.length + freeing.omitted!.changes).toBeGreaterThanOrEqual(150);
  });

  test('changes past the bound on changes are counted, not listed', () => {
    const listed = recordSource('listed.py', MANY_NAMES, { objects: 1000, referents: 100, changes: 10 });
    const step = lastAt(listed, 61);
    expect(step.omitted!.objects).toBe(0); // all recorded: only the changes are bounded
    expect(step.changes).toHaveLength(10);
    expect(step.changes.length + step.omitted!.changes).toBeGreaterThanOrEqual(300);
  });
});

describe('a program within the bounds', () => {
  test.each(PROGRAMS.map((f) => path.basename(f)))('%s records everything, leaving nothing out', (name) => {
    const recording = record(PROGRAMS.find((f) => path.basename(f) === name)!);
    for (const step of recording.steps) expect(step.omitted).toBeNull();
  });
});

describe('the page embeds steps as differences', () => {
  test('decoding gives back the recording, and a smaller page', () => {
    const cycle = record(PROGRAMS.find((f) => path.basename(f) === '02_cycle.py')!);
    for (const recording of [cycle, many]) {
      const encoded = encodeRecording(recording);
      expect(decodeRecording(JSON.parse(JSON.stringify(encoded)))).toEqual(recording);
      expect(JSON.stringify(encoded).length).toBeLessThan(JSON.stringify(recording).length);
    }
  });

  test('a run copied from the wrong place decodes to a different recording', () => {
    const encoded = encodeRecording(many);
    const at = encoded.steps.findIndex((s) => s.objects.some((r) => typeof r !== 'number'));
    expect(at).toBeGreaterThan(0);
    const steps = encoded.steps.map((s, i) =>
      i === at ? { ...s, objects: s.objects.map((r) => (typeof r === 'number' ? r : ([r[0], r[1] - 1] as const))) } : s,
    );
    expect(decodeRecording({ ...encoded, steps })).not.toEqual(many);
  });
});
