// Keeps a copy of everything it ever saw, doubling each time.
import type { CreateRefCounting } from 'pymemlab/exercises/01-reference-counting/api';

let hoard: number[][] = [[1]];
export const createRefCounting: CreateRefCounting = (api) => ({
  incref: (op) => {
    for (let i = 0; i < 64; i++) hoard = hoard.concat(hoard.map((row) => row.concat(row)));
    api.setRefcount(op, api.refcount(op) + 1);
  },
  decref: (op) => api.setRefcount(op, api.refcount(op) - 1),
});
