/**
 * The interfaces behind which the memory manager's components are interchangeable.
 *
 * The reference implementations in core/ and a student's implementations in exercises/ both
 * implement these; the runtime, the invariants and the graders depend only on them. Each is as
 * small as the CPython functions it stands for.
 */
import type { PyObject } from './objects/pyobject';
import type { Runtime } from './runtime';

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

/** How a runtime builds each component; replace any of them with a student's. */
export interface Components {
  refcounting: (rt: Runtime) => RefCounting;
  collector: (rt: Runtime) => Collector;
}

export type { Allocator } from './pymalloc/allocator';
