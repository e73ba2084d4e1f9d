import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

// Passes nothing here: decref loops forever once a count reaches zero.
export function makeRefCounting(rt: Runtime): RefCounting {
  return {
    incref(op: PyObject) {
      op.refcnt += 1;
    },
    decref(op: PyObject) {
      op.refcnt -= 1;
      while (op.refcnt === 0) rt.refcounting;
    },
  };
}
