// Exercise 6: finalizers and weakrefs. Read README.md first; `pymemlab hint 06` when stuck.
import type { CreateFinalization, FinalizationApi } from 'pymemlab/exercises/06-finalizers-and-weakrefs/api';

export const createFinalization: CreateFinalization = (api: FinalizationApi) => ({
  finalizeGarbage(): void {
    // TODO: call each finalizer that has not run yet, exactly once.
    void api;
  },

  handleWeakrefs(): number {
    // TODO: clear the weakrefs to garbage, then run the callbacks that may run.
    return 0;
  },
});
