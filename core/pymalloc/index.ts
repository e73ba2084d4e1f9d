/**
 * The pymalloc model's public API, listed once.
 *
 * @public
 */
export type { Allocator } from './allocator';
export type {
  ArenaSnapshot,
  LiveBlock,
  PoolSnapshot,
  PymallocCounters,
  PymallocSnapshot,
  PymallocStructure,
} from './snapshot';
export type { DebugMallocStats, FreeListStats, SizeClassStats } from './collect-malloc-stats';
export type { Invariant, InvariantName, Violation } from './invariants';
export type { PoolCell } from './picture';

export {
  ALIGNMENT,
  ALIGNMENT_SHIFT,
  ARENA_SIZE,
  DUMMY_SIZE_IDX,
  INDEX2SIZE,
  INITIAL_ARENA_OBJECTS,
  MAX_POOLS_IN_ARENA,
  NB_SMALL_SIZE_CLASSES,
  NUMBLOCKS,
  POOL_OVERHEAD,
  POOL_SIZE,
  SMALL_REQUEST_THRESHOLD,
  SYSTEM_PAGE_SIZE,
  isSmallRequest,
  sizeClassIndex,
} from './constants';
export { Pymalloc, type PymallocOptions } from './pymalloc';
export { DoubleFreeError, InvalidFreeError, InvalidRequestError, PymallocError } from './errors';
export { LiveBlockLedger, ObservedAllocator, observeAllocator } from './live-block-ledger';
export { INVARIANT_NAMES, PYMALLOC_INVARIANTS, checkInvariants } from './invariants';
export { collectMallocStats } from './collect-malloc-stats';
export { debugMallocStats, renderDebugMallocStats } from './render-debugmallocstats';
export { DebugMallocStatsParseError, parseDebugMallocStats } from './parse-debugmallocstats';
export { escapeXml, poolCells, renderArenaPicture, renderArenaSvg } from './picture';
