/**
 * Run a whole check: fast-check generates operation sequences (seeded, `fc.check`, never
 * `fc.assert`), the subject observes them (in-process components, or the grader's own async
 * `observe`, e.g. a sandboxed child process), the reference observes them here, and the judge
 * compares. The first failure is shrunk; a timeout is reported as it happened, never shrunk.
 */
import fc from 'fast-check';
import type { CheckOptions, CheckResult } from './result';
import type { Check, CheckComponents, Verdict } from './check';
import { Deadline } from './deadline';

/** A subject whose observations come from elsewhere (a grader's sandboxed child process). */
export interface RemoteSubject<Op, Observation> {
  readonly observe: (ops: readonly Op[], budgetMs: number) => Promise<Observation>;
}

export type CheckSubject<Op, Observation> = CheckComponents | RemoteSubject<Op, Observation>;

/** The whole-check budget when none is given: generous next to the 3 s a student's check takes. */
export const DEFAULT_TIME_BUDGET_MS = 10_000;

class VerdictError extends Error {
  constructor(readonly verdict: Verdict) {
    super(`${verdict.failure.reason}: ${verdict.failure.message}`);
  }
}

function isRemote<Op, Observation>(subject: CheckSubject<Op, Observation>): subject is RemoteSubject<Op, Observation> {
  return typeof (subject as RemoteSubject<Op, Observation>).observe === 'function';
}

/** Run `check` against `subject`; resolves to a plain-data result (never throws for a failing component). */
export async function runCheck<Op, Observation>(
  check: Check<Op, Observation>,
  subject: CheckSubject<Op, Observation>,
  options: CheckOptions,
): Promise<CheckResult> {
  const numRuns = options.numRuns ?? check.numRuns;
  const budgetMs = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const start = Date.now();
  /** Observe under a deadline: the check's own while it searches, a fresh budget for the final replay. */
  const observe = async (ops: readonly Op[], until: number): Promise<Observation> =>
    isRemote(subject)
      ? subject.observe(ops, Math.max(0, until - Date.now()))
      : check.observe(subject, ops, new Deadline(until, budgetMs));

  const counts: Record<string, number> = Object.fromEntries(Object.keys(check.situations).map((s) => [s, 0]));
  let runs = 0;
  let runsToFailure: number | null = null;
  let timedOut: { ops: readonly Op[]; verdict: Verdict } | null = null;

  const property = fc.asyncProperty(check.ops, async (ops) => {
    if (timedOut !== null) return; // a timeout is reported as it happened, not shrunk
    // Out of time while shrinking a failure: stop shrinking (every further candidate passes).
    if (runsToFailure !== null && Date.now() > start + budgetMs) return;
    const reference = check.observe({}, ops, Deadline.none());
    if (runsToFailure === null) {
      runs++;
      for (const [name, reached] of Object.entries(check.situations)) if (reached(ops, reference)) counts[name]++;
    }
    const verdict = check.judge(ops, await observe(ops, start + budgetMs), reference);
    if (verdict === null) return;
    if (verdict.status === 'timeout' && runsToFailure !== null) return; // the budget ran out while shrinking
    runsToFailure ??= runs;
    if (verdict.status === 'timeout') timedOut = { ops, verdict };
    throw new VerdictError(verdict);
  });

  const details = await fc.check(property, {
    seed: options.seed,
    numRuns,
    path: options.path,
    endOnFailure: options.path !== undefined,
    interruptAfterTimeLimit: budgetMs,
  });
  const coverage = Object.fromEntries(Object.entries(counts).map(([s, n]) => [s, runs === 0 ? 0 : n / runs]));
  const base = {
    check: check.name,
    meaning: check.meaning,
    seed: options.seed,
    numRuns: details.numRuns,
    path: details.counterexamplePath,
    coverage,
  };
  if (timedOut !== null) {
    const { verdict } = timedOut as { verdict: Verdict };
    return { ...base, status: 'timeout', failure: verdict.failure, runsToFailure: runsToFailure ?? undefined };
  }
  if (details.failed && details.counterexample !== null) {
    const ops = details.counterexample[0];
    const error = details.errorInstance;
    // Judge the shrunk counterexample once more, for its own observation (heap, step, words).
    const verdict =
      check.judge(ops, await observe(ops, Date.now() + budgetMs), check.observe({}, ops, Deadline.none())) ??
      (error instanceof VerdictError ? error.verdict : null);
    if (verdict !== null)
      return { ...base, status: verdict.status, failure: verdict.failure, runsToFailure: runsToFailure ?? undefined };
    return { ...base, status: 'crash', failure: harnessFailure(error), runsToFailure: runsToFailure ?? undefined };
  }
  if (details.interrupted && details.numRuns < numRuns) {
    return {
      ...base,
      status: 'timeout',
      failure: {
        reason: 'timeout',
        message: `Only ${details.numRuns} of ${numRuns} runs fit in the time budget of ${budgetMs} ms: the component is too slow.`,
        steps: [],
        failingStep: null,
        expected: null,
        observed: null,
        heap: null,
      },
    };
  }
  return { ...base, status: 'pass', failure: null };
}

/** A failure that is not a verdict (the subject's observe itself rejected). */
function harnessFailure(error: unknown): CheckResult['failure'] {
  return {
    reason: 'crash',
    message: `The observation could not be made: ${error instanceof Error ? error.message : String(error)}`,
    steps: [],
    failingStep: null,
    expected: null,
    observed: null,
    heap: null,
  };
}
