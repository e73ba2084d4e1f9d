/**
 * Object sizes of 64-bit CPython 3.11: what each object asks the allocator for, and what
 * `sys.getsizeof` reports (`__sizeof__` plus the pre-header: the GC head for GC types and the
 * managed-dict pointers for instances, `_PyType_PreHeaderSize` in Include/internal/pycore_object.h).
 *
 * Every C size is written once, in `SIZES`, with the C expression it stands for and the file that
 * defines it; its bytes are computed from the profile's pointer size, so no `8` stands for a
 * pointer anywhere else. The sizes of whole objects (`basicSize`, `getsizeof`) are derived from it.
 * The numbers were checked on CPython 3.11.7 (`type.__basicsize__`, `sys.getsizeof`).
 */
import { Kind } from './objects/kinds';
import type { PyObject } from './objects/pyobject';
import { definedType, type PyType } from './objects/pytype';
import { CPYTHON_311, type Profile } from './profile';

/** One C size: its expression, the file that defines it, and its bytes on a build with `profile`. */
export interface CSize {
  readonly expr: string;
  readonly file: string;
  readonly bytes: (profile: Profile) => number;
}

/** `n` pointer-sized fields (Py_ssize_t, pointers and hashes are one word each), plus `extra` bytes. */
const words =
  (n: number, extra = 0) =>
  (p: Profile): number =>
    n * p.pointerSize + extra;

/** A size that does not depend on the pointer size (or that was measured, not derived). */
const constant =
  (n: number) =>
  (_profile: Profile): number =>
    n;

/** PySet_MINSIZE (Include/setobject.h): the entries of a set's smalltable. */
const SET_MINSIZE = 8;

/** The C sizes the simulator uses, by struct. */
export const SIZES = {
  PyObject: { expr: 'sizeof(PyObject)', file: 'Include/object.h', bytes: words(2) },
  pointer: { expr: 'sizeof(PyObject *)', file: 'Include/object.h', bytes: words(1) },
  PyTupleObject: { expr: 'offsetof(PyTupleObject, ob_item)', file: 'Include/cpython/tupleobject.h', bytes: words(3) },
  PyLongObject: { expr: 'offsetof(PyLongObject, ob_digit)', file: 'Include/cpython/longintrepr.h', bytes: words(3) },
  PyLongObjectMedium: {
    expr: 'sizeof(PyLongObject) (one digit, padded): what _PyLong_FromMedium requests',
    file: 'Include/cpython/longintrepr.h',
    bytes: words(4),
  },
  digit: { expr: 'sizeof(digit) (30-bit digits)', file: 'Include/cpython/longintrepr.h', bytes: constant(4) },
  PyFloatObject: { expr: 'sizeof(PyFloatObject)', file: 'Include/cpython/floatobject.h', bytes: words(3) },
  PyASCIIObject: {
    expr: 'sizeof(PyASCIIObject) (length, hash, state, wstr)',
    file: 'Include/cpython/unicodeobject.h',
    bytes: words(5, 8),
  },
  PyCompactUnicodeObject: {
    expr: 'sizeof(PyCompactUnicodeObject) (+ utf8_length, utf8, wstr_length)',
    file: 'Include/cpython/unicodeobject.h',
    bytes: words(8, 8),
  },
  PyListObject: { expr: 'sizeof(PyListObject)', file: 'Include/cpython/listobject.h', bytes: words(5) },
  PyDictObject: {
    expr: 'sizeof(PyDictObject) (ma_used, uint64 ma_version_tag, ma_keys, ma_values)',
    file: 'Include/cpython/dictobject.h',
    bytes: words(5, 8),
  },
  PyDictKeysObject: {
    expr: 'sizeof(PyDictKeysObject) (dk_refcnt, four 1-byte fields, uint32 dk_version, dk_usable, dk_nentries)',
    file: 'Include/internal/pycore_dict.h',
    bytes: words(3, 8),
  },
  PyDictKeyEntry: {
    expr: 'sizeof(PyDictKeyEntry) (me_hash, me_key, me_value)',
    file: 'Include/internal/pycore_dict.h',
    bytes: words(3),
  },
  PyDictUnicodeEntry: {
    expr: 'sizeof(PyDictUnicodeEntry) (me_key, me_value)',
    file: 'Include/internal/pycore_dict.h',
    bytes: words(2),
  },
  setentry: { expr: 'sizeof(setentry) (key, hash)', file: 'Include/setobject.h', bytes: words(2) },
  PySetObject: {
    expr: 'sizeof(PySetObject) (fill, used, mask, table, hash, finger, smalltable[PySet_MINSIZE], weakreflist)',
    file: 'Include/setobject.h',
    bytes: (p) => words(9)(p) + SET_MINSIZE * words(2)(p),
  },
  PyFunctionObject: {
    expr: 'sizeof(PyFunctionObject) (16 pointers and a padded uint32 func_version)',
    file: 'Include/cpython/funcobject.h',
    bytes: words(17),
  },
  PyMethodObject: { expr: 'sizeof(PyMethodObject)', file: 'Include/cpython/classobject.h', bytes: words(6) },
  PyWeakReference: { expr: 'sizeof(PyWeakReference)', file: 'Include/cpython/weakrefobject.h', bytes: words(8) },
  PyModuleObject: { expr: 'sizeof(PyModuleObject)', file: 'Include/internal/pycore_moduleobject.h', bytes: words(7) },
  PyCFunctionObject: { expr: 'sizeof(PyCFunctionObject)', file: 'Include/cpython/methodobject.h', bytes: words(7) },
  listiterobject: {
    expr: 'sizeof(listiterobject), the model of every iterator',
    file: 'Objects/listobject.c',
    bytes: words(4),
  },
  PyTypeObject: {
    expr: 'sizeof(PyTypeObject) (type___sizeof__ of a static type)',
    file: 'Include/cpython/object.h',
    bytes: words(51),
  },
  PyHeapTypeObject: {
    expr: 'sizeof(PyHeapTypeObject) (type___sizeof__ of a class, before its cached keys)',
    file: 'Include/cpython/object.h',
    bytes: words(113),
  },
  PyCodeObject: {
    expr: 'code_sizeof() of a small function (measured)',
    file: 'Objects/codeobject.c',
    bytes: constant(192),
  },
  PyGetSetDescrObject: { expr: 'sizeof(PyGetSetDescrObject)', file: 'Include/descrobject.h', bytes: words(6) },
  rangeobject: { expr: 'sizeof(rangeobject)', file: 'Objects/rangeobject.c', bytes: words(6) },
  PySliceObject: { expr: 'sizeof(PySliceObject) (start, stop, step)', file: 'Include/sliceobject.h', bytes: words(5) },
  _PyDictViewObject: { expr: 'sizeof(_PyDictViewObject)', file: 'Include/internal/pycore_dict.h', bytes: words(3) },
  PyFrameObject: {
    expr: 'sizeof(PyFrameObject), the model of a frame object (no locals-plus slots)',
    file: 'Include/internal/pycore_frame.h',
    bytes: words(15),
  },
  PyTracebackObject: {
    expr: 'sizeof(PyTracebackObject) rounded to its 16-byte size class (the model)',
    file: 'Include/cpython/traceback.h',
    bytes: words(6),
  },
  PyGenObject: {
    expr: 'offsetof(PyGenObject, gi_iframe) + offsetof(_PyInterpreterFrame, localsplus) (gen_sizeof)',
    file: 'Include/internal/pycore_frame.h',
    bytes: words(19),
  },
  PyCellObject: { expr: 'sizeof(PyCellObject) (ob_ref)', file: 'Include/cpython/cellobject.h', bytes: words(3) },
  PyBaseExceptionObject: { expr: 'sizeof(PyBaseExceptionObject)', file: 'Include/cpython/pyerrors.h', bytes: words(9) },
} as const satisfies Record<string, CSize>;

/** The struct of each kind of fixed size, and whether the model allocates a GC head in front. */
const FIXED: Partial<Record<Kind, { readonly struct: CSize; readonly gcHead: boolean }>> = {
  [Kind.None]: { struct: SIZES.PyObject, gcHead: false },
  [Kind.List]: { struct: SIZES.PyListObject, gcHead: true },
  [Kind.Dict]: { struct: SIZES.PyDictObject, gcHead: true },
  [Kind.Set]: { struct: SIZES.PySetObject, gcHead: true },
  [Kind.Function]: { struct: SIZES.PyFunctionObject, gcHead: true },
  [Kind.Method]: { struct: SIZES.PyMethodObject, gcHead: true },
  [Kind.Weakref]: { struct: SIZES.PyWeakReference, gcHead: true },
  [Kind.Module]: { struct: SIZES.PyModuleObject, gcHead: true },
  [Kind.Builtin]: { struct: SIZES.PyCFunctionObject, gcHead: true },
  [Kind.Iterator]: { struct: SIZES.listiterobject, gcHead: true },
  [Kind.Type]: { struct: SIZES.PyHeapTypeObject, gcHead: true },
  [Kind.Code]: { struct: SIZES.PyCodeObject, gcHead: false },
  [Kind.Descriptor]: { struct: SIZES.PyGetSetDescrObject, gcHead: true },
  [Kind.Range]: { struct: SIZES.rangeobject, gcHead: false },
  [Kind.Slice]: { struct: SIZES.PySliceObject, gcHead: true },
  [Kind.DictView]: { struct: SIZES._PyDictViewObject, gcHead: true },
  [Kind.Frame]: { struct: SIZES.PyFrameObject, gcHead: false },
  [Kind.Cell]: { struct: SIZES.PyCellObject, gcHead: true },
  [Kind.Traceback]: { struct: SIZES.PyTracebackObject, gcHead: true },
  [Kind.Exception]: { struct: SIZES.PyBaseExceptionObject, gcHead: true },
  [Kind.Float]: { struct: SIZES.PyFloatObject, gcHead: false },
};

/** Bytes of a str's object (compact ASCII: header + len + 1; otherwise compact header + (len + 1) * char size). */
export function strSize(value: string, profile: Profile = CPYTHON_311): number {
  let max = 0;
  let length = 0;
  for (const ch of value) {
    max = Math.max(max, ch.codePointAt(0)!);
    length++;
  }
  if (max < 128) return SIZES.PyASCIIObject.bytes(profile) + length + 1;
  const charSize = max < 256 ? 1 : max < 65536 ? 2 : 4;
  return SIZES.PyCompactUnicodeObject.bytes(profile) + (length + 1) * charSize;
}

/** Bytes of an int with `digits` 30-bit digits (3.11 allocates one even for zero). */
function intSize(profile: Profile, digits: number): number {
  return SIZES.PyLongObject.bytes(profile) + SIZES.digit.bytes(profile) * Math.max(1, digits);
}

/**
 * Bytes an int of `digits` digits requests: a one-digit int made by PyLong_FromLong or a fast
 * arithmetic path (_PyLong_FromMedium) asks for the whole padded struct; any other
 * (_PyLong_New, also when a routine allocated more digits than it kept) for the header and its
 * digits. Only tracemalloc sees the difference: both fall in the same size class.
 */
export function intRequest(profile: Profile, digits: number, allocated: number): number {
  return digits === 1 && allocated <= 1
    ? SIZES.PyLongObjectMedium.bytes(profile)
    : intSize(profile, Math.max(digits, allocated));
}

/** Bytes of a tuple of `n` items, with its GC head. */
function tupleSize(profile: Profile, n: number): number {
  return SIZES.PyTupleObject.bytes(profile) + n * profile.pointerSize + profile.gcHeadSize;
}

/** Bytes of an instance of a class: header, slots, weaklist, GC head, managed-dict pre-header. */
export function instanceSize(profile: Profile, type: PyType): number {
  const slots = type.slotNames?.length ?? 0;
  const weaklist = type.supportsWeakrefs ? profile.pointerSize : 0;
  return SIZES.PyObject.bytes(profile) + slots * profile.pointerSize + weaklist + preHeaderSize(profile, type);
}

/**
 * _PyType_PreHeaderSize: what lies before the object and `sys.getsizeof` adds to `__sizeof__`,
 * the GC head of a GC type and the managed-dict pointers of a 3.11 instance.
 */
export function preHeaderSize(profile: Profile, type: PyType): number {
  const gcHead = FIXED[type.kind]?.gcHead ?? type.isGC;
  return (gcHead ? profile.gcHeadSize : 0) + (type.managedDict ? profile.managedDictPreHeader : 0);
}

/**
 * type___sizeof__ plus the GC head: a class is a PyHeapTypeObject plus its cached keys; a static
 * type (`int`, `object`) is a plain PyTypeObject.
 */
function typeSize(profile: Profile, type: PyType | undefined): number {
  if (type === undefined || !type.heapType) return SIZES.PyTypeObject.bytes(profile) + profile.gcHeadSize;
  return fixedSize(profile, Kind.Type) + (type.cachedKeys?.bytes(profile) ?? 0);
}

/** Bytes of a kind of fixed size: its struct, plus the GC head when the model allocates one. */
function fixedSize(profile: Profile, kind: Kind): number {
  const fixed = FIXED[kind];
  if (fixed === undefined) return kind === Kind.Head ? 0 : SIZES.PyObject.bytes(profile);
  return fixed.struct.bytes(profile) + (fixed.gcHead ? profile.gcHeadSize : 0);
}

/**
 * What allocating an object of `type` requests (the object itself; a list's item array and a
 * dict's keys are separate allocations). `n` is the item count for tuples, the digit count for
 * ints, ignored otherwise; strs use `strSize`.
 */
export function basicSize(profile: Profile, type: PyType, n: number): number {
  switch (type.kind) {
    case Kind.Tuple:
      return tupleSize(profile, n);
    case Kind.Int:
      return intSize(profile, n);
    case Kind.Bool:
      return intSize(profile, 1);
    case Kind.Instance:
      return instanceSize(profile, type);
    case Kind.Generator:
      // the frame's localsplus (co_nlocalsplus + co_stacksize slots) is inside the object
      return SIZES.PyGenObject.bytes(profile) + n * profile.pointerSize + profile.gcHeadSize;
    default:
      if (type.basicWords !== null) return type.basicWords * profile.pointerSize + (type.isGC ? profile.gcHeadSize : 0);
      return fixedSize(profile, type.kind);
  }
}

/** sys.getsizeof(op). */
export function getsizeof(profile: Profile, op: PyObject): number {
  switch (op.type.kind) {
    case Kind.Str:
      return strSize(op.value as string, profile);
    case Kind.Int:
      return intSize(profile, intDigits(op.value as bigint));
    case Kind.Tuple:
      return basicSize(profile, op.type, op.items!.length);
    case Kind.List:
      return fixedSize(profile, Kind.List) + profile.pointerSize * op.allocated;
    case Kind.Dict:
      return fixedSize(profile, Kind.Dict) + op.table!.tableSize(profile);
    case Kind.Set:
      return fixedSize(profile, Kind.Set) + op.table!.set!.bytes(profile);
    case Kind.Generator:
      return basicSize(profile, op.type, op.allocated);
    case Kind.Type:
      return typeSize(profile, definedType(op));
    default:
      return basicSize(profile, op.type, 0);
  }
}

/** `op.__sizeof__()`: what `sys.getsizeof` reports without the pre-header. */
export function dunderSizeof(profile: Profile, op: PyObject): number {
  return getsizeof(profile, op) - preHeaderSize(profile, op.type);
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
