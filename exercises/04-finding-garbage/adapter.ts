/**
 * Trusted: the student's three stages as the core's DeduceStages. The student sees each list as
 * an array of ids and returns gc_refs and the two lists; the adapter keeps the real gc lists, their
 * flags and their order in step with what the student decided.
 */
import type { DeduceStages } from '../../core/components';
import { GcFlag, type PyObject } from '../../core/objects/pyobject';
import { gcListMembers, gcListMove } from '../../core/gc/gclist';
import { referents } from '../../core/objects/traverse';
import type { LoadedStudent } from '../sandbox';
import { studentExport } from '../student-exports';
import { ObjectIds } from '../object-ids';
import type { CreateFindingGarbage, GcApi, GcRefs } from './api';

/** A partition that does not account for every member exactly once. */
function checkPartition(
  members: readonly PyObject[],
  reachable: readonly number[],
  unreachable: readonly number[],
): void {
  const ids = [...reachable, ...unreachable].map(Number);
  const unique = new Set(ids);
  const wanted = new Set(members.map((m) => m.id));
  if (unique.size !== ids.length || ids.length !== wanted.size || ids.some((id) => !wanted.has(id)))
    throw new Error(
      `moveUnreachable must return each of the ${wanted.size} members exactly once, in "reachable" or "unreachable" (got ${ids.length} ids, ${unique.size} distinct)`,
    );
}

/** The core stages that run the student's code. */
export function studentDeduceStages(student: LoadedStudent): DeduceStages {
  const create = studentExport<CreateFindingGarbage>(student, 'createFindingGarbage', 'function');
  const ids = new ObjectIds();
  const lookup = (id: number): PyObject => ids.object(id);
  const api = student.realm.api<GcApi>({
    refcount: (id: number) => lookup(id).refcnt,
    referents: (id: number) => referents(lookup(id)).map((r) => ids.id(r)),
  });
  const impl = create(api);
  // gc_refs between the stages, per list head (handle_resurrected_objects deduces on a second list).
  const scratch = new Map<PyObject, GcRefs>();
  const membersOf = (head: PyObject): PyObject[] => {
    const members = gcListMembers(head);
    for (const op of members) ids.id(op);
    return members;
  };
  return {
    updateRefs(containers) {
      const members = membersOf(containers);
      const gcRefs = impl.updateRefs(student.realm.data(members.map((m) => m.id)));
      for (const op of members) op.gcFlags |= GcFlag.Collecting;
      scratch.set(containers, gcRefs);
    },
    subtractRefs(containers) {
      const gcRefs = scratch.get(containers);
      if (gcRefs === undefined) throw new Error('subtractRefs ran before updateRefs');
      impl.subtractRefs(student.realm.data(membersOf(containers).map((m) => m.id)), gcRefs);
    },
    moveUnreachable(young, unreachable) {
      const gcRefs = scratch.get(young);
      scratch.delete(young);
      if (gcRefs === undefined) throw new Error('moveUnreachable ran before updateRefs');
      const members = membersOf(young);
      const result = impl.moveUnreachable(student.realm.data(members.map((m) => m.id)), gcRefs);
      const reachable = Array.from(result.reachable, Number);
      const lost = Array.from(result.unreachable, Number);
      checkPartition(members, reachable, lost);
      for (const id of reachable) {
        const op = lookup(id);
        gcListMove(op, young);
        op.gcFlags &= ~GcFlag.Collecting;
      }
      for (const id of lost) {
        const op = lookup(id);
        gcListMove(op, unreachable);
        op.gcFlags |= GcFlag.Unreachable;
      }
    },
  };
}
