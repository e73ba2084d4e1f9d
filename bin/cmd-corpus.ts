/**
 * `pymemlab corpus [DIR]`: the corpus of real teaching programs (fidelity/corpus.ts), run on the
 * simulator and compared with CPython 3.11's recorded output. Prints a table (agree / differ with
 * the first differing line / refused with the construct and line / crashed / unstable), the share
 * that agrees and what stops the others, most common first. `--record` re-records CPython's runs,
 * `--update` rewrites the ratchet of agreeing programs. Exit status 1 when a program the ratchet
 * lists no longer agrees, the simulator crashed on a program known-crashes.json does not name (or
 * no longer crashes on one it names), 2 on a bad corpus folder or a missing python3.
 */
import path from 'path';
import type { Command } from 'commander';
import { kitPath } from '../core/kit-root';
import {
  AGREEING,
  CorpusError,
  KNOWN_CRASHES,
  crashesAgainst,
  loadAgreeing,
  loadKnownCrashes,
  recordCPython,
  regressions,
  runCorpus,
  writeAgreeing,
  type CorpusReport,
  type CorpusResult,
} from '../fidelity/corpus';
import { findPython, PythonNotFoundError } from '../fidelity/cpython';
import { runProgram } from '../python/interp/run';
import { orWithLargerStack } from './larger-stack';
import { UsageError } from './usage-error';

interface CorpusOptions {
  json?: boolean;
  record?: boolean;
  update?: boolean;
  python: string;
}

/** A cell of the table: one line, cut to a width a terminal shows. */
function cell(text: string | null, width = 70): string {
  const one = JSON.stringify(text ?? '(end of output)').slice(1, -1);
  return one.length > width ? `${one.slice(0, width - 1)}…` : one;
}

/** What happened to one program, in a few words. */
function outcome(r: CorpusResult): string {
  const v = r.verdict;
  switch (v.kind) {
    case 'agree':
      return 'agree';
    case 'refused':
      return `refused: line ${v.line}: ${v.construct}`;
    case 'crashed':
      return `CRASHED: ${cell(v.message, 120)}`;
    case 'unstable':
      return `unstable in CPython: ${cell(v.why)}`;
    case 'differ': {
      const where = v.line === null ? 'exit status' : `line ${v.line}`;
      const error = v.simulatorError ? ` (simulator: ${cell(v.simulatorError, 60)})` : '';
      return `differ at ${where}: expected "${cell(v.expected)}", got "${cell(v.got)}"${error}`;
    }
  }
}

/** A share as the report prints it, one decimal. */
const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

/** The human report: one row per program, the totals, then what stops programs, most common first. */
export function corpusTable(
  report: CorpusReport,
  regressed: readonly string[],
  crashes: { unexpected: string[]; stale: string[] },
): string {
  const width = Math.max(...report.results.map((r) => r.file.length));
  const lines = report.results.map(
    (r) => `${r.file.padEnd(width)}  ${outcome(r)}${r.beyondReach ? ' [beyond reach]' : ''}`,
  );
  const c = report.counts;
  const total = report.results.length;
  lines.push('');
  lines.push(
    `${total} programs (CPython ${report.python}): agree ${c.agree}, differ ${c.differ}, refused ${c.refused}, crashed ${c.crashed}, unstable ${c.unstable}`,
  );
  const beyond = report.results.filter((r) => r.beyondReach !== null).length;
  lines.push(
    `${percent(report.share)} agree (${c.agree} of ${total})${beyond ? `; ${beyond} of the ${total} are marked beyond any simulator's reach in the manifest` : ''}`,
  );
  if (report.refusals.length > 0) {
    lines.push('', 'Refused constructs (programs stopped by each):');
    for (const r of report.refusals) lines.push(`  ${String(r.programs).padStart(3)}  ${r.construct}`);
  }
  if (report.outside.length > 0) {
    lines.push('', 'Every construct outside the subset (programs using it, wherever they stop):');
    for (const o of report.outside) lines.push(`  ${String(o.programs).padStart(3)}  ${o.construct}`);
  }
  if (report.simulatorErrors.length > 0) {
    lines.push('', 'Errors the simulator raised where CPython did not (programs):');
    for (const e of report.simulatorErrors) lines.push(`  ${String(e.programs).padStart(3)}  ${cell(e.error, 110)}`);
  }
  if (regressed.length > 0)
    lines.push('', `No longer agreeing, though ${AGREEING} lists them: ${regressed.join(', ')}`);
  if (crashes.unexpected.length > 0)
    lines.push('', `The simulator crashed (a bug to report) on: ${crashes.unexpected.join(', ')}`);
  if (crashes.stale.length > 0)
    lines.push('', `No longer crashing, remove them from ${KNOWN_CRASHES}: ${crashes.stale.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** Where the command writes, and the simulator (injectable for tests). */
export interface CorpusCommandDeps {
  readonly write?: (text: string) => void;
  readonly simulator?: typeof runProgram;
}

/** `pymemlab corpus [DIR]`: runs (or records) the corpus and reports. */
export async function corpusCommand(
  dirArg: string | undefined,
  opts: CorpusOptions,
  deps: CorpusCommandDeps = {},
): Promise<void> {
  const write = deps.write ?? ((t: string) => process.stdout.write(t));
  const dir = dirArg === undefined ? kitPath('test', 'corpus', 'teaching') : path.resolve(dirArg);
  try {
    if (opts.record) {
      const python = findPython(opts.python);
      const recorded = recordCPython(dir, python, { onProgram: (f) => process.stderr.write(`recording ${f}\n`) });
      process.stderr.write(`recorded ${Object.keys(recorded.programs).length} programs on CPython ${python.version}\n`);
    }
    const report = await runCorpus(
      dir,
      deps.simulator ?? ((source, file, options) => orWithLargerStack(runProgram(source, file, options))),
    );
    const regressed = opts.update ? [] : regressions(report, loadAgreeing(dir));
    if (opts.update) writeAgreeing(dir, report);
    const crashes = crashesAgainst(report, loadKnownCrashes(dir));
    write(
      opts.json
        ? `${JSON.stringify({ ...report, regressed, crashes }, null, 2)}\n`
        : corpusTable(report, regressed, crashes),
    );
    process.exitCode = regressed.length > 0 || crashes.unexpected.length > 0 || crashes.stale.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof CorpusError || error instanceof PythonNotFoundError)
      throw new UsageError(`corpus: ${error.message}`);
    throw error;
  }
}

/** `pymemlab corpus [DIR]`: its arguments and options. */
export function defineCorpus(command: Command): void {
  command
    .argument('[dir]', 'a corpus folder (manifest.json, cpython-3.11.json, agree.json)', undefined)
    .option('--json', 'print the report as JSON')
    .option('--record', 'run every program twice on CPython first and rewrite cpython-3.11.json')
    .option('--update', 'rewrite agree.json with the programs that agree now (the ratchet)')
    .option('--python <command>', 'the CPython 3.11 interpreter to record with', 'python3')
    .action((dir: string | undefined, opts: CorpusOptions) => corpusCommand(dir, opts));
}
