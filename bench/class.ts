/**
 * grading_class: a class of `size` submissions graded as `pymemlab grade` grades one, with its
 * default jobs and every report written: the bundled samples in turn (the correct one and each
 * buggy one), each under a name of its own, so that each has a seed of its own as in a real class.
 * The target for a class of 30 on the 2-core machines is its per-submission target
 * times 30: 150 s.
 */
import { mkdtempSync, readdirSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { DEFAULT_JOBS, gradeClass } from '../graders/grade-class';
import { kitExercises } from '../graders/kit-exercises';
import { FORMATS } from '../graders/outputs';
import { createRenderer } from '../graders/render';
import { DEFAULT_LIMITS } from '../graders/sandbox/pool';
import type { Submission } from '../graders/discover';
import { measureGrading, round } from './measure-grading';

export interface ClassBench {
  readonly submissions: number;
  readonly jobs: number;
  readonly seconds: number;
  readonly seconds_per_submission: number;
  /** null where /proc cannot be read (not Linux). */
  readonly cpu_seconds_per_submission: number | null;
}

/** `size` submissions: the bundled samples in turn, named `s00-<sample>`, `s01-<sample>`, ... */
function sampleClass(size: number): Submission[] {
  const samples = path.join(__dirname, '..', 'examples', 'submissions');
  const names = readdirSync(samples).sort();
  return Array.from({ length: size }, (_, i) => {
    const sample = names[i % names.length]!;
    return { name: `s${String(i).padStart(2, '0')}-${sample}`, dir: path.join(samples, sample) };
  });
}

export async function benchClass(size: number): Promise<ClassBench> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'pymemlab-bench-class-'));
  try {
    const { seconds, cpuSeconds } = await measureGrading(() =>
      gradeClass(sampleClass(size), kitExercises(), {
        seed: 0,
        limits: DEFAULT_LIMITS,
        jobs: DEFAULT_JOBS,
        out,
        formats: [...FORMATS],
        renderer: createRenderer(),
      }),
    );
    return {
      submissions: size,
      jobs: DEFAULT_JOBS,
      seconds: round(seconds),
      seconds_per_submission: round(seconds / size),
      cpu_seconds_per_submission: cpuSeconds === null ? null : round(cpuSeconds / size),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
