/**
 * Trusted: turns a student's `createRefCounting` into the core's RefCounting component. The student
 * sees object ids and three primitives made in its own realm, never a PyObject or the Runtime.
 */
import type { RefCounting } from '../../core/components';
import type { Runtime } from '../../core/runtime';
import type { LoadedStudent } from '../sandbox';
import { studentExport } from '../student-exports';
import { ObjectIds } from '../object-ids';
import type { CreateRefCounting, RefCountApi } from './api';

/** The core component that runs the student's incref/decref on `rt`. */
export function studentRefCounting(student: LoadedStudent): (rt: Runtime) => RefCounting {
  const create = studentExport<CreateRefCounting>(student, 'createRefCounting', 'function');
  return (rt) => {
    const ids = new ObjectIds();
    const lookup = (id: number) => ids.object(id);
    const api = student.realm.api<RefCountApi>({
      refcount: (id: number) => lookup(id).refcnt,
      setRefcount: (id: number, value: number) => {
        if (!Number.isInteger(value)) throw new Error(`setRefcount(#${id}, ${value}): a refcount is a whole number`);
        lookup(id).refcnt = value;
      },
      deallocate: (id: number) => rt.dealloc(lookup(id)),
    });
    const impl = create(api);
    return {
      incref: (op) => impl.incref(ids.id(op)),
      decref: (op) => impl.decref(ids.id(op)),
    };
  };
}
