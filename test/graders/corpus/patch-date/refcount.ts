import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

Date.now = () => 0;
(globalThis as { Date: unknown }).Date = class {
  getTime() {
    return 0;
  }
};

// Leaky: a count that reaches zero never deallocates.
export function makeRefCounting(_rt: Runtime): RefCounting {
  return {
    incref(op: PyObject) {
      op.refcnt += 1;
    },
    decref(op: PyObject) {
      op.refcnt -= 1;
    },
  };
}
