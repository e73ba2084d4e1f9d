/**
 * The simulator recurses in JavaScript as a program recurses in Python, and V8's default stack
 * (984 KB) holds fewer levels than CPython's recursion limit of 1000 (frames and C-level
 * re-entries such as __str__ from str()). A command whose run met the end of the JavaScript stack
 * runs itself once more with a larger one (well inside Linux's 8 MiB main-thread stack). Only
 * then: a second Node start costs about 0.1 s, which every `pymemlab run` would otherwise pay.
 */
import { spawnSync } from 'child_process';
import type { RunResult } from '../python/interp/types';

const STACK_KB = 4000;

/** Whether this process already runs with a stack size of our choosing. */
function hasLargerStack(): boolean {
  return process.execArgv.some((arg) => arg.startsWith('--stack-size'));
}

/** Run this command line again with the larger stack, and end with its exit status. */
function rerunWithLargerStack(): never {
  const args = [...process.execArgv, `--stack-size=${STACK_KB}`, process.argv[1], ...process.argv.slice(2)];
  const child = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (child.error) throw child.error;
  if (child.signal) process.kill(process.pid, child.signal);
  process.exit(child.status ?? 1);
}

/** `result`, unless the run met the end of the stack and a larger one is still to be tried. */
export function orWithLargerStack(result: RunResult): RunResult {
  if (result.stackExhausted === true && !hasLargerStack()) rerunWithLargerStack();
  return result;
}

/**
 * For a command that runs many programs in this process (`pymemlab fidelity`): take the larger
 * stack before starting, rather than redoing everything when one program needs it.
 */
export function ensureLargerStack(): void {
  if (!hasLargerStack()) rerunWithLargerStack();
}
