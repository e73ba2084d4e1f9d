import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';
import * as mod from 'worker_threads';

export function makeRefCounting(rt: Runtime): RefCounting {
  void mod;
  return { incref: (op: PyObject) => void (op.refcnt += 1), decref: (op: PyObject) => rt.dealloc(op) };
}
