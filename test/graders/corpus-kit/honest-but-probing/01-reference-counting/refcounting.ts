// A correct implementation that also pokes at the sandbox (in try/catch): graded on what it does,
// it keeps full marks.
import type { CreateRefCounting } from 'pymemlab/exercises/01-reference-counting/api';

for (const probe of [
  () => (globalThis as unknown as { process: { env: object } }).process.env,
  () => (0, eval)('this.require'),
  () => Object.defineProperty(Array.prototype, 'push', { value: () => 0 }),
]) {
  try {
    probe();
  } catch {
    // refused, as expected
  }
}

export const createRefCounting: CreateRefCounting = (api) => ({
  incref: (op) => api.setRefcount(op, api.refcount(op) + 1),
  decref: (op) => {
    const n = api.refcount(op) - 1;
    api.setRefcount(op, n);
    if (n === 0) api.deallocate(op);
  },
});
