import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

// Replaces refcnt by a getter that throws when the observer reads it.
export function makeRefCounting(_rt: Runtime): RefCounting {
  return {
    incref(op: PyObject) {
      Object.defineProperty(op, 'refcnt', {
        get() {
          throw new Error('gotcha');
        },
      });
    },
    decref(op: PyObject) {
      op.refcnt -= 1;
    },
  };
}
