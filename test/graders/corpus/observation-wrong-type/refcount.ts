import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

// Stores a string where the observation expects a number.
export function makeRefCounting(_rt: Runtime): RefCounting {
  return {
    incref(op: PyObject) {
      (op as { refcnt: unknown }).refcnt = String(op.refcnt + 1);
    },
    decref(op: PyObject) {
      op.refcnt -= 1;
    },
  };
}
