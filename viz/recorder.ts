/**
 * The step recorder behind `pymemlab run --html`: a RunObserver that, after every statement and
 * after every stage of every collection, records the heap as the step-through page draws it (see
 * recording.ts), and what changed since the previous step. It only reads the runtime: recording
 * allocates nothing on the simulated heap, so the program prints exactly what it prints without it.
 */
import type { CollectResult } from '../core/components';
import type { HeapEvent, Runtime } from '../core/runtime';
import { takeSnapshot, type HeapSnapshot } from '../core/snapshot';
import { reachableFromRoots } from '../core/invariants/heap';
import { Kind } from '../core/objects/kinds';
import { moduleDict } from '../core/objects/moduleobject';
import type { PyObject } from '../core/objects/pyobject';
import type { RunObserver } from '../python/interp/types';
import { pyRepr } from '../python/interp/repr';
import { allocatorRecord, BlockLocator } from './allocator-view';
import { gcListObjects, recordingCollector, type StageListener } from './gc-stages';
import { ownObjects } from './own-objects';
import type {
  AllocatorRecord,
  Change,
  ObjectRecord,
  Recording,
  SlotRecord,
  StageName,
  StageRecord,
  StepRecord,
} from './recording';

export const DEFAULT_MAX_RECORDED_STEPS = 2000;
const VALUE_LENGTH = 40;

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
  /** Ids in generations 0..generation when it began: the candidates for promotion. */
  readonly members: readonly number[];
  readonly subtracted: Map<number, number>;
  /** After finalize_garbage, deduce_unreachable runs again to find resurrected objects. */
  resurrectionCheck: boolean;
  /** Events seen since the stage began (finalizers, callbacks, clears). */
  affected: number[];
}

function truncate(text: string): string {
  return text.length > VALUE_LENGTH ? `${text.slice(0, VALUE_LENGTH - 3)}...` : text;
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
    collected: null,
    uncollectable: null,
  };
}

/** repr() as the trace shows it: read-only (no allocation on the simulated heap). */
const shortRepr = (rt: Runtime, op: PyObject): string => pyRepr(rt, op, new Set(), true);

/**
 * An instance's attributes, `name='a', partner=#388` (its repr is only an address): read from the
 * slots, the inline values or the materialised dict without allocating, as Python Tutor shows them.
 */
function instanceValue(rt: Runtime, op: PyObject): string {
  const attributes: [string, PyObject][] = [];
  op.type.slotNames?.forEach((name, i) => {
    const value = op.refs?.[i];
    if (value != null) attributes.push([name, value]);
  });
  if (op.dictRef !== null && op.dictRef.table !== null) {
    for (const entry of op.dictRef.table.map.values())
      if (entry.value !== null) attributes.push([String(entry.key.value), entry.value]);
  } else if (op.values !== null) {
    op.type.cachedKeys?.names.forEach((name, i) => {
      const value = op.values![i];
      if (value != null) attributes.push([name, value]);
    });
  }
  return attributes
    .map(([name, value]) => `${name}=${value.type.kind === Kind.Instance ? `#${value.id}` : shortRepr(rt, value)}`)
    .join(', ');
}

const ids = (objects: readonly PyObject[]): number[] => objects.map((o) => o.id);

export class StepRecorder implements RunObserver, StageListener {
  readonly components = recordingCollector(this);
  private rt!: Runtime;
  private main!: PyObject;
  private stdout: () => string = () => '';
  private readonly born = new Set<number>();
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
  private deleting = false;
  private collection: Collection | null = null;
  private truncatedAt: { line: number | null } | null = null;
  private readonly listener = (event: HeapEvent): void => this.onEvent(event);

  constructor(private readonly cap = DEFAULT_MAX_RECORDED_STEPS) {}

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
      truncated: this.truncatedAt,
    };
  }

  // --- heap events ---------------------------------------------------------------------------

  /** Deaths, finalizers, callbacks and clears, in the order they happen. */
  private onEvent(event: HeapEvent): void {
    if (event.kind === 'alloc') this.born.add(event.id);
    else if (event.kind === 'dealloc') {
      if (this.previous.has(event.id))
        this.events.push({
          kind: 'freed',
          id: event.id,
          type: event.type,
          why: this.deleting ? 'collector' : 'refcount',
        });
    } else if (event.kind === 'finalize' || event.kind === 'weakref-callback' || event.kind === 'clear') {
      const kind = event.kind === 'finalize' ? 'del' : event.kind === 'clear' ? 'cleared' : 'weakref-callback';
      this.events.push({ kind, id: event.id });
      this.collection?.affected.push(event.id);
    }
  }

  // --- the collector's stages ----------------------------------------------------------------

  begin(generation: number): void {
    const members = this.rt.gc.generations.slice(0, generation + 1).flatMap((g) => ids(gcListObjects(g.head)));
    this.collection = { generation, members, subtracted: new Map(), resurrectionCheck: false, affected: [] };
    this.recordStage({ ...emptyStage('start', this.collection), collecting: members });
  }

  refs(stage: 'update_refs' | 'subtract_refs', containers: readonly PyObject[]): void {
    const collection = this.collection!;
    const gcRefs: Record<number, number> = {};
    for (const op of containers) gcRefs[op.id] = op.gcRefs;
    if (stage === 'subtract_refs') for (const op of containers) collection.subtracted.set(op.id, op.gcRefs);
    this.recordStage({ ...emptyStage(stage, collection), collecting: ids(containers), gcRefs });
  }

  split(young: readonly PyObject[], unreachable: readonly PyObject[]): void {
    const collection = this.collection!;
    const movedBack = young.filter((op) => collection.subtracted.get(op.id) === 0);
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
    const next = Math.min(collection.generation + 1, this.rt.gc.generations.length - 1);
    const inNext = new Set(ids(gcListObjects(this.rt.gc.generations[next].head)));
    this.recordStage({
      ...emptyStage('done', collection),
      promoted: collection.members.filter((id) => inNext.has(id)),
      collected: result.collected,
      uncollectable: result.uncollectable,
    });
    this.collection = null;
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

  /**
   * The frames' locals and value stacks, and the program's global names. A slot whose object is not
   * recorded (a small int, None, an interned str) carries its repr, to be shown beside the name.
   */
  private slots(recorded: ReadonlyMap<number, ObjectRecord>): SlotRecord[] {
    const slots: SlotRecord[] = [];
    const add = (frame: string, name: string, kind: SlotRecord['kind'], op: PyObject) =>
      slots.push(
        recorded.has(op.id)
          ? { frame, name, kind, target: op.id }
          : { frame, name, kind, target: op.id, value: truncate(shortRepr(this.rt, op)) },
      );
    for (const entry of this.globals()) {
      const name = entry.key.value as string;
      if (!name.startsWith('__') && entry.value!.type.kind !== Kind.Module)
        add('globals', name, 'global', entry.value!);
    }
    this.rt.frames.forEach((frame, depth) => {
      const name = `${depth}: ${frame.name}`;
      frame.locals.forEach((value, i) => {
        if (value !== null) add(name, frame.localNames[i], 'local', value);
      });
      frame.stack.forEach((value, i) => add(name, `stack[${i}]`, 'stack', value));
    });
    return slots;
  }

  /** Every object the program caused to be allocated, as records (code objects and name keys aside). */
  private objectRecords(snapshot: HeapSnapshot, locator: BlockLocator | null): Map<number, ObjectRecord> {
    const live = new Map<number, PyObject>();
    for (const op of this.rt.liveObjects()) live.set(op.id, op);
    const nameKeys = new Set(this.globals().map((e) => e.key.id));
    const generation = new Map<number, number>();
    snapshot.generations.forEach((g, i) => g.members.forEach((id) => generation.set(id, i)));
    const records = new Map<number, ObjectRecord>();
    for (const view of snapshot.objects) {
      if (!this.born.has(view.id) || view.kind === 'code' || nameKeys.has(view.id)) continue;
      const op = live.get(view.id)!;
      records.set(view.id, {
        id: view.id,
        type: view.type,
        kind: view.kind,
        value: truncate(op.type.kind === Kind.Instance ? instanceValue(this.rt, op) : shortRepr(this.rt, op)),
        refcnt: view.refcnt,
        referents: view.referents,
        isGC: view.isGC,
        tracked: view.tracked,
        finalized: view.finalized,
        generation: generation.get(view.id) ?? -1,
        block: locator?.block(op.address) ?? null,
      });
    }
    return records;
  }

  /** What differs from the previous step: births, refcounts, references from objects and names. */
  private differences(current: ReadonlyMap<number, ObjectRecord>, slots: readonly SlotRecord[]): Change[] {
    const changes: Change[] = [];
    for (const [id, now] of current) {
      const before = this.previous.get(id);
      if (before === undefined) {
        changes.push({ kind: 'born', id, type: now.type });
        continue;
      }
      if (before.refcnt !== now.refcnt) changes.push({ kind: 'refcount', id, from: before.refcnt, to: now.refcnt });
      for (const to of now.referents)
        if (!before.referents.includes(to)) changes.push({ kind: 'ref-added', from: `#${id}`, to });
      for (const to of before.referents)
        if (!now.referents.includes(to)) changes.push({ kind: 'ref-dropped', from: `#${id}`, to });
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
    const snapshot = takeSnapshot(this.rt);
    const memory = this.rt.allocator?.snapshot() ?? null;
    const current = this.objectRecords(snapshot, memory === null ? null : new BlockLocator(memory));
    const slots = this.slots(current);
    const reachable = reachableFromRoots(snapshot);
    const changes = [...this.events, ...this.differences(current, slots)];
    this.events = [];
    this.previous = current;
    const leaked = strandedCycles(current, reachable);
    const step = {
      kind,
      line,
      stdout: this.stdout().length,
      objects: [...current.values()].map((o) => this.internObject(o)),
      own: ownObjects(current, [...slots.map((s) => s.target), ...leaked]),
      slots,
      changes,
      leaked,
      counts: this.rt.gc.generations.map((g) => g.count),
      thresholds: this.rt.gc.generations.map((g) => g.threshold),
      stage,
      allocator: this.allocators.intern(
        memory === null
          ? { arenas: [], freeBlockBytes: 0, emptyPools: 0, freeListShells: 0 }
          : allocatorRecord(this.rt, memory),
      ),
    };
    this.steps.push(step);
    return step;
  }
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
function strandedCycles(objects: ReadonlyMap<number, ObjectRecord>, reachable: ReadonlySet<number>): number[] {
  const unreachable = new Set([...objects.keys()].filter((id) => !reachable.has(id)));
  const within = (id: number) => objects.get(id)!.referents.filter((r) => unreachable.has(r));
  const reach = (from: number): Set<number> => {
    const seen = new Set<number>();
    const stack = within(from);
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (!seen.has(id)) {
        seen.add(id);
        stack.push(...within(id));
      }
    }
    return seen;
  };
  const stranded = new Set<number>();
  for (const id of unreachable) {
    const onward = reach(id);
    if (onward.has(id)) for (const other of [id, ...onward]) stranded.add(other);
  }
  return [...stranded].sort((a, b) => a - b);
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
