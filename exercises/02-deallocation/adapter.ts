/**
 * Trusted: the student's tp_dealloc for lists, tuples and dicts as the core's `dealloc`
 * component; every other type keeps the reference deallocator. The student releases the
 * references in its own order; `freeShell` then hands the emptied container to the reference
 * deallocator, which only returns its memory.
 */
import type { Deallocator } from '../../core/components';
import type { Runtime } from '../../core/runtime';
import { Kind } from '../../core/objects/kinds';
import type { PyObject } from '../../core/objects/pyobject';
import { tpDealloc } from '../../core/refcount/dealloc';
import type { LoadedStudent } from '../sandbox';
import { studentExport } from '../student-exports';
import { ObjectIds } from '../object-ids';
import type { ContainerKind, CreateDeallocator, DeallocApi } from './api';

const KINDS: Partial<Record<Kind, ContainerKind>> = { [Kind.List]: 'list', [Kind.Tuple]: 'tuple', [Kind.Dict]: 'dict' };

/** The references a container holds, in storage order. */
function heldItems(op: PyObject): PyObject[] {
  if (op.type.kind === Kind.Dict) return [...op.table!.map.values()].flatMap((e) => [e.key, e.value!]);
  return [...op.items!];
}

/**
 * Empty the container without releasing anything (the student has released it all), so that the
 * reference deallocator only frees the shell. A tuple keeps its length, which picks its free list:
 * its slots are filled with borrowed-then-returned references to None.
 */
function emptyShell(rt: Runtime, op: PyObject): void {
  if (op.type.kind === Kind.Dict) op.table!.map.clear();
  else if (op.type.kind === Kind.List) op.items = [];
  else {
    const n = op.items!.length;
    rt.None.refcnt += n;
    op.items = new Array<PyObject>(n).fill(rt.None);
  }
}

export function studentDeallocator(student: LoadedStudent): (rt: Runtime) => Deallocator {
  const create = studentExport<CreateDeallocator>(student, 'createDeallocator', 'function');
  return (rt) => {
    const ids = new ObjectIds();
    const known = (op: PyObject): number => ids.id(op);
    const lookup = (id: number): PyObject => ids.object(id);
    const container = (id: number): PyObject => {
      const op = lookup(id);
      if (KINDS[op.type.kind] === undefined) throw new Error(`#${id} (${op.type.name}) is not a list, tuple or dict`);
      return op;
    };
    const api = student.realm.api<DeallocApi>({
      kind: (id: number) => KINDS[container(id).type.kind]!,
      items: (id: number) => heldItems(container(id)).map(known),
      untrack: (id: number) => rt.untrack(container(id)),
      decref: (id: number) => rt.decref(lookup(id)),
      freeShell: (id: number) => {
        const op = container(id);
        if (op.refcnt !== 0) throw new Error(`freeShell(#${id}): it still has refcount ${op.refcnt}`);
        emptyShell(rt, op);
        ids.forget(op.id);
        tpDealloc(rt, op);
      },
    });
    const impl = create(api);
    return {
      dealloc(op) {
        if (KINDS[op.type.kind] === undefined || op === rt.emptyTuple) return tpDealloc(rt, op);
        impl.dealloc(known(op));
      },
    };
  };
}
