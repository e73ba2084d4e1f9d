// Exercise 1 with a realistic bug: decref frees only when the count goes below zero, so objects
// whose last reference goes stay alive (a leak), and a later decref frees them too late.
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
      if (add(op, -1) < 0) api.deallocate(op); // BUG: the object is freed only below zero, never at zero
    },
  };
};
