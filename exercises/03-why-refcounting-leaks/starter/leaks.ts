// Exercise 3: why reference counting leaks. Read README.md first; `pymemlab hint 03` when stuck.
import type { FindLeaks, Heap, Leak } from 'pymemlab/exercises/03-why-refcounting-leaks/api';

export const findLeaks: FindLeaks = (heap: Heap): Leak[] => {
  // TODO: find the objects no root reaches, and for each a cycle that keeps it alive.
  void heap;
  return [];
};
