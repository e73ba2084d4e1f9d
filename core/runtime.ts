import type { Allocator } from './pymalloc/allocator';
import type { Clearer, Collector, Components, Deallocator, GenerationScheduler, RefCounting } from './components';
import { CPYTHON_311, type Profile } from './profile';
import { PyObject } from './objects/pyobject';
import { type PyType, TYPES } from './objects/pytype';
import { GcState } from './gc/state';
import { gcListAppend, gcListRemove } from './gc/gclist';
import { FreeLists } from './objects/freelists';
import { Frame } from './frame';
import { basicSize, intDigits, intRequest, strSize } from './sizes';
import { TracedAllocator } from './pymalloc/traced-allocator';
import { ReferenceRefCounting } from './refcount/refcounting';
import { ReferenceDeallocator } from './refcount/dealloc';
import { ReferenceClearer } from './gc/clearer';
import { ReferenceCollector } from './gc/collect';
import { ReferenceScheduler } from './gc/gcmodule';
import { PyException } from './errors';
import { prepareSubclasses, registerClassType } from './objects/classobject';

/** Something a runtime reports as it happens: a teaching trace and the invariants listen to these. */
export type HeapEvent =
  | { readonly kind: 'alloc'; readonly id: number; readonly type: string }
  | { readonly kind: 'dealloc'; readonly id: number; readonly type: string }
  | { readonly kind: 'finalize'; readonly id: number }
  | { readonly kind: 'clear'; readonly id: number }
  | { readonly kind: 'weakref-callback'; readonly id: number }
  | {
      readonly kind: 'collect';
      readonly generation: number;
      readonly collected: number;
      readonly uncollectable: number;
    };

export interface RuntimeOptions {
  readonly profile?: Profile;
  /** The allocator every object's memory goes through; null runs without one (faster). */
  readonly allocator?: Allocator | null;
  /** Replace any reference component (refcounting, tp_dealloc, tp_clear, the collector or single stages of it, collect_generations). */
  readonly components?: Partial<Components>;
}

/**
 * The interpreter state of the simulated CPython: the private heap, its singletons, the gc
 * state, the free lists, the frames, and the components that manage memory.
 *
 * Everything that changes a reference goes through here (or through the object modules that take
 * a runtime), so the refcounts stay exact and every object's memory is accounted for.
 */
export class Runtime {
  readonly profile: Profile;
  readonly gc: GcState;
  readonly freelists: FreeLists;
  /** Replaced only by tracemalloc, which puts its tracing allocator in front while it traces. */
  allocator: Allocator | null;
  readonly refcounting: RefCounting;
  readonly deallocator: Deallocator;
  readonly clearer: Clearer;
  readonly collector: Collector;
  readonly scheduler: GenerationScheduler;

  /** The refchain: a circular list of every live object (Py_TRACE_REFS' refchain). */
  readonly refchain: PyObject;
  private nextId = 1;
  liveCount = 0;

  readonly None: PyObject;
  readonly True: PyObject;
  readonly False: PyObject;
  readonly emptyTuple: PyObject;
  private readonly smallInts: PyObject[] = [];
  /** References held by the runtime itself (sys.modules, static init counts, code constants). */
  readonly external = new Map<PyObject, number>();

  /** The objects of static types (`object`, `int`, ...), made on first use. */
  private readonly staticTypes = new Map<PyType, PyObject>();

  /** The frame stack, innermost last (each thread state's chain of _PyInterpreterFrame). */
  readonly frames: Frame[] = [];

  /** The trashcan (per thread state in 3.11): nesting depth and objects deferred for later. */
  trashDeleteNesting = 0;
  readonly trashDeleteLater: PyObject[] = [];

  /**
   * The thread state's recursion count (recursion_remaining, counted up here): Python frames and
   * C-level re-entries (PyObject_Str, PyObject_Repr, a C method called from C) share
   * Py_EnterRecursiveCall's limit, so recursion through __str__ or f-strings stops as in CPython.
   */
  recursionDepth = 0;
  readonly recursionLimit = 1000;
  /** Calls a Python callable (a function, a bound method); installed by the interpreter. */
  callHook: ((callable: PyObject, args: PyObject[]) => PyObject) | null = null;
  /** PyErr_WriteUnraisable: an exception escaped a finalizer or callback. */
  unraisableHook: (error: unknown, context: PyObject | null, where: string) => void = (error) => {
    throw error;
  };
  /** Where the collector's DEBUG_* output goes (stderr of the simulated process). */
  writeStderr: (text: string) => void = () => {};
  /** Listeners to heap events (a trace, invariant checks); empty for speed. */
  readonly listeners: ((event: HeapEvent) => void)[] = [];

  /** The gc module's `garbage` and `callbacks` lists, created on first use. */
  private garbageList: PyObject | null = null;
  private callbacksList: PyObject | null = null;

  constructor(options: RuntimeOptions = {}) {
    this.profile = options.profile ?? CPYTHON_311;
    this.allocator = options.allocator ?? null;
    this.gc = new GcState(this.profile.thresholds);
    this.freelists = new FreeLists(this.profile);
    this.refchain = new PyObject(0, TYPES.head);
    this.refchain.obNext = this.refchain;
    this.refchain.obPrev = this.refchain;
    const components = options.components ?? {};
    this.refcounting = (components.refcounting ?? ((rt) => new ReferenceRefCounting(rt)))(this);
    this.deallocator = (components.dealloc ?? ((rt) => new ReferenceDeallocator(rt)))(this);
    this.clearer = (components.clear ?? ((rt) => new ReferenceClearer(rt)))(this);
    this.collector = (components.collector ?? ((rt) => new ReferenceCollector(rt, components.stages)))(this);
    this.scheduler = (components.scheduler ?? ((rt) => new ReferenceScheduler(rt)))(this);

    this.None = this.staticObject(TYPES.none, null);
    this.True = this.staticObject(TYPES.bool, true);
    this.False = this.staticObject(TYPES.bool, false);
    this.emptyTuple = this.staticObject(TYPES.tuple, null);
    this.emptyTuple.items = [];
    for (let v = this.profile.smallIntMin; v <= this.profile.smallIntMax; v++) {
      this.smallInts.push(this.staticObject(TYPES.int, BigInt(v)));
    }
    prepareSubclasses(this);
  }

  // --- events -------------------------------------------------------------------------------

  emit(event: HeapEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  // --- refcounts ----------------------------------------------------------------------------

  incref(op: PyObject): void {
    this.refcounting.incref(op);
  }

  decref(op: PyObject): void {
    this.refcounting.decref(op);
  }

  xdecref(op: PyObject | null): void {
    if (op !== null) this.refcounting.decref(op);
  }

  /** _Py_Dealloc: run the type's deallocator (called by refcounting when a count reaches 0). */
  dealloc(op: PyObject): void {
    this.deallocator.dealloc(op);
  }

  /** tp_clear, as the collector calls it on cyclic garbage (observers see each call). */
  clear(op: PyObject): void {
    if (this.listeners.length > 0) this.emit({ kind: 'clear', id: op.id });
    this.clearer.clear(op);
  }

  /** A new reference to `op` (Py_NewRef). */
  newRef(op: PyObject): PyObject {
    this.refcounting.incref(op);
    return op;
  }

  /** Take a reference held by the runtime itself (not by any modelled object or frame). */
  hold(op: PyObject, count = 1): void {
    this.external.set(op, (this.external.get(op) ?? 0) + count);
    for (let i = 0; i < count; i++) this.incref(op);
  }

  /** Give back a reference taken with `hold`. */
  release(op: PyObject): void {
    const held = this.external.get(op) ?? 0;
    if (held <= 0) throw new Error(`release of object ${op.id} that the runtime does not hold`);
    if (held === 1) this.external.delete(op);
    else this.external.set(op, held - 1);
    this.decref(op);
  }

  // --- allocation ---------------------------------------------------------------------------

  private staticObject(type: PyType, value: bigint | string | boolean | null): PyObject {
    const op = this.newObject(type);
    op.value = value;
    op.refcnt = this.profile.staticRefcnt;
    this.external.set(op, this.profile.staticRefcnt);
    return op;
  }

  /** _Py_NewReference: give `op` refcount 1 and link it into the refchain. */
  private newReference(op: PyObject): void {
    op.refcnt = 1;
    const last = this.refchain.obPrev!;
    last.obNext = op;
    op.obPrev = last;
    op.obNext = this.refchain;
    this.refchain.obPrev = op;
    this.liveCount++;
  }

  /**
   * _Py_ForgetReference: unlink a dead object from the refchain. Observers hear of the death here,
   * in the runtime, whatever deallocator (the reference one or a student's) got the object here.
   */
  forgetReference(op: PyObject): void {
    op.obPrev!.obNext = op.obNext;
    op.obNext!.obPrev = op.obPrev;
    op.obNext = null;
    op.obPrev = null;
    this.liveCount--;
    if (this.listeners.length > 0) this.emit({ kind: 'dealloc', id: op.id, type: op.type.name });
  }

  /** The id the next object will get. */
  peekNextId(): number {
    return this.nextId;
  }

  private newObject(type: PyType): PyObject {
    const op = new PyObject(this.nextId++, type);
    this.newReference(op);
    return op;
  }

  /**
   * PyObject_New / _PyObject_GC_New: allocate an object of `type`. For GC types this is
   * _PyObject_GC_Link: generation 0's count goes up, and when it passes the threshold an automatic
   * collection runs *before* the new object exists (so it is never part of that collection).
   * The object comes back untracked, with refcount 1; the caller initialises it, then tracks it.
   */
  alloc(type: PyType, nitems = 0, nbytes = basicSize(this.profile, type, nitems)): PyObject {
    const size = nbytes;
    const address = this.allocator !== null ? this.allocator.malloc(size) : 0;
    if (type.isGC) this.gcLink();
    const op = this.newObject(type);
    op.address = address;
    if (this.listeners.length > 0) this.emit({ kind: 'alloc', id: op.id, type: type.name });
    return op;
  }

  /**
   * An object standing for one CPython's start-up parked in a cache before the program began (the
   * slice cache's, a free list's): it needs memory in the simulator, but taking it costs no gc
   * count and nothing tracemalloc sees, as a reuse. `nitems` as for `alloc`.
   */
  allocStartupShell(type: PyType, nitems = 0): PyObject {
    const address = this.beforeProgram(() =>
      this.allocator !== null ? this.allocator.malloc(basicSize(this.profile, type, nitems)) : 0,
    );
    const op = this.newObject(type);
    op.address = address;
    if (this.listeners.length > 0) this.emit({ kind: 'alloc', id: op.id, type: type.name });
    return op;
  }

  /**
   * Make what CPython made before the program ran (the names its compiler put in code objects):
   * tracemalloc, if it is tracing, does not see that memory.
   */
  beforeProgram<T>(make: () => T): T {
    const traced = this.allocator;
    if (!(traced instanceof TracedAllocator)) return make();
    this.allocator = traced.inner;
    try {
      return make();
    } finally {
      this.allocator = traced;
    }
  }

  /**
   * `what` runs now, and CPython allocates for it in passing what the simulator does not model
   * byte for byte (print's text I/O): tracemalloc's peak, if it is tracing, says so when read.
   */
  unmodelledAllocations(what: string): void {
    if (this.allocator instanceof TracedAllocator) this.allocator.unmodelledAllocations(what);
  }

  /** Reuse an object shell from a free list (_Py_NewReference): no allocation, no gc count. */
  reuse(op: PyObject): PyObject {
    op.gcFlags = 0;
    op.freed = false;
    this.newReference(op);
    if (this.listeners.length > 0) this.emit({ kind: 'alloc', id: op.id, type: op.type.name });
    return op;
  }

  /**
   * A GC object CPython allocates where the simulator keeps none (tracemalloc's trace tuples, made
   * untraced and untracked by the next collection): it counts towards generation 0 and may
   * trigger collections, as _PyObject_GC_Link does.
   */
  countUnkeptGcAllocation(): void {
    this.gcLink();
  }

  /** The allocation half of _PyObject_GC_Link: count, and maybe collect. */
  private gcLink(): void {
    const gc = this.gc;
    const gen0 = gc.generations[0];
    gen0.count++;
    if (gen0.count > gen0.threshold && gc.enabled && gen0.threshold !== 0 && !gc.collecting) {
      gc.collecting = true;
      try {
        this.scheduler.collectGenerations();
      } finally {
        gc.collecting = false;
      }
    }
  }

  /**
   * tp_free (PyObject_Free / PyObject_GC_Del): return a dead object's memory. For GC types the
   * count of generation 0 goes down, never below zero.
   */
  free(op: PyObject): void {
    if (op.type.isGC) {
      const gen0 = this.gc.generations[0];
      if (gen0.count > 0) gen0.count--;
    }
    if (this.allocator !== null && op.address !== 0) this.allocator.free(op.address);
    op.address = 0;
  }

  /**
   * Replace the object's second block (a dict's keys, a set's table) with one of `size` bytes, or
   * none for 0: the table was rebuilt, as dictresize and set_table_resize do.
   */
  reallocAux(op: PyObject, size: number): void {
    if (this.allocator === null) return;
    if (op.auxAddress !== 0) this.allocator.free(op.auxAddress);
    op.auxAddress = size === 0 ? 0 : this.allocator.malloc(size);
  }

  // --- GC tracking --------------------------------------------------------------------------

  /** _PyObject_GC_TRACK: append to the tail of generation 0. */
  track(op: PyObject): void {
    if (op.gcNext !== null) return;
    gcListAppend(op, this.gc.generations[0].head);
  }

  /** PyObject_GC_UnTrack: unlink from its generation; the FINALIZED flag survives. */
  untrack(op: PyObject): void {
    if (op.gcNext === null) return;
    gcListRemove(op);
    op.gcFlags &= 1;
  }

  // --- singletons and atoms -----------------------------------------------------------------

  /** A new reference to None. */
  none(): PyObject {
    return this.newRef(this.None);
  }

  bool(value: boolean): PyObject {
    return this.newRef(value ? this.True : this.False);
  }

  /**
   * PyLong_FromLong: small ints come from the cache, others are new objects. `allocDigits` is the
   * size an arithmetic routine allocated before normalising (x_add, x_mul allocate for the worst
   * case and keep that block), when larger than the value needs.
   */
  int(value: bigint | number, allocDigits = 0): PyObject {
    const v = typeof value === 'bigint' ? value : BigInt(value);
    if (v >= BigInt(this.profile.smallIntMin) && v <= BigInt(this.profile.smallIntMax)) {
      return this.newRef(this.smallInts[Number(v) - this.profile.smallIntMin]);
    }
    const digits = intDigits(v);
    const op = this.alloc(TYPES.int, Math.max(digits, allocDigits), intRequest(this.profile, digits, allocDigits));
    op.value = v;
    return op;
  }

  str(value: string): PyObject {
    const op = this.alloc(TYPES.str, 0, strSize(value));
    op.value = value;
    return op;
  }

  /** A built-in callable backed by a JavaScript function. */
  builtin(name: string, call: (args: PyObject[]) => PyObject): PyObject {
    const op = this.alloc(TYPES.builtin);
    op.value = name;
    op.native = call;
    return op;
  }

  /** The object of a static type (never tracked, never freed). Borrowed. */
  staticTypeObject(type: PyType): PyObject {
    let op = this.staticTypes.get(type);
    if (op === undefined) {
      op = this.staticObject(TYPES.type, type.name);
      registerClassType(op, type);
      this.staticTypes.set(type, op);
    }
    return op;
  }

  // --- calls --------------------------------------------------------------------------------

  /** Py_EnterRecursiveCall(where): one level more, or RecursionError past the limit (where: its suffix). */
  enterRecursiveCall(where: string): void {
    if (this.recursionDepth >= this.recursionLimit)
      throw new PyException('RecursionError', `maximum recursion depth exceeded${where}`);
    this.recursionDepth++;
  }

  /** Py_LeaveRecursiveCall: the level entered is left (on return or on an error). */
  leaveRecursiveCall(): void {
    this.recursionDepth--;
  }

  /** Run `body` one level deeper (a C-level re-entry such as PyObject_Str's). */
  recursiveCall<T>(where: string, body: () => T): T {
    this.enterRecursiveCall(where);
    try {
      return body();
    } finally {
      this.leaveRecursiveCall();
    }
  }

  /** Call a callable with borrowed arguments; returns a new reference. */
  call(callable: PyObject, args: PyObject[]): PyObject {
    if (callable.native !== null) return callable.native(args);
    if (this.callHook !== null) return this.callHook(callable, args);
    throw new PyException('TypeError', `'${callable.type.name}' object is not callable`);
  }

  /** Call and discard the result; an escaping error goes to the unraisable hook. */
  callUnraisable(callable: PyObject, args: PyObject[], context: PyObject | null, where: string): void {
    try {
      this.decref(this.call(callable, args));
    } catch (error) {
      this.unraisableHook(error, context, where);
    }
  }

  // --- frames -------------------------------------------------------------------------------

  pushFrame(name: string, localNames: readonly string[]): Frame {
    const frame = new Frame(name, localNames);
    this.frames.push(frame);
    return frame;
  }

  /** Pop the innermost frame, dropping its locals first to last, then its value stack. */
  popFrame(): void {
    const frame = this.frames.pop();
    if (frame === undefined) throw new Error('popFrame with no frame');
    frame.clear(this);
  }

  // --- gc module lists ----------------------------------------------------------------------

  /** gc.garbage: a real list, held by the gc module. */
  get garbage(): PyObject {
    if (this.garbageList === null) this.garbageList = this.heldList();
    return this.garbageList;
  }

  /** gc.garbage if it exists yet (a snapshot must not allocate it). */
  garbageIfAny(): PyObject | null {
    return this.garbageList;
  }

  /** gc.callbacks if a program ever asked for it (invoke_gc_callback needs nothing otherwise). */
  callbacksIfAny(): PyObject | null {
    return this.callbacksList;
  }

  /** The object's address as `%p` prints it (the allocator's address, or a stable stand-in). */
  addressOf(op: PyObject): string {
    const address = op.address !== 0 ? op.address : 0x7f0000000000 + op.id * 16;
    return `0x${address.toString(16)}`;
  }

  /** gc.callbacks: a real list, held by the gc module. */
  get callbacks(): PyObject {
    if (this.callbacksList === null) this.callbacksList = this.heldList();
    return this.callbacksList;
  }

  private heldList(): PyObject {
    const collecting = this.gc.collecting;
    this.gc.collecting = true; // the module's own lists never trigger a collection
    const list = this.alloc(TYPES.list);
    this.gc.collecting = collecting;
    list.items = [];
    this.track(list);
    this.hold(list);
    this.decref(list);
    return list;
  }

  /** Every live object, in allocation order (walks the refchain). */
  *liveObjects(): IterableIterator<PyObject> {
    for (let op = this.refchain.obNext!; op !== this.refchain; op = op.obNext!) yield op;
  }
}
