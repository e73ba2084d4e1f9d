/**
 * The interfaces behind which the memory manager's components are interchangeable.
 *
 * The reference implementations in core/ and a student's implementations in exercises/ both
 * implement these; the runtime, the invariants and the graders depend only on them. Each is as
 * small as the CPython functions it stands for, and each can be replaced on its own: a runtime
 * built with `{ components: { stages: { subtractRefs } } }` runs the reference everywhere but in
 * subtract_refs, and nowhere falls back to the reference stage it was given a replacement for.
 */
import type { PyObject } from './objects/pyobject';
import type { Runtime } from './runtime';
import type { GcState } from './gc/state';

/** Reference counting: Py_INCREF / Py_DECREF with immediate, cascading deallocation. */
export interface RefCounting {
  /** Py_INCREF */
  incref(op: PyObject): void;
  /**
   * Py_DECREF: when the count reaches zero the object is deallocated at once (its type's
   * tp_dealloc, `rt.dealloc(op)`), which drops its own references in turn.
   */
  decref(op: PyObject): void;
}

/**
 * tp_dealloc for every type (_Py_Dealloc calls it): untrack, release what the object holds in
 * CPython's order (list and tuple items last to first, dict entries in insertion order), clear
 * weakrefs, go through the trashcan (Py_TRASHCAN_BEGIN/END), and free the memory (tp_free).
 * Mirrors list_dealloc, tupledealloc, dict_dealloc, set_dealloc, subtype_dealloc, ...
 */
export interface Deallocator {
  dealloc(op: PyObject): void;
}

/**
 * tp_clear, as delete_garbage calls it on each object of an unreachable cycle: drop the
 * references that can form cycles (list_clear, dict_tp_clear, set_clear, subtype_clear, ...).
 */
export interface Clearer {
  clear(op: PyObject): void;
}

/** The result of collecting one generation (the two numbers gc_collect_main reports). */
export interface CollectResult {
  /** m: objects freed (final unreachable set plus weakrefs freed after their callbacks). */
  readonly collected: number;
  /** n: objects kept alive by legacy finalizers (tp_del) and everything reachable only from them. */
  readonly uncollectable: number;
}

/** The cycle collector: one collection of a generation, as gc_collect_main does it. */
export interface Collector {
  /**
   * Collect `generation` (0..2), merging the younger generations into it first; update counts,
   * promote survivors, run finalizers and weakref callbacks, free the unreachable cycles.
   */
  collectMain(generation: number): CollectResult;
}

/** The three steps of deduce_unreachable (Modules/gcmodule.c), each replaceable. */
export interface DeduceStages {
  /** update_refs: gc_refs = ob_refcnt for every object of `containers`, and flag it COLLECTING. */
  updateRefs(containers: PyObject): void;
  /** subtract_refs: subtract from gc_refs every reference made from inside `containers` (tp_traverse with visit_decref). */
  subtractRefs(containers: PyObject): void;
  /** move_unreachable: move the objects not reachable from outside `young` to `unreachable` (flagged UNREACHABLE). */
  moveUnreachable(young: PyObject, unreachable: PyObject): void;
}

/**
 * Every step of gc_collect_main (Modules/gcmodule.c, 3.11) an exercise may ask for, in the order
 * the collection runs them. The reference collector runs exactly these; replacing one replaces
 * it everywhere it is used (handle_resurrected_objects re-runs the given deduce stages).
 */
export interface CollectorStages extends DeduceStages {
  /** The counter updates at the top of gc_collect_main: count[g+1] += 1, counts 0..g = 0. */
  updateCounts(gc: GcState, generation: number): void;
  /** gc_collect_main's "merge younger generations with one we are currently collecting" (gc_list_merge). */
  mergeYounger(gc: GcState, generation: number): void;
  /** untrack_tuples: untrack every tuple of `head` that holds only untracked objects. */
  untrackTuples(rt: Runtime, head: PyObject): void;
  /** untrack_dicts: untrack every dict of `head` whose keys and values are all untracked (full collections only). */
  untrackDicts(rt: Runtime, head: PyObject): void;
  /**
   * "Move reachable objects to next generation": merge `young` into `old` (counting
   * long_lived_pending when old is the oldest generation), or for a full collection
   * (young === old) set long_lived_total = gc_list_size(young) and long_lived_pending = 0.
   */
  promoteSurvivors(gc: GcState, generation: number, young: PyObject, old: PyObject): void;
  /** move_legacy_finalizers: objects with tp_del leave `unreachable` for `finalizers`; UNREACHABLE is cleared on all. */
  moveLegacyFinalizers(unreachable: PyObject, finalizers: PyObject): void;
  /** move_legacy_finalizer_reachable: everything reachable from `finalizers` joins it. */
  moveLegacyFinalizerReachable(finalizers: PyObject): void;
  /** handle_weakrefs: clear weakrefs to the unreachable, call callbacks of reachable weakrefs; returns weakrefs freed. */
  handleWeakrefs(rt: Runtime, unreachable: PyObject, old: PyObject): number;
  /** finalize_garbage: call tp_finalize (`__del__`) once on each object that has one and has not been finalized. */
  finalizeGarbage(rt: Runtime, collectable: PyObject): void;
  /**
   * handle_resurrected_objects: deduce again, with `deduce`, what is still unreachable after the
   * finalizers ran; the resurrected go to `old`, the still unreachable are returned.
   */
  handleResurrectedObjects(unreachable: PyObject, old: PyObject, deduce: DeduceStages): PyObject;
  /** delete_garbage: tp_clear each object of `collectable` (or save it to gc.garbage under DEBUG_SAVEALL); survivors go to `old`. */
  deleteGarbage(rt: Runtime, collectable: PyObject, old: PyObject): void;
  /** handle_legacy_finalizers: append the objects with tp_del (all under DEBUG_SAVEALL) to gc.garbage; all move to `old`. */
  handleLegacyFinalizers(rt: Runtime, finalizers: PyObject, old: PyObject): void;
  /** clear_freelists: release the free lists (full collections only). */
  clearFreelists(rt: Runtime): void;
}

/**
 * collect_generations: on an automatic trigger, collect the oldest generation whose count
 * exceeds its threshold, a full collection only under the 25% long-lived rule; returns what
 * gc_collect_with_callback returned (0 if nothing was collected).
 */
export interface GenerationScheduler {
  collectGenerations(): number;
}

/** How a runtime builds each component; replace any of them with a student's. */
export interface Components {
  refcounting: (rt: Runtime) => RefCounting;
  dealloc: (rt: Runtime) => Deallocator;
  clear: (rt: Runtime) => Clearer;
  /** The whole collector; by default the reference one running `stages`. */
  collector: (rt: Runtime) => Collector;
  /** Single collector stages replacing the reference ones (used by the default collector). */
  stages: Partial<CollectorStages>;
  scheduler: (rt: Runtime) => GenerationScheduler;
}

export type { Allocator } from './pymalloc/allocator';
