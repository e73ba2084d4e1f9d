/**
 * What the grader needs to know about an exercise: plain metadata (checks, points, visibility,
 * which checks are efficiency checks gated by correctness), where a submission's files are and
 * which module is the student API, and, per check, how to run it against an observe function.
 *
 * The grader never imports a student's code. A check's `run` generates operations and judges
 * observations in the grader's process; the observations come from `observe`, which asks the
 * sandboxed child to run the operations on the submission's components.
 */
import type { CheckOptions, CheckResult } from '../core/checks/result';

/** Sends plain-data operations to the submission and resolves to its plain-data observations. */
export type Observe = (operations: unknown) => Promise<unknown>;

export type Visibility = 'visible' | 'hidden';

/** correctness: passes or fails; efficiency: its points count only once every correctness check of the exercise passes. */
export type CheckKind = 'correctness' | 'efficiency';

export interface GradedCheck {
  /** Stable name, the key of config overrides and of results.json. */
  readonly name: string;
  /** One sentence: what the check guarantees. */
  readonly meaning: string;
  readonly points: number;
  readonly visibility: Visibility;
  readonly kind: CheckKind;
  /** For an efficiency check: the correctness checks whose passing it needs (absent: all of them). */
  readonly gatedBy?: readonly string[];
  /**
   * True when `run` takes observations as their JSON text too: `observe` may then resolve to an
   * ObservationText (core/checks/check.ts), parsed only if the judge needs it. Otherwise it
   * always resolves to plain data.
   */
  readonly acceptsText?: boolean;
  /** Generate, send to `observe`, judge; every verdict is computed here, in the grader. */
  run(observe: Observe, options: CheckOptions): Promise<CheckResult>;
}

export interface GradedExercise {
  readonly id: string;
  readonly title: string;
  /** Position in the course. */
  readonly order: number;
  /** Folder inside a submission that holds this exercise's files ('' = the submission itself). */
  readonly folder: string;
  /** The student's files, relative to `folder`, and what each must export. */
  readonly studentFiles: readonly { readonly file: string; readonly exports: readonly string[] }[];
  /** The one outside module a student file may import: the specifier students write and the file it resolves to. */
  readonly api: { readonly specifier: string; readonly file: string };
  /**
   * The source of the trusted module that runs inside the sandbox next to the student's files
   * (absolute import paths): it must export `observe(student, check, operations)`, where
   * `student` holds the student files' exports and the result is plain JSON.
   */
  readonly sandboxEntry: string;
  /**
   * Reference implementation files the sandbox bundle must not contain (withhold.ts): the
   * sandbox entry's imports of them get stand-ins that throw, so a submission cannot hand back
   * the reference component it reached through the objects it was given.
   */
  readonly withheld?: readonly string[];
  /** How a student replays a failure in their workspace. */
  replayCommand(check: string, seed: number, path: string | null): string;
  readonly checks: readonly GradedCheck[];
}
