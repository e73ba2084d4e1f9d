import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

// Makes the observation enormous: a 20 MB error message.
export function makeRefCounting(_rt: Runtime): RefCounting {
  return {
    incref(op: PyObject) {
      op.refcnt += 1;
    },
    decref(_op: PyObject) {
      throw new Error('x'.repeat(20_000_000));
    },
  };
}
