/**
 * The sandboxed side of grading. Runs in a child process started by pool.ts with a heap limit,
 * Node's permission model (reads of this script's folder only; no writes, child processes or
 * workers), an empty environment and, when the grader is root, an unprivileged uid of its own.
 * Before any submission code runs, harden.ts freezes the realm's intrinsics and strips the globals
 * that carry powers (process, fetch, WebAssembly).
 *
 * It receives a submission bundle as text, evaluates it, then answers observe requests: the
 * exercise's observer runs the operations on the student's components and returns observations.
 * It computes no verdict; the grader validates every reply and judges it.
 */
import { BUNDLE_GLOBAL, type FromChild, type ToChild } from './protocol';
import { evaluateBundle, hardenRealm } from './harden';

type Bundle = { student: Record<string, unknown>; observe: (student: unknown, check: string, ops: unknown) => unknown };

const host = hardenRealm();
let bundle: Bundle | null = null;

function reply(message: FromChild): void {
  try {
    host.send(message);
  } catch (error) {
    // An observation that cannot be cloned (a function, a symbol, a proxy) is the submission's error.
    const id = message.type === 'observation' ? message.id : null;
    host.send({ type: 'error', id, message: `reply cannot be sent: ${describeError(error)}` });
  }
}

/**
 * A thrown value as text, whatever it is: the submission may throw null, a Proxy whose every trap
 * throws, or an Error whose getters throw, and describing it must not throw in turn.
 */
function describeError(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : `thrown value: ${String(error)}`;
  } catch {
    return 'thrown value that cannot be described (its own methods throw)';
  }
}

host.onMessage((message: ToChild) => {
  if (message.type === 'load') {
    try {
      bundle = evaluateBundle(message.code, BUNDLE_GLOBAL) as Bundle;
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
    // JSON text, made here with the frozen JSON: the grader parses it itself (validate.ts).
    const value = bundle.observe(bundle.student, message.check, message.operations);
    reply({ type: 'observation', id: message.id, json: JSON.stringify(value) ?? 'null' });
  } catch (error) {
    reply({ type: 'error', id: message.id, message: describeError(error) });
  }
});
host.onDisconnect(() => host.exit(0));
