/**
 * Watching a collection stage by stage from outside the collector: the reference stages
 * (core/gc/collect.ts REFERENCE_STAGES) each wrapped so that it runs unchanged, then reports the
 * state it leaves. core/ needs no change; if the stage interface changes, this file is the one to adapt.
 */
import type { Collector, CollectResult, Components } from '../core/components';
import { ReferenceCollector, REFERENCE_STAGES, type CollectorStages } from '../core/gc/collect';
import type { PyObject } from '../core/objects/pyobject';
import type { Runtime } from '../core/runtime';

/** What the wrapped collector reports: the objects of a gc list are passed as live objects. */
export interface StageListener {
  /** False once the listener wants no more reports (a recording at its cap): nothing is built for it. */
  readonly listening: boolean;
  /** gc_collect_main starts on `generation` (counts not yet updated). */
  begin(generation: number): void;
  /** update_refs or subtract_refs ran over `containers`; gc_refs is in each object. */
  refs(stage: 'update_refs' | 'subtract_refs', containers: readonly PyObject[]): void;
  /** move_unreachable split the generation into `young` (reachable) and `unreachable`. */
  split(young: readonly PyObject[], unreachable: readonly PyObject[]): void;
  /** A stage that runs Python code or frees objects is about to run / has run over `list`. */
  around(
    stage: 'handle_weakrefs' | 'finalize_garbage' | 'delete_garbage',
    list: readonly PyObject[],
    phase: 'before' | 'after',
  ): void;
  end(result: CollectResult): void;
}

/** The objects of a gc list, in list order. */
export function gcListObjects(head: PyObject): PyObject[] {
  const out: PyObject[] = [];
  for (let op = head.gcNext!; op !== head; op = op.gcNext!) out.push(op);
  return out;
}

/** The reference stages, each followed (or surrounded) by a report to `listener`. */
function recordingStages(listener: StageListener): CollectorStages {
  return {
    ...REFERENCE_STAGES,
    updateRefs(containers) {
      REFERENCE_STAGES.updateRefs(containers);
      if (listener.listening) listener.refs('update_refs', gcListObjects(containers));
    },
    subtractRefs(containers) {
      REFERENCE_STAGES.subtractRefs(containers);
      if (listener.listening) listener.refs('subtract_refs', gcListObjects(containers));
    },
    moveUnreachable(young, unreachable) {
      REFERENCE_STAGES.moveUnreachable(young, unreachable);
      if (listener.listening) listener.split(gcListObjects(young), gcListObjects(unreachable));
    },
    handleWeakrefs(rt: Runtime, unreachable, old) {
      const listening = listener.listening;
      if (listening) listener.around('handle_weakrefs', gcListObjects(unreachable), 'before');
      const freed = REFERENCE_STAGES.handleWeakrefs(rt, unreachable, old);
      if (listening) listener.around('handle_weakrefs', gcListObjects(unreachable), 'after');
      return freed;
    },
    finalizeGarbage(rt: Runtime, collectable) {
      const listening = listener.listening;
      const list = listening ? gcListObjects(collectable) : [];
      if (listening) listener.around('finalize_garbage', list, 'before');
      REFERENCE_STAGES.finalizeGarbage(rt, collectable);
      if (listening) listener.around('finalize_garbage', list, 'after');
    },
    deleteGarbage(rt: Runtime, collectable, old) {
      const listening = listener.listening;
      const list = listening ? gcListObjects(collectable) : [];
      if (listening) listener.around('delete_garbage', list, 'before');
      REFERENCE_STAGES.deleteGarbage(rt, collectable, old);
      if (listening) listener.around('delete_garbage', list, 'after');
    },
  };
}

/** The reference collector with every stage reported to `listener`, as a runtime component. */
export function recordingCollector(listener: StageListener): Pick<Components, 'collector'> {
  return {
    collector: (rt: Runtime): Collector => {
      const inner = new ReferenceCollector(rt, recordingStages(listener));
      return {
        collectMain(generation: number): CollectResult {
          const listening = listener.listening;
          if (listening) listener.begin(generation);
          const result = inner.collectMain(generation);
          if (listening) listener.end(result);
          return result;
        },
      };
    },
  };
}
