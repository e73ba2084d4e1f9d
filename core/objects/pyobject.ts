import type { Kind } from './kinds';
import { type PyType } from './pytype';
import type { DictTable } from './dicttable';

/**
 * Flag bits of the GC header, as `_gc_prev` and `_gc_next` carry them in Modules/gcmodule.c.
 *
 * | flag          | set by                          | cleared by                                  |
 * |---------------|---------------------------------|---------------------------------------------|
 * | FINALIZED     | finalize_garbage, dealloc path  | never (it outlives collections)             |
 * | COLLECTING    | update_refs                     | move_unreachable (reachable ones), the      |
 * |               |                                 | legacy-finalizer moves, delete_garbage      |
 * | UNREACHABLE   | move_unreachable                | move_legacy_finalizers, clear_unreachable_mask |
 */
export const enum GcFlag {
  Finalized = 1,
  Collecting = 2,
  Unreachable = 4,
}

/** A JavaScript function behind a built-in callable (print, len, a test's scripted callback). */
export type NativeCall = (args: PyObject[]) => PyObject;

/**
 * One object on the simulated private heap: header (refcount, type), GC header, payload.
 *
 * One class for every kind keeps V8's object shape monomorphic, which is what lets the collector
 * walk a million objects quickly; the payload fields a kind does not use stay null.
 */
export class PyObject {
  /** A unique, never reused number (the simulator's `id()`); addresses come from the allocator. */
  readonly id: number;
  type: PyType;
  refcnt = 1;

  // --- refchain: every live object, like a Py_TRACE_REFS build's _ob_next/_ob_prev ---
  obNext: PyObject | null = null;
  obPrev: PyObject | null = null;

  // --- PyGC_Head (meaningful only when type.isGC) ---
  /** Next object in the object's gc list; null means untracked (_gc_next == 0). */
  gcNext: PyObject | null = null;
  gcPrev: PyObject | null = null;
  /** gc_refs: the refcount copy the collector works on (the upper bits of _gc_prev). */
  gcRefs = 0;
  gcFlags = 0;

  // --- payload ---
  /** int (bigint), float (number), str (string), bool (boolean); the name of a Builtin or Code object. */
  value: bigint | number | string | boolean | null = null;
  /** list and tuple items; for a list, `allocated` is its capacity (for a generator, its frame's slots). */
  items: PyObject[] | null = null;
  allocated = 0;
  /** dict and set entries; instance inline values live in `values` instead. */
  table: DictTable | null = null;
  /**
   * Fixed-position references: a function's globals and defaults, a bound method's function and
   * self, a weakref's callback, an instance's `__slots__` values, a class's dict/bases/mro, a
   * module's dict, an iterator's sequence. Read them through the accessors next to each kind's
   * constructor (`funcCode`, `methodSelf`, `typeMro`, `moduleDict`, ...), never by position.
   */
  refs: (PyObject | null)[] | null = null;
  /** An instance's inline attribute values, indexed like its class's cached keys (3.11 PyDictValues). */
  values: (PyObject | null)[] | null = null;
  /** The indices of `values` in the order the instance first stored them (its `__dict__`'s order). */
  valuesOrder: number[] | null = null;
  /** An instance's materialised `__dict__` (the managed dict pointer), once someone asked for it. */
  dictRef: PyObject | null = null;
  /** Weak references to this object, head first (tp_weaklist). */
  weaklist: PyObject[] | null = null;
  /** A weakref's referent (wr_object); null once cleared (Py_None in CPython). */
  wrObject: PyObject | null = null;
  native: NativeCall | null = null;
  /** The address the allocator returned for the object's memory (0 when not allocated there). */
  address = 0;
  /** The address of the object's second block: a list's item array, a dict's keys, a set's table. */
  auxAddress = 0;
  /** True once the object is dead and its memory returned (or parked on a free list). */
  freed = false;
  /** Iterator position. */
  index = 0;
  /**
   * The view a heap snapshot last made of this object when it was a leaf (core/snapshot.ts), reused
   * while its fields stay the same. Kept here, not in a side table, because a check snapshots the
   * whole heap after every step and the lookup is most of the cost of an unchanged object.
   */
  leafView: object | null = null;

  constructor(id: number, type: PyType) {
    this.id = id;
    this.type = type;
  }

  get kind(): Kind {
    return this.type.kind;
  }

  get isTracked(): boolean {
    return this.gcNext !== null;
  }
}
