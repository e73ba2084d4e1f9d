// Exercise 4 with a realistic bug: subtract_refs follows references out of the generation being
// collected into older objects and subtracts their references too, so a reference from an old
// object counts as internal. A young object that only an old one references then looks
// unreachable, and collecting generation 0 frees it while the old object still uses it.
import type { CreateFindingGarbage, GcRefs, ObjectId } from 'pymemlab/exercises/04-finding-garbage/api';

export const createFindingGarbage: CreateFindingGarbage = (api) => ({
  updateRefs: (members) => new Map(members.map((op) => [op, api.refcount(op)])),

  // BUG: walks everything reachable from the members, not the members alone.
  subtractRefs: (members, gcRefs) => {
    const seen = new Set<ObjectId>(members);
    const walk: ObjectId[] = [...members];
    for (let i = 0; i < walk.length; i++)
      for (const target of api.referents(walk[i])) {
        const refs = gcRefs.get(target);
        if (refs !== undefined) gcRefs.set(target, refs - 1);
        if (!seen.has(target)) {
          seen.add(target);
          walk.push(target);
        }
      }
  },

  moveUnreachable: (members, gcRefs: GcRefs) => {
    const young: ObjectId[] = [...members];
    const scanned: ObjectId[] = [];
    const done = new Set<ObjectId>();
    const tentative = new Set<ObjectId>();
    const movedOut: ObjectId[] = [];
    for (let i = 0; i < young.length; i++) {
      const op = young[i];
      if (gcRefs.get(op) === 0) {
        tentative.add(op);
        movedOut.push(op);
        continue;
      }
      for (const target of api.referents(op)) {
        if (!gcRefs.has(target) || done.has(target)) continue;
        if (tentative.delete(target)) young.push(target);
        if (gcRefs.get(target) === 0) gcRefs.set(target, 1);
      }
      done.add(op);
      scanned.push(op);
    }
    return { reachable: scanned, unreachable: movedOut.filter((op) => tentative.has(op)) };
  },
});
