/**
 * Cells (Objects/cellobject.c): the box a variable lives in when an inner function uses it. The
 * defining frame makes one per such variable at its start (MAKE_CELL), every closure made there
 * holds it through its `__closure__` tuple, and each frame of a closure gets its own reference
 * (COPY_FREE_VARS). A cell is a GC object holding its contents (or nothing, while the variable is
 * unbound), so a function stored in the variable it closes over is a cycle only the collector frees.
 */
import type { Runtime } from '../runtime';
import { Kind } from './kinds';
import type { PyObject } from './pyobject';
import { PyType } from './pytype';

/** PyCell_Type: GC, not weak-referenceable; tp_clear drops the contents (cell_clear). */
export const CELL_TYPE = new PyType('cell', Kind.Cell, true, false);

/** Where a cell keeps ob_ref in its `refs` (null while empty). */
export const CELL_CONTENTS = 0;

/** PyCell_New(contents): a new tracked cell holding `contents` (borrowed), or empty for null. */
export function newCell(rt: Runtime, contents: PyObject | null): PyObject {
  const cell = rt.alloc(CELL_TYPE);
  cell.refs = [contents === null ? null : rt.newRef(contents)];
  rt.track(cell);
  return cell;
}

/** PyCell_GET: the contents, borrowed; null when the cell is empty. */
export function cellGet(cell: PyObject): PyObject | null {
  return cell.refs![CELL_CONTENTS];
}

/**
 * PyCell_SET as STORE_DEREF and DELETE_DEREF use it: the new contents (a reference, stolen; null
 * empties the cell) go in before the old ones are released, as a local's store does.
 */
export function cellSet(rt: Runtime, cell: PyObject, contents: PyObject | null): void {
  const old = cell.refs![CELL_CONTENTS];
  cell.refs![CELL_CONTENTS] = contents;
  if (old !== null) rt.decref(old);
}
