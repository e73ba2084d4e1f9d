/**
 * An observable picture of the heap: plain, JSON-serialisable data that invariants, graders and
 * reports read. It is built from the outside (the refchain, the gc lists, the frames and the
 * runtime's own references), so it describes a student's component as well as the reference one.
 */
import type { Runtime, HeapEvent } from './runtime';
import { Kind, KIND_NAMES } from './objects/kinds';
import { GcFlag, type PyObject } from './objects/pyobject';
import { referents } from './objects/traverse';

export interface ObjectView {
  readonly id: number;
  readonly type: string;
  readonly kind: string;
  readonly refcnt: number;
  /** Ids of the objects this one holds strong references to (tp_traverse order). */
  readonly referents: readonly number[];
  readonly isGC: boolean;
  readonly tracked: boolean;
  readonly finalized: boolean;
  /** For a weakref: the id of its referent, or null once cleared. */
  readonly weakReferent?: number | null;
  /** The finalizer its type has, if any: PEP 442's tp_finalize (`__del__`) or a legacy tp_del. */
  readonly finalizer?: 'pep442' | 'legacy';
}

export interface RootView {
  readonly kind: 'local' | 'stack' | 'runtime';
  /** A frame's name and the local's name (or the stack position). */
  readonly where: string;
  readonly target: number;
  /** References this root holds to the target (the runtime may hold several). */
  readonly count: number;
}

/** The list integrity of one generation, as walked forwards. */
export interface GenerationView {
  readonly members: readonly number[];
  /** False if some node's gcPrev does not point back at its predecessor. */
  readonly linksConsistent: boolean;
  readonly threshold: number;
  readonly count: number;
}

export interface HeapSnapshot {
  /** Every live object (a check's snapshots leave out idle ones: SnapshotOptions.omitIdle). */
  readonly objects: readonly ObjectView[];
  readonly roots: readonly RootView[];
  /** Generations 0, 1, 2, then the permanent generation. */
  readonly generations: readonly GenerationView[];
  readonly garbage: readonly number[];
  /** How many times each object's finalizer has run since observation began. */
  readonly finalizeCounts: Readonly<Record<number, number>>;
  /** Objects that died since the previous snapshot. */
  readonly freedSinceLast: readonly number[];
  /** Objects the collector cleared (tp_clear) since the previous snapshot. */
  readonly clearedSinceLast: readonly number[];
  /** The next id to be given out: every object with a smaller id existed before this snapshot. */
  readonly nextId: number;
}

/** Listens to a runtime's events between snapshots (finalizer calls, deallocations). */
export class HeapObserver {
  private readonly finalizeCounts: Record<number, number> = {};
  private freed: number[] = [];
  private cleared: number[] = [];
  private readonly listener = (event: HeapEvent): void => {
    if (event.kind === 'finalize') this.finalizeCounts[event.id] = (this.finalizeCounts[event.id] ?? 0) + 1;
    else if (event.kind === 'dealloc') this.freed.push(event.id);
    else if (event.kind === 'clear') this.cleared.push(event.id);
  };

  constructor(private readonly rt: Runtime) {
    rt.listeners.push(this.listener);
  }

  detach(): void {
    const i = this.rt.listeners.indexOf(this.listener);
    if (i >= 0) this.rt.listeners.splice(i, 1);
  }

  /** Take a snapshot; the freed list starts afresh. */
  snapshot(): HeapSnapshot {
    const { freed, cleared } = this;
    this.freed = [];
    this.cleared = [];
    return takeSnapshot(this.rt, { ...this.finalizeCounts }, freed, cleared);
  }
}

/**
 * Views of leaf objects (no referents, not GC: ints, strs, None, ...), kept while their fields
 * stay the same. Most of a heap is such objects (the small-int cache alone is 262), and a check
 * snapshots the heap after every step: reusing the unchanged ones saves building them again, and
 * lets whoever compares snapshots see at once that they did not change.
 */
const leafViews = new WeakMap<PyObject, ObjectView>();

/** The view of `op`, reused from the previous snapshot when `op` is a leaf whose fields are unchanged. */
function objectView(op: PyObject): ObjectView {
  const kept = leafViews.get(op);
  if (
    kept !== undefined &&
    kept.refcnt === op.refcnt &&
    kept.tracked === (op.gcNext !== null) &&
    kept.finalized === ((op.gcFlags & GcFlag.Finalized) !== 0)
  )
    return kept;
  const view = freshView(op);
  if (!view.isGC && view.referents.length === 0 && view.weakReferent === undefined) leafViews.set(op, view);
  return view;
}

function freshView(op: PyObject): ObjectView {
  const view: ObjectView = {
    id: op.id,
    type: op.type.name,
    kind: KIND_NAMES[op.type.kind],
    refcnt: op.refcnt,
    referents: referents(op).map((r) => r.id),
    isGC: op.type.isGC,
    tracked: op.gcNext !== null,
    finalized: (op.gcFlags & GcFlag.Finalized) !== 0,
  };
  if (op.type.kind === Kind.Weakref) return { ...view, weakReferent: op.wrObject?.id ?? null };
  if (op.type.legacyDel !== null) return { ...view, finalizer: 'legacy' };
  if (op.type.finalize !== null) return { ...view, finalizer: 'pep442' };
  return view;
}

/**
 * Walk a generation list defensively: a broken implementation may leave a null link or a loop,
 * and the snapshot must describe that, not crash on it.
 */
function generationView(head: PyObject, threshold: number, count: number, limit: number): GenerationView {
  let consistent = true;
  const members: number[] = [];
  let prev = head;
  for (let node = head.gcNext; node !== head; node = node.gcNext) {
    if (node === null || members.length > limit) {
      consistent = false;
      break;
    }
    if (node.gcPrev !== prev) consistent = false;
    members.push(node.id);
    prev = node;
  }
  if (head.gcPrev !== prev) consistent = false;
  return { members, linksConsistent: consistent, threshold, count };
}

/**
 * Objects that may be idle: held by the runtime, with a refcount that is exactly its hold, not GC,
 * not tracked, never finalized. liveViews keeps those that are live leaves no live object refers
 * to (the small-int cache, None, True and False until something uses them): their state follows
 * from that alone, and they are most of a fresh heap.
 */
function idleCandidates(rt: Runtime): Set<PyObject> {
  const candidates = new Set<PyObject>();
  for (const [op, count] of rt.external)
    if (op.refcnt === count && !op.type.isGC && op.gcNext === null && (op.gcFlags & GcFlag.Finalized) === 0)
      candidates.add(op);
  return candidates;
}

/**
 * The views of the live objects in refchain order and the idle objects left out of them. Only
 * objects on the refchain are looked at: one the runtime still holds after it was freed keeps its
 * root, so that the dangling reference shows.
 */
function liveViews(rt: Runtime, omitIdle: boolean): { objects: ObjectView[]; idle: ReadonlySet<PyObject> } {
  const candidates = omitIdle ? idleCandidates(rt) : new Set<PyObject>();
  const objects: ObjectView[] = [];
  const referred = new Set<number>();
  const idle = new Set<PyObject>();
  for (const op of rt.liveObjects()) {
    const view = objectView(op);
    objects.push(view);
    if (candidates.has(op) && leafViews.get(op) === view) idle.add(op);
    else for (const r of view.referents) referred.add(r);
  }
  for (const op of idle) if (referred.has(op.id)) idle.delete(op);
  if (idle.size === 0) return { objects, idle };
  const left = new Set([...idle].map((op) => op.id));
  return { objects: objects.filter((o) => !left.has(o.id)), idle };
}

export interface SnapshotOptions {
  /**
   * Leave out idle objects (see idleCandidates) and the runtime's references to them: a check that
   * snapshots the heap after every step judges the few dozen objects that can change, not the
   * hundreds that cannot. An idle object that is used again (referred to, or its count changed)
   * is in the snapshot again.
   */
  readonly omitIdle?: boolean;
}

export function takeSnapshot(
  rt: Runtime,
  finalizeCounts: Record<number, number> = {},
  freedSinceLast: number[] = [],
  clearedSinceLast: number[] = [],
  options: SnapshotOptions = {},
): HeapSnapshot {
  const { objects, idle } = liveViews(rt, options.omitIdle === true);
  const roots: RootView[] = [];
  for (const frame of rt.frames) {
    frame.locals.forEach((value, i) => {
      if (value !== null)
        roots.push({ kind: 'local', where: `${frame.name}:${frame.localNames[i]}`, target: value.id, count: 1 });
    });
    frame.stack.forEach((value, i) =>
      roots.push({ kind: 'stack', where: `${frame.name}:stack[${i}]`, target: value.id, count: 1 }),
    );
  }
  for (const [op, count] of rt.external)
    if (!idle.has(op)) roots.push({ kind: 'runtime', where: 'runtime', target: op.id, count });
  const gc = rt.gc;
  const generations = [
    ...gc.generations.map((g) => generationView(g.head, g.threshold, g.count, rt.liveCount)),
    generationView(gc.permanent.head, 0, 0, rt.liveCount),
  ];
  const garbageList = rt.garbageIfAny()?.items!.map((g) => g.id) ?? [];
  return {
    objects,
    roots,
    generations,
    garbage: garbageList,
    finalizeCounts,
    freedSinceLast,
    clearedSinceLast,
    nextId: rt.peekNextId(),
  };
}
