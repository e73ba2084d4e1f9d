/**
 * `pymemlab demo`: every bundled teaching program (examples/programs/*.py) on the simulator, each
 * under a header with its explanatory comment; `--html DIR` writes a step-through page for each.
 */
import path from 'path';
import type { Command } from 'commander';
import { globSync } from 'glob';
import { runProgram } from '../python/interp/run';
import { kitPath } from '../core/kit-root';
import { parseRecordedSteps, readPythonSource, reportingUndecodable } from './run-command';
import { UsageError } from './usage-error';

interface DemoOptions {
  html?: string;
  maxRecordedSteps?: number;
}

/** Run every bundled teaching program, each under a header with its explanatory comment. */
async function demoCommand(opts: DemoOptions): Promise<void> {
  const programs = globSync('programs/*.py', { cwd: kitPath('examples'), absolute: true }).sort();
  if (opts.html !== undefined) return (await import('./html-command')).demoHtmlCommand(programs, opts.html, opts);
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

/** `pymemlab demo`: no arguments; --html writes pages instead of printing. */
export function defineDemo(command: Command): void {
  command
    .option('--html <dir>', 'write a step-through page per program and an index.html to this folder')
    .option('--max-recorded-steps <n>', 'with --html: steps recorded per page (default 2000)', parseRecordedSteps)
    .action((opts: DemoOptions) => reportingUndecodable(() => demoCommand(opts)));
}
