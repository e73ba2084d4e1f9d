/**
 * The public API of pymemlab's reference memory manager (CPython 3.11), listed once.
 */
export { CPYTHON_311 } from './profile';
export type { Profile } from './profile';
export { Runtime } from './runtime';
export type { RuntimeOptions, HeapEvent } from './runtime';
export type {
  RefCounting,
  Deallocator,
  Clearer,
  Collector,
  CollectResult,
  CollectorStages,
  DeduceStages,
  GenerationScheduler,
  Components,
  Allocator,
} from './components';
export { PyObject, GcFlag } from './objects/pyobject';
export { PyType, TYPES } from './objects/pytype';
export { Kind } from './objects/kinds';
export { Frame } from './frame';
export { PyException } from './errors';
export { ReferenceRefCounting, FreedObjectError } from './refcount/refcounting';
export { ReferenceDeallocator, tpDealloc } from './refcount/dealloc';
export { ReferenceClearer } from './gc/clearer';
export { ReferenceCollector, REFERENCE_STAGES } from './gc/collect';
export { GcModule, collectWithCallback, collectGenerations, ReferenceScheduler } from './gc/gcmodule';
export { GcState, DEBUG_STATS, DEBUG_COLLECTABLE, DEBUG_UNCOLLECTABLE, DEBUG_SAVEALL, DEBUG_LEAK } from './gc/state';
export { getsizeof } from './sizes';
export { SysModule } from './sysmodule';
export { takeSnapshot, HeapObserver } from './snapshot';
export type { HeapSnapshot, ObjectView, RootView, GenerationView } from './snapshot';
export { HEAP_INVARIANTS, checkInvariants, reachableFromRoots } from './invariants/heap';
export type { Invariant, InvariantName, Violation, OperationView } from './invariants/heap';
export { heapInvariantsProperty } from './model/heap/properties';
export { HeapWorld } from './model/heap/world';
export type { HeapOp } from './model/heap/operations';
export * as pymalloc from './pymalloc';
export * as checks from './checks';
