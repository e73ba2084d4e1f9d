/**
 * The trashcan (Py_TRASHCAN_BEGIN / Py_TRASHCAN_END, Objects/object.c).
 *
 * Deallocating a container releases its items, which may deallocate containers, and so on: a
 * million-deep nested list would overflow the C stack. So container deallocators count their
 * nesting; past _PyTrash_UNWIND_LEVEL (50) an object is not destroyed now but pushed on
 * trash_delete_later, and the outermost deallocator destroys that chain (last in, first out)
 * when it unwinds. The simulator's JavaScript stack is protected the same way.
 */
import type { Runtime } from '../runtime';
import type { PyObject } from '../objects/pyobject';

/** _PyTrash_begin: true when `op` was deposited for later and its deallocator must stop now. */
export function trashcanBegin(rt: Runtime, op: PyObject): boolean {
  if (rt.trashDeleteNesting >= rt.profile.trashcanUnwindLevel) {
    rt.trashDeleteLater.push(op);
    return true;
  }
  rt.trashDeleteNesting++;
  return false;
}

/** _PyTrash_end: leave a level; the outermost level destroys the deposited chain. */
export function trashcanEnd(rt: Runtime): void {
  rt.trashDeleteNesting--;
  if (rt.trashDeleteLater.length > 0 && rt.trashDeleteNesting <= 0) destroyChain(rt);
}

/**
 * _PyTrash_thread_destroy_chain: call each deposited object's deallocator (the runtime's
 * tp_dealloc component) directly, one nesting level in, so that this function is not re-entered
 * from inside them.
 */
function destroyChain(rt: Runtime): void {
  rt.trashDeleteNesting++;
  while (rt.trashDeleteLater.length > 0) rt.dealloc(rt.trashDeleteLater.pop()!);
  rt.trashDeleteNesting--;
}
