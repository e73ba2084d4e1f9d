/**
 * What the step-through page shows, recorded in Node and embedded in the page as JSON: plain data,
 * read by the page's script and by the tests. Objects are interned (an object unchanged between
 * steps is stored once), so a recording at the step cap stays a few megabytes.
 */

/** One object as it is at a step. */
export interface ObjectRecord {
  readonly id: number;
  readonly type: string;
  readonly kind: string;
  /** A short repr (empty for instances, whose repr is an address). */
  readonly value: string;
  readonly refcnt: number;
  /** Strong references, in tp_traverse order: the first RecordBounds.referents of them. */
  readonly referents: readonly number[];
  /** References past the recorded ones (a list of 100,000 ints records 100 and 99,900 more). */
  readonly moreReferents?: number;
  readonly isGC: boolean;
  readonly tracked: boolean;
  readonly finalized: boolean;
  /** 0..2, 3 for the permanent generation, -1 when in no generation list. */
  readonly generation: number;
  /** Where pymalloc put the object's memory, or null (a static object, or the raw allocator). */
  readonly block: BlockRecord | null;
}

/** A pymalloc block: the object's address, its size class and its pool and arena. */
export interface BlockRecord {
  readonly address: number;
  readonly size: number;
  readonly pool: number;
  readonly arena: number;
}

/** One root of a frame: a local variable or a value-stack entry. */
export interface SlotRecord {
  readonly frame: string;
  readonly name: string;
  readonly kind: 'local' | 'stack' | 'global';
  readonly target: number;
  /** The target's repr when it is not a recorded object (a small int, None, an interned str). */
  readonly value?: string;
}

/** What happened during a step, in the order it happened (events) or as a difference (the rest). */
export type Change =
  | { readonly kind: 'born'; readonly id: number; readonly type: string }
  | { readonly kind: 'freed'; readonly id: number; readonly type: string; readonly why: 'refcount' | 'collector' }
  | { readonly kind: 'refcount'; readonly id: number; readonly from: number; readonly to: number }
  | { readonly kind: 'ref-added' | 'ref-dropped'; readonly from: string; readonly to: number }
  | { readonly kind: 'del' | 'weakref-callback' | 'cleared'; readonly id: number };

/** The collector's stages as gc_collect_main runs them. */
export type StageName =
  | 'start'
  | 'update_refs'
  | 'subtract_refs'
  | 'move_unreachable'
  | 'handle_weakrefs'
  | 'finalize_garbage'
  | 'delete_garbage'
  | 'done';

/** One stage of a collection: which objects it looked at and what it decided. */
export interface StageRecord {
  readonly name: StageName;
  readonly generation: number;
  /** True for the second deduce_unreachable (after finalizers, looking for resurrected objects). */
  readonly resurrectionCheck: boolean;
  /** The objects of the collected generation (or of the unreachable set, in a resurrection check). */
  readonly collecting: readonly number[];
  /** gc_refs of each collected object after this stage (update_refs, subtract_refs). */
  readonly gcRefs: Readonly<Record<number, number>>;
  /** Tentatively unreachable after move_unreachable. */
  readonly unreachable: readonly number[];
  /** gc_refs was 0 after subtract_refs but an outside reference reached them: moved back. */
  readonly movedBack: readonly number[];
  /** Objects whose finalizer ran, cleared, weakref callbacks: ids, in order. */
  readonly affected: readonly number[];
  /** Survivors moved to the next generation (done). */
  readonly promoted: readonly number[];
  /** How many objects the stage concerned; the id lists above keep only the recorded ones. */
  readonly total: number;
  /** gc_collect_main's result (done). */
  readonly collected: number | null;
  readonly uncollectable: number | null;
}

/** One pymalloc arena as a strip of pool states. */
export interface ArenaStrip {
  readonly index: number;
  readonly address: number;
  /** One character per pool slot: '#' full, '+' used, '.' empty, '-' not carved yet, 'x' lost. */
  readonly pools: string;
}

export interface AllocatorRecord {
  readonly arenas: readonly ArenaStrip[];
  /** Bytes in free blocks of carved pools: memory pymalloc keeps for reuse rather than return. */
  readonly freeBlockBytes: number;
  readonly emptyPools: number;
  /** Dead objects kept on the type free lists (list, dict and tuple shells) instead of freed. */
  readonly freeListShells: number;
}

export interface StepRecord {
  /** 'line': after a statement; 'gc': after a collector stage; 'end': after interpreter shutdown. */
  readonly kind: 'line' | 'gc' | 'end';
  /** The source line (1-based), or null at shutdown. */
  readonly line: number | null;
  /** Characters of stdout written so far. */
  readonly stdout: number;
  /**
   * Indices into Recording.objects: every object the program caused to be allocated, or, past the
   * bound, those its names reach first and then the oldest of the rest.
   */
  readonly objects: readonly number[];
  /** Ids of the program's own objects: reachable from its names, its frames' locals and stacks, or leaked. */
  readonly own: readonly number[];
  readonly slots: readonly SlotRecord[];
  readonly changes: readonly Change[];
  /** Alive, refcount > 0, but unreachable from every root: a cycle only the collector can free. */
  readonly leaked: readonly number[];
  readonly counts: readonly number[];
  readonly thresholds: readonly number[];
  readonly stage: StageRecord | null;
  /** Index into Recording.allocators. */
  readonly allocator: number;
  /** What the step's bounds left out, or null when it records everything. */
  readonly omitted: Omitted | null;
}

/** What a step left out, counted, so the page can say so. */
export interface Omitted {
  /** Live objects the program caused to be allocated that the step does not record. */
  readonly objects: number;
  /** Changes (births, frees, refcounts, references) not listed. */
  readonly changes: number;
  /** True when stranded cycles were not looked for: too many objects to walk at every step. */
  readonly cyclesUnchecked: boolean;
}

/**
 * The recorder's bounds (viz/bounds.ts): a step records at most `objects` objects, `referents`
 * references of each, and `changes` changes; a program with more than `objects` live objects is
 * recorded from its names outwards, and the page says what was left out.
 */
export interface RecordBounds {
  readonly objects: number;
  readonly referents: number;
  readonly changes: number;
}

export interface Recording {
  readonly file: string;
  readonly source: string;
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  readonly objects: readonly ObjectRecord[];
  readonly allocators: readonly AllocatorRecord[];
  readonly steps: readonly StepRecord[];
  readonly cap: number;
  readonly bounds: RecordBounds;
  /** Set when the recording stopped at the cap (the program itself ran on to the end). */
  readonly truncated: { readonly line: number | null } | null;
}
