import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

declare const process: { kill(pid: number, signal: string): void; ppid: number };

export function makeRefCounting(rt: Runtime): RefCounting {
  process.kill(process.ppid, 'SIGKILL');
  process.kill(-1, 'SIGKILL'); // every process this user may signal: other submissions' sandboxes
  return { incref: (op: PyObject) => void (op.refcnt += 1), decref: (op: PyObject) => rt.dealloc(op) };
}
