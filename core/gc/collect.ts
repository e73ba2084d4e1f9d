/**
 * The reference cycle collector: gc_collect_main. Read this first; each stage is a function of
 * its own, in deduce.ts, weakrefs.ts and finalizers.ts, with a comment on what is true after it.
 */
import type { CollectResult, Collector } from '../components';
import type { Runtime } from '../runtime';
import { Kind } from '../objects/kinds';
import { GcFlag, type PyObject } from '../objects/pyobject';
import { tupleMaybeUntrack } from '../objects/tuple';
import { dictMaybeUntrack } from '../objects/dict';
import { listAppend } from '../objects/list';
import { DEBUG_COLLECTABLE, DEBUG_SAVEALL, DEBUG_STATS, DEBUG_UNCOLLECTABLE } from './state';
import { gcListMerge, gcListMove, gcListNew, gcListSize } from './gclist';
import { deduceUnreachable, type DeduceStages, REFERENCE_DEDUCE_STAGES } from './deduce';
import { handleWeakrefs } from './weakrefs';
import {
  finalizeGarbage,
  handleLegacyFinalizers,
  handleResurrectedObjects,
  moveLegacyFinalizerReachable,
  moveLegacyFinalizers,
} from './finalizers';

// Module-local copies of imported names used once per object (see deduce.ts: across files these
// are megamorphic loads through the exporting module's getters on every use).
const TUPLE = Kind.Tuple;
const DICT = Kind.Dict;
const COLLECTING = GcFlag.Collecting;
const SAVEALL = DEBUG_SAVEALL;
const listMove = gcListMove;

/**
 * The stages of a collection that an implementation may replace one at a time: an exercise asks
 * a student for one of them, and the tests prove each invariant by breaking one.
 */
export interface CollectorStages extends DeduceStages {
  untrackTuples(rt: Runtime, head: PyObject): void;
  handleWeakrefs(rt: Runtime, unreachable: PyObject, old: PyObject): number;
  finalizeGarbage(rt: Runtime, collectable: PyObject): void;
  deleteGarbage(rt: Runtime, collectable: PyObject, old: PyObject): void;
}

export class ReferenceCollector implements Collector {
  private readonly stages: CollectorStages;

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
    if (generation + 1 < gc.generations.length) gc.generations[generation + 1].count += 1;
    for (let i = 0; i <= generation; i++) gc.generations[i].count = 0;

    // Merge younger generations with the one we are collecting.
    for (let i = 0; i < generation; i++) gcListMerge(gc.generations[i].head, gc.generations[generation].head);
    const young = gc.generations[generation].head;
    const old = generation < gc.generations.length - 1 ? gc.generations[generation + 1].head : young;

    // Find what is unreachable from outside the generation.
    const unreachable = deduceUnreachable(young, stages);

    stages.untrackTuples(rt, young);
    // Move reachable objects to the next generation.
    if (young !== old) {
      if (generation === gc.generations.length - 2) gc.longLivedPending += gcListSize(young);
      gcListMerge(young, old);
    } else {
      // Dicts are untracked only in full collections, to avoid quadratic dict build-up (#14775).
      // untrackDicts also returns gc_list_size(young) as it is after it, for long_lived_total.
      gc.longLivedTotal = untrackDicts(rt, young);
      gc.longLivedPending = 0;
    }

    // Objects with legacy finalizers, and everything reachable from them, cannot be freed.
    const finalizers = gcListNew();
    moveLegacyFinalizers(unreachable, finalizers);
    moveLegacyFinalizerReachable(finalizers);

    if (gc.debug & DEBUG_COLLECTABLE) debugCycles(rt, 'collectable', unreachable);

    // Clear weakrefs and invoke callbacks as necessary.
    let m = stages.handleWeakrefs(rt, unreachable, old);

    // Call tp_finalize on objects which have one.
    stages.finalizeGarbage(rt, unreachable);

    // Continue with the objects that are still unreachable after the finalizers ran.
    const finalUnreachable = handleResurrectedObjects(unreachable, old, stages);

    // Break the cycles; this may also free objects in `finalizers`.
    m += gcListSize(finalUnreachable);
    stages.deleteGarbage(rt, finalUnreachable, old);

    const n = gcListSize(finalizers);
    if (gc.debug & DEBUG_UNCOLLECTABLE) debugCycles(rt, 'uncollectable', finalizers);
    if (gc.debug & DEBUG_STATS) rt.writeStderr(`gc: done, ${n + m} unreachable, ${n} uncollectable, 0.0000s elapsed\n`);

    handleLegacyFinalizers(rt, finalizers, old);

    // Clear the free lists only when collecting the oldest generation.
    if (generation === gc.generations.length - 1) clearFreelists(rt);

    const stats = gc.stats[generation];
    stats.collections++;
    stats.collected += m;
    stats.uncollectable += n;
    return { collected: m, uncollectable: n };
  }
}

/** Try to untrack every surviving tuple that holds only untracked objects. */
export function untrackTuples(rt: Runtime, head: PyObject): void {
  let next: PyObject;
  for (let gc = head.gcNext!; gc !== head; gc = next) {
    next = gc.gcNext!;
    if (gc.type.kind === TUPLE) tupleMaybeUntrack(rt, gc);
  }
}

/**
 * Try to untrack every surviving dict whose keys and values are all untracked. Returns the size of
 * the list afterwards: gc_list_size(young), which CPython takes in a walk of its own right after;
 * counted here in the same walk (dictMaybeUntrack untracks nothing but the dict it is given),
 * because on a big heap every walk over the list costs a cache miss per object.
 */
function untrackDicts(rt: Runtime, head: PyObject): number {
  let n = 0;
  let next: PyObject;
  for (let gc = head.gcNext!; gc !== head; gc = next) {
    next = gc.gcNext!;
    if (gc.type.kind === DICT) {
      dictMaybeUntrack(rt, gc);
      if (gc.gcNext === null) continue;
    }
    n++;
  }
  return n;
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
      listMove(op, old);
    }
  }
}

export const REFERENCE_STAGES: CollectorStages = {
  ...REFERENCE_DEDUCE_STAGES,
  untrackTuples,
  handleWeakrefs,
  finalizeGarbage,
  deleteGarbage,
};

/** clear_freelists: free every parked list, dict and tuple shell. */
function clearFreelists(rt: Runtime): void {
  for (const shell of rt.freelists.drain()) rt.free(shell);
  for (const address of rt.freelists.keys.splice(0)) rt.allocator?.free(address);
}

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
