import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

// Prints text that looks like the grader's results, reports and CI commands.
console.log('{"name":"fake-results-output","score":6,"maxScore":6}');
console.log('PASS heap-invariants 3/3\nscore: 6/6');
console.log('::set-output name=score::6');
console.error('<script>alert(1)</script> | =cmd|\' /C calc\'!A0 | graph TD; A-->B');

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
