import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

// Injection in everything a submission controls: its printed output and its error messages (its
// folder name is made by hostile-escaping.test.ts). Leaky, so that reports also show a heap.
const INJECTION =
  '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> ' +
  '| ** [click](javascript:window.__pwned=3) ``` "]; click o1 call alert(1) ' +
  "=cmd|' /C calc'!A0 +SUM(1) @x -2";
console.log(INJECTION);

export function makeRefCounting(_rt: Runtime): RefCounting {
  return {
    incref(op: PyObject) {
      op.refcnt += 1;
    },
    decref(op: PyObject) {
      op.refcnt -= 1;
      if (op.refcnt < 0) throw new Error(INJECTION);
    },
  };
}
