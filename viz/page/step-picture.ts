/**
 * From one recorded step to the heap picture's input: a HeapSnapshot of the objects in view (the
 * program's own, or everything), the objects freed at this step drawn as ghosts, and the marks
 * (born, refcount changed, stranded cycle, being collected) with gc_refs during a collection.
 */
import type { HeapSnapshot, ObjectView, RootView } from '../../core/snapshot';
import type { HeapPictureOptions, Highlight } from '../heap-picture';
import type { ObjectRecord, Recording, StepRecord } from '../recording';

export type View = 'own' | 'all';

/**
 * At most this many objects are drawn: a layout of hundreds of boxes takes seconds and is
 * unreadable anyway. The ones kept are those the step changed, then the nearest to the frames.
 */
export const MAX_DRAWN = 50;

/** The records of a step, by id. */
export function stepObjects(recording: Recording, step: StepRecord): Map<number, ObjectRecord> {
  return new Map(step.objects.map((i) => [recording.objects[i].id, recording.objects[i]]));
}

/** Ids drawn at a step in a view. */
export function visibleIds(recording: Recording, step: StepRecord, view: View): Set<number> {
  return new Set(view === 'own' ? step.own : step.objects.map((i) => recording.objects[i].id));
}

/**
 * Up to MAX_DRAWN of `include`: every object a name refers to (whatever their number), then what
 * the step changed, then breadth-first from the frames.
 */
function nearest(step: StepRecord, objects: ReadonlyMap<number, ObjectRecord>, include: ReadonlySet<number>): number[] {
  if (include.size <= MAX_DRAWN) return [...include];
  const named = step.slots.map((s) => s.target).filter((id) => include.has(id));
  const order = new Set(named);
  const changed = step.changes.flatMap((c) => ('id' in c ? [c.id] : [c.to]));
  const queue = [...changed, ...named, ...step.leaked];
  const expanded = new Set<number>();
  for (let i = 0; i < queue.length && order.size < MAX_DRAWN; i++) {
    const id = queue[i];
    if (!include.has(id) || expanded.has(id)) continue;
    expanded.add(id);
    order.add(id);
    queue.push(...(objects.get(id)?.referents ?? []));
  }
  return [...order];
}

function objectView(record: ObjectRecord, refcnt = record.refcnt, referents = record.referents): ObjectView {
  return {
    id: record.id,
    type: record.type,
    kind: record.kind,
    refcnt,
    referents,
    isGC: record.isGC,
    tracked: record.tracked,
    finalized: record.finalized,
  };
}

/** The snapshot and the picture options for step `index`. */
export function stepPicture(
  recording: Recording,
  index: number,
  view: View,
): { snapshot: HeapSnapshot; options: HeapPictureOptions } {
  const step = recording.steps[index];
  const objects = stepObjects(recording, step);
  const include = visibleIds(recording, step, view);
  const previous = index > 0 ? recording.steps[index - 1] : null;
  const before = previous === null ? new Map<number, ObjectRecord>() : stepObjects(recording, previous);
  const shownBefore = previous === null ? new Set<number>() : visibleIds(recording, previous, view);
  const views: ObjectView[] = [...objects.values()].map((o) => objectView(o));
  const highlights: Record<number, Highlight> = {};
  const values: Record<number, string> = {};
  for (const change of step.changes) {
    if (change.kind === 'born') highlights[change.id] = 'born';
    else if (change.kind === 'refcount') highlights[change.id] ??= 'changed';
    else if (change.kind === 'freed' && shownBefore.has(change.id) && before.has(change.id)) {
      views.push(objectView(before.get(change.id)!, 0, []));
      include.add(change.id);
      highlights[change.id] = 'freed';
      values[change.id] = change.why === 'collector' ? 'freed by the collector' : 'freed: refcount reached 0';
    }
  }
  for (const id of step.leaked) highlights[id] = 'leaked';
  for (const id of step.stage?.unreachable ?? []) if (highlights[id] !== 'freed') highlights[id] = 'collected';
  for (const o of objects.values()) {
    const gcRefs = step.stage?.gcRefs[o.id];
    const text = [o.value, gcRefs === undefined ? '' : `gc_refs ${gcRefs}`].filter((t) => t !== '').join('  ');
    if (text !== '') values[o.id] = text;
  }
  const generations = [0, 1, 2, 3].map((g) => ({
    members: [...objects.values()].filter((o) => o.generation === g).map((o) => o.id),
    linksConsistent: true,
    threshold: step.thresholds[g] ?? 0,
    count: step.counts[g] ?? 0,
  }));
  const roots: RootView[] = step.slots.map((s) => ({
    kind: s.kind === 'stack' ? 'stack' : 'local',
    where: `${s.frame}:${s.name}`,
    target: s.target,
    count: 1,
  }));
  const snapshot: HeapSnapshot = {
    objects: views,
    roots,
    generations,
    garbage: [],
    finalizeCounts: {},
    freedSinceLast: [],
    clearedSinceLast: [],
    nextId: 0,
  };
  const inlineValues: Record<number, string> = {};
  for (const slot of step.slots) if (slot.value !== undefined) inlineValues[slot.target] = slot.value;
  const moreReferents: Record<number, number> = {};
  for (const o of objects.values()) if (o.moreReferents !== undefined) moreReferents[o.id] = o.moreReferents;
  return {
    snapshot,
    options: { include: nearest(step, objects, include), values, highlights, inlineValues, moreReferents },
  };
}
