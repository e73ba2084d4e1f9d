/**
 * The public types of the exercises: their metadata (exercise.json, validated by schema.json) and
 * the three halves of every check (generate, observe, judge; docs/architecture.md).
 */
import type fc from 'fast-check';
import type { LoadedStudent } from './sandbox';
import type { Components } from '../core/components';
import type { ObservationWire } from '../core/checks/check';

export type Visibility = 'visible' | 'hidden';

/** One CPython function an exercise mirrors, with the file it lives in. */
export interface Mirror {
  readonly function: string;
  readonly file: string;
}

/** A file the student edits and the symbols it must export. */
export interface StudentFile {
  readonly file: string;
  readonly exports: readonly string[];
}

/** A check as the metadata lists it: a stable name, what it means, its points and who sees it. */
export interface CheckMeta {
  readonly name: string;
  readonly meaning: string;
  readonly points: number;
  readonly visibility: Visibility;
  /** Correctness checks run first; efficiency checks (exercise 8) only once `gatedBy` pass. */
  readonly kind?: 'correctness' | 'efficiency';
  readonly gatedBy?: readonly string[];
}

/** exercise.json. */
export interface ExerciseMeta {
  readonly id: string;
  readonly order: number;
  readonly title: string;
  readonly mirrors: readonly Mirror[];
  readonly studentFiles: readonly StudentFile[];
  /** The only module a student file may import (`pymemlab/exercises/NN-name/api`) and what it hands over. */
  readonly api: { readonly module: string; readonly primitives: readonly string[] };
  readonly checks: readonly CheckMeta[];
}

/** What a student's files export, by symbol name (objects of the student's own realm). */
export type StudentExports = Readonly<Record<string, unknown>>;

/** Where the observed behaviour first differs from what was expected. */
export interface Mismatch {
  /** 1-based step of the counterexample, or null when the whole input is one step. */
  readonly step: number | null;
  readonly message: string;
  readonly expected: string;
  readonly observed: string;
  /** The heap at the failing step, as text (objects, references, refcounts, generations). */
  readonly heap?: string;
}

/**
 * One check, split so that the untrusted half can run elsewhere:
 * - `arbitrary` generates plain-data inputs (trusted);
 * - `observe` runs an input on the student's exports and returns plain JSON (the untrusted side);
 * - `expect` computes what the reference does with the same input (trusted);
 * - `judge` compares them, and applies the named invariants, returning the first mismatch.
 */
export interface ExerciseCheck<Input = unknown, Observation = unknown, Expected = Observation> {
  readonly name: string;
  readonly arbitrary: fc.Arbitrary<Input>;
  /** Runs to try (a check of one exercise must stay under 3 s in all). */
  readonly numRuns: number;
  observe(student: LoadedStudent, input: Input): Observation;
  expect(input: Input): Expected;
  judge(input: Input, observed: Observation, expected: Expected): Mismatch | null;
  /** The input as numbered steps (or program lines) a student can read. */
  describe(input: Input): readonly string[];
  /** How an observation travels from a grader's sandbox to its judge, when not as it is. */
  readonly wire?: ObservationWire<Observation>;
  /**
   * True when `expect` is `observe` run with the reference's components: what a correct
   * submission observes is then the expected value itself, and an observation that arrives as the
   * very JSON text of the expected one (runCheckRemote) is judged as it, without parsing.
   */
  readonly expectsObservation?: boolean;
}

/** A check with its input and observation types forgotten, to list checks of every exercise together. */
export function anyCheck<Input, Observation, Expected>(
  check: ExerciseCheck<Input, Observation, Expected>,
): ExerciseCheck {
  return check as unknown as ExerciseCheck;
}

/** An exercise as the kit and the graders load it. */
export interface Exercise {
  readonly meta: ExerciseMeta;
  /** Absolute path of the exercise folder (README.md, hints.md, starter/). */
  readonly dir: string;
  /** The checks, in the order of `meta.checks`, by the same names. */
  readonly checks: readonly ExerciseCheck[];
  /** For exercises whose work is a runtime component: the student's, ready for `new Runtime`. */
  readonly component?: (student: LoadedStudent) => Partial<Components>;
}

/** The verdict of one check on one submission. */
export interface CheckReport {
  readonly exercise: string;
  readonly check: string;
  readonly meaning: string;
  readonly passed: boolean;
  readonly seed: number;
  readonly numRuns: number;
  /** Present when it failed: the shrunk counterexample and what went wrong. */
  readonly failure?: {
    readonly steps: readonly string[];
    readonly mismatch: Mismatch;
    /** fast-check's path to the shrunk case; with the seed it replays exactly that case. */
    readonly path: string;
  };
}
