/**
 * Trusted: turns a student's `createRefCounting` into the core's RefCounting component. The student
 * sees object ids and three primitives made in its own realm, never a PyObject or the Runtime.
 */
import type { RefCounting } from '../../core/components';
import type { Runtime } from '../../core/runtime';
import type { PyObject } from '../../core/objects/pyobject';
import type { LoadedStudent } from '../sandbox';
import { studentExport } from '../student-exports';
import type { CreateRefCounting, RefCountApi } from './api';

/** The core component that runs the student's incref/decref on `rt`. */
export function studentRefCounting(student: LoadedStudent): (rt: Runtime) => RefCounting {
  const create = studentExport<CreateRefCounting>(student, 'createRefCounting', 'function');
  return (rt) => {
    // Objects the student has been told about, by id (the runtime reuses an id only for the same shell).
    const objects = new Map<number, PyObject>();
    const lookup = (id: number): PyObject => {
      const op = objects.get(Number(id));
      if (op === undefined) throw new Error(`there is no object #${id}`);
      return op;
    };
    const api = student.realm.api<RefCountApi>({
      refcount: (id: number) => lookup(id).refcnt,
      setRefcount: (id: number, value: number) => {
        if (!Number.isInteger(value)) throw new Error(`setRefcount(#${id}, ${value}): a refcount is a whole number`);
        lookup(id).refcnt = value;
      },
      deallocate: (id: number) => {
        const op = lookup(id);
        if (op.freed) throw new Error(`deallocate(#${id}): the object is already freed (a double free)`);
        rt.dealloc(op);
      },
    });
    const impl = create(api);
    return {
      incref(op) {
        objects.set(op.id, op);
        impl.incref(op.id);
      },
      decref(op) {
        objects.set(op.id, op);
        impl.decref(op.id);
      },
    };
  };
}
