/**
 * Gradescope's results.json (autograder specification): one test per check, named
 * "exercise: check", with score, max_score, status, output (text, shown to the student) and
 * visibility. Hidden checks are hidden on Gradescope too, so their counterexamples stay hidden.
 */
import type { SubmissionResults } from './results';
import { failureText } from './junit';

export interface GradescopeTest {
  readonly name: string;
  readonly score: number;
  readonly max_score: number;
  readonly status: 'passed' | 'failed';
  readonly output: string;
  readonly output_format: 'text';
  readonly visibility: 'visible' | 'hidden';
}

export interface GradescopeResults {
  readonly score: number;
  readonly output: string;
  readonly visibility: 'visible';
  readonly stdout_visibility: 'hidden';
  readonly tests: readonly GradescopeTest[];
}

export function toGradescope(results: SubmissionResults): GradescopeResults {
  const tests: GradescopeTest[] = [];
  for (const exercise of results.exercises) {
    for (const check of exercise.checks)
      tests.push({
        name: `${exercise.id}: ${check.name}`,
        score: check.score,
        max_score: check.max_score,
        status: check.status === 'pass' ? 'passed' : 'failed',
        output:
          check.status === 'pass'
            ? check.meaning
            : `${check.meaning}\n\n${failureText(check)}${check.gated ? '\n(efficiency points count once the correctness checks pass)' : ''}`,
        output_format: 'text',
        visibility: check.visibility,
      });
  }
  return {
    score: results.score,
    output: `pymemlab: ${results.score} / ${results.max_score}`,
    visibility: 'visible',
    stdout_visibility: 'hidden',
    tests,
  };
}
