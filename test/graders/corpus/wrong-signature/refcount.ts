import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

// Wrong shape: the methods are named inc/dec instead of incref/decref.
export function makeRefCounting(rt: Runtime) {
  return {
    inc(op: PyObject) {
      op.refcnt += 1;
    },
    dec(op: PyObject) {
      op.refcnt -= 1;
      if (op.refcnt === 0) rt.dealloc(op);
    },
  };
}
