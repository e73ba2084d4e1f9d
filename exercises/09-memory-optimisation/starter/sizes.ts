// Exercise 9: memory optimisation. Read README.md first; `pymemlab hint 09` when stuck.
import type { InstanceLayout, InstanceSize, ListResize, ListSize } from 'pymemlab/exercises/09-memory-optimisation/api';

export const instanceSize: InstanceSize = (layout: InstanceLayout) => {
  // TODO: header, slots, weakref pointer, GC head, and the pre-header of a managed __dict__.
  void layout;
  return 0;
};

export const listResize: ListResize = (allocated: number, newsize: number) => {
  // TODO: keep the capacity while it suffices; otherwise over-allocate as list_resize does.
  void allocated;
  return newsize;
};

export const listSize: ListSize = (allocated: number) => {
  // TODO: the list object itself plus its item array.
  return allocated;
};
