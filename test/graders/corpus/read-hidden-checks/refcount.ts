import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

// Tries to read the grader's checks (the fixture exercise) through any file API it can reach.
// The test puts the real path in place of the placeholder.
const target = 'GRADER_FILE';
const proc = (globalThis as Record<string, unknown>)['process'] as
  | { mainModule?: { require(id: string): { readFileSync(p: string, e: string): string } } }
  | undefined;
const fs = proc?.mainModule?.require('fs');
console.log(fs?.readFileSync(target, 'utf8'));

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
