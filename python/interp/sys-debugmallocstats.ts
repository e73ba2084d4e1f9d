/**
 * `sys._debugmallocstats()` for a simulated run: the allocator's arenas, pools and size classes in
 * CPython's format, followed by the free lists the runtime keeps in front of it.
 */
import type { Runtime } from '../../core/runtime';
import { debugMallocStats } from '../../core/pymalloc/render-debugmallocstats';
import type { FreeListStats } from '../../core/pymalloc/collect-malloc-stats';

/** The free-list lines CPython prints (dicts, floats, lists, then tuples of sizes 1..20). */
function freeListStats(rt: Runtime): FreeListStats[] {
  const counts = rt.freelists.counts();
  return [
    { label: 'free PyDictObject', count: counts.dicts, size: 48 },
    { label: 'free PyFloatObject', count: 0, size: 24 },
    { label: 'free PyListObject', count: counts.lists, size: 40 },
    ...counts.tuples
      .slice(1)
      .map((count, i) => ({ label: `free ${i + 1}-sized PyTupleObject`, count, size: 24 + 8 * (i + 1) })),
  ];
}

export function debugMallocStatsText(rt: Runtime): string {
  if (rt.allocator === null) return 'pymemlab: this run has no allocator model\n';
  return debugMallocStats(rt.allocator.snapshot(), freeListStats(rt));
}
