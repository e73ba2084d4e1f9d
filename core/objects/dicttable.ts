import type { PyObject } from './pyobject';
import { type SetTable } from './settable';
import type { Profile } from '../profile';
import { SIZES } from '../sizes';
import type { SharedKeys } from './sharedkeys';

export interface DictEntry {
  key: PyObject;
  /** null for a set entry. */
  value: PyObject | null;
}

/** PyDict_LOG_MINSIZE: a combined table starts with 8 slots. */
export const DICT_LOG_MINSIZE = 3;

/** USABLE_FRACTION: at most 2/3 of a table's slots hold entries. */
export function usableFraction(size: number): number {
  return Math.floor((size << 1) / 3);
}

/** calculate_log2_keysize: the smallest table (at least 8 slots) with room for minsize. */
export function log2KeySize(minsize: number): number {
  const m = ((minsize | 8) - 1) | 7;
  return 32 - Math.clz32(m);
}

/** _PyDict_KeysSize: the keys object's header, its index array and its entries. */
export function keysObjectSize(profile: Profile, log2Size: number, unicode: boolean): number {
  const size = 1 << log2Size;
  const indexBytes = log2Size < 8 ? 1 : log2Size < 16 ? 2 : log2Size < 32 ? 4 : 8;
  const entry = unicode ? SIZES.PyDictUnicodeEntry : SIZES.PyDictKeyEntry;
  return SIZES.PyDictKeysObject.bytes(profile) + size * indexBytes + usableFraction(size) * entry.bytes(profile);
}

/**
 * The entries of a dict or set, in iteration order, plus the sizing state of CPython's keys object.
 *
 * Entries live in a Map keyed by a hash key, which keeps Python's insertion order (a deleted key
 * re-inserted goes to the end; overwriting keeps its place). The sizing fields follow
 * Objects/dictobject.c so that `sys.getsizeof` and the allocator see the same table growth:
 * deleted entries keep using slots (dk_nentries) until the next resize compacts them.
 */
export class DictTable {
  readonly map = new Map<string, DictEntry>();
  /** log2 of the hash table size; 0 means the shared empty keys object (no allocation). */
  log2Size = 0;
  /** dk_nentries: entry slots used, including deleted ones. */
  nentries = 0;
  /** dk_usable: entry slots still free before a resize. */
  usable = 0;
  /** DK_IS_UNICODE: every key so far is a str, so entries are 16 bytes instead of 24. */
  unicode = true;
  /** The allocated keys object is a minimum-size all-str one, which the keys free list takes back. */
  keysParkable = false;
  /** For a set: its hash table, which decides the iteration order. */
  set: SetTable | null = null;
  /**
   * For a split dict (an instance's materialised `__dict__`): the class's cached keys it shares;
   * its own memory is then only the values array, sized by the keys' usable size.
   */
  shared: SharedKeys | null = null;

  get size(): number {
    return this.map.size;
  }

  /** Bytes of the keys object (_PyDict_KeysSize), 0 for the shared empty keys. */
  keysSize(profile: Profile): number {
    if (this.log2Size === 0) return 0;
    return keysObjectSize(profile, this.log2Size, this.unicode);
  }

  /**
   * What `sys.getsizeof` adds to the dict object (_PyDict_SizeOf): a split dict's values array
   * (its keys are accounted for in the class), a combined dict's keys object.
   */
  tableSize(profile: Profile): number {
    return this.shared !== null ? this.shared.usableSize * profile.pointerSize : this.keysSize(profile);
  }

  /**
   * insertion_resize on a split dict: a key the shared keys cannot take (not a str, or no room)
   * gives the dict a combined table of its own, sized for its entries (GROWTH_RATE).
   */
  unshare(keyIsStr: boolean): void {
    this.shared = null;
    this.resize(log2KeySize(this.map.size * 3), keyIsStr);
  }

  /**
   * Account for inserting a new key; returns true when the keys object was replaced (dictresize),
   * so the caller can move the table's memory in the allocator.
   */
  noteInsert(keyIsStr: boolean): boolean {
    let resized = false;
    if (this.log2Size === 0) {
      this.resize(DICT_LOG_MINSIZE, keyIsStr);
      resized = true;
    } else if (this.unicode && !keyIsStr) {
      this.resize(log2KeySize(this.map.size * 3), false);
      resized = true;
    } else if (this.usable <= 0) {
      this.resize(log2KeySize(this.map.size * 3), this.unicode);
      resized = true;
    }
    this.nentries++;
    this.usable--;
    return resized;
  }

  private resize(log2: number, unicode: boolean): void {
    this.log2Size = log2;
    this.unicode = unicode;
    this.nentries = this.map.size;
    this.usable = usableFraction(1 << log2) - this.map.size;
  }

  /**
   * dict_new_presized for a display of n entries: up to 5 stay with the empty keys (the first
   * insert makes the minimum table); more get a table for n at once (estimate_log2_keysize).
   */
  presizeDict(n: number, allStr: boolean): void {
    if (n <= usableFraction(8)) return;
    this.log2Size = log2KeySize((n * 3 + 1) >> 1);
    this.unicode = allStr;
    this.nentries = 0;
    this.usable = usableFraction(1 << this.log2Size);
  }

  /** PyDict_Clear: back to the shared empty keys object. */
  noteClear(): void {
    this.shared = null;
    this.log2Size = 0;
    this.nentries = 0;
    this.usable = 0;
    this.unicode = true;
    this.set?.clear();
  }

  /** Entries in iteration order: insertion order for a dict, slot order for a set. */
  entries(): Iterable<DictEntry> {
    return this.set !== null ? this.set.order() : this.map.values();
  }
}
