/**
 * `npm run -s exercises:slow`: the slow exhaustive checks the default test suite leaves out (the
 * 1,000,000-deep nest of exercise 2), on the correct submission; exit 1 if it fails one.
 */
import path from 'path';
import { exercises } from '../../exercises';
import { checkExercise } from '../../exercises/check-exercise';
import { SLOW_CHECKS, SUBMISSIONS } from './helpers';

const SUBMISSION = path.join(SUBMISSIONS, 'correct');
let failures = 0;
for (const exercise of exercises()) {
  for (const check of exercise.meta.checks.filter((c) => SLOW_CHECKS.includes(c.name))) {
    const start = Date.now();
    const verdict = checkExercise(SUBMISSION, exercise, { only: check.name });
    const passed = verdict.passed;
    if (!passed) failures++;
    process.stdout.write(`${exercise.meta.id} ${check.name}: ${passed ? 'pass' : 'FAIL'} (${Date.now() - start} ms)\n`);
  }
}
process.exitCode = failures > 0 ? 1 : 0;
