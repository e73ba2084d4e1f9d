/**
 * `pymemlab scenario FILE.json...`: heap-operation scenarios on the reference core, narrated step
 * by step (bin/scenario-runner.ts). Exit status 1 if any broke a heap invariant, 2 for a file that
 * cannot be read or parsed (its name, line and what was expected).
 */
import type { Command } from 'commander';
import { parseScenario, ScenarioError } from '../core/model/heap/scenario';
import { runScenario } from './scenario-runner';
import { readUserFile, UsageError } from './usage-error';

/** Run scenario files; the exit status is 1 if any invariant was violated. */
function scenarioCommand(files: string[], opts: { quiet?: boolean }): void {
  if (files.length === 0) throw new UsageError('scenario: name at least one scenario file (.json)');
  let failures = 0;
  for (const file of files) {
    let scenario;
    try {
      scenario = parseScenario(readUserFile(file).toString('utf8'), file);
    } catch (error) {
      if (error instanceof ScenarioError) throw new UsageError(error.message);
      throw error;
    }
    const result = runScenario(scenario, (line) => {
      if (!opts.quiet) process.stdout.write(line + '\n');
    });
    if (result.violations > 0) failures++;
  }
  if (failures > 0) throw new UsageError(`${failures} scenario(s) broke a heap invariant`, 1);
}

/** `pymemlab scenario FILES...`: -q prints only failures. */
export function defineScenario(command: Command): void {
  command
    .argument('<files...>', 'scenario files (JSON)')
    .option('-q, --quiet', 'print nothing but failures')
    .action((files: string[], opts: { quiet?: boolean }) => scenarioCommand(files, opts));
}
