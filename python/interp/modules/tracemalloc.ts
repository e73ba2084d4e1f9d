/**
 * tracemalloc, the part of it lessons use (Modules/_tracemalloc.c, re-exported by
 * Lib/tracemalloc.py): start and stop tracing, read the traced memory and its peak, reset the peak,
 * clear the traces. Tracing puts `TracedAllocator` in front of the runtime's allocator, so every
 * block the simulated CPython asks for while tracing (objects, list item arrays, dict keys) is
 * counted with the size it requested, and a block freed or parked on a free list counts as CPython
 * counts it. What the figures depend on that the simulator has no model of (CPython's start-up
 * state) is listed in docs/fidelity.md.
 */
import type { Runtime } from '../../../core/runtime';
import { PyException } from '../../../core/errors';
import { TracedAllocator } from '../../../core/pymalloc/traced-allocator';
import type { StartupShells } from '../../../core/objects/freelists';
import { def, type ModuleTable, type NativeType } from './table';
import { Snapshots, TraceLocations, type PythonFrames } from './tracemalloc-snapshot';

/** tracemalloc.start's bound on the frames a traceback keeps (MAX_NFRAME). */
const MAX_NFRAME = 65535;

/**
 * What CPython's free lists hold once `import tracemalloc` has run Lib/tracemalloc.py (and the
 * modules it imports) at the top of a script: docs/probes/q8_tracemalloc_freelists.py. A list,
 * dict, float or tuple taken from these is no new allocation, so tracemalloc does not count it.
 */
const FREE_AFTER_IMPORT: StartupShells = {
  lists: 34,
  dicts: 4,
  floats: 4,
  tuples: [0, 4, 16, 4, 5, 1, 0, 0, 4, 2, 3, 3, 3, 4, 2, 1, 1, 1, 2, 1, 6],
};

/** tracemalloc, built on import; `frames` is the running program's stack, whose innermost frame each trace is attributed to. */
export function tracemallocModule(rt: Runtime, frames: PythonFrames): ModuleTable {
  let tracebackLimit = 1;
  const locations = new TraceLocations(frames);
  /** Lib/tracemalloc.py's snapshot classes, made when the module is imported. */
  let snapshots: Snapshots | null = null;
  /** The caveats already written to stderr (each once a run). */
  const caveats = new Set<string>();
  /** The tracing allocator when tracing, else null. */
  const tracer = (): TracedAllocator | null => (rt.allocator instanceof TracedAllocator ? rt.allocator : null);
  return {
    name: 'tracemalloc',
    onImport: true,
    cModule: '_tracemalloc',
    functions: [
      def({
        name: 'start',
        convention: 'fastcall',
        params: ['nframe'],
        required: 0,
        convert: 'int',
        call: ([nframe = 1]) => {
          if (nframe < 1 || nframe > MAX_NFRAME)
            throw new PyException('ValueError', `the number of frames must be in range [1; ${MAX_NFRAME}]`);
          if (tracer() !== null) return;
          if (rt.allocator === null)
            throw new PyException('RuntimeError', 'pymemlab traces only a runtime with an allocator');
          tracebackLimit = nframe;
          rt.allocator = new TracedAllocator(rt.allocator, () => locations.locate());
        },
      }),
      def({
        name: 'stop',
        convention: 'noargs',
        call: () => {
          const traced = tracer();
          if (traced !== null) rt.allocator = traced.inner;
        },
      }),
      def({ name: 'is_tracing', convention: 'noargs', call: () => tracer() !== null }),
      def({ name: 'clear_traces', convention: 'noargs', call: () => tracer()?.clearTraces() }),
      def({
        name: 'get_traced_memory',
        convention: 'noargs',
        call: () => {
          const traced = tracer();
          if (traced === null) return [0, 0];
          const caveat = traced.peakCaveat;
          if (caveat !== null && !caveats.has(caveat)) {
            caveats.add(caveat);
            rt.writeStderr(
              `pymemlab: tracemalloc's peak spans ${caveat}, whose passing allocations pymemlab does not model byte for byte: the peak may differ from CPython's (docs/fidelity.md)\n`,
            );
          }
          return [traced.traced, traced.peak];
        },
      }),
      def({ name: 'reset_peak', convention: 'noargs', call: () => tracer()?.resetPeak() }),
      def({ name: 'get_traceback_limit', convention: 'noargs', call: () => tracebackLimit }),
      def({ name: 'take_snapshot', convention: 'noargs', call: () => snapshots!.take(tracer(), tracebackLimit) }),
    ],
    constants: () => {
      // the classes first: what CPython's free lists hold after the import is measured after them
      snapshots = new Snapshots(rt, locations);
      rt.freelists.parkStartupShells(FREE_AFTER_IMPORT);
      return snapshots.constants();
    },
    get types(): NativeType[] {
      return snapshots?.types() ?? [];
    },
  };
}
