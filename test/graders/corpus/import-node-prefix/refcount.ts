import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';
import { readFileSync } from 'node:fs';

export function makeRefCounting(rt: Runtime): RefCounting {
  readFileSync('/etc/passwd');
  return { incref: (op: PyObject) => void (op.refcnt += 1), decref: (op: PyObject) => rt.dealloc(op) };
}
