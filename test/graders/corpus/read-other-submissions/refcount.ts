import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

// Tries to read (and copy) another student's submission.
// The test puts the real path in place of the placeholder.
const target = 'OTHER_SUBMISSION';
const proc = (globalThis as Record<string, unknown>)['process'] as
  | { mainModule?: { require(id: string): { readFileSync(p: string, e: string): string } } }
  | undefined;
console.log(proc?.mainModule?.require('fs').readFileSync(target, 'utf8'));

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
