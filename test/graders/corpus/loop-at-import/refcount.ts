import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

for (;;) {
  // never finishes loading
}

export function makeRefCounting(rt: Runtime): RefCounting {
  return {
    incref(op: PyObject) {
      op.refcnt += 1;
    },
    decref(op: PyObject) {
      op.refcnt -= 1;
      if (op.refcnt === 0) rt.dealloc(op);
    },
  };
}
