// A correct submission of exercise 2, written apart from core/: the trashcan is a small object with
// enter/leave, and the release order is chosen by kind.
import type { CreateDeallocator, DeallocApi, ObjectId } from 'pymemlab/exercises/02-deallocation/api';

const UNWIND_LEVEL = 50;

/** References in the order the container's tp_dealloc releases them. */
function releaseOrder(api: DeallocApi, op: ObjectId): ObjectId[] {
  const items = api.items(op);
  return api.kind(op) === 'dict' ? items : items.reverse();
}

export const createDeallocator: CreateDeallocator = (api) => {
  let depth = 0;
  const deferred: ObjectId[] = [];

  const destroy = (op: ObjectId): void => {
    for (const item of releaseOrder(api, op)) api.decref(item);
    api.freeShell(op);
  };

  const drain = (): void => {
    depth++;
    while (deferred.length > 0) destroy(deferred.pop()!);
    depth--;
  };

  return {
    dealloc(op) {
      api.untrack(op);
      if (depth >= UNWIND_LEVEL) {
        deferred.push(op);
        return;
      }
      depth++;
      destroy(op);
      depth--;
      if (depth === 0 && deferred.length > 0) drain();
    },
  };
};
