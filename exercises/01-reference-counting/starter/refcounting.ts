// Exercise 1: reference counting. Read README.md first; `pymemlab hint 01` when stuck.
import type { CreateRefCounting, ObjectId, RefCountApi } from 'pymemlab/exercises/01-reference-counting/api';

export const createRefCounting: CreateRefCounting = (api: RefCountApi) => ({
  /** Py_INCREF: one more reference to `op` exists. */
  incref(op: ObjectId): void {
    // TODO: count the new reference.
    void api;
    void op;
  },

  /** Py_DECREF: one reference to `op` is gone; at zero the object must be deallocated at once. */
  decref(op: ObjectId): void {
    // TODO: count the lost reference, and deallocate `op` when none is left.
    void op;
  },
});
