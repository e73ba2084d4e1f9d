import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

// Floods stdout and stderr.
const line = 'spam '.repeat(1000);
for (let i = 0; i < 1_000_000; i++) {
  console.log(line);
  console.error(line);
}

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
