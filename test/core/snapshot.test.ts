import { HeapWorld } from '../../core/model/heap/world';
import { takeSnapshot } from '../../core/snapshot';
import { refcountConservation } from '../../core/invariants/heap';
import { newList } from '../../core/objects/list';

const snapshot = (world: HeapWorld, omitIdle: boolean) => takeSnapshot(world.rt, {}, [], [], { omitIdle });

test("a check's snapshot leaves out what only the runtime holds, untouched (most of a fresh heap)", () => {
  const world = new HeapWorld();
  const full = snapshot(world, false);
  const slim = snapshot(world, true);
  expect(slim.objects.length * 3).toBeLessThan(full.objects.length);
  const kept = new Set(slim.objects.map((o) => o.id));
  for (const o of full.objects.filter((x) => !kept.has(x.id))) {
    expect([o.isGC, o.tracked, o.finalized]).toEqual([false, false, false]);
    expect(o.referents).toEqual([]);
    const held = full.roots.filter((r) => r.target === o.id).reduce((sum, r) => sum + r.count, 0);
    expect(o.refcnt).toBe(held);
  }
  expect(slim.roots.every((r) => kept.has(r.target))).toBe(true);
  expect(refcountConservation(slim, null, null)).toEqual([]);
});

test('an idle object is back in the snapshot once it is used, or once its count goes wrong', () => {
  const world = new HeapWorld();
  const seven = world.rt.int(7); // a new reference to the cached 7 ...
  const inSnapshot = () => snapshot(world, true).objects.some((o) => o.id === seven.id);
  world.rt.decref(seven); // ... given back: only the runtime holds it
  expect(inSnapshot()).toBe(false);
  const list = newList(world.rt, [seven]);
  expect(inSnapshot()).toBe(true);
  world.rt.decref(list);
  expect(inSnapshot()).toBe(false);
  seven.refcnt -= 1; // a refcounting bug: one decref too many on a cached int
  const broken = snapshot(world, true);
  expect(broken.objects.some((o) => o.id === seven.id)).toBe(true);
  expect(refcountConservation(broken, null, null).map((v) => v.objects)).toContainEqual([seven.id]);
});
