import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

export function makeRefCounting(_rt: Runtime): RefCounting {
  const hoard: number[][] = [];
  for (;;) hoard.push(new Array(1_000_000).fill(7));
}
