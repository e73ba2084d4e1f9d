/**
 * The class at a glance: one row per submission for index.html, and per check how many
 * submissions failed it (which bugs are common this year), with the score distribution.
 * Computed only from results.json data, so a merged set of shards summarises identically.
 */
import type { SubmissionResults } from './results';

export interface SubmissionRow {
  readonly name: string;
  readonly score: number;
  readonly max_score: number;
  readonly percent: number;
  readonly exercises: readonly { readonly id: string; readonly score: number; readonly max_score: number }[];
  /** Relative link to the submission's report. */
  readonly report: string;
}

export interface CheckTally {
  readonly exercise: string;
  readonly check: string;
  readonly kind: string;
  readonly visibility: string;
  /** Submissions whose check did not pass (fail, timeout or crash), and of those the timeouts and crashes. */
  readonly failed: number;
  readonly timeout: number;
  readonly crash: number;
  /** Submissions where the check ran. */
  readonly of: number;
}

export interface ClassSummary {
  readonly version: 1;
  readonly count: number;
  readonly max_score: number;
  readonly mean: number;
  readonly median: number;
  /** Ten buckets of the score percentage: 0–9, 10–19, …, 90–100. */
  readonly distribution: readonly { readonly range: string; readonly count: number }[];
  readonly exercises: readonly { readonly id: string; readonly title: string }[];
  readonly checks: readonly CheckTally[];
  /** The checks failed by at least one submission, most failed first. */
  readonly most_failed: readonly CheckTally[];
  readonly submissions: readonly SubmissionRow[];
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return 0;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Count, per exercise and check, the submissions that did not pass it. */
function tallyChecks(all: readonly SubmissionResults[]): CheckTally[] {
  const tallies = new Map<string, { -readonly [K in keyof CheckTally]: CheckTally[K] }>();
  for (const results of all)
    for (const exercise of results.exercises)
      for (const check of exercise.checks) {
        const key = `${exercise.id}\0${check.name}`;
        const t = tallies.get(key) ?? {
          exercise: exercise.id,
          check: check.name,
          kind: check.kind,
          visibility: check.visibility,
          failed: 0,
          timeout: 0,
          crash: 0,
          of: 0,
        };
        t.of++;
        if (check.status !== 'pass') t.failed++;
        if (check.status === 'timeout') t.timeout++;
        if (check.status === 'crash') t.crash++;
        tallies.set(key, t);
      }
  return [...tallies.values()];
}

/** Summarise a class from its submissions' results (in any order: rows are sorted by name). */
export function summarise(all: readonly SubmissionResults[]): ClassSummary {
  const sorted = [...all].sort((a, b) => (a.submission < b.submission ? -1 : a.submission > b.submission ? 1 : 0));
  const percents = sorted.map((r) => (r.max_score > 0 ? (100 * r.score) / r.max_score : 0));
  const buckets = Array.from({ length: 10 }, (_, i) => ({
    range: i === 9 ? '90–100' : `${i * 10}–${i * 10 + 9}`,
    count: 0,
  }));
  for (const p of percents) buckets[Math.min(9, Math.floor(p / 10))]!.count++;
  const checks = tallyChecks(sorted);
  const exercises = new Map<string, string>();
  for (const r of sorted) for (const e of r.exercises) exercises.set(e.id, e.title);
  return {
    version: 1,
    count: sorted.length,
    max_score: Math.max(0, ...sorted.map((r) => r.max_score)),
    mean: round2(percents.reduce((s, p) => s + p, 0) / Math.max(1, percents.length)),
    median: round2(median([...percents].sort((a, b) => a - b))),
    distribution: buckets,
    exercises: [...exercises].map(([id, title]) => ({ id, title })),
    checks,
    most_failed: checks
      .filter((c) => c.failed > 0)
      .sort((a, b) => b.failed - a.failed || (a.exercise + a.check < b.exercise + b.check ? -1 : 1)),
    submissions: sorted.map((r, i) => ({
      name: r.submission,
      score: r.score,
      max_score: r.max_score,
      percent: round2(percents[i]!),
      exercises: r.exercises.map((e) => ({ id: e.id, score: e.score, max_score: e.max_score })),
      report: `${encodeURIComponent(r.submission)}/report.html`,
    })),
  };
}
