import { spawnSync } from 'child_process';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { tempDir } from './fixtures/grade-fixture';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURE = 'test/graders/fixtures/refcount-exercise';

function pymemlab(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/pymemlab.js', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('pymemlab grade', () => {
  it('grades submissions, writes every output and prints a summary table', () => {
    const out = tempDir('cli');
    const run = pymemlab(
      'grade',
      `${FIXTURE}/submissions/{correct,wasteful}`,
      '--exercises',
      `${FIXTURE}/exercise.ts`,
      '--out',
      out,
      '--runs',
      '5',
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^submission\s+refcount\s+total\ncorrect\s+6\/6\s+6\/6\s*\nwasteful\s+5\/6\s+5\/6/);
    for (const file of [
      'index.html',
      'grades.csv',
      'summary.json',
      'correct/report.html',
      'correct/report.md',
      'correct/junit.xml',
      'correct/gradescope.json',
      'correct/results.json',
    ])
      expect(existsSync(path.join(out, file))).toBe(true);
    expect(run.stderr).toContain('graded 2/2');
  });

  it.each([
    [
      ['grade', 'no/such/*', '--exercises', `${FIXTURE}/exercise.ts`],
      'pymemlab grade: no submission folder matches "no/such/*"',
    ],
    [
      ['grade', `${FIXTURE}/submissions/correct`, '--exercises', `${FIXTURE}/exercise.ts`, '--format', 'html,pdf'],
      '--format expects a comma-separated list',
    ],
    [
      ['grade', `${FIXTURE}/submissions/correct`, '--exercises', `${FIXTURE}/exercise.ts`, '--runs', 'many'],
      "option '--runs <n>' argument 'many' is invalid",
    ],
  ])('refuses bad input with a message and status 2, never a stack trace: %p', (args, message) => {
    const run = pymemlab(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an invalid configuration naming the file and the field', () => {
    const config = path.join(tempDir('cfg'), 'pymemlab.config.json');
    writeFileSync(config, '{"timeoutMs": -1}');
    const run = pymemlab(
      'grade',
      `${FIXTURE}/submissions/correct`,
      '--exercises',
      `${FIXTURE}/exercise.ts`,
      '--config',
      config,
    );
    expect([run.status, run.stderr.trim()]).toEqual([2, `pymemlab grade: ${config}: timeoutMs: must be >= 1`]);
  });
});

describe('pymemlab gradescope', () => {
  it("grades /autograder/submission (overridable) into Gradescope's results.json", () => {
    const results = path.join(tempDir('gs'), 'results', 'results.json');
    const run = pymemlab(
      'gradescope',
      '--submission',
      `${FIXTURE}/submissions/wasteful`,
      '--results',
      results,
      '--exercises',
      `${FIXTURE}/exercise.ts`,
      '--runs',
      '5',
    );
    expect(run.status).toBe(0);
    const json = JSON.parse(readFileSync(results, 'utf8'));
    expect(json.score).toBe(5);
    expect(json.tests).toHaveLength(3);
  });
});
