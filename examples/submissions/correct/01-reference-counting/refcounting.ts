// A correct submission of exercise 1, written apart from core/: the count is read once and the
// zero test is on the value written, not re-read.
import type { CreateRefCounting } from 'pymemlab/exercises/01-reference-counting/api';

export const createRefCounting: CreateRefCounting = (api) => {
  const add = (op: number, delta: number): number => {
    const next = api.refcount(op) + delta;
    api.setRefcount(op, next);
    return next;
  };
  return {
    incref: (op) => void add(op, +1),
    decref: (op) => {
      if (add(op, -1) === 0) api.deallocate(op);
    },
  };
};
