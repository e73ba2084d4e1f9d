/**
 * The student workflow of the `pymemlab` command, as rustlings has it: `init` a workspace, `list`
 * the exercises with progress, `check` one, `watch` (re-check on every save, move on when it
 * passes, keys h/l/q), `hint`, and `run --impl DIR FILE.py` to run a program on one's own
 * components. Each command is listed in bin/commands.ts and declared here.
 */
import { readFileSync } from 'fs';
import path from 'path';
import type { Command } from 'commander';
import { exercises, findExercise, ExerciseMetaError, type Exercise } from '../exercises';
import {
  checkExercise,
  UnknownCheckError,
  type CheckExerciseOptions,
  type ExerciseVerdict,
} from '../exercises/check-exercise';
import { formatDiagnostic } from '../exercises/sandbox';
import { reportText, escapeTerminal } from '../exercises/report-text';
import {
  currentExercise,
  exerciseStatus,
  findWorkspace,
  initWorkspace,
  readHints,
  readProgress,
  updateProgress,
  WorkspaceError,
} from '../exercises/workspace';
import { studentComponents } from '../exercises/components';
import { runProgram } from '../python/interp/run';

/** An error the student can act on: one line on stderr, exit status 2 (1 is "checks failed"). */
export class ExerciseCommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExerciseCommandError';
  }
}

type Write = (text: string) => void;
const out: Write = (text) => process.stdout.write(text);

function exerciseNamed(name: string): Exercise {
  const exercise = findExercise(name);
  if (exercise === undefined)
    throw new ExerciseCommandError(
      `no exercise "${name}" (there are: ${exercises()
        .map((e) => e.meta.id)
        .join(', ')})`,
    );
  return exercise;
}

function integerOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new ExerciseCommandError(`--${name} expects a whole number, got "${value}"`);
  return n;
}

/** Print a verdict: compile errors as the compiler reports them, then each check. */
function printVerdict(verdict: ExerciseVerdict, write: Write): void {
  if (verdict.compileErrors.length > 0) {
    write(`${verdict.exercise}: your code does not compile\n`);
    for (const d of verdict.compileErrors) write(escapeTerminal(formatDiagnostic(d)) + '\n');
    return;
  }
  for (const report of verdict.reports) write(reportText(report) + '\n');
  const passed = verdict.reports.filter((r) => r.passed).length;
  write(`${verdict.exercise}: ${passed}/${verdict.reports.length} checks pass${verdict.passed ? ' -- done!' : ''}\n`);
}

/** Check one exercise of the workspace, record the outcome, print it. */
function checkAndRecord(
  root: string,
  exercise: Exercise,
  options: CheckExerciseOptions,
  write: Write,
): ExerciseVerdict {
  const verdict = checkExercise(root, exercise, { typecheck: true, ...options });
  // A replay of one case (--only/--seed/--path) says nothing about the whole exercise.
  const partial = options.only !== undefined || options.seed !== undefined || options.path !== undefined;
  if (!partial) updateProgress(root, exercise.meta.id, { status: verdict.passed ? 'done' : 'failing' });
  printVerdict(verdict, write);
  return verdict;
}

function listText(root: string): string {
  const all = exercises();
  const progress = readProgress(root);
  const current = currentExercise(root, all);
  const rows = all.map((e) => {
    const status = exerciseStatus(root, e, progress);
    const mark = e === current ? '>' : ' ';
    return `${mark} ${e.meta.id.padEnd(28)} ${status.padEnd(12)} ${e.meta.title}`;
  });
  const done = all.filter((e) => exerciseStatus(root, e, progress) === 'done').length;
  const width = 30;
  const bar = '#'.repeat(Math.round((done / all.length) * width)).padEnd(width, '-');
  return [...rows, '', `progress: [${bar}] ${done}/${all.length} exercises done`].join('\n') + '\n';
}

function hintText(root: string, exercise: Exercise): string {
  const hints = readHints(exercise);
  const shown = readProgress(root)[exercise.meta.id]?.hintsShown ?? 0;
  if (hints.length === 0) return `${exercise.meta.id} has no hints\n`;
  const next = Math.min(shown, hints.length - 1);
  updateProgress(root, exercise.meta.id, { hintsShown: next + 1 });
  const more = next + 1 < hints.length ? ' (ask again for the next)' : ' (the last one)';
  return `${exercise.meta.id}, hint ${next + 1} of ${hints.length}${more}:\n\n${hints[next]}\n`;
}

/**
 * Watch mode: re-check the current exercise on every save, move to the next one when it passes.
 * On a terminal the keys h (hint), l (list) and q (quit) work at once (raw mode); otherwise the
 * output is plain and the watcher runs until it is stopped.
 */
async function watchCommand(root: string): Promise<void> {
  // The file watcher is watch's alone: `check`, run in a student's loop, does not load it.
  const { watch: watchFiles } = await import('chokidar');
  const all = exercises();
  const tty = process.stdin.isTTY === true;
  let current = currentExercise(root, all);
  const runCurrent = () => {
    if (current === null) {
      out('All exercises are done. Well done!\n');
      return;
    }
    if (tty) out('\x1b[2J\x1b[H');
    out(`== ${current.meta.id}: ${current.meta.title}\n`);
    const verdict = checkAndRecord(root, current, {}, out);
    if (verdict.passed) {
      current = currentExercise(root, all);
      if (current !== null)
        out(
          `\nMoving on to ${current.meta.id}; edit ${path.join(current.meta.id, current.meta.studentFiles[0].file)}\n`,
        );
      else out('\nAll exercises are done. Well done!\n');
    }
    out(tty ? '\n[h] hint  [l] list  [q] quit\n' : '\nwatching for changes...\n');
  };
  const watcher = watchFiles(root, {
    ignored: (p) => /node_modules|\.pymemlab|\.git/.test(path.relative(root, p)),
    ignoreInitial: true,
    awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 25 },
  });
  await new Promise<void>((resolve) => watcher.on('ready', () => resolve()));
  runCurrent();
  watcher.on('change', (file) => {
    if (current !== null && path.relative(root, file).startsWith(current.meta.id + path.sep)) runCurrent();
  });
  if (!tty) return;
  process.stdin.setRawMode(true);
  process.stdin.resume();
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (key: string) => {
    if (key === 'q' || key === '\u0003') {
      process.stdin.setRawMode(false);
      void watcher.close().then(() => process.exit(0));
    } else if (key === 'h' && current !== null) out(hintText(root, current));
    else if (key === 'l') out(listText(root));
  });
}

/** Run a Python program with the student's components from DIR in place of the reference ones. */
function runImplCommand(dir: string, file: string, opts: { trace?: boolean }): void {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ExerciseCommandError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const { components, used, errors } = studentComponents(dir, exercises());
  for (const e of errors) process.stderr.write(escapeTerminal(e) + '\n');
  if (used.length === 0)
    throw new ExerciseCommandError(`run: no component of yours in ${dir} compiles; nothing to run on`);
  process.stderr.write(`[pymemlab] your components: ${used.join(', ')}\n`);
  const result = runProgram(source, file, {
    components,
    trace: opts.trace ? (line) => process.stderr.write(line + '\n') : null,
  });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}

/** Errors the student can fix end as one line and exit status 2, never as a stack trace. */
function reportable(error: unknown): string | null {
  if (
    error instanceof ExerciseCommandError ||
    error instanceof WorkspaceError ||
    error instanceof ExerciseMetaError ||
    error instanceof UnknownCheckError
  )
    return error.message;
  return null;
}

function guarded<A extends unknown[]>(action: (...args: A) => void | Promise<void>): (...args: A) => Promise<void> {
  return async (...args) => {
    try {
      await action(...args);
    } catch (error) {
      const message = reportable(error);
      if (message === null) throw error;
      process.stderr.write(`pymemlab: ${escapeTerminal(message)}\n`);
      process.exitCode = 2;
    }
  };
}

/** `pymemlab init DIR`: a new student workspace. */
export function defineInit(command: Command): void {
  command.argument('<dir>', 'a new (or empty) folder').action(
    guarded((dir: string) => {
      initWorkspace(dir, exercises());
      out(
        `Workspace ready in ${dir}. Start with:\n  cd ${dir}\n  pymemlab watch     (or: npm run watch)\nthen edit ${exercises()[0].meta.id}/${exercises()[0].meta.studentFiles[0].file}\n`,
      );
    }),
  );
}

/** `pymemlab list`: every exercise with its status, in the workspace around the current folder. */
export function defineList(command: Command): void {
  command.action(guarded(() => out(listText(findWorkspace(process.cwd())))));
}

/** `pymemlab check [EXERCISE]`: the visible checks; --seed and --path replay one failure's case. */
export function defineCheck(command: Command): void {
  command
    .argument('[exercise]', 'an exercise id or number')
    .option('--only <check>', 'run only this check')
    .option('--seed <n>', 'the random seed (a failure prints the one to replay it)')
    .option('--path <path>', 'with --seed: replay exactly the shrunk case of a failure')
    .option('--runs <n>', 'how many random cases to try')
    .action(
      guarded((name: string | undefined, opts: { only?: string; seed?: string; path?: string; runs?: string }) => {
        const root = findWorkspace(process.cwd());
        const exercise = name === undefined ? currentExercise(root, exercises()) : exerciseNamed(name);
        if (exercise === null) return out('All exercises are done.\n');
        const options: CheckExerciseOptions = {
          only: opts.only,
          seed: integerOption(opts.seed, 'seed'),
          path: opts.path,
          numRuns: integerOption(opts.runs, 'runs'),
        };
        if (!checkAndRecord(root, exercise, options, out).passed) process.exitCode = 1;
      }),
    );
}

/** `pymemlab watch`: re-check on every save (watchCommand). */
export function defineWatch(command: Command): void {
  command.action(guarded(() => watchCommand(findWorkspace(process.cwd()))));
}

/** `pymemlab hint [EXERCISE]`: the next hint, one more each time it is asked for. */
export function defineHint(command: Command): void {
  command.argument('[exercise]', 'an exercise id or number (the current one by default)').action(
    guarded((name: string | undefined) => {
      const root = findWorkspace(process.cwd());
      const exercise = name === undefined ? currentExercise(root, exercises()) : exerciseNamed(name);
      out(exercise === null ? 'All exercises are done.\n' : hintText(root, exercise));
    }),
  );
}

/** `run --impl DIR FILE.py`, for bin/run-command.ts (errors as the other commands). */
export const runWithImplementation = guarded(runImplCommand);
