/**
 * The hostile and broken submissions corpus (test/graders/corpus, one folder per case) and what
 * the grader must make of each: the status of its first exercise, its total score, and a pattern
 * the student's message must match. Graded against the fixture refcount exercise twice over (the
 * root folder and part2/), so that a submission can pass one exercise and crash in another.
 *
 * Three cases are made at run time, because git cannot hold them: an empty folder, a 2 MiB file,
 * and a symbolic link to the reference implementation. Placeholders in three cases are replaced
 * by real paths (the grader's hidden checks, another submission, the output folder).
 */
import { createHash } from 'crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'fs';
import path from 'path';
import type { GradedExercise } from '../../graders/exercise';
import type { ExerciseStatus } from '../../graders/exercise-status';
import type { SandboxLimits } from '../../graders/sandbox/pool';
import { refcountExercise } from './fixtures/refcount-exercise/exercise';

export const CORPUS = path.join(__dirname, 'corpus');
const REPO = path.join(__dirname, '..', '..');

/** The same exercise again in part2/: the corpus's second exercise. */
export const EXERCISES: readonly GradedExercise[] = [
  refcountExercise,
  { ...refcountExercise, id: 'refcount-part2', title: 'Reference counting, again', order: 2, folder: 'part2' },
];

export const FULL_MARKS = 12;

/** Small limits, so that the loops and bombs of the corpus end quickly. */
export const CORPUS_LIMITS: SandboxLimits = {
  timeoutMs: 1000,
  memoryMb: 64,
  maxObservationChars: 1_000_000,
  maxOutputBytes: 16 * 1024,
};

/** Runs per check; behaves-for-visible-checks counts on it (honest for the first 10 runs). */
export const CORPUS_RUNS = 10;
export const CORPUS_SEED = 7;

export interface Expected {
  /** Status of the first exercise (part2 is `missing` except where said). */
  readonly status: ExerciseStatus;
  readonly score: number;
  /** What the student reads: matched against the exercise's error or its first failing check's message. */
  readonly message?: RegExp;
  /** Status of part2, when the case has one. */
  readonly part2?: ExerciseStatus;
}

const refused = (module: string): Expected => ({
  status: 'compile-error',
  score: 0,
  message: new RegExp(`refcount\\.ts:2:\\d+: import of "${module.replace(/[./]/g, '\\$&')}" refused`),
});
const leaky: Expected = { status: 'failed', score: 0, message: /still alive with refcount 0|update_refs found/ };

export const EXPECTED: Readonly<Record<string, Expected>> = {
  correct: { status: 'passed', score: FULL_MARKS, part2: 'passed' },
  partial: { status: 'passed', score: 6, part2: 'timeout' },
  // broken
  'empty-folder': { status: 'missing', score: 0, message: /the submission is empty or missing: expected refcount\.ts/ },
  'missing-file': { status: 'missing', score: 0, message: /missing file\(s\): refcount\.ts/ },
  'syntax-error': { status: 'compile-error', score: 0, message: /^refcount\.ts:6:20: Unexpected ";"$/ },
  'type-error': {
    status: 'compile-error',
    score: 0,
    message: /refcount\.ts:7:13: .*Type 'number' is not assignable to type 'string'/,
  },
  'missing-export': {
    status: 'compile-error',
    score: 0,
    message: /^refcount\.ts: does not export makeRefCounting, which the exercise calls \(it exports makeRefcounting\)$/,
  },
  'wrong-signature': { status: 'crash', score: 0, message: /incref is not a function/ },
  'method-throws': { status: 'crash', score: 0, message: /Error: decref: not implemented yet/ },
  'not-utf8': { status: 'compile-error', score: 0, message: /^refcount\.ts:3:7: not UTF-8 text/ },
  'binary-file': { status: 'compile-error', score: 0, message: /^refcount\.ts is a binary file/ },
  'enormous-file': { status: 'compile-error', score: 0, message: /^refcount\.ts is 2097\d+ bytes, over the limit/ },
  'symlink-outside': {
    status: 'compile-error',
    score: 0,
    message: /^refcount\.ts is a symbolic link to a file outside/,
  },
  // hostile: limits
  'loop-at-import': { status: 'timeout', score: 0, message: /no answer within the time limit \(1000 ms of computing/ },
  'loop-in-method': { status: 'timeout', score: 0, message: /no answer within the time limit \(1000 ms of computing/ },
  'timers-left-running': {
    status: 'timeout',
    score: 0,
    message: /no answer within the time limit \(1000 ms of computing/,
  },
  'memory-bomb': { status: 'memory', score: 0, message: /ran out of its 64 MB heap/ },
  'memory-bomb-buffers': { status: 'memory', score: 0, message: /used more than 256 MiB of memory/ },
  'flood-output': { status: 'output-limit', score: 0, message: /printed more than 16384 bytes/ },
  'deep-recursion': { status: 'crash', score: 0, message: /Maximum call stack size exceeded/ },
  // hostile: the process and its powers
  'process-exit': { status: 'crash', score: 0, message: /process is not defined/ },
  'kill-parent': { status: 'crash', score: 0, message: /process is not defined/ },
  'process-binding': { status: 'crash', score: 0, message: /reading 'binding'/ },
  'computed-require': { status: 'crash', score: 0, message: /load is not a function/ },
  'dynamic-import': { status: 'passed', score: 6 },
  'read-hidden-checks': leaky,
  'read-other-submissions': leaky,
  'write-output-folder': leaky,
  'fake-results-output': leaky,
  // hostile: thrown values
  'throw-null': { status: 'crash', score: 0, message: /thrown value: null/ },
  'throw-proxy': { status: 'crash', score: 0, message: /cannot be described/ },
  'throw-getters': { status: 'crash', score: 0, message: /cannot be described/ },
  // hostile: monkeypatching (frozen intrinsics: the patch throws or does nothing, the leak is judged)
  'patch-array-prototype': { status: 'crash', score: 0, message: /Cannot assign to read only property 'push'/ },
  'patch-json': leaky,
  'patch-define-property': leaky,
  'patch-math-random': leaky,
  'patch-date': leaky,
  'patch-promise': leaky,
  // hostile: imports
  'import-fs': refused('fs'),
  'import-node-prefix': refused('node:fs'),
  'import-child-process': refused('child_process'),
  'import-net': refused('net'),
  'import-worker-threads': refused('worker_threads'),
  'import-vm': refused('vm'),
  'import-inspector': refused('inspector'),
  'import-core': refused('../../../../core/refcount/refcounting'),
  'import-graders': refused('../../../../graders/grade'),
  'import-fast-check': refused('fast-check'),
  'reference-through-handed-objects': { status: 'crash', score: 0, message: /withheld while grading/ },
  // hostile: observations
  'observation-wrong-type': { status: 'failed', score: 0, message: /refcount 1\d+ but/ },
  'observation-huge': { status: 'crash', score: 0, message: /\(message cut\)$/ },
  'observation-getters': { status: 'crash', score: 0, message: /Error: gotcha/ },
  'observation-proto-keys': { status: 'crash', score: 0, message: /observation holds the key "__proto__"/ },
  // hostile: gaming the grader (graded on what it does under grading)
  'detects-grading': { status: 'passed', score: 6 },
  'behaves-for-visible-checks': { status: 'failed', score: 3, message: /differ from CPython/ },
  // hostile: markup, Markdown, Mermaid and spreadsheet formulas in what it prints and raises (hostile-escaping.test.ts)
  injection: leaky,
};

/** Paths the placeholders of the corpus stand for. */
export interface CorpusPaths {
  readonly dir: string;
  readonly out: string;
}

const PLACEHOLDERS = (paths: CorpusPaths): Record<string, string> => ({
  GRADER_FILE: path.join(__dirname, 'fixtures', 'refcount-exercise', 'exercise.ts'),
  OTHER_SUBMISSION: path.join(paths.dir, 'correct', 'refcount.ts'),
  OUTPUT_DIR: paths.out,
});

/** Copy the corpus into `paths.dir`, make the run-time cases, fill in the placeholders; returns the case names. */
export function prepareCorpus(paths: CorpusPaths, only?: readonly string[]): string[] {
  cpSync(CORPUS, paths.dir, { recursive: true });
  mkdirSync(path.join(paths.dir, 'empty-folder'));
  mkdirSync(path.join(paths.dir, 'enormous-file'));
  writeFileSync(
    path.join(paths.dir, 'enormous-file', 'refcount.ts'),
    `// ${'x'.repeat(2 * 1024 * 1024)}\n` + readFileSync(path.join(CORPUS, 'correct', 'refcount.ts'), 'utf8'),
  );
  mkdirSync(path.join(paths.dir, 'symlink-outside'));
  symlinkSync(
    path.join(REPO, 'core', 'refcount', 'refcounting.ts'),
    path.join(paths.dir, 'symlink-outside', 'refcount.ts'),
  );
  for (const [name, value] of Object.entries(PLACEHOLDERS(paths)))
    for (const dir of readdirSync(paths.dir)) {
      const file = path.join(paths.dir, dir, 'refcount.ts');
      const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
      if (text.includes(`'${name}'`)) writeFileSync(file, text.replace(`'${name}'`, JSON.stringify(value)));
    }
  return readdirSync(paths.dir)
    .filter((name) => !only || only.includes(name))
    .sort();
}

/** Every file under `dir` with the sha256 of its bytes, by relative path: to compare trees byte for byte. */
export function digestTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile())
        out[rel] = createHash('sha256')
          .update(readFileSync(path.join(dir, rel)))
          .digest('hex');
    }
  };
  walk('');
  return out;
}
