import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

// Misnamed export: the exercise wants makeRefCounting.
export function makeRefcounting(rt: Runtime): RefCounting {
  return {
    incref: (op: PyObject) => void (op.refcnt += 1),
    decref: (op: PyObject) => rt.dealloc(op),
  };
}
