import type { RefCounting } from '../components';
import type { PyObject } from '../objects/pyobject';
import type { Runtime } from '../runtime';

/** A refcount operation on an object that is already dead: a crash in CPython, an error here. */
export class FreedObjectError extends Error {
  constructor(op: PyObject, what: string) {
    super(`${what} of object #${op.id} (${op.type.name}) after it was freed`);
    this.name = 'FreedObjectError';
  }
}

/**
 * The reference Py_INCREF / Py_DECREF: a count per object, and deallocation the moment it reaches
 * zero, which releases the object's own references in turn (the cascade).
 */
export class ReferenceRefCounting implements RefCounting {
  constructor(private readonly rt: Runtime) {}

  incref(op: PyObject): void {
    if (op.freed) throw new FreedObjectError(op, 'Py_INCREF');
    op.refcnt++;
  }

  decref(op: PyObject): void {
    if (op.freed || op.refcnt <= 0) throw new FreedObjectError(op, 'Py_DECREF');
    if (--op.refcnt === 0) this.rt.dealloc(op);
  }
}
