import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

// Correct for the first 10 runs (the visible check runs first; the corpus test grades with 10 runs per
// check), leaky afterwards (the hidden check).
let made = 0;

export function makeRefCounting(rt: Runtime): RefCounting {
  made += 1;
  const honest = made <= 10;
  return {
    incref(op: PyObject) {
      op.refcnt += 1;
    },
    decref(op: PyObject) {
      op.refcnt -= 1;
      if (op.refcnt === 0 && honest) rt.dealloc(op);
    },
  };
}
