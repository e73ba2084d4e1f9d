/**
 * Trusted: the student's finalize_garbage and handle_weakrefs as the core's collector stages. The
 * student works with ids and list operations on the lists the stage was given; the adapter holds
 * the lists, the references and the weakref machinery.
 */
import type { CollectorStages } from '../../core/components';
import type { Runtime } from '../../core/runtime';
import { Kind } from '../../core/objects/kinds';
import { GcFlag, type PyObject } from '../../core/objects/pyobject';
import { gcListMembers, gcListMerge, gcListMove, gcListNew } from '../../core/gc/gclist';
import { callWeakrefCallback, clearWeakref } from '../../core/objects/weakrefobject';
import type { LoadedStudent } from '../sandbox';
import { studentExport } from '../student-exports';
import { ObjectIds } from '../object-ids';
import type { CreateFinalization, Finalization, FinalizationApi } from './api';

/** The lists the current stage works on. */
interface StageLists {
  rt: Runtime;
  collectable: PyObject | null;
  seen: PyObject | null;
  unreachable: PyObject | null;
  old: PyObject | null;
  callbacks: PyObject | null;
}

export function studentFinalization(student: LoadedStudent): Partial<CollectorStages> {
  const create = studentExport<CreateFinalization>(student, 'createFinalization', 'function');
  const ids = new ObjectIds();
  const known = (op: PyObject): number => ids.id(op);
  const lookup = (id: number): PyObject => ids.object(id);
  let lists: StageLists | null = null;
  const current = (what: string, list: keyof Omit<StageLists, 'rt'>): { rt: Runtime; head: PyObject } => {
    const head = lists?.[list] ?? null;
    if (lists === null || head === null)
      throw new Error(`${what} can only be called from the stage that has that list`);
    return { rt: lists.rt, head };
  };
  const weakref = (id: number): PyObject => {
    const wr = lookup(id);
    if (wr.type.kind !== Kind.Weakref) throw new Error(`#${id} is not a weakref`);
    return wr;
  };
  const api = student.realm.api<FinalizationApi>({
    takeNext: () => {
      const { head } = current('takeNext', 'collectable');
      const first = head.gcNext!;
      if (first === head) return null;
      gcListMove(first, current('takeNext', 'seen').head);
      return known(first);
    },
    putSeenBack: () => gcListMerge(current('putSeenBack', 'seen').head, current('putSeenBack', 'collectable').head),
    hasFinalizer: (id: number) => lookup(id).type.finalize !== null,
    isFinalized: (id: number) => (lookup(id).gcFlags & GcFlag.Finalized) !== 0,
    markFinalized: (id: number) => void (lookup(id).gcFlags |= GcFlag.Finalized),
    incref: (id: number) => current('incref', 'collectable').rt.incref(lookup(id)),
    decref: (id: number) => current('decref', 'collectable').rt.decref(lookup(id)),
    callFinalizer: (id: number) => {
      const { rt } = current('callFinalizer', 'collectable');
      const op = lookup(id);
      const finalize = op.type.finalize;
      if (finalize === null) throw new Error(`#${id} (${op.type.name}) has no finalizer`);
      if (rt.listeners.length > 0) rt.emit({ kind: 'finalize', id: op.id });
      try {
        finalize(op);
      } catch (error) {
        rt.unraisableHook(error, op, '__del__');
      }
    },
    unreachable: () => gcListMembers(current('unreachable', 'unreachable').head).map(known),
    isWeakref: (id: number) => lookup(id).type.kind === Kind.Weakref,
    weakrefsTo: (id: number) => [...(lookup(id).weaklist ?? [])].map(known),
    clearWeakref: (id: number) => clearWeakref(weakref(id)),
    hasCallback: (id: number) => weakref(id).refs![0] !== null,
    isUnreachable: (id: number) => (lookup(id).gcFlags & GcFlag.Collecting) !== 0,
    scheduleCallback: (id: number) => {
      const { rt, head } = current('scheduleCallback', 'callbacks');
      const wr = weakref(id);
      if (wr.refs![0] === null) throw new Error(`weakref #${id} has no callback`);
      rt.incref(wr);
      gcListMove(wr, head);
    },
    runCallback: (id: number) => {
      const { rt, head } = current('runCallback', 'callbacks');
      const wr = weakref(id);
      if (wr.gcPrev === null || !gcListMembers(head).includes(wr)) throw new Error(`weakref #${id} was not scheduled`);
      callWeakrefCallback(rt, wr, wr.refs![0]!);
      rt.decref(wr);
      if (wr.freed) return true;
      gcListMove(wr, current('runCallback', 'old').head);
      return false;
    },
  });
  let impl: Finalization | null = null;
  const finalization = (): Finalization => (impl ??= create(api));
  /** Run one stage with its lists in place, and none afterwards. */
  const inStage = <T>(stage: StageLists, run: () => T): T => {
    lists = stage;
    try {
      return run();
    } finally {
      lists = null;
    }
  };
  const none = { collectable: null, seen: null, unreachable: null, old: null, callbacks: null };
  return {
    finalizeGarbage: (rt, collectable) =>
      inStage({ ...none, rt, collectable, seen: gcListNew() }, () => finalization().finalizeGarbage()),
    handleWeakrefs: (rt, unreachable, old) =>
      inStage({ ...none, rt, unreachable, old, callbacks: gcListNew() }, () => Number(finalization().handleWeakrefs())),
  };
}
