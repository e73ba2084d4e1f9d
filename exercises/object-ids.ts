/**
 * The objects a student's code has been told about, by id. Students see ids only, never a PyObject;
 * an adapter remembers each object it names and turns the ids the student passes back into objects.
 */
import type { PyObject } from '../core/objects/pyobject';

export class ObjectIds {
  private readonly objects = new Map<number, PyObject>();

  /** Remember `op` and name it (an id names the same shell when a free list reuses it). */
  id(op: PyObject): number {
    this.objects.set(op.id, op);
    return op.id;
  }

  /** The live object an id names; an unknown or freed one is the student's error. */
  object(id: number): PyObject {
    const op = this.objects.get(Number(id));
    if (op === undefined || op.freed) throw new Error(`there is no live object #${id}`);
    return op;
  }

  /** Stop naming an object that is gone. */
  forget(id: number): void {
    this.objects.delete(id);
  }
}
