import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

// A type error: refcnt is a number. (It would also misbehave at run time: "1" + 1 is "11".)
export function makeRefCounting(rt: Runtime): RefCounting {
  return {
    incref(op: PyObject) {
      const one: string = 1;
      op.refcnt += one;
    },
    decref(op: PyObject) {
      op.refcnt -= 1;
      if (op.refcnt === 0) rt.dealloc(op);
    },
  };
}
