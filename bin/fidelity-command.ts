/**
 * `pymemlab fidelity`: runs random programs of the subset on CPython and on the simulator and
 * compares standard output and exit status; the first disagreement is shrunk to a minimal
 * program. Exit status 0 when all agree, 1 on a disagreement, 2 on bad arguments or when
 * python3 or the simulator cannot be run.
 */
import type { Command, CommanderError } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { FidelityReport, ProgressEvent, Simulator } from '../fidelity/compare';
import { findPython, PythonNotFoundError } from '../fidelity/cpython';
import { diffLines } from '../fidelity/diff';
import { runProgram } from '../python/interp/run';
import { ensureLargerStack } from './larger-stack';

export interface FidelityCliOptions {
  python: string;
  programs: number;
  seed?: number;
  json?: boolean;
}

/** Trouble the user can fix (exit status 2). */
class FidelityUsageError extends Error {}

function positiveInt(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 1_000_000) {
    throw new InvalidArgumentError('expected a whole number from 1 to 1000000.');
  }
  return Number(value);
}

function seedArg(value: string): number {
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value)))
    throw new InvalidArgumentError('expected a whole number.');
  return Number(value) | 0;
}

/** The simulator side of the comparison: python/interp's runProgram. */
export function loadSimulator(): Simulator {
  return runProgram;
}

/** `pymemlab fidelity`: its options; bad arguments exit 2, as the command promises. */
export function defineFidelity(command: Command): void {
  command
    .option('--python <command>', 'the CPython 3.11 interpreter to compare with', 'python3')
    .option('--programs <n>', 'how many random programs', positiveInt, 200)
    .option('--seed <s>', 'random seed (default: a new one, printed, to repeat the run)', seedArg)
    .option('--json', 'print the report as JSON')
    .exitOverride((err: CommanderError) => {
      // commander has printed its message; bad arguments are exit status 2, --help is 0
      process.exit(err.exitCode === 0 ? 0 : 2);
    })
    .action((opts: FidelityCliOptions) => fidelityCommand(opts));
}

/** Where the command writes, and the simulator (injectable for tests). */
export interface FidelityCommandDeps {
  readonly write?: (text: string) => void;
  readonly simulator?: Simulator;
}

export async function fidelityCommand(opts: FidelityCliOptions, deps: FidelityCommandDeps = {}): Promise<void> {
  const write = deps.write ?? ((t: string) => process.stdout.write(t));
  // generated programs recurse to CPython's limit of 1000 frames (fidelity/recursion.ts)
  if (deps.simulator === undefined) ensureLargerStack();
  const seed = opts.seed ?? (Date.now() ^ (process.pid << 16)) | 0;
  const progress = !opts.json && process.stderr.isTTY ? progressLine() : undefined;
  try {
    const python = findPython(opts.python);
    const simulator = deps.simulator ?? loadSimulator();
    // Loaded on use: building the program generators costs more than every other command's start-up.
    const { runFidelity } = await import('../fidelity/compare');
    const report = await runFidelity({
      programs: opts.programs,
      seed,
      python,
      simulator,
      onProgress: progress?.update,
    });
    progress?.clear();
    write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : summary(report));
    process.exitCode = report.disagreed > 0 ? 1 : 0;
  } catch (e) {
    progress?.clear();
    if (e instanceof PythonNotFoundError || e instanceof FidelityUsageError) {
      process.stderr.write(`pymemlab: fidelity: ${e.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(
      `pymemlab: internal error: ${e instanceof Error ? e.message : String(e)}\nPlease report this as a bug.\n`,
    );
    process.exitCode = 70;
  }
}

function progressLine(): { update: (e: ProgressEvent) => void; clear: () => void } {
  let shown = false;
  return {
    update: (e) => {
      const text =
        e.phase === 'shrink'
          ? `shrinking: ${e.runs} CPython runs, ${e.statements} statements`
          : `${e.phase}: ${e.done}/${e.total}`;
      process.stderr.write(`\r\x1b[K${text}`);
      shown = true;
    },
    clear: () => {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}

const indent = (text: string, by = '    '): string =>
  text
    .split('\n')
    .map((l) => (l === '' ? l : by + l))
    .join('\n');

/** The human report. */
export function summary(r: FidelityReport): string {
  const lines: string[] = [];
  lines.push(
    `pymemlab fidelity: ${r.programs} random programs, seed ${r.seed}, CPython ${r.python.version} (${r.cpython_programs_per_second} programs/s)`,
  );
  lines.push(
    `  agreed ${r.agreed}, disagreed ${r.disagreed}${r.skipped ? `, skipped ${r.skipped} (CPython timed out)` : ''}`,
  );
  if (!r.minimal || !r.original) {
    lines.push(
      r.disagreed === 0
        ? 'The simulator printed exactly what CPython printed, and exited the same way, every time.'
        : '',
    );
    return `${lines.join('\n')}\n`;
  }
  const m = r.minimal;
  lines.push(
    `  disagreeing programs: ${r.disagreeing.slice(0, 20).join(', ')}${r.disagreeing.length > 20 ? ', ...' : ''}`,
  );
  lines.push('');
  lines.push(
    `First disagreement: program ${r.original.index}, shrunk in ${r.shrinkRuns} CPython runs to ${m.statements} statement${m.statements === 1 ? '' : 's'}:`,
  );
  lines.push('');
  lines.push(indent(m.source.replace(/\n$/, '')));
  lines.push('');
  if (m.simulator.error) lines.push(`The simulator failed: ${m.simulator.error}`);
  if (m.cpython.exitCode !== m.simulator.exitCode)
    lines.push(`Exit status: CPython ${m.cpython.exitCode}, simulator ${m.simulator.exitCode ?? '(none)'}`);
  if (m.firstDifferentLine) {
    const d = m.firstDifferentLine;
    lines.push(`Standard output differs from line ${d.line}:`);
    lines.push('    --- CPython');
    lines.push('    +++ simulator');
    for (const l of diffLines(m.cpython.stdout, m.simulator.stdout)) lines.push(`    ${l.op}${l.text}`);
  } else {
    lines.push('Standard output is the same.');
  }
  if (!m.cpythonDeterministic)
    lines.push(
      'Warning: CPython printed something else when this program ran again; the generator let in a nondeterministic program.',
    );
  lines.push('');
  lines.push(`Repeat with: pymemlab fidelity --seed ${r.seed} --programs ${r.programs}`);
  return `${lines.join('\n')}\n`;
}
