// A correct submission of exercise 5, written apart from core/: the oldest generation is named, and
// the 25% rule is written as a multiplication.
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
    for (const g of [2, 1, 0]) {
      if (api.count(g) <= api.threshold(g)) continue;
      const fullCollectionDue = api.longLivedPending() >= Math.floor(api.longLivedTotal() / 4);
      if (g === OLDEST && !fullCollectionDue) continue;
      return api.collect(g);
    }
    return 0;
  },
});
