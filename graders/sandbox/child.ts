/**
 * The sandboxed side of grading. Runs in a child process started by pool.ts with a heap limit,
 * Node's permission model (reads of this script's folder only; no writes, child processes or
 * workers), an empty environment and, when the grader is root, an unprivileged uid.
 *
 * It receives a submission bundle as text, evaluates it, then answers observe requests: the
 * exercise's observer runs the operations on the student's components and returns observations.
 * It computes no verdict; the grader validates every reply and judges it.
 */
import { BUNDLE_GLOBAL, type FromChild, type ToChild } from './protocol';

type Bundle = { student: Record<string, unknown>; observe: (student: unknown, check: string, ops: unknown) => unknown };

let bundle: Bundle | null = null;

function reply(message: FromChild): void {
  process.send!(message);
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : `thrown value: ${String(error)}`;
}

/** Evaluate the bundle text: the script assigns BUNDLE_GLOBAL, which we return. */
function load(code: string): Bundle {
  return new Function(`${code}\nreturn ${BUNDLE_GLOBAL};`)() as Bundle;
}

process.on('message', (message: ToChild) => {
  if (message.type === 'load') {
    try {
      bundle = load(message.code);
      reply({ type: 'loaded' });
    } catch (error) {
      reply({ type: 'error', id: null, message: `loading the submission failed: ${describeError(error)}` });
    }
    return;
  }
  if (bundle === null) {
    reply({ type: 'error', id: message.id, message: 'no submission loaded' });
    return;
  }
  try {
    const value = bundle.observe(bundle.student, message.check, message.operations);
    reply({ type: 'observation', id: message.id, json: JSON.stringify(value) ?? 'null' });
  } catch (error) {
    reply({ type: 'error', id: message.id, message: describeError(error) });
  }
});
process.on('disconnect', () => process.exit(0));
