import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

// Leaves work behind after answering: timers (if it can reach any) and a microtask that spins forever
// once the current request is answered, so the next request finds the process busy.
function spinLater(): void {
  const g = globalThis as Record<string, unknown>;
  const later = g['setTimeout'] as ((f: () => void, ms: number) => void) | undefined;
  later?.(() => {
    for (;;) {
      // spins between requests
    }
  }, 0);
  void Promise.resolve().then(() => {
    for (;;) {
      // spins between requests
    }
  });
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
