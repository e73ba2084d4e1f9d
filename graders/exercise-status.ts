/**
 * One word per graded exercise for reports and tables: what happened, most specific first. A file
 * problem or a refused compile comes from the bundler; a broken limit or a crash from the checks'
 * results (the reasons grade.ts gives aborted checks); otherwise whether every check passed.
 */
import type { CheckResult } from '../core/checks/result';
import type { BundleFailure } from './bundle';

export type ExerciseStatus = 'passed' | 'failed' | BundleFailure | 'timeout' | 'memory' | 'output-limit' | 'crash';

/** The failure reasons that name a broken limit, and the status each gives the exercise. */
const LIMIT_REASONS: Readonly<Record<string, ExerciseStatus>> = {
  'time-limit': 'timeout',
  'memory-limit': 'memory',
  'output-limit': 'output-limit',
};

/** The exercise's status from its bundle failure (if any) and its checks' results, in check order. */
export function exerciseStatus(bundleFailure: BundleFailure | null, results: readonly CheckResult[]): ExerciseStatus {
  if (bundleFailure) return bundleFailure;
  const limit = results.map((r) => LIMIT_REASONS[r.failure?.reason ?? '']).find((s) => s !== undefined);
  if (limit) return limit;
  if (results.some((r) => r.status === 'crash')) return 'crash';
  return results.every((r) => r.status === 'pass') ? 'passed' : 'failed';
}
