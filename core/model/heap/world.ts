/**
 * The system under test for heap operations: a runtime with a `__main__` module, a frame stack,
 * and classes whose finalizers do nothing, resurrect their instance, or are legacy (tp_del).
 */
import { Runtime, type HeapEvent, type RuntimeOptions } from '../../runtime';
import { type PyObject } from '../../objects/pyobject';
import { newList, listAppend, listSetItem, listDelItem, listClear } from '../../objects/list';
import { newTuple } from '../../objects/tuple';
import { newDict, dictSetItem, dictDelItem, dictGetItem } from '../../objects/dict';
import { newSet, setAdd, setDiscard } from '../../objects/set';
import {
  classType,
  newClass,
  newInstance,
  instanceSetAttr,
  instanceDelAttr,
  instanceGetAttr,
} from '../../objects/classobject';
import { newModule, moduleDict } from '../../objects/moduleobject';
import { newWeakref } from '../../objects/weakrefobject';
import { GcModule } from '../../gc/gcmodule';
import { Kind } from '../../objects/kinds';
import { hashKey } from '../../objects/hashkey';
import {
  type HeapOp,
  type Slot,
  GLOBAL_SLOTS,
  LOCAL_SLOTS,
  MAX_FRAMES,
  type AllocKind,
  type RingKind,
} from './operations';

/**
 * What happened to the heap during an operation, recorded by the world and the runtime, never by
 * the component under test: deaths (`free`, from _Py_ForgetReference) and tp_clear calls come from
 * the runtime; finalizer, tp_del and weakref-callback calls from the world's own Python-level
 * functions, which record themselves when called, however a collector got to them.
 */
export type WorldEvent =
  | { readonly kind: 'free'; readonly id: number; readonly type: string; readonly during: 'decref' | 'collection' }
  | { readonly kind: 'clear'; readonly id: number }
  | { readonly kind: 'finalize'; readonly id: number }
  | { readonly kind: 'legacy-del'; readonly id: number }
  | { readonly kind: 'callback'; readonly id: number };

/** More events than any operation of a few dozen objects can cause: the component is looping. */
export const MAX_EVENTS_PER_STEP = 100_000;

/** Thrown when one operation causes more than MAX_EVENTS_PER_STEP events (a runaway loop). */
export class RunawayStepError extends Error {
  constructor() {
    super(`more than ${MAX_EVENTS_PER_STEP} heap events in one operation: the component is looping`);
    this.name = 'RunawayStepError';
  }
}

export class HeapWorld {
  readonly rt: Runtime;
  readonly gc: GcModule;
  readonly globals: PyObject;
  private readonly classes: Record<'instance' | 'finalizer' | 'resurrector' | 'legacy', PyObject>;
  /** Where resurrecting finalizers put their instance (held by the runtime, like a module global). */
  readonly resurrected: PyObject;
  readonly callback: PyObject;
  callbackCalls = 0;
  private events: WorldEvent[] = [];
  private readonly listener = (event: HeapEvent): void => {
    if (this.events.length >= MAX_EVENTS_PER_STEP) throw new RunawayStepError();
    if (event.kind === 'dealloc')
      this.events.push({
        kind: 'free',
        id: event.id,
        type: event.type,
        during: this.rt.gc.collecting ? 'collection' : 'decref',
      });
    else if (event.kind === 'clear') this.events.push({ kind: 'clear', id: event.id });
  };

  constructor(options: RuntimeOptions = {}) {
    this.rt = new Runtime(options);
    this.gc = new GcModule(this.rt);
    const main = newModule(this.rt, '__main__');
    this.globals = moduleDict(main);
    this.resurrected = newList(this.rt, []);
    this.rt.hold(this.resurrected);
    this.rt.decref(this.resurrected);
    this.callback = this.rt.builtin('callback', (args) => {
      this.callbackCalls++;
      this.events.push({ kind: 'callback', id: args[0]?.id ?? 0 });
      return this.rt.none();
    });
    this.rt.hold(this.callback);
    this.rt.decref(this.callback);
    const cls = (name: string) => {
      const c = newClass(this.rt, { name, base: null, namespace: [], slots: null, bases: null });
      this.rt.hold(c);
      this.rt.decref(c);
      return c;
    };
    this.classes = {
      instance: cls('Node'),
      finalizer: cls('WithDel'),
      resurrector: cls('Phoenix'),
      legacy: cls('Legacy'),
    };
    classType(this.classes.finalizer).finalize = (self) => this.record('finalize', self);
    classType(this.classes.resurrector).finalize = (self) => {
      this.record('finalize', self);
      listAppend(this.rt, this.resurrected, self);
    };
    classType(this.classes.legacy).legacyDel = (self) => this.record('legacy-del', self);
    this.rt.pushFrame('<module>', []);
    this.rt.listeners.push(this.listener);
  }

  private record(kind: 'finalize' | 'legacy-del', self: PyObject): void {
    if (this.events.length >= MAX_EVENTS_PER_STEP) throw new RunawayStepError();
    this.events.push({ kind, id: self.id });
  }

  /** The events since the last call, in the order they happened. */
  takeEvents(): WorldEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  private get frameDepth(): number {
    return this.rt.frames.length;
  }

  /** The object a slot holds (borrowed), or null. */
  get(slot: Slot): PyObject | null {
    if (slot.scope === 'global') {
      const key = this.rt.str(`g${slot.index % GLOBAL_SLOTS}`);
      const value = dictGetItem(this.globals, key) ?? null;
      this.rt.decref(key);
      return value;
    }
    if (this.frameDepth <= 1) return null;
    const frame = this.rt.frames[this.frameDepth - 1];
    return frame.locals[slot.index % LOCAL_SLOTS];
  }

  /** Store an owned reference into a slot (a global or a local); the old value is released. */
  private put(slot: Slot, value: PyObject): void {
    if (slot.scope === 'local' && this.frameDepth > 1) {
      this.rt.frames[this.frameDepth - 1].setLocal(this.rt, slot.index % LOCAL_SLOTS, value);
      return;
    }
    const key = this.rt.str(`g${slot.index % GLOBAL_SLOTS}`);
    dictSetItem(this.rt, this.globals, key, value);
    this.rt.decref(key);
    this.rt.decref(value);
  }

  private clear(slot: Slot): void {
    if (slot.scope === 'local' && this.frameDepth > 1) {
      this.rt.frames[this.frameDepth - 1].setLocal(this.rt, slot.index % LOCAL_SLOTS, null);
      return;
    }
    const key = this.rt.str(`g${slot.index % GLOBAL_SLOTS}`);
    if (dictGetItem(this.globals, key) !== undefined) dictDelItem(this.rt, this.globals, key);
    this.rt.decref(key);
  }

  private alloc(kind: AllocKind, items: PyObject[]): PyObject {
    const rt = this.rt;
    switch (kind) {
      case 'list':
        return newList(rt, items);
      case 'tuple':
        return newTuple(rt, items);
      case 'dict': {
        const d = newDict(rt);
        items.forEach((v, i) => {
          const k = rt.int(i);
          dictSetItem(rt, d, k, v);
          rt.decref(k);
        });
        return d;
      }
      case 'set':
        return newSet(rt, items.filter(isHashable));
      case 'int':
        return rt.int(1000 + items.length);
      default:
        return this.instanceWith(kind, items);
    }
  }

  private instanceWith(kind: 'instance' | 'finalizer' | 'resurrector' | 'legacy', items: PyObject[]): PyObject {
    const op = newInstance(this.rt, this.classes[kind]);
    items.forEach((v, i) => instanceSetAttr(this.rt, op, `f${i}`, v));
    return op;
  }

  private setField(container: PyObject, field: number, value: PyObject): void {
    const rt = this.rt;
    switch (container.type.kind) {
      case Kind.List:
        if (field < container.items!.length) listSetItem(rt, container, field, value);
        else listAppend(rt, container, value);
        return;
      case Kind.Dict: {
        const k = rt.int(field);
        dictSetItem(rt, container, k, value);
        rt.decref(k);
        return;
      }
      case Kind.Set:
        if (isHashable(value)) setAdd(rt, container, value);
        return;
      case Kind.Instance:
        instanceSetAttr(rt, container, `f${field}`, value);
        return;
      default:
        return;
    }
  }

  private delField(container: PyObject, field: number): void {
    const rt = this.rt;
    switch (container.type.kind) {
      case Kind.List:
        if (container.items!.length > 0) listDelItem(rt, container, field % container.items!.length);
        return;
      case Kind.Dict: {
        const k = rt.int(field);
        if (dictGetItem(container, k) !== undefined) dictDelItem(rt, container, k);
        rt.decref(k);
        return;
      }
      case Kind.Set: {
        const entries = [...container.table!.entries()];
        if (entries.length > 0) setDiscard(rt, container, entries[field % entries.length].key, false);
        return;
      }
      case Kind.Instance:
        if (instanceGetAttr(rt, container, `f${field}`) !== undefined) instanceDelAttr(rt, container, `f${field}`);
        return;
      default:
        return;
    }
  }

  /** What the last gc.collect() returned (collected + uncollectable). */
  lastCollected: number | null = null;

  /**
   * A reference cycle of new objects, each holding the next in its field 0 and the last the first;
   * returns the first (owned), the others owned by their predecessor only.
   */
  private ring(kinds: readonly RingKind[]): PyObject {
    const members = kinds.map((kind) => this.alloc(kind, []));
    members.forEach((op, i) => this.setField(op, 0, members[(i + 1) % members.length]));
    for (const op of members.slice(1)) this.rt.decref(op);
    return members[0];
  }

  /** Carry out one operation. */
  apply(op: HeapOp): void {
    const rt = this.rt;
    switch (op.op) {
      case 'alloc': {
        const items = op.items.map((s) => this.get(s)).filter((v): v is PyObject => v !== null);
        this.put(op.into, this.alloc(op.kind, items));
        return;
      }
      case 'bind': {
        const value = this.get(op.from);
        if (value !== null) this.put(op.into, rt.newRef(value));
        return;
      }
      case 'unbind':
        this.clear(op.slot);
        return;
      case 'setField': {
        const container = this.get(op.container);
        const value = this.get(op.value);
        if (container !== null && value !== null) this.setField(container, op.field, value);
        return;
      }
      case 'delField': {
        const container = this.get(op.container);
        if (container !== null) this.delField(container, op.field);
        return;
      }
      case 'weakref': {
        const target = this.get(op.target);
        if (target !== null && target.type.supportsWeakrefs)
          this.put(op.into, newWeakref(rt, target, op.callback ? this.callback : null));
        return;
      }
      case 'pushFrame':
        if (this.frameDepth < MAX_FRAMES) {
          rt.pushFrame(
            `f${this.frameDepth}`,
            Array.from({ length: LOCAL_SLOTS }, (_, i) => `l${i}`),
          );
        }
        return;
      case 'popFrame':
        if (this.frameDepth > 1) rt.popFrame();
        return;
      case 'cycle':
        this.put(op.into, this.ring(op.kinds));
        return;
      case 'collect':
        this.lastCollected = this.gc.collect(op.generation);
        return;
      case 'setThreshold':
        this.gc.set_threshold(
          ...[op.threshold0, op.threshold1, op.threshold2].filter((t): t is number => t !== undefined),
        );
        return;
      case 'dropResurrected':
        listClear(rt, this.resurrected);
        return;
      case 'freeze':
        this.gc.freeze();
        return;
      case 'unfreeze':
        this.gc.unfreeze();
        return;
    }
  }
}

function isHashable(op: PyObject): boolean {
  try {
    hashKey(op);
    return true;
  } catch {
    return false;
  }
}
