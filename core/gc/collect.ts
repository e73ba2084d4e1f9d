/**
 * The reference cycle collector: gc_collect_main. Read this first; each stage is a function of
 * its own (here, in deduce.ts, weakrefs.ts and finalizers.ts) with a comment on what is true after
 * it, and every stage is a member of `CollectorStages`, replaceable alone.
 */
import type { CollectResult, Collector, CollectorStages } from '../components';
import type { Runtime } from '../runtime';
import type { GcState } from './state';
import { Kind } from '../objects/kinds';
import { GcFlag, type PyObject } from '../objects/pyobject';
import { tupleMaybeUntrack } from '../objects/tuple';
import { dictMaybeUntrack } from '../objects/dict';
import { listAppend } from '../objects/list';
import { DEBUG_COLLECTABLE, DEBUG_SAVEALL, DEBUG_STATS, DEBUG_UNCOLLECTABLE } from './state';
import { gcListMerge, gcListMove as importedGcListMove, gcListNew, gcListSize } from './gclist';
import { deduceUnreachable, REFERENCE_DEDUCE_STAGES } from './deduce';
import { handleWeakrefs } from './weakrefs';
import {
  finalizeGarbage,
  handleLegacyFinalizers,
  handleResurrectedObjects,
  moveLegacyFinalizerReachable,
  moveLegacyFinalizers,
} from './finalizers';

// Module-local copies for the per-object loops (see gclist.ts).
const TUPLE = Kind.Tuple;
const DICT = Kind.Dict;
const COLLECTING = GcFlag.Collecting;
const SAVEALL = DEBUG_SAVEALL;
const gcListMove = importedGcListMove;

export type { CollectorStages } from '../components';

export class ReferenceCollector implements Collector {
  private readonly stages: CollectorStages;

  /** `stages` replace the reference ones one by one; whatever is given is used everywhere, never bypassed. */
  constructor(
    private readonly rt: Runtime,
    stages: Partial<CollectorStages> = {},
  ) {
    this.stages = { ...REFERENCE_STAGES, ...stages };
  }

  /** This is the main function. Read this to understand how the collection process works. */
  collectMain(generation: number): CollectResult {
    const rt = this.rt;
    const gc = rt.gc;
    const stages = this.stages;
    if (gc.debug & DEBUG_STATS) debugStart(rt, generation);

    // Update collection and allocation counters.
    stages.updateCounts(gc, generation);

    // Merge younger generations with the one we are collecting.
    stages.mergeYounger(gc, generation);
    const young = gc.generations[generation].head;
    const old = generation < gc.generations.length - 1 ? gc.generations[generation + 1].head : young;

    // Find what is unreachable from outside the generation.
    const unreachable = deduceUnreachable(young, stages);

    stages.untrackTuples(rt, young);
    // Dicts are untracked only in full collections, to avoid quadratic dict build-up (#14775).
    if (young === old) stages.untrackDicts(rt, young);
    // Move reachable objects to the next generation.
    stages.promoteSurvivors(gc, generation, young, old);

    // Objects with legacy finalizers, and everything reachable from them, cannot be freed.
    const finalizers = gcListNew();
    stages.moveLegacyFinalizers(unreachable, finalizers);
    stages.moveLegacyFinalizerReachable(finalizers);

    if (gc.debug & DEBUG_COLLECTABLE) debugCycles(rt, 'collectable', unreachable);

    // Clear weakrefs and invoke callbacks as necessary.
    let m = stages.handleWeakrefs(rt, unreachable, old);

    // Call tp_finalize on objects which have one.
    stages.finalizeGarbage(rt, unreachable);

    // Continue with the objects that are still unreachable after the finalizers ran.
    const finalUnreachable = stages.handleResurrectedObjects(unreachable, old, stages);

    // Break the cycles; this may also free objects in `finalizers`.
    m += gcListSize(finalUnreachable);
    stages.deleteGarbage(rt, finalUnreachable, old);

    const n = gcListSize(finalizers);
    if (gc.debug & DEBUG_UNCOLLECTABLE) debugCycles(rt, 'uncollectable', finalizers);
    if (gc.debug & DEBUG_STATS) rt.writeStderr(`gc: done, ${n + m} unreachable, ${n} uncollectable, 0.0000s elapsed\n`);

    stages.handleLegacyFinalizers(rt, finalizers, old);

    // Clear the free lists only when collecting the oldest generation.
    if (generation === gc.generations.length - 1) stages.clearFreelists(rt);

    const stats = gc.stats[generation];
    stats.collections++;
    stats.collected += m;
    stats.uncollectable += n;
    return { collected: m, uncollectable: n };
  }
}

/** The counters first: a collection of g counts once for g+1, and g and younger start afresh. */
export function updateCounts(gc: GcState, generation: number): void {
  if (generation + 1 < gc.generations.length) gc.generations[generation + 1].count += 1;
  for (let i = 0; i <= generation; i++) gc.generations[i].count = 0;
}

/** Collecting g collects every younger generation too: their lists join g's, youngest first. */
export function mergeYounger(gc: GcState, generation: number): void {
  for (let i = 0; i < generation; i++) gcListMerge(gc.generations[i].head, gc.generations[generation].head);
}

/** Try to untrack every surviving tuple that holds only untracked objects. */
export function untrackTuples(rt: Runtime, head: PyObject): void {
  let next: PyObject;
  for (let gc = head.gcNext!; gc !== head; gc = next) {
    next = gc.gcNext!;
    if (gc.type.kind === TUPLE) tupleMaybeUntrack(rt, gc);
  }
}

/** Try to untrack every surviving dict whose keys and values are all untracked. */
export function untrackDicts(rt: Runtime, head: PyObject): void {
  let next: PyObject;
  for (let gc = head.gcNext!; gc !== head; gc = next) {
    next = gc.gcNext!;
    if (gc.type.kind === DICT) dictMaybeUntrack(rt, gc);
  }
}

/**
 * Survivors age: they join the next generation, and those reaching the oldest count toward the
 * 25% rule of collect_generations; a full collection instead records how many survived it.
 */
export function promoteSurvivors(gc: GcState, generation: number, young: PyObject, old: PyObject): void {
  if (young !== old) {
    if (generation === gc.generations.length - 2) gc.longLivedPending += gcListSize(young);
    gcListMerge(young, old);
  } else {
    gc.longLivedPending = 0;
    gc.longLivedTotal = gcListSize(young);
  }
}

/**
 * Break the reference cycles by clearing each object (tp_clear); the refcounts then fall to zero
 * and the objects are deallocated. The list changes under us as objects die, so always take the
 * first object; one still first after its clear survived (something outside kept it) and moves to
 * `old`. Under DEBUG_SAVEALL the objects go to gc.garbage instead of being cleared.
 */
export function deleteGarbage(rt: Runtime, collectable: PyObject, old: PyObject): void {
  while (collectable.gcNext !== collectable /* !gc_list_is_empty */) {
    const op = collectable.gcNext!;
    if (rt.gc.debug & SAVEALL) {
      listAppend(rt, rt.garbage, op);
    } else {
      rt.incref(op);
      rt.clear(op);
      rt.decref(op);
    }
    if (collectable.gcNext === op) {
      op.gcFlags &= ~COLLECTING;
      gcListMove(op, old);
    }
  }
}

/** clear_freelists: free every parked tuple, float, list and dict shell, so a full collection returns their memory. */
export function clearFreelists(rt: Runtime): void {
  for (const shell of rt.freelists.drain()) rt.free(shell);
  for (const address of rt.freelists.keys.splice(0)) rt.allocator?.free(address);
}

export const REFERENCE_STAGES: CollectorStages = {
  ...REFERENCE_DEDUCE_STAGES,
  updateCounts,
  mergeYounger,
  untrackTuples,
  untrackDicts,
  promoteSurvivors,
  moveLegacyFinalizers,
  moveLegacyFinalizerReachable,
  handleWeakrefs,
  finalizeGarbage,
  handleResurrectedObjects,
  deleteGarbage,
  handleLegacyFinalizers,
  clearFreelists,
};

function debugStart(rt: Runtime, generation: number): void {
  const sizes = rt.gc.generations.map((g) => gcListSize(g.head)).join(' ');
  rt.writeStderr(
    `gc: collecting generation ${generation}...\n` +
      `gc: objects in each generation: ${sizes}\n` +
      `gc: objects in permanent generation: ${gcListSize(rt.gc.permanent.head)}\n`,
  );
}

function debugCycles(rt: Runtime, what: string, list: PyObject): void {
  for (let gc = list.gcNext!; gc !== list; gc = gc.gcNext!) {
    rt.writeStderr(`gc: ${what} <${gc.type.name} ${rt.addressOf(gc)}>\n`);
  }
}
