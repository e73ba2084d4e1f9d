import type { PyObject } from './pyobject';
import type { Profile } from '../profile';

/**
 * The type free lists 3.11 keeps in front of the allocator (lists, dicts, floats, tuples of size 1..20).
 *
 * A dead list, dict or small tuple is parked here instead of being freed, and the next object of
 * that type reuses the shell: neither step touches the allocator or generation 0's count, which
 * is why `gc.get_count()` does not move when temporary lists come and go. A full collection
 * empties every free list (clear_freelists).
 */
/**
 * How many shells CPython has parked on its list, dict, float and tuple free lists (`tuples[n]`: tuples
 * of size n) before a program's statements run, which the simulator never made.
 */
export interface StartupShells {
  readonly lists: number;
  readonly dicts: number;
  readonly floats: number;
  readonly tuples: readonly number[];
}

export class FreeLists {
  readonly lists: PyObject[] = [];
  readonly dicts: PyObject[] = [];
  /** Addresses of parked dict keys objects (8 slots, all-str keys): dictobject.c's keys_free_list. */
  readonly keys: number[] = [];
  /** Dead floats, last parked first reused (float_dealloc links them through ob_type). */
  readonly floats: PyObject[] = [];
  /** tuples[n] holds dead tuples of size n (1..tupleFreeListSizes). */
  readonly tuples: PyObject[][];
  /**
   * interp->slice_cache: one dead slice. `startupSlice` stands for the one CPython's start-up left
   * there (the simulator has no start-up to make it): the first slice taken allocates memory but
   * no gc count, as reusing it would.
   */
  private slice: PyObject | null = null;
  private startupSlice = true;
  /**
   * Shells CPython's start-up left parked that the simulator has not made (none unless a module
   * sets them, see `parkStartupShells`). Taking one allocates memory, as reusing costs none in
   * CPython: no gc count, nothing tracemalloc sees. They count towards each list's capacity.
   */
  private startup = { lists: 0, dicts: 0, floats: 0, tuples: [] as number[] };

  constructor(private readonly profile: Profile) {
    this.tuples = Array.from({ length: profile.tupleFreeListSizes + 1 }, () => []);
  }

  /** What CPython's free lists hold when the program starts, as measured (replaces any earlier figures). */
  parkStartupShells(shells: StartupShells): void {
    this.startup = { lists: shells.lists, dicts: shells.dicts, floats: shells.floats, tuples: shells.tuples.slice() };
  }

  /** Whether a start-up list shell was there to take (then it is taken). */
  takeStartupList(): boolean {
    return this.takeStartup('lists');
  }

  /** Whether a start-up dict shell was there to take (then it is taken). */
  takeStartupDict(): boolean {
    return this.takeStartup('dicts');
  }

  /** Whether a start-up float shell was there to take (then it is taken). */
  takeStartupFloat(): boolean {
    return this.takeStartup('floats');
  }

  /** Whether a start-up tuple shell of `size` was there to take (then it is taken). */
  takeStartupTuple(size: number): boolean {
    if (!(this.startup.tuples[size] > 0)) return false;
    this.startup.tuples[size]--;
    return true;
  }

  private takeStartup(list: 'lists' | 'dicts' | 'floats'): boolean {
    if (this.startup[list] === 0) return false;
    this.startup[list]--;
    return true;
  }

  pushList(op: PyObject): boolean {
    if (this.lists.length + this.startup.lists >= this.profile.listFreeListMax) return false;
    this.lists.push(op);
    return true;
  }

  pushDict(op: PyObject): boolean {
    if (this.dicts.length + this.startup.dicts >= this.profile.dictFreeListMax) return false;
    this.dicts.push(op);
    return true;
  }

  /** free_keys_object: a minimum-size all-str keys object is kept for reuse (80 at most). */
  pushKeys(address: number): boolean {
    if (this.keys.length >= this.profile.dictFreeListMax) return false;
    this.keys.push(address);
    return true;
  }

  /** float_dealloc: at most PyFloat_MAXFREELIST (100) floats are parked; the rest are freed. */
  pushFloat(op: PyObject): boolean {
    if (this.floats.length + this.startup.floats >= this.profile.floatFreeListMax) return false;
    this.floats.push(op);
    return true;
  }

  popFloat(): PyObject | undefined {
    return this.floats.pop();
  }

  /** maybe_freelist_push: only sizes 1..20, at most 2000 of each. */
  pushTuple(op: PyObject, size: number): boolean {
    if (size < 1 || size > this.profile.tupleFreeListSizes) return false;
    const list = this.tuples[size];
    if (list.length + (this.startup.tuples[size] ?? 0) >= this.profile.tupleFreeListMax) return false;
    list.push(op);
    return true;
  }

  popTuple(size: number): PyObject | undefined {
    if (size < 1 || size > this.profile.tupleFreeListSizes) return undefined;
    return this.tuples[size].pop();
  }

  /** A shell for a new slice: the cached one, or null to allocate (see `startupSlice`). */
  takeSlice(): PyObject | null {
    const op = this.slice;
    this.slice = null;
    return op;
  }

  /** Whether the next slice allocation is the start-up slice (counted no more than a reuse). */
  takeStartupSlice(): boolean {
    const had = this.startupSlice;
    this.startupSlice = false;
    return had;
  }

  /** slice_dealloc's cache: a dead slice is kept when the cache is empty. */
  parkSlice(op: PyObject): boolean {
    if (this.slice !== null || this.startupSlice) return false;
    this.slice = op;
    return true;
  }

  /** Every parked shell, emptied out of the lists (for clear_freelists to free them). */
  drain(): PyObject[] {
    this.parkStartupShells({ lists: 0, dicts: 0, floats: 0, tuples: [] });
    const out = [
      ...this.tuples.flatMap((list) => list.splice(0)),
      ...this.floats.splice(0),
      ...this.lists.splice(0),
      ...this.dicts.splice(0),
    ];
    return out;
  }

  /** How many shells each free list holds (for `sys._debugmallocstats`' free-list lines). */
  counts(): { lists: number; dicts: number; floats: number; tuples: number[] } {
    return {
      lists: this.lists.length,
      dicts: this.dicts.length,
      floats: this.floats.length,
      tuples: this.tuples.map((l) => l.length),
    };
  }
}
