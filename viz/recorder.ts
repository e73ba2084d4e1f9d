/**
 * The step recorder behind `pymemlab run --html`: a RunObserver that, after every statement and
 * after every stage of every collection, records the heap as the step-through page draws it (see
 * recording.ts), and what changed since the previous step. It only reads the runtime: recording
 * allocates nothing on the simulated heap, so the program prints exactly what it prints without it.
 */
import type { CollectResult } from '../core/components';
import type { HeapEvent, Runtime } from '../core/runtime';
import { Kind, KIND_NAMES } from '../core/objects/kinds';
import { moduleDict } from '../core/objects/moduleobject';
import { GcFlag, type PyObject } from '../core/objects/pyobject';
import { referents } from '../core/objects/traverse';
import type { RunObserver } from '../python/interp/types';
import { allocatorRecord, BlockLocator } from './allocator-view';
import { DEFAULT_BOUNDS } from './bounds';
import { gcListObjects, recordingCollector, type StageListener } from './gc-stages';
import { generationIndex } from './generation-index';
import { objectValue, shortRepr, truncate } from './object-value';
import { boundedReferents, selectObjects } from './selection';
import type {
  AllocatorRecord,
  Change,
  ObjectRecord,
  RecordBounds,
  Recording,
  SlotRecord,
  StageName,
  StageRecord,
  StepRecord,
} from './recording';

export const DEFAULT_MAX_RECORDED_STEPS = 2000;

/** Stores each distinct value once; a step refers to values by index. */
class Interner<T> {
  readonly values: T[] = [];
  private readonly index = new Map<string, number>();

  intern(value: T): number {
    const key = JSON.stringify(value);
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(key, i);
    }
    return i;
  }
}

/** The collection in progress, as far as the stages so far have told. */
interface Collection {
  readonly generation: number;
  /** The objects of generations 0..generation when it began: the candidates for promotion. */
  readonly members: readonly PyObject[];
  readonly subtracted: Map<number, number>;
  /** After finalize_garbage, deduce_unreachable runs again to find resurrected objects. */
  resurrectionCheck: boolean;
  /** Events seen since the stage began (finalizers, callbacks, clears). */
  affected: number[];
}

function emptyStage(name: StageName, collection: Collection): StageRecord {
  return {
    name,
    generation: collection.generation,
    resurrectionCheck: collection.resurrectionCheck,
    collecting: [],
    gcRefs: {},
    unreachable: [],
    movedBack: [],
    affected: [],
    promoted: [],
    total: 0,
    collected: null,
    uncollectable: null,
  };
}

const ids = (objects: readonly PyObject[]): number[] => objects.map((o) => o.id);

export class StepRecorder implements RunObserver, StageListener {
  readonly components = recordingCollector(this);

  get listening(): boolean {
    return this.truncatedAt === null;
  }
  private rt!: Runtime;
  private main!: PyObject;
  private stdout: () => string = () => '';
  /** Ids of the objects the program caused to be allocated (code objects aside). */
  private readonly born = new Set<number>();
  /** How many of them are alive. */
  private live = 0;
  /**
   * Ids allocated since the previous step (a shell reused from a free list keeps its id). Only
   * added to: deleting from a set of a hundred thousand ids, one by one, is pathologically slow.
   */
  private bornSince = new Set<number>();
  /** Objects born since the previous step and still alive. */
  private bornSinceAlive = 0;
  /** The oldest object the previous step could record (selection.ts). */
  private oldest: PyObject | null = null;
  /** Every distinct record; a step lists indices. An object unchanged since its last record reuses it. */
  private readonly objects: ObjectRecord[] = [];
  private readonly latest = new Map<number, { readonly record: ObjectRecord; readonly index: number }>();
  private readonly allocators = new Interner<AllocatorRecord>();
  private readonly steps: (StepRecord & { line: number | null })[] = [];
  /** Collector steps recorded before the statement they belong to has finished, with its frame depth. */
  private unplaced: { step: StepRecord & { line: number | null }; depth: number }[] = [];
  private previous = new Map<number, ObjectRecord>();
  private previousSlots = new Set<string>();
  private events: Change[] = [];
  /** Frees of objects alive but not recorded at the previous step, and events past the bound: counted. */
  private uncountedEvents = 0;
  /** Ids a collection in progress holds on its own lists (off every generation list). */
  private offList: ReadonlySet<number> = new Set();
  private deleting = false;
  private collection: Collection | null = null;
  private truncatedAt: { line: number | null } | null = null;
  private readonly listener = (event: HeapEvent): void => this.onEvent(event);

  constructor(
    private readonly cap = DEFAULT_MAX_RECORDED_STEPS,
    private readonly bounds: RecordBounds = DEFAULT_BOUNDS,
  ) {}

  start(rt: Runtime, main: PyObject, stdout: () => string): void {
    this.rt = rt;
    this.main = main;
    this.stdout = stdout;
    rt.listeners.push(this.listener);
  }

  statement(lineno: number): void {
    // A statement of a __del__ run by the collector finishes first; the collection belongs to the
    // statement at the depth where it started.
    const depth = this.rt.frames.length;
    for (const { step } of this.unplaced.filter((u) => u.depth === depth)) step.line = lineno;
    this.unplaced = this.unplaced.filter((u) => u.depth !== depth);
    this.record('line', lineno, null);
  }

  finish(): void {
    this.unplaced = [];
    this.record('end', null, null);
    const i = this.rt.listeners.indexOf(this.listener);
    if (i >= 0) this.rt.listeners.splice(i, 1);
  }

  /** The whole recording, with the program's results (which come from runProgram). */
  recording(file: string, source: string, result: { stdout: string; stderr: string; exitCode: number }): Recording {
    return {
      file,
      source,
      ...result,
      objects: this.objects,
      allocators: this.allocators.values,
      steps: this.steps,
      cap: this.cap,
      bounds: this.bounds,
      truncated: this.truncatedAt,
    };
  }

  // --- heap events ---------------------------------------------------------------------------

  /** Deaths, finalizers, callbacks and clears, in the order they happen. */
  private onEvent(event: HeapEvent): void {
    if (this.truncatedAt !== null) return;
    if (event.kind === 'alloc') {
      if (event.type === 'code') return;
      this.born.add(event.id);
      this.live++;
      this.bornSince.add(event.id);
      this.bornSinceAlive++;
    } else if (event.kind === 'dealloc') {
      if (!this.born.has(event.id)) return;
      this.live--;
      if (this.bornSince.has(event.id)) this.bornSinceAlive--;
      if (this.previous.has(event.id))
        this.event({ kind: 'freed', id: event.id, type: event.type, why: this.deleting ? 'collector' : 'refcount' });
      else if (!this.bornSince.has(event.id)) this.uncountedEvents++; // alive, unrecorded, at the previous step
    } else if (event.kind === 'finalize' || event.kind === 'weakref-callback' || event.kind === 'clear') {
      const kind = event.kind === 'finalize' ? 'del' : event.kind === 'clear' ? 'cleared' : 'weakref-callback';
      this.event({ kind, id: event.id });
      this.collection?.affected.push(event.id);
    }
  }

  /** An event listed, or counted past the bound on changes. */
  private event(change: Change): void {
    if (this.events.length < this.bounds.changes) this.events.push(change);
    else this.uncountedEvents++;
  }

  // --- the collector's stages ----------------------------------------------------------------

  begin(generation: number): void {
    const members = this.rt.gc.generations.slice(0, generation + 1).flatMap((g) => gcListObjects(g.head));
    this.collection = { generation, members, subtracted: new Map(), resurrectionCheck: false, affected: [] };
    this.recordStage({ ...emptyStage('start', this.collection), collecting: ids(members) });
  }

  refs(stage: 'update_refs' | 'subtract_refs', containers: readonly PyObject[]): void {
    const collection = this.collection!;
    const gcRefs: Record<number, number> = {};
    for (const op of containers) gcRefs[op.id] = op.gcRefs;
    if (stage === 'subtract_refs') for (const op of containers) collection.subtracted.set(op.id, op.gcRefs);
    if (collection.resurrectionCheck) this.offList = new Set(ids(containers));
    this.recordStage({ ...emptyStage(stage, collection), collecting: ids(containers), gcRefs });
  }

  split(young: readonly PyObject[], unreachable: readonly PyObject[]): void {
    const collection = this.collection!;
    const movedBack = young.filter((op) => collection.subtracted.get(op.id) === 0);
    // In the resurrection check, the young list is the old unreachable one: off the generations too.
    this.offList = new Set(ids(collection.resurrectionCheck ? [...young, ...unreachable] : unreachable));
    this.recordStage({
      ...emptyStage('move_unreachable', collection),
      collecting: [...ids(young), ...ids(unreachable)],
      unreachable: ids(unreachable),
      movedBack: ids(movedBack),
    });
  }

  around(
    stage: 'handle_weakrefs' | 'finalize_garbage' | 'delete_garbage',
    list: readonly PyObject[],
    phase: 'before' | 'after',
  ): void {
    const collection = this.collection!;
    if (phase === 'before') {
      collection.affected = [];
      this.deleting = stage === 'delete_garbage';
      return;
    }
    this.deleting = false;
    if (stage === 'finalize_garbage') collection.resurrectionCheck = true;
    this.offList = new Set(ids(list));
    if (list.length === 0 && collection.affected.length === 0) return;
    this.recordStage({
      ...emptyStage(stage, collection),
      collecting: ids(list),
      unreachable: ids(list),
      affected: collection.affected,
    });
  }

  end(result: CollectResult): void {
    const collection = this.collection!;
    // gc_collect_main merges what survives of the young generations into the next one (the one
    // collected, for generation 2): the members alive and still tracked. Walking the next list
    // instead would cost the whole of generation 2 at every collection of generation 1.
    this.recordStage({
      ...emptyStage('done', collection),
      promoted: ids(collection.members.filter((op) => op.obNext !== null && op.gcNext !== null)),
      collected: result.collected,
      uncollectable: result.uncollectable,
    });
    this.collection = null;
    this.offList = new Set();
  }

  private recordStage(stage: StageRecord): void {
    const deduce = stage.name === 'update_refs' || stage.name === 'subtract_refs' || stage.name === 'move_unreachable';
    if (deduce && stage.resurrectionCheck && stage.collecting.length === 0) return;
    const step = this.record('gc', null, stage);
    if (step !== null) this.unplaced.push({ step, depth: this.rt.frames.length });
  }

  // --- one step ------------------------------------------------------------------------------

  /** The entries of `__main__`'s dict; none once shutdown has cleared it. */
  private globals() {
    const table = moduleDict(this.main)?.table;
    return table == null ? [] : [...table.map.values()].filter((e) => e.value !== null);
  }

  /** The frames' locals and value stacks, and the program's global names, with their objects. */
  private names(): { frame: string; name: string; kind: SlotRecord['kind']; op: PyObject }[] {
    const names: { frame: string; name: string; kind: SlotRecord['kind']; op: PyObject }[] = [];
    for (const entry of this.globals()) {
      const name = entry.key.value as string;
      if (!name.startsWith('__') && entry.value!.type.kind !== Kind.Module)
        names.push({ frame: 'globals', name, kind: 'global', op: entry.value! });
    }
    this.rt.frames.forEach((frame, depth) => {
      const name = `${depth}: ${frame.name}`;
      frame.locals.forEach((op, i) => {
        if (op !== null) names.push({ frame: name, name: frame.localNames[i], kind: 'local', op });
      });
      frame.stack.forEach((op, i) => names.push({ frame: name, name: `stack[${i}]`, kind: 'stack', op }));
    });
    return names;
  }

  /** The record of `op` at this moment. */
  private objectRecord(
    op: PyObject,
    references: { kept: readonly PyObject[]; more: number },
    generation: number,
    locator: BlockLocator | null,
  ): ObjectRecord {
    const record: ObjectRecord = {
      id: op.id,
      type: op.type.name,
      kind: KIND_NAMES[op.type.kind],
      value: objectValue(this.rt, op),
      refcnt: op.refcnt,
      referents: ids(references.kept),
      isGC: op.type.isGC,
      tracked: op.gcNext !== null,
      finalized: (op.gcFlags & GcFlag.Finalized) !== 0,
      generation,
      block: locator?.block(op.address) ?? null,
    };
    return references.more === 0 ? record : { ...record, moreReferents: references.more };
  }

  /**
   * What differs from the previous step among the objects both record: births, refcounts,
   * references from objects and names. Referents are compared as sets: a list of 100,000 items
   * compared item by item against the other's array would take 10^10 steps.
   */
  private differences(current: ReadonlyMap<number, ObjectRecord>, slots: readonly SlotRecord[]): Change[] {
    const changes: Change[] = [];
    for (const [id, now] of current) {
      const before = this.previous.get(id);
      if (before === undefined) {
        if (this.bornSince.has(id)) changes.push({ kind: 'born', id, type: now.type });
        continue;
      }
      if (before.refcnt !== now.refcnt) changes.push({ kind: 'refcount', id, from: before.refcnt, to: now.refcnt });
      if (before.referents === now.referents) continue;
      const had = new Set(before.referents);
      const has = new Set(now.referents);
      for (const to of has) if (!had.has(to)) changes.push({ kind: 'ref-added', from: `#${id}`, to });
      for (const to of had) if (!has.has(to)) changes.push({ kind: 'ref-dropped', from: `#${id}`, to });
    }
    const keys = new Set(slots.map((s) => `${s.frame}\u0000${s.name}\u0000${s.target}`));
    for (const key of keys) if (!this.previousSlots.has(key)) changes.push(slotChange('ref-added', key));
    for (const key of this.previousSlots) if (!keys.has(key)) changes.push(slotChange('ref-dropped', key));
    this.previousSlots = keys;
    return changes;
  }

  /** The index of `record`: the object's previous record when nothing about it changed. */
  private internObject(record: ObjectRecord): number {
    const last = this.latest.get(record.id);
    if (last !== undefined && sameRecord(last.record, record)) return last.index;
    const index = this.objects.push(record) - 1;
    this.latest.set(record.id, { record, index });
    return index;
  }

  private record(kind: StepRecord['kind'], line: number | null, stage: StageRecord | null) {
    if (this.truncatedAt !== null) return null;
    if (this.steps.length >= this.cap) {
      this.truncatedAt = { line: this.steps[this.steps.length - 1]?.line ?? line };
      return null;
    }
    const allocator = this.rt.allocator;
    const memory = allocator === null ? null : (allocator.structure?.() ?? allocator.snapshot());
    const locator = memory === null ? null : new BlockLocator(memory);
    const names = this.names();
    const nameKeys = new Set(this.globals().map((e) => e.key.id));
    const recordable = (op: PyObject) => this.born.has(op.id) && !nameKeys.has(op.id);
    const live = this.live - [...nameKeys].filter((id) => this.born.has(id)).length;
    const whole = live <= this.bounds.objects;
    const references = new Map<PyObject, { kept: PyObject[]; more: number }>();
    const referentsOf = (op: PyObject) => {
      let r = references.get(op);
      if (r === undefined) references.set(op, (r = boundedReferents(op, this.bounds.referents)));
      return r;
    };
    // Stranded cycles are looked for only in a heap recorded whole: it takes a walk of all of it.
    const leaked = whole ? strandedCycles(this.rt, recordable) : [];
    const selection = selectObjects({
      rt: this.rt,
      roots: [...names.map((n) => n.op), ...leaked],
      recordable,
      live,
      limit: this.bounds.objects,
      referentsOf: (op) => referentsOf(op).kept,
      oldest: this.oldest,
    });
    this.oldest = selection.oldest;
    const generation = generationIndex(this.rt, whole, this.offList);
    const current = new Map<number, ObjectRecord>();
    for (const op of selection.recorded)
      current.set(op.id, this.objectRecord(op, referentsOf(op), generation(op), locator));
    const slots = names.map(({ frame, name, kind, op }): SlotRecord =>
      current.has(op.id)
        ? { frame, name, kind, target: op.id }
        : { frame, name, kind, target: op.id, value: truncate(shortRepr(this.rt, op)) },
    );
    const all = [...this.events, ...this.differences(current, slots)];
    const changes = all.slice(0, this.bounds.changes);
    // Births not recorded, counted: none in a heap recorded whole; past the bound, the births
    // still alive less the recorded ones and name keys (an estimate: see docs/step-through.md).
    const listedBirths = [...current.keys(), ...nameKeys].filter((id) => this.bornSince.has(id)).length;
    const unrecordedBirths = whole ? 0 : Math.max(0, this.bornSinceAlive - listedBirths);
    const unlisted = all.length - changes.length + this.uncountedEvents + unrecordedBirths;
    this.events = [];
    this.uncountedEvents = 0;
    this.bornSince = new Set();
    this.bornSinceAlive = 0;
    this.previous = current;
    const omitted =
      selection.omitted === 0 && unlisted === 0 && whole
        ? null
        : { objects: selection.omitted, changes: unlisted, cyclesUnchecked: !whole };
    const step = {
      kind,
      line,
      stdout: this.stdout().length,
      objects: selection.recorded.map((op) => this.internObject(current.get(op.id)!)),
      own: selection.own,
      slots,
      changes,
      leaked: ids(leaked),
      counts: this.rt.gc.generations.map((g) => g.count),
      thresholds: this.rt.gc.generations.map((g) => g.threshold),
      stage: stage === null ? null : recordedStage(stage, current),
      allocator: this.allocators.intern(
        memory === null
          ? { arenas: [], freeBlockBytes: 0, emptyPools: 0, freeListShells: 0 }
          : allocatorRecord(this.rt, memory),
      ),
      omitted,
    };
    this.steps.push(step);
    return step;
  }
}

/** A stage as recorded: its id lists kept to the recorded objects, with how many it concerned. */
function recordedStage(stage: StageRecord, recorded: ReadonlyMap<number, ObjectRecord>): StageRecord {
  const keep = (list: readonly number[]) => list.filter((id) => recorded.has(id));
  const gcRefs: Record<number, number> = {};
  for (const [id, refs] of Object.entries(stage.gcRefs)) if (recorded.has(Number(id))) gcRefs[Number(id)] = refs;
  return {
    ...stage,
    total: stage.name === 'done' ? stage.promoted.length : stage.collecting.length,
    collecting: keep(stage.collecting),
    gcRefs,
    unreachable: keep(stage.unreachable),
    movedBack: keep(stage.movedBack),
    affected: keep(stage.affected),
    promoted: keep(stage.promoted),
  };
}

function slotChange(kind: 'ref-added' | 'ref-dropped', key: string): Change {
  const [frame, name, target] = key.split('\u0000');
  return { kind, from: `${frame}:${name}`, to: Number(target) };
}

/**
 * Objects refcounting can no longer free: unreachable from every root yet alive because they lie
 * on a reference cycle among unreachable objects, or hang from one. (An unreachable object on no
 * such cycle is a temporary the interpreter holds in C, such as a call's argument tuple.)
 */
function strandedCycles(rt: Runtime, recordable: (op: PyObject) => boolean): PyObject[] {
  const reachable = new Set<PyObject>();
  const stack: PyObject[] = [...rt.external.keys()];
  for (const frame of rt.frames) {
    for (const op of frame.locals) if (op !== null) stack.push(op);
    stack.push(...frame.stack);
    if (frame.fLocals !== null) stack.push(frame.fLocals);
  }
  while (stack.length > 0) {
    const op = stack.pop()!;
    if (reachable.has(op)) continue;
    reachable.add(op);
    for (const r of referents(op)) if (!reachable.has(r)) stack.push(r);
  }
  const unreachable = new Set([...rt.liveObjects()].filter((op) => recordable(op) && !reachable.has(op)));
  const within = (op: PyObject) => referents(op).filter((r) => unreachable.has(r));
  const reach = (from: PyObject): Set<PyObject> => {
    const seen = new Set<PyObject>();
    const pending = within(from);
    while (pending.length > 0) {
      const op = pending.pop()!;
      if (!seen.has(op)) {
        seen.add(op);
        pending.push(...within(op));
      }
    }
    return seen;
  };
  const stranded = new Set<PyObject>();
  for (const op of unreachable) {
    const onward = reach(op);
    if (onward.has(op)) for (const other of [op, ...onward]) stranded.add(other);
  }
  return [...stranded].sort((a, b) => a.id - b.id);
}

/** Field-by-field equality of two records of one object (cheaper than comparing JSON). */
function sameRecord(a: ObjectRecord, b: ObjectRecord): boolean {
  return (
    a.type === b.type &&
    a.value === b.value &&
    a.refcnt === b.refcnt &&
    a.tracked === b.tracked &&
    a.finalized === b.finalized &&
    a.generation === b.generation &&
    a.block?.address === b.block?.address &&
    a.referents.length === b.referents.length &&
    a.referents.every((r, i) => r === b.referents[i])
  );
}
