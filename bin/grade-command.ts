/**
 * `pymemlab grade`, `pymemlab merge` and `pymemlab gradescope`: grading a class of submissions in
 * isolation and writing its reports (docs/grading.md). Exit status 0 when grading ran (whatever
 * the scores), 2 for bad input (a clear message naming the file or option), 70 for an internal error.
 */
import { mkdirSync } from 'fs';
import path from 'path';
import type { Command, CommanderError } from 'commander';
import { InvalidArgumentError } from 'commander';
import { discoverSubmissions, parseShard, selectShard, DiscoverError, type Submission } from '../graders/discover';
import { loadConfig, applyConfig, ConfigError, type GraderConfig } from '../graders/config';
import { createRenderer, TemplateError } from '../graders/render';
import writeFileAtomic from 'write-file-atomic';
import { parseFormats, FormatError, FORMATS } from '../graders/outputs';
import { DEFAULT_JOBS, gradeClass } from '../graders/grade-class';
import { mergeShards, MergeError } from '../graders/merge';
import { createProgress } from '../graders/progress';
import { DEFAULT_LIMITS, killAllSandboxes } from '../graders/sandbox/pool';
import { ResumeError } from '../graders/resume';
import { loadExercises } from '../graders/exercise-source';
import { ExerciseSourceError } from '../graders/kit-exercises';
import { gradeSubmission } from '../graders/grade';
import { toResults, type SubmissionResults } from '../graders/results';
import { toGradescope } from '../graders/gradescope';

interface GradeCliOptions {
  out: string;
  seed?: number;
  runs?: number;
  jobs?: number;
  timeoutMs?: number;
  memoryMb?: number;
  shard?: string;
  format: string;
  templates?: string;
  config?: string;
  exercises?: string;
  resume?: boolean;
}

const USER_ERRORS = [
  DiscoverError,
  ConfigError,
  TemplateError,
  FormatError,
  MergeError,
  ExerciseSourceError,
  ResumeError,
];

/**
 * Ctrl-C or SIGTERM while grading: take the sandboxes down and exit with 128 + the signal's number.
 * Every file written so far is whole (written atomically), so `--resume` continues from here.
 */
function stopOnSignals(): void {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)
    process.once(signal, () => {
      killAllSandboxes();
      process.stderr.write(`\npymemlab grade: stopped by ${signal}; run again with --resume to continue\n`);
      process.exit(code);
    });
}

function whole(min: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value)))
      throw new InvalidArgumentError(`expected a whole number of at least ${min}.`);
    return Number(value);
  };
}

/** Run an async command; user errors end with their message and status 2, anything else is a bug (70). */
async function guarded(name: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (USER_ERRORS.some((E) => error instanceof E)) {
      process.stderr.write(`pymemlab ${name}: ${(error as Error).message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(
      `pymemlab ${name}: internal error: ${error instanceof Error ? error.message : String(error)}\nPlease report this as a bug.\n`,
    );
    process.exitCode = 70;
  }
}

/** The summary table printed at the end of a run (stdout). */
function printSummary(all: readonly SubmissionResults[], out: string): void {
  const ids = all[0]?.exercises.map((e) => e.id) ?? [];
  const rows = all.map((r) => ({
    submission: r.submission,
    ...Object.fromEntries(r.exercises.map((e) => [e.id, `${e.score}/${e.max_score}`])),
    total: `${r.score}/${r.max_score}`,
  }));
  const columns = ['submission', ...ids, 'total'];
  const width = (c: string) => Math.max(c.length, ...rows.map((r) => String((r as Record<string, string>)[c]).length));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(width(columns[i]!))).join('  ');
  process.stdout.write(line(columns) + '\n');
  for (const r of rows) process.stdout.write(line(columns.map((c) => String((r as Record<string, string>)[c]))) + '\n');
  process.stdout.write(`\nreports in ${path.join(out, 'index.html')}\n`);
}

/** Resolve settings: command line over config file over defaults. */
function settings(opts: GradeCliOptions, config: GraderConfig | null) {
  return {
    seed: opts.seed ?? config?.seed ?? 0,
    runs: opts.runs ?? config?.runs,
    jobs: opts.jobs ?? config?.jobs ?? DEFAULT_JOBS,
    limits: {
      ...DEFAULT_LIMITS,
      timeoutMs: opts.timeoutMs ?? config?.timeoutMs ?? DEFAULT_LIMITS.timeoutMs,
      memoryMb: opts.memoryMb ?? config?.memoryMb ?? DEFAULT_LIMITS.memoryMb,
    },
  };
}

async function gradeCommand(patterns: string[], opts: GradeCliOptions): Promise<void> {
  const formats = parseFormats(opts.format);
  const config = loadConfig(opts.config);
  const exercises = applyConfig(loadExercises(opts.exercises), config, opts.config ?? 'pymemlab.config');
  let submissions: Submission[] = discoverSubmissions(patterns);
  if (opts.shard) submissions = selectShard(submissions, parseShard(opts.shard));
  const renderer = createRenderer(opts.templates);
  stopOnSignals();
  const all = await gradeClass(submissions, exercises, {
    ...settings(opts, config),
    out: opts.out,
    formats,
    renderer,
    progress: createProgress(submissions.length),
    resume: opts.resume ?? false,
  });
  printSummary(all, opts.out);
}

async function mergeCommand(dirs: string[], opts: { out: string; templates?: string }): Promise<void> {
  const all = mergeShards(dirs, opts.out, createRenderer(opts.templates));
  printSummary(all, opts.out);
}

interface GradescopeCliOptions {
  submission: string;
  results: string;
  seed: number;
  runs?: number;
  config?: string;
  exercises?: string;
}

/** Gradescope's run_autograder: grade /autograder/submission, write /autograder/results/results.json. */
async function gradescopeCommand(opts: GradescopeCliOptions): Promise<void> {
  const config = loadConfig(opts.config);
  const exercises = applyConfig(loadExercises(opts.exercises), config, opts.config ?? 'pymemlab.config');
  const s = settings({ ...opts, out: '', format: 'html' }, config);
  const grade = await gradeSubmission({ name: 'submission', dir: path.resolve(opts.submission) }, exercises, s);
  const results = toResults(grade);
  mkdirSync(path.dirname(path.resolve(opts.results)), { recursive: true });
  writeFileAtomic.sync(opts.results, JSON.stringify(toGradescope(results), null, 2) + '\n');
  // Gradescope shows run_autograder's stdout to instructors only: what the submission printed goes there.
  process.stdout.write(`pymemlab: ${results.score}/${results.max_score}\n${grade.printed}`);
}

function exitOverride(err: CommanderError): never {
  process.exit(err.exitCode === 0 ? 0 : 2);
}

/** `pymemlab grade GLOBS...`: a class graded into --out; bad arguments exit 2 (exitOverride). */
export function defineGrade(command: Command): void {
  command
    .argument('<globs...>', 'glob patterns of submission folders (one folder per submission)')
    .option('--out <dir>', 'where the reports go', 'reports')
    .option('--seed <n>', 'class seed; each submission gets a seed derived from it and its name (default 0)', whole(0))
    .option('--runs <n>', "runs per check (default: each check's own)", whole(1))
    .option('--jobs <n>', `submissions graded at once (default ${DEFAULT_JOBS})`, whole(1))
    .option(
      '--timeout-ms <n>',
      `time limit per request to a submission (default ${DEFAULT_LIMITS.timeoutMs})`,
      whole(1),
    )
    .option('--memory-mb <n>', `heap limit of a submission's process (default ${DEFAULT_LIMITS.memoryMb})`, whole(16))
    .option('--shard <i/n>', 'grade only shard I of N (CI matrix); then `pymemlab merge` the N output folders')
    .option(
      '--format <list>',
      `outputs per submission, of ${FORMATS.join(',')} (results.json is always written)`,
      FORMATS.join(','),
    )
    .option('--templates <dir>', 'your own copies of templates/ to restyle the reports')
    .option('--config <file>', 'configuration (default: pymemlab.config.json or .js in the current folder)')
    .option('--exercises <module>', "a module exporting `exercises` (GradedExercise[]) instead of the kit's")
    .option('--resume', 'continue an interrupted run into the same --out: finished submissions are kept, not regraded')
    .exitOverride(exitOverride)
    .action((patterns: string[], opts: GradeCliOptions) => guarded('grade', () => gradeCommand(patterns, opts)));
}

/** `pymemlab merge DIRS...`: the shards of a `grade --shard` run as one output folder. */
export function defineMerge(command: Command): void {
  command
    .argument('<dirs...>', 'output folders of the shards')
    .option('--out <dir>', 'the merged output folder', 'reports')
    .option('--templates <dir>', 'your own copies of templates/')
    .exitOverride(exitOverride)
    .action((dirs: string[], opts: { out: string; templates?: string }) =>
      guarded('merge', () => mergeCommand(dirs, opts)),
    );
}

/** `pymemlab gradescope`: Gradescope's run_autograder, with Gradescope's default paths. */
export function defineGradescope(command: Command): void {
  command
    .option('--submission <dir>', 'the submission folder', '/autograder/submission')
    .option('--results <file>', 'where results.json goes', '/autograder/results/results.json')
    .option('--seed <n>', 'seed (default 0)', whole(0), 0)
    .option('--runs <n>', 'runs per check', whole(1))
    .option('--config <file>', 'configuration file')
    .option('--exercises <module>', "a module exporting `exercises` instead of the kit's")
    .exitOverride(exitOverride)
    .action((opts: GradescopeCliOptions) => guarded('gradescope', () => gradescopeCommand(opts)));
}
