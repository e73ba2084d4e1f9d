/**
 * Which objects of a snapshot a report draws. The runtime itself holds hundreds of objects
 * (interned strings, builtins, classes, the module) that say nothing about a student's bug.
 * When a check tells which ids its operations made (`firstId`), the picture is cut down to those
 * and to the interpreter objects holding them (operationsHeap); otherwise a large snapshot shows
 * what the program's frames reach and everything no root reaches at all (heapFocus).
 */
import type { HeapSnapshot, RootView } from '../core/snapshot';
import { reachableFromRoots } from '../core/invariants/heap';

/** Past this many objects a picture shows only the frames' objects and the unreachable ones. */
const WHOLE_PICTURE_LIMIT = 80;

export interface HeapFocus {
  /** Ids to draw, in snapshot order. */
  readonly include: readonly number[];
  /** Of those, the ones no root reaches. */
  readonly leaked: readonly number[];
}

export function heapFocus(snapshot: HeapSnapshot): HeapFocus {
  const fromAnyRoot = reachableFromRoots(snapshot);
  const leaked = snapshot.objects.filter((o) => !fromAnyRoot.has(o.id)).map((o) => o.id);
  if (snapshot.objects.length <= WHOLE_PICTURE_LIMIT) return { include: snapshot.objects.map((o) => o.id), leaked };
  const fromFrames = reachableFromRoots({ ...snapshot, roots: snapshot.roots.filter((r) => r.kind !== 'runtime') });
  const include = snapshot.objects.filter((o) => fromFrames.has(o.id) || !fromAnyRoot.has(o.id)).map((o) => o.id);
  return { include, leaked };
}

/**
 * The snapshot cut down to the objects with id >= firstId (those the operations made), the
 * interpreter's objects that hold them (the module's globals dict) and every object no root
 * reaches; each holder that a root reaches gets a runtime root of its own, so reachability is
 * what it was in the whole heap.
 */
export function operationsHeap(snapshot: HeapSnapshot, firstId: number): HeapSnapshot {
  const reachable = reachableFromRoots(snapshot);
  const made = (id: number) => id >= firstId;
  const holders = snapshot.objects.filter((o) => !made(o.id) && o.referents.some(made));
  // Objects no root reaches stay whatever their id: a broken component leaks the interpreter's too.
  const kept = new Set([
    ...snapshot.objects.filter((o) => made(o.id) || !reachable.has(o.id)).map((o) => o.id),
    ...holders.map((o) => o.id),
  ]);
  const holderRoots: RootView[] = holders
    .filter((o) => reachable.has(o.id))
    .map((o) => ({ kind: 'runtime', where: `interpreter ${o.type}`, target: o.id, count: 1 }));
  return {
    ...snapshot,
    objects: snapshot.objects
      .filter((o) => kept.has(o.id))
      .map((o) => ({ ...o, referents: o.referents.filter((r) => kept.has(r)) })),
    roots: [...snapshot.roots.filter((r) => made(r.target)), ...holderRoots],
    generations: snapshot.generations.map((g) => ({ ...g, members: g.members.filter((id) => kept.has(id)) })),
  };
}
