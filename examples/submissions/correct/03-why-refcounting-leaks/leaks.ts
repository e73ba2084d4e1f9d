// A correct submission of exercise 3, written apart from core/: reachability by a breadth-first
// queue, and each cycle found by walking referrers backwards until an id repeats.
import type { FindLeaks, ObjectId } from 'pymemlab/exercises/03-why-refcounting-leaks/api';

export const findLeaks: FindLeaks = (heap) => {
  const byId = new Map(heap.objects.map((o) => [o.id, o]));
  const reached = new Set<ObjectId>();
  const queue = heap.roots.map((r) => r.target);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    if (reached.has(id)) continue;
    reached.add(id);
    for (const r of byId.get(id)?.referents ?? []) if (!reached.has(r)) queue.push(r);
  }
  const leaked = heap.objects.filter((o) => !reached.has(o.id));
  const referrers = new Map<ObjectId, ObjectId[]>();
  for (const o of leaked) for (const r of o.referents) referrers.set(r, [...(referrers.get(r) ?? []), o.id]);
  return leaked.map((o) => {
    const path: ObjectId[] = [];
    const at = new Map<ObjectId, number>();
    let id = o.id;
    while (!at.has(id)) {
      at.set(id, path.length);
      path.push(id);
      id = referrers.get(id)![0];
    }
    return { id: o.id, cycle: path.slice(at.get(id)).reverse() };
  });
};
