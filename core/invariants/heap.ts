/**
 * The heap invariants: what "correct" means for a memory manager, written once as plain functions
 * over snapshots. Core tests, exercise checks and graders all run these, by their stable names.
 *
 * Each takes the snapshot after an operation, the one before it (null for the first), and what the
 * operation was; each returns the violations it found, every one a sentence a student can act on.
 */
import type { HeapSnapshot, ObjectView } from '../snapshot';

/** What an invariant is told about the operation between two snapshots. */
export type OperationView =
  { readonly kind: 'collect'; readonly generation: number } | { readonly kind: 'other'; readonly name: string };

export interface Violation {
  readonly invariant: InvariantName;
  readonly message: string;
  readonly objects: readonly number[];
}

export type Invariant = (after: HeapSnapshot, before: HeapSnapshot | null, op: OperationView | null) => Violation[];

export type InvariantName =
  | 'refcount-conservation'
  | 'no-freed-reachable'
  | 'immediate-reclamation'
  | 'cycles-reclaimed'
  | 'collector-safety'
  | 'generation-accounting'
  | 'finalize-once'
  | 'dead-weakrefs'
  | 'legacy-uncollectable'
  | 'resurrected-not-cleared'
  | 'survivors-promoted';

function describe(o: ObjectView): string {
  return `#${o.id} (${o.type})`;
}

function byId(s: HeapSnapshot): Map<number, ObjectView> {
  return new Map(s.objects.map((o) => [o.id, o]));
}

/** Ids reachable from the roots (and from `extra` starting points) through strong references. */
export function reachableFromRoots(s: HeapSnapshot, extra: readonly number[] = []): Set<number> {
  const objects = byId(s);
  const seen = new Set<number>();
  const stack = [...s.roots.map((r) => r.target), ...extra];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const o = objects.get(id);
    if (o !== undefined) for (const r of o.referents) if (!seen.has(r)) stack.push(r);
  }
  return seen;
}

/**
 * Every live object's refcount equals the references to it that can be seen: from live objects,
 * from frames (locals and the value stack) and from the runtime itself. More means a leak (an
 * incref without its decref); fewer means a premature free waiting to happen.
 */
export const refcountConservation: Invariant = (after) => {
  const expected = new Map<number, number>();
  for (const o of after.objects) for (const r of o.referents) expected.set(r, (expected.get(r) ?? 0) + 1);
  for (const root of after.roots) expected.set(root.target, (expected.get(root.target) ?? 0) + root.count);
  const out: Violation[] = [];
  for (const o of after.objects) {
    const want = expected.get(o.id) ?? 0;
    if (o.refcnt !== want) {
      out.push({
        invariant: 'refcount-conservation',
        message: `${describe(o)} has refcount ${o.refcnt} but ${want} reference${want === 1 ? '' : 's'} to it exist${want === 1 ? 's' : ''}`,
        objects: [o.id],
      });
    }
  }
  return out;
};

/** Nothing a root or a live object still references has been freed (no dangling pointers). */
export const noFreedReachable: Invariant = (after) => {
  const live = byId(after);
  const out: Violation[] = [];
  for (const root of after.roots) {
    if (!live.has(root.target)) {
      out.push({
        invariant: 'no-freed-reachable',
        message: `root ${root.where} refers to freed object #${root.target}`,
        objects: [root.target],
      });
    }
  }
  for (const o of after.objects) {
    for (const r of o.referents) {
      if (!live.has(r))
        out.push({
          invariant: 'no-freed-reachable',
          message: `live ${describe(o)} refers to freed object #${r}`,
          objects: [o.id, r],
        });
    }
  }
  return out;
};

/**
 * No live object has a refcount of zero or less once an operation is over: reference counting
 * frees an object the moment its last reference goes, and the cascade frees what it held.
 */
export const immediateReclamation: Invariant = (after) =>
  after.objects
    .filter((o) => o.refcnt <= 0)
    .map((o) => ({
      invariant: 'immediate-reclamation' as const,
      message: `${describe(o)} is still alive with refcount ${o.refcnt}: it should have been deallocated`,
      objects: [o.id],
    }));

/**
 * After a full collection, every tracked object that existed before it is reachable from the
 * roots (gc.garbage and resurrected objects are reachable through their new owners) or from a
 * frozen object in the permanent generation: the collector never looks at frozen objects, so what
 * they reference keeps a refcount the collection cannot explain away, exactly as in CPython.
 */
export const cyclesReclaimed: Invariant = (after, before, op) => {
  if (op?.kind !== 'collect' || op.generation !== 2 || before === null) return [];
  const reachable = reachableFromRoots(after, after.generations[3].members);
  return after.objects
    .filter((o) => o.tracked && o.id < before.nextId && !reachable.has(o.id))
    .map((o) => ({
      invariant: 'cycles-reclaimed' as const,
      message: `${describe(o)} is unreachable garbage that survived a full collection`,
      objects: [o.id],
    }));
};

/**
 * A collection touches only garbage: each object it cleared (tp_clear) or freed was unreachable
 * from the roots before it began, and nothing still alive (in any generation) refers to an object
 * it freed.
 */
export const collectorSafety: Invariant = (after, before, op) => {
  if (op?.kind !== 'collect' || before === null) return [];
  const wasReachable = reachableFromRoots(before);
  const freed = new Set(after.freedSinceLast);
  const out: Violation[] = [];
  for (const [what, ids] of [
    ['cleared', after.clearedSinceLast],
    ['freed', after.freedSinceLast],
  ] as const) {
    for (const id of ids) {
      if (wasReachable.has(id)) {
        out.push({
          invariant: 'collector-safety',
          message: `collect(${op.generation}) ${what} #${id}, which was reachable from the roots`,
          objects: [id],
        });
      }
    }
  }
  for (const o of after.objects) {
    for (const r of o.referents) {
      if (freed.has(r)) {
        out.push({
          invariant: 'collector-safety',
          message: `collect(${op.generation}) freed #${r} while ${describe(o)} still refers to it`,
          objects: [r, o.id],
        });
      }
    }
  }
  return out;
};

/**
 * Each tracked object is in exactly one generation list, each untracked or non-GC object in
 * none, every list is consistently linked, and a collection of generation g zeroes the counts of
 * generations 0..g and adds one to generation g+1's.
 */
export const generationAccounting: Invariant = (after, before, op) => {
  const out: Violation[] = [];
  const v = (message: string, objects: number[] = []) =>
    out.push({ invariant: 'generation-accounting', message, objects });
  const where = new Map<number, number>();
  after.generations.forEach((g, i) => {
    if (!g.linksConsistent) v(`generation ${i} list is not consistently linked (a gc_prev does not point back)`);
    for (const id of g.members) {
      if (where.has(id)) v(`#${id} is in generation ${where.get(id)} and generation ${i}`, [id]);
      where.set(id, i);
    }
  });
  for (const o of after.objects) {
    if (o.tracked && !where.has(o.id)) v(`${describe(o)} is tracked but in no generation`, [o.id]);
    if (!o.tracked && where.has(o.id)) v(`${describe(o)} is untracked but in generation ${where.get(o.id)}`, [o.id]);
    if (!o.isGC && o.tracked) v(`${describe(o)} is not a GC type but is tracked`, [o.id]);
  }
  const live = new Set(after.objects.map((o) => o.id));
  for (const [id, gen] of where) if (!live.has(id)) v(`freed object #${id} is still in generation ${gen}`, [id]);
  after.generations.slice(0, 3).forEach((g, i) => {
    if (g.count < 0) v(`generation ${i} count is negative (${g.count})`);
  });
  if (op?.kind === 'collect' && before !== null) {
    const g = op.generation;
    for (let i = 0; i <= g && i < 3; i++) {
      // Objects allocated by finalizers or callbacks during the collection may count again in gen 0.
      if (i > 0 && after.generations[i].count !== 0)
        v(`after collect(${g}) generation ${i} count is ${after.generations[i].count}, expected 0`);
    }
    if (g < 2 && after.generations[g + 1].count !== before.generations[g + 1].count + 1) {
      v(
        `after collect(${g}) generation ${g + 1} count is ${after.generations[g + 1].count}, expected ${before.generations[g + 1].count + 1}`,
      );
    }
  }
  return out;
};

/** A GC object's finalizer (__del__) runs at most once, ever (PEP 442). */
export const finalizeOnce: Invariant = (after) =>
  Object.entries(after.finalizeCounts)
    .filter(([, n]) => n > 1)
    .map(([id, n]) => ({
      invariant: 'finalize-once' as const,
      message: `the finalizer of #${id} ran ${n} times`,
      objects: [Number(id)],
    }));

/** A weakref whose referent has been freed is dead: calling it gives None. */
export const deadWeakrefs: Invariant = (after) => {
  const live = new Set(after.objects.map((o) => o.id));
  return after.objects
    .filter((o) => o.weakReferent !== undefined && o.weakReferent !== null && !live.has(o.weakReferent))
    .map((o) => ({
      invariant: 'dead-weakrefs' as const,
      message: `weakref ${describe(o)} still points at freed object #${o.weakReferent}`,
      objects: [o.id, o.weakReferent!],
    }));
};

/** The ids in generations 0..g of a snapshot (what collect(g) looks at). */
function collectedGenerations(s: HeapSnapshot, g: number): Set<number> {
  return new Set(s.generations.slice(0, g + 1).flatMap((gen) => gen.members));
}

/**
 * Legacy finalizers (tp_del) make garbage uncollectable: after collect(g), every object with a
 * legacy finalizer that was in generations 0..g and unreachable (from the roots and from the
 * generations collect(g) does not look at) before it is alive and in
 * gc.garbage, and nothing reachable from one was cleared or freed by the collection.
 */
export const legacyUncollectable: Invariant = (after, before, op) => {
  if (op?.kind !== 'collect' || before === null) return [];
  const collected = collectedGenerations(before, op.generation);
  const older = before.generations.slice(op.generation + 1).flatMap((gen) => gen.members);
  const wasReachable = reachableFromRoots(before, older);
  const legacy = before.objects.filter(
    (o) => o.finalizer === 'legacy' && collected.has(o.id) && !wasReachable.has(o.id),
  );
  if (legacy.length === 0) return [];
  const garbage = new Set(after.garbage);
  const out: Violation[] = [];
  for (const o of legacy) {
    if (!garbage.has(o.id))
      out.push({
        invariant: 'legacy-uncollectable',
        message: `collect(${op.generation}) did not put ${describe(o)}, unreachable with a legacy finalizer (tp_del), in gc.garbage`,
        objects: [o.id],
      });
  }
  const kept = reachableFromRoots(
    before,
    legacy.map((o) => o.id),
  );
  for (const id of new Set([...after.clearedSinceLast, ...after.freedSinceLast])) {
    if (kept.has(id))
      out.push({
        invariant: 'legacy-uncollectable',
        message: `collect(${op.generation}) cleared or freed #${id}, which an object with a legacy finalizer can reach`,
        objects: [id],
      });
  }
  return out;
};

/**
 * Nothing a finalizer resurrected is cleared: every object a collection cleared (tp_clear) is
 * dead when the collection is over (handle_resurrected_objects must take the resurrected out).
 */
export const resurrectedNotCleared: Invariant = (after, before, op) => {
  if (op?.kind !== 'collect' || before === null) return [];
  const live = byId(after);
  return after.clearedSinceLast
    .filter((id) => live.has(id))
    .map((id) => ({
      invariant: 'resurrected-not-cleared' as const,
      message: `collect(${op.generation}) cleared ${describe(live.get(id)!)}, which is still alive after it (resurrected, or never garbage)`,
      objects: [id],
    }));
};

/**
 * Survivors age: after collect(g), every object that was in generations 0..g and is still
 * tracked is in generation g+1 (generation 2 for a full collection), and objects in older
 * generations stay where they were.
 */
export const survivorsPromoted: Invariant = (after, before, op) => {
  if (op?.kind !== 'collect' || before === null) return [];
  const g = op.generation;
  const target = Math.min(g + 1, 2);
  const where = new Map<number, number>();
  after.generations.forEach((gen, i) => gen.members.forEach((id) => where.set(id, i)));
  const out: Violation[] = [];
  before.generations.forEach((gen, i) => {
    const want = i <= g ? target : i;
    for (const id of gen.members) {
      const now = where.get(id);
      if (now !== undefined && now !== want)
        out.push({
          invariant: 'survivors-promoted',
          message: `after collect(${g}) #${id}, which was in generation ${i}, is in generation ${now}, expected ${want}`,
          objects: [id],
        });
    }
  });
  return out;
};

/** Every heap invariant by its stable name, in the order reports list them. */
export const HEAP_INVARIANTS: Readonly<Record<InvariantName, Invariant>> = {
  'refcount-conservation': refcountConservation,
  'no-freed-reachable': noFreedReachable,
  'immediate-reclamation': immediateReclamation,
  'cycles-reclaimed': cyclesReclaimed,
  'collector-safety': collectorSafety,
  'generation-accounting': generationAccounting,
  'finalize-once': finalizeOnce,
  'dead-weakrefs': deadWeakrefs,
  'legacy-uncollectable': legacyUncollectable,
  'resurrected-not-cleared': resurrectedNotCleared,
  'survivors-promoted': survivorsPromoted,
};

/** Run the named invariants (all by default) and collect their violations. */
export function checkInvariants(
  after: HeapSnapshot,
  before: HeapSnapshot | null,
  op: OperationView | null,
  names: readonly InvariantName[] = Object.keys(HEAP_INVARIANTS) as InvariantName[],
): Violation[] {
  return names.flatMap((name) => HEAP_INVARIANTS[name](after, before, op));
}
