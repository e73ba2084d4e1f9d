/**
 * The driver around the collector, as Modules/gcmodule.c has it: choosing the generation on an
 * automatic trigger, the callbacks around each collection, and the `gc` module's functions.
 */
import type { GenerationScheduler } from '../components';
import type { Runtime } from '../runtime';
import { type PyObject } from '../objects/pyobject';
import { newDict, dictSetItem } from '../objects/dict';
import { gcListMembers, gcListMerge, gcListSize } from './gclist';
import { traverse } from '../objects/traverse';
import { GcFlag } from '../objects/pyobject';
import { PyException } from '../errors';

/**
 * invoke_gc_callback: call each callback in gc.callbacks with (phase, info). The info dict is a
 * real allocation, made before "start" (so it counts before the counts are reset).
 */
export function invokeGcCallback(
  rt: Runtime,
  phase: 'start' | 'stop',
  generation: number,
  collected: number,
  uncollectable: number,
): void {
  const callbacks = rt.callbacksIfAny();
  if (callbacks === null || callbacks.items!.length === 0) return;
  const info = newDict(rt);
  for (const [key, value] of [
    ['generation', generation],
    ['collected', collected],
    ['uncollectable', uncollectable],
  ] as const) {
    const k = rt.str(key);
    const v = rt.int(value);
    dictSetItem(rt, info, k, v);
    rt.decref(k);
    rt.decref(v);
  }
  for (let i = 0; i < callbacks.items!.length; i++) {
    // PyObject_CallFunction(cb, "sO", phase, info) builds its arguments on the C stack: the phase
    // is a new str, and no argument tuple is allocated.
    const cb = rt.newRef(callbacks.items![i]);
    const phaseStr = rt.str(phase);
    rt.callUnraisable(cb, [phaseStr, info], cb, 'gc callback');
    rt.decref(phaseStr);
    rt.decref(cb);
  }
  rt.decref(info);
}

/** gc_collect_with_callback: one collection of `generation`, with callbacks around it. */
export function collectWithCallback(rt: Runtime, generation: number): number {
  invokeGcCallback(rt, 'start', generation, 0, 0);
  const { collected, uncollectable } = rt.collector.collectMain(generation);
  if (rt.listeners.length > 0) rt.emit({ kind: 'collect', generation, collected, uncollectable });
  invokeGcCallback(rt, 'stop', generation, collected, uncollectable);
  return collected + uncollectable;
}

/**
 * gc_collect_generations: collect the oldest generation whose count exceeds its threshold, but a
 * full collection only once the objects promoted since the last one are at least 25% of those
 * that survived it (so building a big long-lived structure stays linear, issue #4074).
 */
export function collectGenerations(rt: Runtime): number {
  const gens = rt.gc.generations;
  for (let i = gens.length - 1; i >= 0; i--) {
    if (gens[i].count > gens[i].threshold) {
      if (
        i === gens.length - 1 &&
        rt.gc.longLivedPending < Math.floor(rt.gc.longLivedTotal / rt.profile.longLivedRatio)
      )
        continue;
      return collectWithCallback(rt, i);
    }
  }
  return 0;
}

/** The reference collect_generations, as the `scheduler` component. */
export class ReferenceScheduler implements GenerationScheduler {
  constructor(private readonly rt: Runtime) {}

  collectGenerations(): number {
    return collectGenerations(this.rt);
  }
}

/** The `gc` module as a TypeScript API over a runtime (the interpreter wraps it for programs). */
export class GcModule {
  constructor(private readonly rt: Runtime) {}

  /** gc.collect(generation=2): the number of unreachable objects found (collected + uncollectable). */
  collect(generation = 2): number {
    if (!Number.isInteger(generation) || generation < 0 || generation >= this.rt.gc.generations.length) {
      throw new PyException('ValueError', 'invalid generation');
    }
    const gc = this.rt.gc;
    if (gc.collecting) return 0;
    gc.collecting = true;
    try {
      return collectWithCallback(this.rt, generation);
    } finally {
      gc.collecting = false;
    }
  }

  enable(): void {
    this.rt.gc.enabled = true;
  }

  disable(): void {
    this.rt.gc.enabled = false;
  }

  isenabled(): boolean {
    return this.rt.gc.enabled;
  }

  get_count(): [number, number, number] {
    const g = this.rt.gc.generations;
    return [g[0].count, g[1].count, g[2].count];
  }

  get_threshold(): [number, number, number] {
    const g = this.rt.gc.generations;
    return [g[0].threshold, g[1].threshold, g[2].threshold];
  }

  /** gc.set_threshold(threshold0[, threshold1[, threshold2]]) */
  set_threshold(...thresholds: number[]): void {
    if (thresholds.length < 1 || thresholds.length > 3) {
      throw new PyException('TypeError', `set_threshold() takes at least 1 argument (${thresholds.length} given)`);
    }
    thresholds.forEach((t, i) => (this.rt.gc.generations[i].threshold = t));
  }

  set_debug(flags: number): void {
    this.rt.gc.debug = flags;
  }

  get_debug(): number {
    return this.rt.gc.debug;
  }

  /** gc.get_objects(generation=None): tracked objects, youngest generation first. */
  get_objects(generation: number | null = null): PyObject[] {
    const gens = this.rt.gc.generations;
    if (generation === null) return gens.flatMap((g) => gcListMembers(g.head));
    if (generation >= gens.length)
      throw new PyException(
        'ValueError',
        `generation parameter must be less than the number of available generations (${gens.length})`,
      );
    if (generation < 0) throw new PyException('ValueError', 'generation parameter cannot be negative');
    return gcListMembers(gens[generation].head);
  }

  get_stats(): { collections: number; collected: number; uncollectable: number }[] {
    return this.rt.gc.stats.map((s) => ({ ...s }));
  }

  is_tracked(op: PyObject): boolean {
    return op.type.isGC && op.gcNext !== null;
  }

  is_finalized(op: PyObject): boolean {
    return op.type.isGC && (op.gcFlags & GcFlag.Finalized) !== 0;
  }

  /** gc.get_referents(*objs): what each object's tp_traverse visits. */
  get_referents(...objs: PyObject[]): PyObject[] {
    const out: PyObject[] = [];
    for (const op of objs) if (op.type.isGC) traverse(op, (r) => out.push(r));
    return out;
  }

  /** gc.get_referrers(*objs): tracked objects (in every generation) that refer to any of objs. */
  get_referrers(...objs: PyObject[]): PyObject[] {
    const targets = new Set(objs);
    const out: PyObject[] = [];
    for (const g of this.rt.gc.generations) {
      for (const op of gcListMembers(g.head)) {
        let hit = false;
        traverse(op, (r) => {
          if (targets.has(r)) hit = true;
        });
        if (hit) out.push(op);
      }
    }
    return out;
  }

  /** gc.freeze(): move everything to the permanent generation and zero the counts. */
  freeze(): void {
    const gc = this.rt.gc;
    for (const g of gc.generations) {
      gcListMerge(g.head, gc.permanent.head);
      g.count = 0;
    }
  }

  /** gc.unfreeze(): the permanent generation goes back into the oldest generation. */
  unfreeze(): void {
    const gc = this.rt.gc;
    gcListMerge(gc.permanent.head, gc.generations[gc.generations.length - 1].head);
  }

  get_freeze_count(): number {
    return gcListSize(this.rt.gc.permanent.head);
  }

  get garbage(): PyObject {
    return this.rt.garbage;
  }

  get callbacks(): PyObject {
    return this.rt.callbacks;
  }
}
