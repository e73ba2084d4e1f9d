/**
 * Running one check: fast-check generates inputs, the student's side observes them, the trusted
 * side judges them, and the first failure is shrunk to the smallest input that still fails. The
 * same seed (and path) gives the same verdict and the same counterexample.
 */
import fc from 'fast-check';
import { ObservationText } from '../core/checks/check';
import type { LoadedStudent } from './sandbox';
import { errorText } from './student-exports';
import type { CheckMeta, CheckReport, Exercise, ExerciseCheck, Mismatch } from './types';

/** How to run a check; without a seed, each check has a fixed one of its own (hash of its name). */
export interface RunCheckOptions {
  readonly seed?: number;
  /** fast-check's replay path, as printed with a failure. */
  readonly path?: string;
  readonly numRuns?: number;
}

/** Observe with a student's code loaded in this process, or with a function supplied from outside. */
export type Observer = { readonly student: LoadedStudent } | { readonly observe: (input: unknown) => unknown };

/** The judge's verdict travels out of the property as this error, with the observation judged. */
class MismatchError extends Error {
  constructor(
    readonly mismatch: Mismatch,
    readonly observed: unknown = undefined,
  ) {
    super(mismatch.message);
  }
}

/** A stable default seed per check, so that two runs of unchanged code agree. */
export function defaultSeed(exercise: string, check: string): number {
  let h = 2166136261;
  for (const ch of `${exercise}/${check}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h | 0;
}

/** The metadata of a check by name (the exercise's checks and its metadata share names). */
export function checkMeta(exercise: Exercise, name: string): CheckMeta {
  const meta = exercise.meta.checks.find((c) => c.name === name);
  if (meta === undefined) throw new Error(`exercise ${exercise.meta.id} has no check "${name}"`);
  return meta;
}

/** What the student's side threw, as a mismatch (code that throws is a failing submission). */
function threw(error: unknown): MismatchError {
  return new MismatchError({
    step: null,
    message: 'your code threw an error',
    expected: 'no error',
    observed: errorText(error),
  });
}

/** An answer the judge cannot read (malformed, or too large): the submission's error, not a throw. */
export class UnreadableObservation extends Error {
  override readonly name = 'UnreadableObservation';
}

/** What the submission answered that cannot be judged, as a mismatch. */
function unreadable(error: unknown): MismatchError {
  return new MismatchError({
    step: null,
    message: 'your code returned something unexpected',
    expected: 'an observation the checks can read',
    observed: errorText(error),
  });
}

/** Observe one input in this process. */
function observeOrMismatch(check: ExerciseCheck, observer: Observer, input: unknown): unknown {
  try {
    return 'student' in observer ? check.observe(observer.student, input) : observer.observe(input);
  } catch (error) {
    throw threw(error);
  }
}

/** What fast-check found, as the report a student or a grader reads. */
function report(
  exercise: Exercise,
  check: ExerciseCheck,
  seed: number,
  numRuns: number,
  details: fc.RunDetails<[unknown]>,
): CheckReport {
  const base = {
    exercise: exercise.meta.id,
    check: check.name,
    meaning: checkMeta(exercise, check.name).meaning,
    seed,
    numRuns,
  };
  if (!details.failed) return { ...base, passed: true };
  const input = details.counterexample![0];
  const error = details.errorInstance;
  const mismatch: Mismatch =
    error instanceof MismatchError
      ? error.mismatch
      : { step: null, message: 'the check itself failed', expected: 'no error', observed: String(error) };
  return {
    ...base,
    passed: false,
    failure: { steps: check.describe(input), mismatch, path: details.counterexamplePath ?? '' },
  };
}

/** Judge one observation; a mismatch leaves the property as an error, for fast-check to shrink. */
function judged(check: ExerciseCheck, input: unknown, observed: unknown, expected: unknown): void {
  const mismatch = check.judge(input, observed, expected);
  if (mismatch !== null) throw new MismatchError(mismatch, observed);
}

/** Run `check` of `exercise` against the observer; never throws for a failing submission. */
export function runCheck(
  exercise: Exercise,
  check: ExerciseCheck,
  observer: Observer,
  options: RunCheckOptions = {},
): CheckReport {
  const seed = options.seed ?? defaultSeed(exercise.meta.id, check.name);
  const numRuns = options.numRuns ?? check.numRuns;
  const property = fc.property(check.arbitrary, (input) =>
    judged(check, input, observeOrMismatch(check, observer, input), check.expect(input)),
  );
  return report(exercise, check, seed, numRuns, fc.check(property, { seed, numRuns, path: options.path }));
}

/** How a remote observer's failures are told apart. */
export interface RemoteOptions extends RunCheckOptions {
  /**
   * Errors that end the check instead of counting as the submission's wrong answer (a grader's
   * sandbox that timed out or died): they are rethrown from runCheckRemote.
   */
  readonly fatal?: (error: unknown) => boolean;
}

/** A remote check's report, with the observation of the counterexample when one failed. */
export interface RemoteCheckReport {
  readonly report: CheckReport;
  /** What the submission answered for the shrunk counterexample (decoded), when it answered. */
  readonly observed?: unknown;
}

/** The JSON text of each expected value that crossed a process boundary, as its observer would have sent it. */
const expectedTexts = new WeakMap<object, string>();

/** `expected` as the text its observer sends (encoded for the wire), computed once per expected value. */
function expectedText(check: ExerciseCheck, expected: unknown): string {
  const text = (value: unknown) => JSON.stringify(check.wire === undefined ? value : check.wire.encode(value));
  if (typeof expected !== 'object' || expected === null) return text(expected);
  let known = expectedTexts.get(expected);
  if (known === undefined) expectedTexts.set(expected, (known = text(expected)));
  return known;
}

/**
 * What the observer sent, as the judge reads it. Text that is exactly the expected value's text
 * stands for the expected value itself (the checks that say so: expectsObservation): parsing it
 * would give an equal value, so the verdict is the same, and judging an observation that is the
 * reference's own finds at once that every step agrees. Anything else is parsed and decoded.
 */
function received(check: ExerciseCheck, sent: unknown, expected: unknown): unknown {
  if (!(sent instanceof ObservationText)) return check.wire === undefined ? sent : check.wire.decode(sent);
  if (check.expectsObservation === true && sent.json === expectedText(check, expected)) return expected;
  const value = sent.parse();
  return check.wire === undefined ? value : check.wire.decode(value);
}

/**
 * The same with an asynchronous observer (a grader's sandboxed child process): `observe` gets the
 * plain-data input and resolves to the observation as it travels (check.wire), or to its JSON
 * text (ObservationText), which is decoded and judged here. The reference's side is computed while the observer works. A rejection, or an
 * observation that does not decode, counts as the submission's error unless `fatal` says so;
 * fatal errors and a judge that throws leave runCheckRemote as errors.
 */
export async function runCheckRemote(
  exercise: Exercise,
  check: ExerciseCheck,
  observe: (input: unknown) => Promise<unknown>,
  options: RemoteOptions = {},
): Promise<RemoteCheckReport> {
  const seed = options.seed ?? defaultSeed(exercise.meta.id, check.name);
  const numRuns = options.numRuns ?? check.numRuns;
  const property = fc.asyncProperty(check.arbitrary, async (input) => {
    const observing = observe(input);
    observing.catch(() => {}); // awaited below, after the reference's side
    const expected = check.expect(input);
    let sent: unknown;
    try {
      sent = await observing;
    } catch (error) {
      if (options.fatal?.(error)) throw error;
      throw error instanceof UnreadableObservation ? unreadable(error) : threw(error);
    }
    let observed: unknown;
    try {
      observed = received(check, sent, expected);
    } catch (error) {
      throw unreadable(error);
    }
    judged(check, input, observed, expected);
  });
  const details = await fc.check(property, { seed, numRuns, path: options.path });
  const error = details.errorInstance;
  // Not a verdict on the submission (a fatal error, or the judge itself failing): the caller's to report.
  if (details.failed && !(error instanceof MismatchError)) throw error;
  return {
    report: report(exercise, check, seed, numRuns, details),
    ...(error instanceof MismatchError ? { observed: error.observed } : {}),
  };
}
