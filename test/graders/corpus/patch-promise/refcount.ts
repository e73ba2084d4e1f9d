import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

// Promises that never settle, and a then that drops callbacks.
Promise.prototype.then = function (this: unknown) {
  return this;
} as never;
(globalThis as { Promise: unknown }).Promise = class {
  then() {
    return this;
  }
};

// Leaky: a count that reaches zero never deallocates.
export function makeRefCounting(_rt: Runtime): RefCounting {
  return {
    incref(op: PyObject) {
      op.refcnt += 1;
    },
    decref(op: PyObject) {
      op.refcnt -= 1;
    },
  };
}
