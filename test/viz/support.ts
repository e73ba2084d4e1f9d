/**
 * Shared by the viz tests: record a program, and read `--trace`'s refcounts step by step, so a
 * recorded or drawn refcount can be compared with what the trace reports at the same statement.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { globSync } from 'glob';
import { runProgram } from '../../python/interp/run';
import { StepRecorder } from '../../viz/recorder';
import type { Recording } from '../../viz/recording';

export const ROOT = path.join(__dirname, '..', '..');
/** Every bundled teaching program (the demo writes a page for each). */
export const ALL_PROGRAMS = globSync('examples/programs/*.py', { cwd: ROOT, absolute: true }).sort();

/**
 * The lessons at scale run a statement per element for 100,000 elements: their `--trace` (every
 * live object after every statement) is quadratic in them, and their page is the recorder's cap
 * of steps over a heap past its bound (page.test.ts opens them; test/examples.test.ts checks what
 * they print against python3).
 */
export const AT_SCALE: ReadonlySet<string> = new Set(['08_generators_vs_lists.py', '09_slots_at_scale.py']);

/** The teaching programs the step-through tests record, trace and render one by one. */
export const PROGRAMS = ALL_PROGRAMS.filter((f) => !AT_SCALE.has(path.basename(f)));

export function record(file: string, cap?: number, source = readFileSync(file, 'utf8')): Recording {
  const recorder = new StepRecorder(cap);
  const result = runProgram(source, file, { observer: recorder });
  return recorder.recording(file, source, result);
}

/** One block of `--trace` output: the statement's line and each listed object's refcount. */
export interface TraceStep {
  readonly line: number;
  readonly refcounts: ReadonlyMap<number, number>;
}

export function traceSteps(file: string, source = readFileSync(file, 'utf8')): TraceStep[] {
  const lines: string[] = [];
  runProgram(source, file, { trace: (l) => lines.push(l) });
  const steps: { line: number; refcounts: Map<number, number> }[] = [];
  for (const text of lines) {
    const header = /^line (\d+): /.exec(text);
    if (header !== null) steps.push({ line: Number(header[1]), refcounts: new Map() });
    const object = /^ {4}#(\d+) .*? {2}refcount=(\d+) {2}/.exec(text);
    if (object !== null) steps[steps.length - 1].refcounts.set(Number(object[1]), Number(object[2]));
  }
  return steps;
}

/** The indices of the steps recorded where `--trace` prints (after a statement). */
export function lineSteps(recording: Recording): number[] {
  return recording.steps.flatMap((s, i) => (s.kind === 'line' ? [i] : []));
}

/**
 * Differences between refcounts shown at each statement (`shown(i)`: id -> refcount at step i)
 * and the trace's: a missing object or a different count, reported with the line.
 */
export function traceMismatches(
  recording: Recording,
  trace: readonly TraceStep[],
  shown: (step: number) => ReadonlyMap<number, number>,
): string[] {
  const steps = lineSteps(recording);
  const problems: string[] = [];
  if (recording.truncated === null && steps.length !== trace.length)
    problems.push(`${steps.length} statements recorded, ${trace.length} traced`);
  steps.slice(0, trace.length).forEach((index, k) => {
    const step = recording.steps[index];
    if (step.line !== trace[k].line) problems.push(`statement ${k}: line ${step.line}, trace says ${trace[k].line}`);
    const drawn = shown(index);
    for (const [id, refcnt] of trace[k].refcounts)
      if (drawn.get(id) !== refcnt)
        problems.push(`line ${trace[k].line}: #${id} refcount ${drawn.get(id) ?? 'missing'}, trace says ${refcnt}`);
  });
  return problems;
}

/** The refcounts recorded at a step. */
export function recordedRefcounts(recording: Recording, index: number): Map<number, number> {
  return new Map(recording.steps[index].objects.map((i) => [recording.objects[i].id, recording.objects[i].refcnt]));
}
