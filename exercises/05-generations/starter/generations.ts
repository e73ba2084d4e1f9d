// Exercise 5: generations. Read README.md first; `pymemlab hint 05` when stuck.
import type { CreateGenerations, Generation, GenerationsApi } from 'pymemlab/exercises/05-generations/api';

export const createGenerations: CreateGenerations = (api: GenerationsApi) => ({
  updateCounts(g: Generation): void {
    // TODO: the next generation counts one more collection; g and the younger ones start again at 0.
    void g;
  },

  mergeYounger(g: Generation): void {
    // TODO: merge generations 0 .. g-1 into g.
    void g;
  },

  promoteSurvivors(g: Generation): void {
    // TODO: move the survivors on, and keep the long-lived counts.
    void g;
  },

  collectGenerations(): number {
    // TODO: find the generation to collect, if any.
    void api;
    return 0;
  },
});
