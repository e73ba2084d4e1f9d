/**
 * dict objects (Objects/dictobject.c): untracked at birth, tracked when a possibly-tracked key or
 * value goes in (MAINTAIN_TRACKING), untracked again by a full collection if only atoms remain.
 * Values passed in are borrowed; the dict takes its own references to keys and values.
 */
import type { Runtime } from '../runtime';
import { DictTable, DICT_LOG_MINSIZE } from './dicttable';
import { hashKey } from './hashkey';
import { Kind } from './kinds';
import { type PyObject } from './pyobject';
import { TYPES } from './pytype';
import { mayBeTracked } from './tracking';
import { PyException } from '../errors';

/** PyDict_New: from the free list if it can be; never tracked at creation. */
export function newDict(rt: Runtime): PyObject {
  const shell = rt.freelists.dicts.pop();
  const op =
    shell !== undefined
      ? rt.reuse(shell)
      : rt.freelists.takeStartupDict()
        ? rt.allocStartupShell(TYPES.dict)
        : rt.alloc(TYPES.dict);
  op.table = new DictTable();
  return op;
}

/**
 * Keep the keys object's memory in step with the table: dictresize makes the new keys object
 * before it frees the old one (both are live for a moment, which tracemalloc's peak sees);
 * minimum-size all-str keys objects go through the keys free list.
 */
function reallocKeys(rt: Runtime, op: PyObject): void {
  const table = op.table!;
  const size = table.keysSize(rt.profile);
  if (size === 0 || rt.allocator === null) return freeKeys(rt, op);
  const parkable = table.log2Size === DICT_LOG_MINSIZE && table.unicode;
  const address = (parkable ? rt.freelists.keys.pop() : undefined) ?? rt.allocator.malloc(size);
  freeKeys(rt, op);
  op.auxAddress = address;
  table.keysParkable = parkable;
}

/** free_keys_object: park a minimum-size all-str keys object, free any other. */
export function freeKeys(rt: Runtime, op: PyObject): void {
  if (op.auxAddress === 0 || rt.allocator === null) return;
  if (!(op.table!.keysParkable && rt.freelists.pushKeys(op.auxAddress))) rt.allocator.free(op.auxAddress);
  op.auxAddress = 0;
}

/** d[key] = value (insertdict): a new key goes at the end; an existing key keeps its place. */
export function dictSetItem(rt: Runtime, op: PyObject, key: PyObject, value: PyObject): void {
  const hk = hashKey(key);
  const table = op.table!;
  const entry = table.map.get(hk);
  if (op.gcNext === null && (mayBeTracked(key) || mayBeTracked(value))) rt.track(op);
  if (entry !== undefined) {
    const old = entry.value!;
    entry.value = rt.newRef(value);
    rt.decref(old);
    return;
  }
  const keyIsStr = key.type.kind === Kind.Str;
  if (table.shared !== null) {
    // A split dict stores a new name in the class's shared keys while they can take it.
    if (keyIsStr && table.shared.insert(key.value as string) >= 0) {
      table.map.set(hk, { key: rt.newRef(key), value: rt.newRef(value) });
      return;
    }
    table.unshare(keyIsStr);
    reallocKeys(rt, op);
  }
  const resized = table.noteInsert(keyIsStr);
  table.map.set(hk, { key: rt.newRef(key), value: rt.newRef(value) });
  if (resized) reallocKeys(rt, op);
}

/** d[key], borrowed; undefined when absent. */
export function dictGetItem(op: PyObject, key: PyObject): PyObject | undefined {
  return op.table!.map.get(hashKey(key))?.value ?? undefined;
}

export function keyError(key: PyObject): PyException {
  return new PyException('KeyError', keyRepr(key));
}

function keyRepr(key: PyObject): string {
  if (key.type.kind === Kind.Str) return `'${key.value as string}'`;
  if (key.type.kind === Kind.Bool) return key.value ? 'True' : 'False';
  if (key.type.kind === Kind.None) return 'None';
  return String(key.value);
}

/** del d[key] (delitem_common): unlink the entry, then release the value, then the key. */
export function dictDelItem(rt: Runtime, op: PyObject, key: PyObject): void {
  const hk = hashKey(key);
  const entry = op.table!.map.get(hk);
  if (entry === undefined) throw keyError(key);
  op.table!.map.delete(hk);
  rt.decref(entry.value!);
  rt.decref(entry.key);
}

/** d.pop(key): the value is returned (owned by the caller), the key released. */
export function dictPop(rt: Runtime, op: PyObject, key: PyObject): PyObject | undefined {
  const hk = hashKey(key);
  const entry = op.table!.map.get(hk);
  if (entry === undefined) return undefined;
  op.table!.map.delete(hk);
  rt.decref(entry.key);
  return entry.value!;
}

/**
 * PyDict_Clear: swap in the empty keys object, then release the old entries in order, each key
 * before its value (free_keys_object).
 */
export function dictClear(rt: Runtime, op: PyObject): void {
  const entries = [...op.table!.map.values()];
  op.table!.map.clear();
  op.table!.noteClear();
  reallocKeys(rt, op);
  releaseEntries(rt, entries);
}

export function releaseEntries(rt: Runtime, entries: readonly { key: PyObject; value: PyObject | null }[]): void {
  for (const entry of entries) {
    rt.decref(entry.key);
    if (entry.value !== null) rt.decref(entry.value);
  }
}

/**
 * _PyDict_MaybeUntrack: in a full collection, a surviving dict whose keys and values are all
 * atoms (or untracked tuples) is untracked again.
 */
export function dictMaybeUntrack(rt: Runtime, op: PyObject): void {
  if (op.gcNext === null) return;
  for (const entry of op.table!.map.values()) {
    if (mayBeTracked(entry.key) || mayBeTracked(entry.value!)) return;
  }
  rt.untrack(op);
}
