/**
 * `pymemlab run FILE.py`: a Python program on the simulator, printing what python3 prints. The
 * step-through page (`--html`, viz/) and a student's components (`--impl`, exercises/) are loaded
 * only when asked for. bin/demo-command.ts runs its programs the same way.
 */
import path from 'path';
import { type Command, InvalidArgumentError } from 'commander';
import { runProgram } from '../python/interp/run';
import { decodeSource, SourceEncodingError } from '../python/lang/source-encoding';
import { orWithLargerStack } from './larger-stack';
import { readUserFile, UsageError } from './usage-error';

interface RunOptions {
  trace?: boolean;
  maxSteps?: string;
  mallocStats?: boolean;
  arenaPicture?: boolean;
  html?: string;
  maxRecordedSteps?: number;
  impl?: string;
}

/** commander parser for --max-recorded-steps. */
export function parseRecordedSteps(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000)
    throw new InvalidArgumentError('expected a whole number from 1 to 1000000.');
  return n;
}

/**
 * A Python source file decoded as CPython decodes it (an undecodable one throws SourceEncodingError),
 * named as CPython 3.11 names the script in its messages: by its absolute path.
 */
export function readPythonSource(file: string): { source: string; script: string } {
  const script = path.resolve(file);
  return { source: decodeSource(readUserFile(file), script), script };
}

/** What CPython prints for a source file it cannot decode: its line alone, exit status 1. */
export async function reportingUndecodable(action: () => void | Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (!(error instanceof SourceEncodingError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
}

/** Run a Python program on the simulator (or on a student's components); its exit status is the program's. */
async function runCommand(file: string, opts: RunOptions): Promise<void> {
  if (opts.impl !== undefined)
    return (await import('./exercise-commands')).runWithImplementation(opts.impl, file, opts);
  const maxSteps = opts.maxSteps === undefined ? undefined : Number(opts.maxSteps);
  if (maxSteps !== undefined && (!Number.isInteger(maxSteps) || maxSteps < 1)) {
    throw new UsageError(`run: --max-steps expects a whole number of at least 1, got "${opts.maxSteps}"`);
  }
  if (opts.html !== undefined)
    return (await import('./html-command')).runHtmlCommand(file, opts.html, { ...opts, maxSteps });
  const { source, script } = readPythonSource(file);
  const result = orWithLargerStack(
    runProgram(source, script, {
      scriptArg: file,
      maxSteps,
      mallocStats: opts.mallocStats === true,
      arenaPicture: opts.arenaPicture === true,
      trace: opts.trace ? (line) => process.stderr.write(line + '\n') : null,
    }),
  );
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}

/** `pymemlab run FILE.py`: the options that shape the run (--trace, --max-steps) or add an output. */
export function defineRun(command: Command): void {
  command
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
    .action((file: string, opts: RunOptions) => reportingUndecodable(() => runCommand(file, opts)));
}
