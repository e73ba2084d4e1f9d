// A correct submission of exercise 6, written apart from core/: the weakref pass gathers the
// callbacks to run with a filter over each referent's weakrefs.
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
        if (api.hasCallback(wr) && !api.isUnreachable(wr)) {
          api.scheduleCallback(wr);
          toCall.push(wr);
        }
      }
    }
    return toCall.filter((wr) => api.runCallback(wr)).length;
  },
});
