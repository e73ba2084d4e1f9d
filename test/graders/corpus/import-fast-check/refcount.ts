import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';
import fc from 'fast-check';

// Tries to make every property pass by configuring fast-check.
fc.configureGlobal({ numRuns: 0 });

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
