/**
 * Object sizes of 64-bit CPython 3.11: what each object asks the allocator for, and what
 * `sys.getsizeof` reports (`__sizeof__` plus the pre-header: 16 bytes of GC head for GC types and
 * 16 more for a managed dict). Sources: cpython-3.11-memory.md section 5, measured on 3.11.7.
 */
import { Kind } from './objects/kinds';
import type { PyObject } from './objects/pyobject';
import type { PyType } from './objects/pytype';
import type { Profile } from './profile';

/** Bytes of a str's object (compact ASCII: 48 + len + 1; otherwise 72 + (len + 1) * char size). */
export function strSize(value: string): number {
  let max = 0;
  let length = 0;
  for (const ch of value) {
    max = Math.max(max, ch.codePointAt(0)!);
    length++;
  }
  if (max < 128) return 48 + length + 1;
  const charSize = max < 256 ? 1 : max < 65536 ? 2 : 4;
  return 72 + (length + 1) * charSize;
}

/** Bytes of an int with `digits` 30-bit digits. */
export function intSize(digits: number): number {
  return 24 + 4 * Math.max(1, digits);
}

/** Bytes of an instance of a class: header, slots, weaklist, GC head, managed-dict pre-header. */
export function instanceSize(profile: Profile, type: PyType): number {
  const slots = type.slotNames?.length ?? 0;
  const weaklist = type.supportsWeakrefs ? profile.pointerSize : 0;
  const managed = type.managedDict ? profile.managedDictPreHeader : 0;
  return 16 + slots * profile.pointerSize + weaklist + profile.gcHeadSize + managed;
}

const FIXED_SIZE: Partial<Record<Kind, number>> = {
  [Kind.None]: 16,
  [Kind.Bool]: 28,
  [Kind.List]: 56,
  [Kind.Dict]: 64,
  [Kind.Set]: 216,
  [Kind.Function]: 152,
  [Kind.Method]: 64,
  [Kind.Weakref]: 80,
  [Kind.Module]: 72,
  [Kind.Builtin]: 72,
  [Kind.Iterator]: 48,
  [Kind.Type]: 1688,
  [Kind.Code]: 192,
  [Kind.Descriptor]: 64,
  [Kind.Range]: 48,
  [Kind.DictView]: 40,
  [Kind.Frame]: 120,
  [Kind.Traceback]: 64,
  [Kind.Exception]: 88,
  [Kind.Head]: 0,
};

/**
 * What allocating an object of `type` requests (the object itself; a list's item array and a
 * dict's keys are separate allocations). `n` is the item count for tuples, the digit count for
 * ints, ignored otherwise; strs use `strSize`.
 */
export function basicSize(profile: Profile, type: PyType, n: number): number {
  switch (type.kind) {
    case Kind.Tuple:
      return 24 + 8 * n + profile.gcHeadSize;
    case Kind.Int:
      return intSize(n);
    case Kind.Instance:
      return instanceSize(profile, type);
    default:
      return FIXED_SIZE[type.kind] ?? 16;
  }
}

/** sys.getsizeof(op). */
export function getsizeof(profile: Profile, op: PyObject): number {
  switch (op.type.kind) {
    case Kind.Str:
      return strSize(op.value as string);
    case Kind.Int:
      return intSize(intDigits(op.value as bigint));
    case Kind.Tuple:
      return basicSize(profile, op.type, op.items!.length);
    case Kind.List:
      return 56 + 8 * op.allocated;
    case Kind.Dict:
      return 64 + op.table!.keysSize();
    case Kind.Set:
      return 216 + op.table!.set!.bytes();
    default:
      return basicSize(profile, op.type, 0);
  }
}

/** Number of 30-bit digits of an int (at least one: 3.11 allocates a digit even for zero). */
export function intDigits(v: bigint): number {
  let a = v < 0n ? -v : v;
  let n = 0;
  while (a > 0n) {
    a >>= 30n;
    n++;
  }
  return Math.max(n, 1);
}
