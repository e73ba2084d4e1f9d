/**
 * junit.xml for CI test reporters: one testsuite per exercise, one testcase per check. A failed
 * check is a <failure>, a timeout or crash an <error> (the submission did not answer or could not
 * be bundled). xmlbuilder2 escapes every text and
 * attribute; no timestamps or durations, so a regrade writes the same bytes.
 */
import { create } from 'xmlbuilder2';
import type { CheckResultEntry, SubmissionResults } from './results';

/** The text of a failure a CI log can show: message, steps, expected/observed, replay. */
export function failureText(check: CheckResultEntry): string {
  const f = check.failure;
  if (!f) return check.status;
  return [
    `${f.reason}: ${f.message}`,
    ...f.steps.map((s, i) => `${i === f.failing_step ? '>' : ' '} ${i}: ${s}`),
    f.expected === null ? null : `expected: ${f.expected}`,
    f.observed === null ? null : `observed: ${f.observed}`,
    check.replay === null ? null : `replay: ${check.replay}`,
  ]
    .filter((l) => l !== null)
    .join('\n');
}

/** The JUnit XML document of one submission. */
export function toJUnit(results: SubmissionResults): string {
  // <testsuites> carries no attributes: the Apache Ant format, the strictest that CI reporters read.
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites');
  results.exercises.forEach((exercise, id) => {
    const suite = root.ele('testsuite', {
      name: exercise.id,
      id: String(id),
      package: results.submission,
      tests: String(exercise.checks.length),
      failures: String(exercise.checks.filter((c) => c.status === 'fail').length),
      errors: String(exercise.checks.filter((c) => c.status === 'timeout' || c.status === 'crash').length),
      skipped: '0',
      hostname: 'pymemlab',
      timestamp: '1970-01-01T00:00:00',
      time: '0',
    });
    suite.ele('properties').ele('property', { name: 'seed', value: String(results.seed) });
    for (const check of exercise.checks) {
      const testcase = suite.ele('testcase', { name: check.name, classname: exercise.id, time: '0' });
      if (check.status === 'fail')
        testcase
          .ele('failure', { message: check.failure?.message ?? 'failed', type: check.failure?.reason ?? 'fail' })
          .txt(failureText(check));
      else if (check.status !== 'pass')
        testcase
          .ele('error', { message: check.failure?.message ?? check.status, type: check.status })
          .txt(failureText(check));
    }
    suite.ele('system-out').txt('');
    suite.ele('system-err').txt('');
  });
  return root.end({ prettyPrint: true }) + '\n';
}
