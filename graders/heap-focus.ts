/**
 * Which objects of a snapshot a report draws. The runtime itself holds hundreds of objects
 * (interned strings, builtins, classes) that say nothing about a student's bug; a picture shows
 * what the program's frames reach, and everything no root reaches at all (leaked or not yet freed).
 */
import type { HeapSnapshot } from '../core/snapshot';
import { reachableFromRoots } from '../core/invariants/heap';

export interface HeapFocus {
  /** Ids to draw, in snapshot order. */
  readonly include: readonly number[];
  /** Of those, the ones no root reaches. */
  readonly leaked: readonly number[];
}

export function heapFocus(snapshot: HeapSnapshot): HeapFocus {
  const fromAnyRoot = reachableFromRoots(snapshot);
  const fromFrames = reachableFromRoots({ ...snapshot, roots: snapshot.roots.filter((r) => r.kind !== 'runtime') });
  const leaked = snapshot.objects.filter((o) => !fromAnyRoot.has(o.id)).map((o) => o.id);
  const include = snapshot.objects.filter((o) => fromFrames.has(o.id) || !fromAnyRoot.has(o.id)).map((o) => o.id);
  return { include, leaked };
}
