/**
 * A set's hash table as Objects/setobject.c lays it out, so that a set iterates, prints and is
 * deallocated in CPython's order: open addressing with LINEAR_PROBES slots tried in a row, then
 * perturbation; deleted entries leave a dummy; the table grows when fill reaches 3/5 of it and is
 * rebuilt (set_insert_clean) in old slot order.
 *
 * Hashes follow CPython for ints, floats, bools and tuples of them (the cases whose order a program can
 * rely on); strs are hashed with a per-process random key in CPython, so any order is as good.
 */
import { Kind } from './kinds';
import type { PyObject } from './pyobject';
import type { DictEntry } from './dicttable';
import type { Profile } from '../profile';
import { SIZES } from '../sizes';
import { floatHash, floatValue } from './floatobject';

const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5n;
const MASK64 = (1n << 64n) - 1n;
const MODULUS = (1n << 61n) - 1n;
const DUMMY = Symbol('dummy');

type Slot = DictEntry | null | typeof DUMMY;

/** hash() of a key, as a signed 64-bit value in CPython's algorithm where it is deterministic. */
export function pyHash(op: PyObject): bigint {
  switch (op.type.kind) {
    case Kind.Int:
    case Kind.Bool: {
      const v = op.type.kind === Kind.Bool ? (op.value ? 1n : 0n) : (op.value as bigint);
      const a = v < 0n ? -v : v;
      let h = a % MODULUS;
      if (v < 0n) h = -h;
      return h === -1n ? -2n : h;
    }
    case Kind.Float:
      return floatHash(floatValue(op), op.id);
    case Kind.Tuple:
      return tupleHash(op.items!);
    case Kind.Str: {
      let h = 0xcbf29ce484222325n;
      for (const ch of op.value as string) h = ((h ^ BigInt(ch.codePointAt(0)!)) * 0x100000001b3n) & MASK64;
      return BigInt.asIntN(64, h);
    }
    default:
      return BigInt(op.id) << 4n;
  }
}

const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

/** tuplehash: xxHash-style mixing of the items' hashes. */
function tupleHash(items: readonly PyObject[]): bigint {
  let acc = XXPRIME_5;
  for (const item of items) {
    const lane = BigInt.asUintN(64, pyHash(item));
    acc = (acc + lane * XXPRIME_2) & MASK64;
    acc = ((acc << 31n) | (acc >> 33n)) & MASK64;
    acc = (acc * XXPRIME_1) & MASK64;
  }
  acc = (acc + (BigInt(items.length) ^ (XXPRIME_5 ^ 3527539n))) & MASK64;
  if (acc === MASK64) return 1546275796n;
  return BigInt.asIntN(64, acc);
}

export class SetTable {
  /** mask + 1 slots; 8 is the table inside the set object (smalltable). */
  private slots: Slot[] = new Array<Slot>(8).fill(null);
  private readonly hashes = new Map<DictEntry, bigint>();
  /** Active plus dummy entries. */
  private fill = 0;
  private used = 0;

  get size(): number {
    return this.slots.length;
  }

  /** Bytes of the table outside the object (0 while it is the smalltable). */
  bytes(profile: Profile): number {
    return this.slots.length > 8 ? SIZES.setentry.bytes(profile) * this.slots.length : 0;
  }

  /** The entries in slot order: how CPython iterates, prints and deallocates the set. */
  order(): DictEntry[] {
    const out: DictEntry[] = [];
    for (const s of this.slots) if (s !== null && s !== DUMMY) out.push(s);
    return out;
  }

  /**
   * set_add_entry for a key known to be absent: probe from hash & mask, reusing the first dummy
   * met; then grow if fill reached 3/5 of the table. Returns true when the table was rebuilt.
   */
  add(entry: DictEntry): boolean {
    const hash = pyHash(entry.key);
    this.hashes.set(entry, hash);
    const mask = BigInt(this.slots.length - 1);
    let i = BigInt.asUintN(64, hash) & mask;
    let perturb = BigInt.asUintN(64, hash);
    let freeslot = -1;
    for (;;) {
      let probes = i + BigInt(LINEAR_PROBES) <= mask ? LINEAR_PROBES : 0;
      let j = Number(i);
      for (;;) {
        const s = this.slots[j];
        if (s === null) {
          if (freeslot >= 0) {
            this.slots[freeslot] = entry;
            this.used++;
            return false; // a dummy was reused: fill does not change
          }
          this.slots[j] = entry;
          this.fill++;
          this.used++;
          return this.maybeResize();
        }
        if (s === DUMMY && freeslot < 0) freeslot = j;
        j++;
        if (probes-- === 0) break;
      }
      perturb >>= PERTURB_SHIFT;
      i = (i * 5n + 1n + perturb) & mask;
    }
  }

  private maybeResize(): boolean {
    const mask = this.slots.length - 1;
    if (this.fill * 5 < mask * 3) return false;
    this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
    return true;
  }

  /** set_table_resize: the smallest power of two above minused, refilled in old slot order. */
  private resize(minused: number): void {
    let newsize = 8;
    while (newsize <= minused) newsize <<= 1;
    const old = this.order();
    this.slots = new Array<Slot>(newsize).fill(null);
    for (const entry of old) this.insertClean(entry);
    this.fill = this.used = old.length;
  }

  /** set_insert_clean: place an entry in a table with no dummies and room to spare. */
  private insertClean(entry: DictEntry): void {
    const hash = this.hashes.get(entry)!;
    const mask = BigInt(this.slots.length - 1);
    let i = BigInt.asUintN(64, hash) & mask;
    let perturb = BigInt.asUintN(64, hash);
    for (;;) {
      let j = Number(i);
      if (this.slots[j] === null) {
        this.slots[j] = entry;
        return;
      }
      if (i + BigInt(LINEAR_PROBES) <= mask) {
        for (let k = 0; k < LINEAR_PROBES; k++) {
          j++;
          if (this.slots[j] === null) {
            this.slots[j] = entry;
            return;
          }
        }
      }
      perturb >>= PERTURB_SHIFT;
      i = (i * 5n + 1n + perturb) & mask;
    }
  }

  /**
   * A display of n constants merges a constant frozenset into the new, empty set (set_merge): the
   * table is first sized for twice n when n would overfill it.
   */
  presize(n: number): void {
    if (n * 5 >= (this.slots.length - 1) * 3) this.resize(n * 2);
  }

  /**
   * The slot layout of a constant frozenset built from `keys` (in order), as the compiler makes
   * it: PyFrozenSet_New over the constants, then rebuilt once more from its own iteration order
   * when constants are merged. Returns the layout: for each slot, the index into `keys` or -1.
   */
  static constantLayout(keys: readonly PyObject[]): { size: number; slots: number[] } {
    const build = (order: readonly PyObject[]) => {
      const table = new SetTable();
      const entries = order.map((key) => ({ key, value: null }));
      for (const e of entries) table.add(e);
      return table;
    };
    const first = build(keys);
    const second = build(first.order().map((e) => e.key));
    return {
      size: second.slots.length,
      slots: second.slots.map((s) => (s === null || s === DUMMY ? -1 : keys.indexOf(s.key))),
    };
  }

  /**
   * set_merge of a constant frozenset into this empty set: grow to twice its size if it would
   * overfill the table, then copy the frozenset's layout when the sizes match, or re-insert its
   * entries in its slot order when they do not.
   */
  mergeConstant(entries: readonly DictEntry[], layout: { size: number; slots: number[] }): void {
    this.presize(entries.length);
    for (const e of entries) this.hashes.set(e, pyHash(e.key));
    const ordered = layout.slots.filter((i) => i >= 0).map((i) => entries[i]);
    if (this.slots.length === layout.size) {
      this.slots = layout.slots.map((i) => (i >= 0 ? entries[i] : null));
    } else {
      for (const e of ordered) this.insertClean(e);
    }
    this.fill = this.used = entries.length;
  }

  /** set_discard_entry: the slot becomes a dummy. */
  remove(entry: DictEntry): void {
    const j = this.slots.indexOf(entry);
    if (j >= 0) {
      this.slots[j] = DUMMY;
      this.used--;
    }
    this.hashes.delete(entry);
  }

  /** set_clear_internal: back to an empty smalltable. */
  clear(): void {
    this.slots = new Array<Slot>(8).fill(null);
    this.hashes.clear();
    this.fill = this.used = 0;
  }
}
