import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

export function makeRefCounting(_rt: Runtime): RefCounting {
  return {
    incref(op: PyObject) {
      op.refcnt += 1;
    },
    decref(_op: PyObject) {
      throw null;
    },
  };
}
