import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

function down(n: number): number {
  return n === 0 ? 0 : 1 + down(n + 1);
}

export function makeRefCounting(_rt: Runtime): RefCounting {
  return {
    incref(op: PyObject) {
      op.refcnt += down(1);
    },
    decref(op: PyObject) {
      op.refcnt -= 1;
    },
  };
}
