/**
 * The observe half of a heap check: run plain-data heap operations on a runtime built with the
 * components under test and record, after each, the heap snapshot and what happened (deaths,
 * clears, finalizer, tp_del and weakref-callback calls, what gc.collect returned). Everything is
 * recorded from outside the components (core/model/heap/world.ts) and returned as plain JSON, so
 * this can run in a sandboxed child process next to a student's code. Deterministic: the same
 * operations give the same observation.
 */
import type { Components } from '../components';
import type { HeapSnapshot } from '../snapshot';
import { takeSnapshot } from '../snapshot';
import { HeapWorld, RunawayStepError, type WorldEvent } from '../model/heap/world';
import type { HeapOp } from '../model/heap/operations';
import { CheckTimeoutError, type Deadline } from './deadline';

/** The heap after one operation and what happened during it. */
export interface HeapStep {
  readonly heap: HeapSnapshot;
  readonly events: readonly WorldEvent[];
  /** What gc.collect() returned, for a `collect` step. */
  readonly collected: number | null;
}

/** A run that did not finish: the component threw, or the time budget ran out. */
export interface StepFault {
  readonly kind: 'crash' | 'timeout';
  /** The operation it happened in; null while the heap was being set up. */
  readonly step: number | null;
  readonly message: string;
}

export interface HeapObservation {
  /** The heap before the first operation (null if setting up failed). */
  readonly initial: HeapSnapshot | null;
  /** One entry per operation completed. */
  readonly steps: readonly HeapStep[];
  readonly fault: StepFault | null;
}

/** Wrap each replaceable component so that every call it makes ticks the deadline. */
function ticking(components: Partial<Components>, deadline: Deadline): Partial<Components> {
  const out: Partial<Components> = { ...components };
  const refcounting = components.refcounting;
  if (refcounting !== undefined)
    out.refcounting = (rt) => {
      const inner = refcounting(rt);
      return {
        incref: (op) => (deadline.tick(), inner.incref(op)),
        decref: (op) => (deadline.tick(), inner.decref(op)),
      };
    };
  const dealloc = components.dealloc;
  if (dealloc !== undefined)
    out.dealloc = (rt) => {
      const inner = dealloc(rt);
      return { dealloc: (op) => (deadline.tick(), inner.dealloc(op)) };
    };
  const clear = components.clear;
  if (clear !== undefined)
    out.clear = (rt) => {
      const inner = clear(rt);
      return { clear: (op) => (deadline.tick(), inner.clear(op)) };
    };
  return out;
}

/** Turn what a component threw into a fault a student can read (never a stack trace). */
function fault(error: unknown, step: number | null): StepFault {
  if (error instanceof CheckTimeoutError || error instanceof RunawayStepError)
    return { kind: 'timeout', step, message: error.message };
  const message = error instanceof Error ? `${error.name}: ${error.message}` : `threw ${String(error)}`;
  return { kind: 'crash', step, message };
}

/** Finalizer calls per object so far, from the world's own record. */
function countFinalizers(counts: Record<number, number>, events: readonly WorldEvent[]): void {
  for (const e of events) if (e.kind === 'finalize') counts[e.id] = (counts[e.id] ?? 0) + 1;
}

/** Run `ops` on a fresh world with `components` and observe every step. */
export function observeHeap(
  components: Partial<Components>,
  ops: readonly HeapOp[],
  deadline: Deadline,
): HeapObservation {
  return deadline.guard(() => {
    let world: HeapWorld;
    try {
      world = new HeapWorld({ components: ticking(components, deadline) });
    } catch (error) {
      return { initial: null, steps: [], fault: fault(error, null) };
    }
    const finalizeCounts: Record<number, number> = {};
    const snapshot = (events: readonly WorldEvent[]): HeapSnapshot => {
      countFinalizers(finalizeCounts, events);
      const freed = events.filter((e) => e.kind === 'free').map((e) => e.id);
      const cleared = events.filter((e) => e.kind === 'clear').map((e) => e.id);
      return takeSnapshot(world.rt, { ...finalizeCounts }, freed, cleared, { omitIdle: true });
    };
    const initial = snapshot(world.takeEvents());
    const steps: HeapStep[] = [];
    for (let i = 0; i < ops.length; i++) {
      try {
        deadline.check();
        world.lastCollected = null;
        world.apply(ops[i]);
        const events = world.takeEvents();
        steps.push({ heap: snapshot(events), events, collected: world.lastCollected });
      } catch (error) {
        return { initial, steps, fault: fault(error, i) };
      }
    }
    return { initial, steps, fault: null };
  });
}
