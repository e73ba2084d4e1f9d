// Exercise 6 with a realistic bug: the callback of a weakref that is itself garbage runs, and sees
// (through its argument) a weakref in a cycle that is being torn down.
import type { CreateFinalization, ObjectId } from 'pymemlab/exercises/06-finalizers-and-weakrefs/api';

export const createFinalization: CreateFinalization = (api) => ({
  finalizeGarbage() {
    for (let op = api.takeNext(); op !== null; op = api.takeNext()) {
      if (!api.hasFinalizer(op) || api.isFinalized(op)) continue;
      api.markFinalized(op);
      api.incref(op);
      api.callFinalizer(op);
      api.decref(op);
    }
    api.putSeenBack();
  },

  handleWeakrefs() {
    const toCall: ObjectId[] = [];
    for (const op of api.unreachable()) {
      if (api.isWeakref(op)) api.clearWeakref(op);
      for (const wr of api.weakrefsTo(op)) {
        api.clearWeakref(wr);
        if (api.hasCallback(wr)) {
          // BUG: also runs the callback of a weakref that is garbage itself
          api.scheduleCallback(wr);
          toCall.push(wr);
        }
      }
    }
    return toCall.filter((wr) => api.runCallback(wr)).length;
  },
});
