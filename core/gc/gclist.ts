/*** list functions ***/
// Doubly linked gc lists threaded through each object's GC header, as Modules/gcmodule.c keeps
// them. A list is represented by its head, a dummy object that links to itself when empty.
//
// MODULE-LOCAL COPIES (referenced from the collector's files as "see gclist.ts"): each file is
// compiled on its own (esbuild-register runs the CLI and the benchmark; ts-jest uses
// isolatedModules), so a const enum from another file is not inlined, and an imported name
// (`GcFlag.Collecting`, `gcListMove`) is read through the exporting module's export getters at
// every use, a megamorphic lookup: on a 1M-object heap that made subtract_refs and
// move_unreachable about three times slower. Files with per-object loops therefore import such a
// name under an `imported...` alias and bind the usual name to it once, at module level
// (`const gcListMove = importedGcListMove`), so the loops keep CPython's vocabulary.

import { Kind } from '../objects/kinds';
import { PyObject } from '../objects/pyobject';
import { TYPES } from '../objects/pytype';

/** Called on every append while a check's time budget is armed (core/checks/deadline.ts); null otherwise. */
let watchdog: (() => void) | null = null;

/** Arm (or, with null, disarm) the hook a check's deadline uses to stop a component looping over gc lists. */
export function setGcListWatchdog(hook: (() => void) | null): void {
  watchdog = hook;
}

/** gc_list_init: a new, empty list head. */
export function gcListNew(): PyObject {
  const head = new PyObject(0, TYPES.head);
  head.gcNext = head;
  head.gcPrev = head;
  return head;
}

export function gcListIsEmpty(head: PyObject): boolean {
  return head.gcNext === head;
}

/** gc_list_append: append `node` (not currently in any list) at the tail of `head`. */
export function gcListAppend(node: PyObject, head: PyObject): void {
  if (watchdog !== null) watchdog();
  const last = head.gcPrev!;
  last.gcNext = node;
  node.gcPrev = last;
  node.gcNext = head;
  head.gcPrev = node;
}

/** gc_list_remove: unlink `node`; it becomes untracked (_gc_next = 0). */
export function gcListRemove(node: PyObject): void {
  const prev = node.gcPrev!;
  const next = node.gcNext!;
  prev.gcNext = next;
  next.gcPrev = prev;
  node.gcNext = null;
  node.gcPrev = null;
}

/** gc_list_move: semantically gc_list_remove(node) followed by gc_list_append(node, head). */
export function gcListMove(node: PyObject, head: PyObject): void {
  const prev = node.gcPrev!;
  const next = node.gcNext!;
  prev.gcNext = next;
  next.gcPrev = prev;
  gcListAppend(node, head);
}

/** gc_list_merge: append every node of `from` to `to`, leaving `from` empty. */
export function gcListMerge(from: PyObject, to: PyObject): void {
  if (gcListIsEmpty(from)) return;
  const tail = to.gcPrev!;
  tail.gcNext = from.gcNext;
  from.gcNext!.gcPrev = tail;
  to.gcPrev = from.gcPrev;
  from.gcPrev!.gcNext = to;
  from.gcNext = from;
  from.gcPrev = from;
}

export function gcListSize(head: PyObject): number {
  let n = 0;
  for (let node = head.gcNext!; node !== head; node = node.gcNext!) n++;
  return n;
}

/** The members of a list, in list order (for snapshots and `gc.get_objects`). */
export function gcListMembers(head: PyObject): PyObject[] {
  const out: PyObject[] = [];
  for (let node = head.gcNext!; node !== head; node = node.gcNext!) out.push(node);
  return out;
}

export function isHead(op: PyObject): boolean {
  return op.type.kind === Kind.Head;
}
/*** end of list stuff ***/
