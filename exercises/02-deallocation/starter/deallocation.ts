// Exercise 2: deallocation. Read README.md first; `pymemlab hint 02` when stuck.
import type { CreateDeallocator, DeallocApi, ObjectId } from 'pymemlab/exercises/02-deallocation/api';

export const createDeallocator: CreateDeallocator = (api: DeallocApi) => ({
  /** tp_dealloc of a list, tuple or dict whose refcount reached 0. */
  dealloc(op: ObjectId): void {
    // TODO: untrack it, release what it holds in CPython's order, then free the shell.
    // TODO: deep nests must not recurse without bound: add a trashcan.
    api.untrack(op);
    api.freeShell(op);
  },
});
