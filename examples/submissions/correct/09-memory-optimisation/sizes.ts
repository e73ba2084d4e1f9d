// A correct submission of exercise 9, written apart from core/: each size as a sum of named parts.
import type { InstanceSize, ListResize, ListSize } from 'pymemlab/exercises/09-memory-optimisation/api';

const POINTER = 8;
const OBJECT_HEADER = 2 * POINTER; // ob_refcnt, ob_type
const GC_HEAD = 2 * POINTER; // PyGC_Head before every tracked object
const MANAGED_DICT = 2 * POINTER; // dict and values pointers before an instance without __slots__
const LIST_STRUCT = OBJECT_HEADER + 3 * POINTER; // ob_size, ob_item, allocated

export const instanceSize: InstanceSize = ({ slots, weakref }) => {
  const plain = slots === null;
  const struct = OBJECT_HEADER + (slots ?? 0) * POINTER + (plain || weakref ? POINTER : 0);
  return struct + GC_HEAD + (plain ? MANAGED_DICT : 0);
};

export const listResize: ListResize = (allocated, newsize) => {
  if (newsize <= allocated && 2 * newsize >= allocated) return allocated;
  return newsize === 0 ? 0 : Math.floor((newsize + Math.floor(newsize / 8) + 6) / 4) * 4;
};

export const listSize: ListSize = (allocated) => LIST_STRUCT + GC_HEAD + allocated * POINTER;
