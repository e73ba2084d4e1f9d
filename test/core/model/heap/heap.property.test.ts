import fc from 'fast-check';
import { heapInvariantsProperty } from '../../../../core/model/heap/properties';

// The reference memory manager keeps every heap invariant under random operation sequences:
// allocations, rebinding, container mutation, frames, weakrefs with callbacks, finalizers that
// resurrect, legacy finalizers, collections of every generation, thresholds, freeze/unfreeze.
test('the reference core keeps every heap invariant after every operation', () => {
  const seed = Number(process.env.PYMEMLAB_SEED ?? Date.now() % 100000);
  fc.assert(heapInvariantsProperty(), { numRuns: 400, seed, includeErrorInReport: true });
});
