// Exercise 5 with a realistic bug: collect_generations looks from the youngest generation up, so
// generation 0 is collected while an older generation is over its threshold too.
import type { CreateGenerations } from 'pymemlab/exercises/05-generations/api';

const OLDEST = 2;

export const createGenerations: CreateGenerations = (api) => ({
  updateCounts(g) {
    if (g < OLDEST) api.setCount(g + 1, api.count(g + 1) + 1);
    for (let younger = g; younger >= 0; younger--) api.setCount(younger, 0);
  },

  mergeYounger(g) {
    for (let younger = 0; younger < g; younger++) api.merge(younger, g);
  },

  promoteSurvivors(g) {
    if (g === OLDEST) {
      api.setLongLivedTotal(api.size(OLDEST));
      api.setLongLivedPending(0);
      return;
    }
    if (g + 1 === OLDEST) api.setLongLivedPending(api.longLivedPending() + api.size(g));
    api.merge(g, g + 1);
  },

  collectGenerations() {
    for (const g of [0, 1, 2]) {
      // BUG: the youngest generation over its threshold wins, not the oldest
      if (api.count(g) <= api.threshold(g)) continue;
      const fullCollectionDue = api.longLivedPending() >= Math.floor(api.longLivedTotal() / 4);
      if (g === OLDEST && !fullCollectionDue) continue;
      return api.collect(g);
    }
    return 0;
  },
});
