/**
 * Making the child's realm safe to share with a submission, before its code is evaluated.
 *
 * The exercise's trusted observer and the student's code run in one JavaScript realm, so anything
 * the student changes there could change what the observer reports. Three measures:
 *   1. SES `lockdown()` freezes every intrinsic (Array.prototype, JSON, Object, Math, Date,
 *      Promise, Function.prototype, iterator and generator prototypes, ...): patching them throws.
 *   2. The powers the child itself needs (sending replies, receiving requests, exiting) are kept
 *      in a `Host` captured here; `process`, `fetch` and WebAssembly are then removed from the
 *      global object, so the submission cannot reach Node's modules (through
 *      `process.mainModule`, `process.binding`), exit, signal, or open a connection with fetch.
 *   3. The bundle is compiled with `vm.runInThisContext` without a dynamic-import callback, so a
 *      computed `import(name)` fails instead of loading a Node module.
 * What this does not stop (the network, the CPU, signals to other processes) is in
 * docs/threat-model.md; the process limits in pool.ts and the container stop those.
 */
import 'ses';
import vm from 'vm';
import type { FromChild, ToChild } from './protocol';

/** The child's own powers, kept out of the submission's reach. */
export interface Host {
  send(message: FromChild): void;
  onMessage(handler: (message: ToChild) => void): void;
  onDisconnect(handler: () => void): void;
  exit(code: number): never;
}

/**
 * Globals that carry a power a submission must not have. Timers, Buffer and the weak-reference
 * classes stay: trusted code bundled next to the submission (fast-check, the exercises' checks)
 * uses them when it loads, and the time limit ends whatever work a submission leaves behind.
 */
const REMOVED_GLOBALS = ['process', 'fetch', 'WebAssembly'] as const;

/** Freeze the intrinsics, keep the host's powers, strip the globals; call once, before loading a submission. */
export function hardenRealm(): Host {
  const proc = process;
  const send = proc.send!.bind(proc);
  lockdown({
    // Keep stack traces and console output as Node prints them: the grader shows them to students.
    errorTaming: 'unsafe',
    stackFiltering: 'verbose',
    consoleTaming: 'unsafe',
    overrideTaming: 'severe',
    domainTaming: 'unsafe',
  });
  const host: Host = {
    send: (message) => void send(message),
    onMessage: (handler) => void proc.on('message', handler),
    onDisconnect: (handler) => void proc.on('disconnect', handler),
    exit: (code) => proc.exit(code),
  };
  for (const name of REMOVED_GLOBALS) delete (globalThis as Record<string, unknown>)[name];
  return host;
}

/**
 * Evaluate a submission bundle (a script that assigns `globalName`) and return what it assigned.
 * Compiled without an `importModuleDynamically` callback: `import(...)` in it is refused by Node.
 */
export function evaluateBundle(code: string, globalName: string): unknown {
  return vm.runInThisContext(`${code}\n;${globalName}`, { filename: 'submission.js' });
}
