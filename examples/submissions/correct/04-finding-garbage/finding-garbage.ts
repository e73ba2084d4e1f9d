// A correct submission of exercise 4, written apart from core/: the young list is an array scanned
// by index while it grows, the tentatively unreachable objects a Set, and the scan order is the
// final order of the reachable list.
import type { CreateFindingGarbage, GcRefs, ObjectId } from 'pymemlab/exercises/04-finding-garbage/api';

export const createFindingGarbage: CreateFindingGarbage = (api) => ({
  updateRefs: (members) => new Map(members.map((op) => [op, api.refcount(op)])),

  subtractRefs: (members, gcRefs) => {
    for (const op of members)
      for (const target of api.referents(op)) {
        const refs = gcRefs.get(target);
        if (refs !== undefined) gcRefs.set(target, refs - 1);
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
