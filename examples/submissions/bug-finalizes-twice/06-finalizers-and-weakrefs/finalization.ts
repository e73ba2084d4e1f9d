// Exercise 6 with a realistic bug: finalizing twice: the FINALIZED flag is never looked at, so an
// object resurrected by its __del__ and collected again runs __del__ a second time.
import type { CreateFinalization, ObjectId } from 'pymemlab/exercises/06-finalizers-and-weakrefs/api';

export const createFinalization: CreateFinalization = (api) => ({
  finalizeGarbage() {
    for (let op = api.takeNext(); op !== null; op = api.takeNext()) {
      if (!api.hasFinalizer(op)) continue; // BUG: no FINALIZED test, so a resurrected object is finalized again
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
        if (api.hasCallback(wr) && !api.isUnreachable(wr)) {
          api.scheduleCallback(wr);
          toCall.push(wr);
        }
      }
    }
    return toCall.filter((wr) => api.runCallback(wr)).length;
  },
});
