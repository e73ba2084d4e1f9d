/**
 * The version constants of the interpreter being modelled, in one place.
 *
 * Every number the simulator takes from CPython lives here with the source it comes from, so a
 * profile for another version (3.12's immortal objects, 3.13's threshold of 2000) is a new
 * object, not a search through the code.
 */
export interface Profile {
  readonly version: string;
  /** Default `gc.get_threshold()` (Include/internal/pycore_runtime_init.h). */
  readonly thresholds: readonly [number, number, number];
  /** NUM_GENERATIONS in Modules/gcmodule.c. */
  readonly numGenerations: 3;
  /** Full collections only when long_lived_pending > long_lived_total / 4 (gc_collect_generations). */
  readonly longLivedRatio: number;
  /** PyList_MAXFREELIST (Include/internal/pycore_list.h). */
  readonly listFreeListMax: number;
  /** PyDict_MAXFREELIST (Include/internal/pycore_dict.h). */
  readonly dictFreeListMax: number;
  /** PyTuple_NFREELISTS / PyTuple_MAXFREELIST (Include/internal/pycore_tuple.h). */
  readonly tupleFreeListSizes: number;
  readonly tupleFreeListMax: number;
  /** PyFloat_MAXFREELIST (Include/internal/pycore_floatobject.h). */
  readonly floatFreeListMax: number;
  /** _PyTrash_UNWIND_LEVEL (Objects/object.c): deallocs nested deeper are deferred. */
  readonly trashcanUnwindLevel: number;
  /** _PY_NSMALLNEGINTS / _PY_NSMALLPOSINTS: the cached ints are -5..256. */
  readonly smallIntMin: number;
  readonly smallIntMax: number;
  /** _PyObject_IMMORTAL_INIT: statically allocated objects start with this refcount in 3.11. */
  readonly staticRefcnt: number;
  /** sizeof(PyObject *) on 64-bit builds: every other C size in core/sizes.ts is derived from it. */
  readonly pointerSize: 8;
  /** sizeof(PyGC_Head), two words (Include/internal/pycore_gc.h). */
  readonly gcHeadSize: 16;
  /**
   * The managed-dict pre-header of 3.11 instances, 2 * sizeof(PyObject *): dict and values pointers
   * (_PyType_PreHeaderSize, Include/internal/pycore_object.h).
   */
  readonly managedDictPreHeader: 16;
}

/** CPython 3.11 on a 64-bit Linux build: the oracle `python3` on every machine here. */
export const CPYTHON_311: Profile = Object.freeze({
  version: '3.11',
  thresholds: [700, 10, 10] as const,
  numGenerations: 3 as const,
  longLivedRatio: 4,
  listFreeListMax: 80,
  dictFreeListMax: 80,
  tupleFreeListSizes: 20,
  tupleFreeListMax: 2000,
  floatFreeListMax: 100,
  trashcanUnwindLevel: 50,
  smallIntMin: -5,
  smallIntMax: 256,
  staticRefcnt: 999_999_999,
  pointerSize: 8 as const,
  gcHeadSize: 16 as const,
  managedDictPreHeader: 16 as const,
});
