/**
 * `node bin/run-ts.js test/support/measure-checks.ts [--seed N] [--json]`: run every buggy component and
 * every correct alternative of test/support/check-subjects through its check, and report what
 * caught each bug (reason), the shrunk counterexample's length, the runs to the first failure and
 * the time taken; then the reference's coverage of each check's hard situations. docs/checks.md
 * shows this script's output.
 */
import { Command } from 'commander';
import { CHECKS } from '../../core/checks';
import { runCheck } from '../../core/checks/run-check';
import type { CheckResult } from '../../core/checks/result';
import { BUGGY_COMPONENTS, type CheckSubject } from './check-subjects/buggy';
import { CORRECT_ALTERNATIVES } from './check-subjects/correct';

/** The expectation of a bug the checks do not catch yet (a known gap, `missed` says why). */
const MISSED = 'known gap';

interface Row {
  readonly subject: string;
  readonly check: string;
  readonly expected: string;
  readonly status: string;
  readonly reason: string;
  readonly shrunkSteps: number | null;
  readonly runsToFailure: number | null;
  readonly ms: number;
}

async function measure(subject: CheckSubject, expected: string, seed: number): Promise<Row> {
  const start = Date.now();
  const result: CheckResult = await runCheck(CHECKS[subject.check], subject.components, { seed });
  return {
    subject: subject.name,
    check: subject.check,
    expected,
    status: result.status,
    reason: result.failure?.reason ?? '-',
    shrunkSteps: result.failure?.steps.length ?? null,
    runsToFailure: result.runsToFailure ?? null,
    ms: Date.now() - start,
  };
}

async function main(argv: string[]): Promise<void> {
  const opts = new Command()
    .option('--seed <n>', 'fast-check seed', '42')
    .option('--json', 'print one JSON document')
    .parse(argv)
    .opts<{ seed: string; json?: boolean }>();
  const seed = Number(opts.seed);
  if (!Number.isInteger(seed)) {
    console.error(`measure-checks: --seed expects a whole number, got "${opts.seed}"`);
    process.exit(2);
  }
  const rows: Row[] = [];
  for (const bug of BUGGY_COMPONENTS)
    rows.push(await measure(bug, bug.missed === undefined ? bug.reason : MISSED, seed));
  for (const ok of CORRECT_ALTERNATIVES) rows.push(await measure(ok, 'pass', seed));
  const coverage: Record<string, unknown> = {};
  for (const check of Object.values(CHECKS)) {
    const start = Date.now();
    const r = await runCheck(check, {}, { seed });
    coverage[check.name] = { status: r.status, numRuns: r.numRuns, ms: Date.now() - start, coverage: r.coverage };
  }
  const caught = rows.filter((r) => r.expected !== 'pass' && r.status !== 'pass').length;
  const asExpected = rows.filter((r) =>
    r.expected === 'pass' || r.expected === MISSED ? r.status === 'pass' : r.reason === r.expected,
  ).length;
  const summary = {
    seed,
    bugs: BUGGY_COMPONENTS.length,
    caught,
    caughtByNamedInvariant: rows.filter(
      (r) => r.expected !== 'pass' && r.status === 'fail' && !r.reason.startsWith('differs'),
    ).length,
    caughtByDifferential: rows.filter((r) => r.reason.startsWith('differs')).length,
    caughtAsTimeoutOrCrash: rows.filter(
      (r) => r.expected !== 'pass' && (r.status === 'timeout' || r.status === 'crash'),
    ).length,
    correctAlternatives: CORRECT_ALTERNATIVES.length,
    correctFlagged: rows.filter((r) => r.expected === 'pass' && r.status !== 'pass').length,
    asExpected,
  };
  if (opts.json) {
    console.log(JSON.stringify({ summary, rows, coverage }, null, 2));
  } else {
    console.log('| subject | check | expected | status | reason | shrunk steps | runs to failure | ms |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of rows)
      console.log(
        `| ${r.subject} | ${r.check} | ${r.expected} | ${r.status} | ${r.reason} | ${r.shrunkSteps ?? '-'} | ${r.runsToFailure ?? '-'} | ${r.ms} |`,
      );
    console.log('\n' + JSON.stringify(summary));
    console.log('\nreference coverage (share of runs reaching each situation):');
    for (const [name, c] of Object.entries(coverage)) console.log(`${name}: ${JSON.stringify(c)}`);
  }
  if (asExpected !== rows.length) process.exitCode = 1;
}

main(process.argv).catch((error: unknown) => {
  console.error(`measure-checks: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
