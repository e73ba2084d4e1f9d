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
function keptView(op: PyObject): ObjectView | null {
  return op.leafView as ObjectView | null;
}

/** The view of `op`, reused from the previous snapshot when `op` is a leaf whose fields are unchanged. */
function objectView(op: PyObject): ObjectView {
  const kept = keptView(op);
  if (
    kept !== null &&
    kept.refcnt === op.refcnt &&
    kept.tracked === (op.gcNext !== null) &&
    kept.finalized === ((op.gcFlags & GcFlag.Finalized) !== 0)
  )
    return kept;
  const view = freshView(op);
  if (!view.isGC && view.referents.length === 0 && view.weakReferent === undefined) op.leafView = view;
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
 * Whether `op` is idle, given that no live object refers to it: a live leaf held only by the
 * runtime (its refcount is exactly the runtime's hold), untracked and never finalized, whose view
 * is the one kept from before (the small-int cache, None, True and False until something uses
 * them). Its state follows from that alone, and such objects are most of a fresh heap. The
 * runtime's hold is looked up last: a snapshot asks this of every leaf after every step.
 */
function isIdle(op: PyObject, external: ReadonlyMap<PyObject, number>): boolean {
  const kept = keptView(op);
  return (
    kept !== null &&
    op.refcnt === kept.refcnt &&
    op.gcNext === null &&
    !kept.tracked &&
    !kept.finalized &&
    (op.gcFlags & GcFlag.Finalized) === 0 &&
    external.get(op) === op.refcnt
  );
}

/** The live objects' views in refchain order, and the ids some live object refers to. */
interface LiveViews {
  readonly objects: ObjectView[];
  /** Ids the kept objects refer to: an idle object among them is not left out. */
  readonly referred: ReadonlySet<number>;
}

/**
 * The views of the live objects in refchain order, without the idle ones when `omitIdle`. Only
 * objects on the refchain are looked at: one the runtime still holds after it was freed keeps its
 * root, so that the dangling reference shows. Idle objects are noted by position in one walk and
 * dropped after it, once it is known which of them some live object refers to.
 */
function liveViews(rt: Runtime, omitIdle: boolean): LiveViews {
  const all: ObjectView[] = [];
  const idleAt: number[] = [];
  const referred = new Set<number>();
  // The refchain walked in place (not through rt.liveObjects()'s generator): this loop runs over
  // every live object after every step of a check.
  for (let op = rt.refchain.obNext!; op !== rt.refchain; op = op.obNext!) {
    const view = objectView(op);
    if (omitIdle && view.referents.length === 0 && isIdle(op, rt.external)) idleAt.push(all.length);
    else for (const r of view.referents) referred.add(r);
    all.push(view);
  }
  if (idleAt.length === 0) return { objects: all, referred };
  const objects: ObjectView[] = [];
  let next = 0;
  for (let i = 0; i < all.length; i++) {
    if (next < idleAt.length && idleAt[next] === i) {
      next++;
      if (!referred.has(all[i].id)) continue;
    }
    objects.push(all[i]);
  }
  return { objects, referred };
}

export interface SnapshotOptions {
  /**
   * Leave out idle objects (see isIdle) and the runtime's references to them: a check that
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
  const omitIdle = options.omitIdle === true;
  const { objects, referred } = liveViews(rt, omitIdle);
  const roots: RootView[] = [];
  for (const frame of rt.frames) {
    frame.locals.forEach((value, i) => {
      if (value !== null)
        roots.push({ kind: 'local', where: `${frame.name}:${frame.localNames[i]}`, target: value.id, count: 1 });
    });
    frame.stack.forEach((value, i) =>
      roots.push({ kind: 'stack', where: `${frame.name}:stack[${i}]`, target: value.id, count: 1 }),
    );
    if (frame.fLocals !== null)
      roots.push({ kind: 'local', where: `${frame.name}:f_locals`, target: frame.fLocals.id, count: 1 });
  }
  for (const [op, count] of rt.external)
    if (!(omitIdle && isIdle(op, rt.external) && !referred.has(op.id)))
      roots.push({ kind: 'runtime', where: 'runtime', target: op.id, count });
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
