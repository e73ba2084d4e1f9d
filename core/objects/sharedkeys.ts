/**
 * A class's cached keys (ht_cached_keys, a DICT_KEYS_SPLIT keys object of Objects/dictobject.c):
 * the attribute names every instance of the class shares, so that each instance keeps only an
 * array of values (PyDictValues), and a materialised `__dict__` keeps sharing the names.
 *
 * The keys object is made once per class with a managed dict (type_ready_managed_dict) at the
 * fixed size of 64 slots, and never resized: what changes is dk_nentries (names added) and
 * dk_usable (shrunk by one per new instance, down to 1, so later instances get smaller values
 * arrays). `nentries + usable` (shared_keys_usable_size) sizes every new values array and every
 * split dict's `sys.getsizeof`, which is why a `__dict__` is 296 bytes for the first instance and
 * 88 after a few dozen.
 */
import type { Profile } from '../profile';
import { keysObjectSize } from './dicttable';

/** SHARED_KEYS_MAX_SIZE: at most 30 names are shared; dk_usable starts there. */
export const SHARED_KEYS_MAX_SIZE = 30;

/** NEXT_LOG2_SHARED_KEYS_MAX_SIZE: the cached keys have 2**6 index slots. */
const LOG2_SHARED_KEYS_SIZE = 6;

export class SharedKeys {
  /** The names in the order they were first stored (their index in every values array). */
  readonly names: string[] = [];
  /** dk_usable: names that may still be added. */
  usable = SHARED_KEYS_MAX_SIZE;

  /** shared_keys_usable_size: how many values an instance made now has room for. */
  get usableSize(): number {
    return this.names.length + this.usable;
  }

  /** _PyDict_KeysSize of the keys object (what `type.__sizeof__` adds for it). */
  bytes(profile: Profile): number {
    return keysObjectSize(profile, LOG2_SHARED_KEYS_SIZE, true);
  }

  /** init_inline_values: each new instance takes one usable slot, keeping at least one. */
  reserveForInstance(): number {
    if (this.usable > 1) this.usable--;
    return this.usableSize;
  }

  /**
   * insert_into_dictkeys: the index of `name`, adding it while there is room; -1 when the keys
   * are full (the caller then needs a dict of its own).
   */
  insert(name: string): number {
    const ix = this.names.indexOf(name);
    if (ix >= 0 || this.usable <= 0) return ix;
    this.names.push(name);
    this.usable--;
    return this.names.length - 1;
  }
}
