/**
 * The recording as embedded in the page: each step's `objects` and `own` written as differences
 * from the previous step's. From one statement to the next, most of a thousand recorded objects
 * are the same records in the same order; writing them out at every step made pages of a hundred
 * megabytes. A list is a sequence of runs: a number is itself, a pair [from, length] copies that
 * many entries of the previous step's list starting at `from`.
 */
import type { Recording, StepRecord } from './recording';

type Run = number | readonly [number, number];

/** A step whose `objects` and `own` are runs against the previous step's. */
type EmbeddedStep = Omit<StepRecord, 'objects' | 'own'> & { readonly objects: Run[]; readonly own: Run[] };

export type EmbeddedRecording = Omit<Recording, 'steps'> & { readonly steps: readonly EmbeddedStep[] };

/** `current` as runs against `previous` (the entries of each are distinct). */
function encodeList(previous: readonly number[], current: readonly number[]): Run[] {
  const at = new Map(previous.map((value, i) => [value, i]));
  const runs: Run[] = [];
  for (let i = 0; i < current.length;) {
    const from = at.get(current[i]);
    if (from === undefined) {
      runs.push(current[i++]);
      continue;
    }
    let length = 1;
    while (i + length < current.length && previous[from + length] === current[i + length]) length++;
    runs.push(length === 1 ? current[i] : [from, length]);
    i += length;
  }
  return runs;
}

function decodeList(previous: readonly number[], runs: readonly Run[]): number[] {
  const list: number[] = [];
  for (const run of runs)
    if (typeof run === 'number') list.push(run);
    else for (let i = run[0]; i < run[0] + run[1]; i++) list.push(previous[i]);
  return list;
}

export function encodeRecording(recording: Recording): EmbeddedRecording {
  const steps = recording.steps.map((step, i) => {
    const previous = i === 0 ? null : recording.steps[i - 1];
    return {
      ...step,
      objects: encodeList(previous?.objects ?? [], step.objects),
      own: encodeList(previous?.own ?? [], step.own),
    };
  });
  return { ...recording, steps };
}

export function decodeRecording(embedded: EmbeddedRecording): Recording {
  const steps: StepRecord[] = [];
  for (const step of embedded.steps) {
    const previous = steps.at(-1);
    steps.push({
      ...step,
      objects: decodeList(previous?.objects ?? [], step.objects),
      own: decodeList(previous?.own ?? [], step.own),
    });
  }
  return { ...embedded, steps };
}
