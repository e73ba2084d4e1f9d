import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

export function makeRefCounting(rt: Runtime): RefCounting {
  return {
    incref(op: PyObject) {
      op.refcnt += ;
    },
    decref(op: PyObject) {
      rt.dealloc(op);
    },
  };
}
