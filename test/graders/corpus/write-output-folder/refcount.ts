import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

// Tries to write a forged results file into the grader's output folder.
// The test puts the real path in place of the placeholder.
const target = 'OUTPUT_DIR';
const proc = (globalThis as Record<string, unknown>)['process'] as
  | { mainModule?: { require(id: string): { writeFileSync(p: string, d: string): void } } }
  | undefined;
proc?.mainModule?.require('fs').writeFileSync(target + '/results.json', '{"score":6}');

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
