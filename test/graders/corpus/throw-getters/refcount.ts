import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

// Throws an Error whose message and name getters throw.
function booby(): Error {
  const error = new Error();
  Object.defineProperty(error, 'message', { get: () => booby() });
  Object.defineProperty(error, 'name', { get: () => booby() });
  return error;
}

export function makeRefCounting(_rt: Runtime): RefCounting {
  return {
    incref(op: PyObject) {
      op.refcnt += 1;
    },
    decref(_op: PyObject) {
      throw booby();
    },
  };
}
