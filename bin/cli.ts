/**
 * The pymemlab command line. Every command is declared here; each one's work lives in its own
 * module. Errors in the user's input end with a one-line message and a non-zero exit, never a
 * JavaScript stack trace.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { Command } from 'commander';
import { globSync } from 'glob';
import { parseScenario, ScenarioError } from '../core/model/heap/scenario';
import { runScenario } from './scenario-runner';
import { runProgram } from '../python/interp/run';
import { decodeSource, SourceEncodingError } from '../python/lang/source-encoding';
import { registerFidelityCommand } from './fidelity-command';
import { demoHtmlCommand, parseRecordedSteps, runHtmlCommand } from './html-command';
import { registerGradeCommands } from './grade-command';
import { registerExerciseCommands, runWithImplementation } from './exercise-commands';
import { kitPath } from '../core/kit-root';

/** An error the user can fix: printed as is, exit status `code`. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly code = 2,
  ) {
    super(message);
  }
}

const EXAMPLES = kitPath('examples');

function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new UsageError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

function readText(file: string): string {
  return readBytes(file).toString('utf8');
}

/**
 * A Python source file decoded as CPython decodes it (an undecodable one throws SourceEncodingError),
 * named as CPython 3.11 names the script in its messages: by its absolute path.
 */
function readPythonSource(file: string): { source: string; script: string } {
  const script = path.resolve(file);
  return { source: decodeSource(readBytes(file), script), script };
}

/** Run scenario files; the exit status is 1 if any invariant was violated. */
function scenarioCommand(files: string[], opts: { quiet?: boolean }): void {
  if (files.length === 0) throw new UsageError('scenario: name at least one scenario file (.json)');
  let failures = 0;
  for (const file of files) {
    const scenario = parseScenario(readText(file), file);
    const result = runScenario(scenario, (line) => {
      if (!opts.quiet) process.stdout.write(line + '\n');
    });
    if (result.violations > 0) failures++;
  }
  if (failures > 0) throw new UsageError(`${failures} scenario(s) broke a heap invariant`, 1);
}

/** Run every bundled teaching program, each under a header with its explanatory comment. */
function demoCommand(opts: { html?: string; maxRecordedSteps?: number }): void {
  const programs = globSync('programs/*.py', { cwd: EXAMPLES, absolute: true }).sort();
  if (opts.html !== undefined) return demoHtmlCommand(programs, opts.html, opts);
  let failed = 0;
  for (const file of programs) {
    const { source } = readPythonSource(file);
    const comment = source
      .split('\n')
      .filter((l) => l.startsWith('#'))
      .map((l) => l.slice(1).trim());
    process.stdout.write(`\n=== ${path.basename(file)}: ${comment[0] ?? ''}\n`);
    for (const line of comment.slice(1)) process.stdout.write(`    ${line}\n`);
    const result = runProgram(source, file);
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    if (result.exitCode !== 0) failed++;
  }
  if (failed > 0) throw new UsageError(`${failed} example program(s) failed`, 1);
}

interface RunCommandOptions {
  trace?: boolean;
  maxSteps?: string;
  mallocStats?: boolean;
  arenaPicture?: boolean;
  html?: string;
  maxRecordedSteps?: number;
}

/** Run a Python program on the simulator; its exit status is the program's. */
function runCommand(file: string, opts: RunCommandOptions): void {
  const maxSteps = opts.maxSteps === undefined ? undefined : Number(opts.maxSteps);
  if (maxSteps !== undefined && (!Number.isInteger(maxSteps) || maxSteps < 1)) {
    throw new UsageError(`run: --max-steps expects a whole number of at least 1, got "${opts.maxSteps}"`);
  }
  if (opts.html !== undefined) return runHtmlCommand(file, opts.html, { ...opts, maxSteps });
  const { source, script } = readPythonSource(file);
  const result = runProgram(source, script, {
    maxSteps,
    mallocStats: opts.mallocStats === true,
    arenaPicture: opts.arenaPicture === true,
    trace: opts.trace ? (line) => process.stderr.write(line + '\n') : null,
  });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}

export function main(argv: string[]): void {
  // A closed pipe (`pymemlab demo | head`) ends the output quietly, as a Unix tool should.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const program = new Command('pymemlab')
    .description(
      'Teach and grade how CPython 3.11 manages memory: a faithful simulator of its refcounting, cycle collector and pymalloc',
    )
    .showHelpAfterError();
  program
    .command('demo')
    .description('run the bundled teaching programs (examples/programs/*.py) on the simulator')
    .option('--html <dir>', 'write a step-through page per program and an index.html to this folder')
    .option('--max-recorded-steps <n>', 'with --html: steps recorded per page (default 2000)', parseRecordedSteps)
    .action((opts: { html?: string; maxRecordedSteps?: number }) => demoCommand(opts));
  program
    .command('run')
    .description(
      'run a Python program (the subset in docs/language.md) on the simulator; stdout is what python3 prints',
    )
    .argument('<file>', 'a .py file')
    .option(
      '--trace',
      'after each line, show live objects, refcounts, referrers, generations and gc counts (on stderr)',
    )
    .option('--max-steps <n>', 'stop the program after this many steps (default 10,000,000)')
    .option('--malloc-stats', 'print sys._debugmallocstats() to stderr at exit')
    .option('--arena-picture', 'draw pymalloc arena and pool occupancy on stderr at exit')
    .option('--html <out.html>', 'write a step-through page of the program (frames, heap, collector, pymalloc)')
    .option(
      '--max-recorded-steps <n>',
      'with --html: stop recording after this many steps (default 2000)',
      parseRecordedSteps,
    )
    .option('--impl <dir>', "run on your own components: a workspace's exercises (refcounting, collector stages)")
    .action((file: string, opts: RunCommandOptions & { impl?: string }) =>
      opts.impl === undefined ? runCommand(file, opts) : runWithImplementation(opts.impl, file, opts),
    );
  registerFidelityCommand(program);
  registerGradeCommands(program);
  registerExerciseCommands(program);
  program
    .command('scenario')
    .description('run heap-operation scenario files, showing refcounts, generations and collections after each step')
    .argument('<files...>', 'scenario files (JSON)')
    .option('-q, --quiet', 'print nothing but failures')
    .action((files: string[], opts: { quiet?: boolean }) => scenarioCommand(files, opts));
  try {
    program.parse(argv);
  } catch (error) {
    // What CPython prints for a source file it cannot decode: its line alone, exit status 1.
    if (error instanceof SourceEncodingError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    if (error instanceof UsageError || error instanceof ScenarioError) {
      process.stderr.write(`pymemlab: ${error.message}\n`);
      process.exitCode = error instanceof UsageError ? error.code : 2;
      return;
    }
    process.stderr.write(
      `pymemlab: internal error: ${error instanceof Error ? error.message : String(error)}\nPlease report this as a bug.\n`,
    );
    process.exitCode = 70;
  }
}
