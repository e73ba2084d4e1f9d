// Loops for ever the first time an object's count reaches zero.
import type { CreateRefCounting } from 'pymemlab/exercises/01-reference-counting/api';

export const createRefCounting: CreateRefCounting = (api) => ({
  incref: (op) => api.setRefcount(op, api.refcount(op) + 1),
  decref: (op) => {
    const n = api.refcount(op) - 1;
    api.setRefcount(op, n);
    while (n === 0) {
      // waiting for the object to free itself
    }
  },
});
