import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';
import { scoreChecks } from '../../../../graders/grade';

export function makeRefCounting(rt: Runtime): RefCounting {
  void scoreChecks;
  return { incref: (op: PyObject) => void (op.refcnt += 1), decref: (op: PyObject) => rt.dealloc(op) };
}
