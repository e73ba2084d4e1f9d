/**
 * `sys._debugmallocstats()` for a simulated run: the allocator's arenas, pools and size classes in
 * CPython's format, followed by the free lists the runtime keeps in front of it.
 */
import type { Runtime } from '../../core/runtime';
import { debugMallocStats } from '../../core/pymalloc/render-debugmallocstats';
import type { FreeListStats } from '../../core/pymalloc/collect-malloc-stats';
import { SIZES } from '../../core/sizes';

/** The free-list lines CPython prints (dicts, floats, lists, then tuples of sizes 1..20). */
function freeListStats(rt: Runtime): FreeListStats[] {
  const counts = rt.freelists.counts();
  const p = rt.profile;
  // _PyObject_VAR_SIZE(&PyTuple_Type, n): the tuple without its GC head.
  const tupleSize = (n: number) => SIZES.PyTupleObject.bytes(p) + n * SIZES.pointer.bytes(p);
  return [
    { label: 'free PyDictObject', count: counts.dicts, size: SIZES.PyDictObject.bytes(p) },
    { label: 'free PyFloatObject', count: counts.floats, size: SIZES.PyFloatObject.bytes(p) },
    { label: 'free PyListObject', count: counts.lists, size: SIZES.PyListObject.bytes(p) },
    ...counts.tuples
      .slice(1)
      .map((count, i) => ({ label: `free ${i + 1}-sized PyTupleObject`, count, size: tupleSize(i + 1) })),
  ];
}

export function debugMallocStatsText(rt: Runtime): string {
  if (rt.allocator === null) return 'pymemlab: this run has no allocator model\n';
  return debugMallocStats(rt.allocator.snapshot(), freeListStats(rt));
}
