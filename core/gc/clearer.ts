/** The reference tp_clear (core/objects/clear.ts) as the `clear` component delete_garbage calls. */
import type { Clearer } from '../components';
import type { PyObject } from '../objects/pyobject';
import type { Runtime } from '../runtime';
import { tpClear } from '../objects/clear';

export class ReferenceClearer implements Clearer {
  constructor(private readonly rt: Runtime) {}

  /** Dispatch on the type, as Py_TYPE(op)->tp_clear(op) does. */
  clear(op: PyObject): void {
    tpClear(this.rt, op);
  }
}
