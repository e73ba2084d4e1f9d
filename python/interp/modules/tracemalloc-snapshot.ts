/**
 * tracemalloc snapshots (Lib/tracemalloc.py's take_snapshot, Snapshot, StatisticDiff, Statistic),
 * modelled natively. What CPython allocates while taking a snapshot is made here in its order and
 * attributed to Lib/tracemalloc.py's lines, so that a later snapshot or `get_traced_memory()` sees
 * it as CPython's does (docs/probes/q8_tracemalloc_snapshot*.py):
 *
 * - line 558, `_get_traces()`: the list of traces (PyList_New(0), a free-list shell if one is
 *   parked); the trace tuples themselves are made while tracemalloc is reentrant, so they are
 *   never traced, but they take the free lists' tuple shells (one `(frame,)` 1-tuple and one
 *   `(filename, lineno)` 2-tuple per distinct traceback, one 4-tuple per trace), so that the
 *   argument tuples of the calls below are new, traced blocks once those lists are empty;
 * - line 560, `Snapshot(traces, traceback_limit)`: type_call's packed 2-tuple, the instance and
 *   its values array (sized by the class's shared keys: 264 bytes the first time, 8 less each
 *   later instance, as init_inline_values shrinks dk_usable);
 * - line 423, `_Traces(traces)` in `Snapshot.__init__`: the packed 1-tuple, the instance and its
 *   values; line 313, `Sequence.__init__(self)` in `_Traces.__init__`: another packed 1-tuple.
 *
 * What is not modelled (listed in docs/fidelity.md, and announced once on stderr): the trace
 * tuples are not on the simulated heap (CPython's 4-tuples are GC objects whose allocation can
 * trigger collections), tracebacks keep one frame, and `compare_to`/`statistics` build their
 * results without CPython's passing allocations.
 */
import type { Runtime } from '../../../core/runtime';
import type { PyObject } from '../../../core/objects/pyobject';
import { PyException } from '../../../core/errors';
import { newTuple } from '../../../core/objects/tuple';
import { newList } from '../../../core/objects/list';
import { classType, instanceSetAttr, newClass, newInstance } from '../../../core/objects/classobject';
import type { TracedAllocator } from '../../../core/pymalloc/traced-allocator';
import { formatFloat } from '../format-spec';
import { pyRepr } from '../repr';
import type { NativeType } from './table';

/** The running program's Python frames, outermost first: each frame's code's file name and current line. */
export type PythonFrames = () => readonly { readonly code: { readonly filename: string }; readonly lineno: number }[];

/**
 * Where the simulated CPython keeps Lib/tracemalloc.py: Debian's python3.11 path. Where the real
 * one lives depends on the installation (the corpus masks the standard library's directory).
 */
export const TRACEMALLOC_PY = '/usr/lib/python3.11/tracemalloc.py';

/** The lines of Lib/tracemalloc.py (3.11.7) whose allocations a snapshot leaves traced. */
const LINE = {
  /** take_snapshot: `traces = _get_traces()` */
  getTraces: 558,
  /** take_snapshot: `return Snapshot(traces, traceback_limit)` */
  snapshot: 560,
  /** Snapshot.__init__: `self.traces = _Traces(traces)` */
  tracesInit: 423,
  /** _Traces.__init__: `Sequence.__init__(self)` */
  sequenceInit: 313,
} as const;

/** A traceback of one frame, as tracemalloc's default limit keeps it: (filename, lineno). */
type Frame = readonly [filename: string, lineno: number];

/**
 * A trace's traceback as _tracemalloc.c interns it: the frame, and total_nframe, the depth of the
 * Python stack at the allocation (a comprehension's allocations have one frame more than the
 * module's on the same line, so they are another traceback, with tuples of their own in a snapshot).
 */
interface Traceback {
  readonly frame: Frame;
  readonly depth: number;
}

/**
 * The frames traces are attributed to, each interned once as a small number, so that recording a
 * trace's traceback (once per traced allocation) costs two map lookups and no allocation.
 */
export class TraceLocations {
  /** `depth:lineno:filename` -> id */
  private readonly ids = new Map<string, number>();
  /** id -> traceback; 0 is CPython's `<unknown>` frame (no Python frame running). */
  private readonly tracebacks: Traceback[] = [{ frame: ['<unknown>', 0], depth: 0 }];
  /** While Lib/tracemalloc.py's code runs (natively), the traceback its allocations are attributed to. */
  private override: number | null = null;
  /** The last traceback `locate` interned (a loop allocates many times from one line). */
  private last = { filename: '<unknown>', lineno: 0, depth: 0, id: 0 };

  constructor(private readonly frames: PythonFrames) {}

  /** traceback_new: the innermost frame's file and line, or the modelled tracemalloc.py line. */
  locate(): number {
    if (this.override !== null) return this.override;
    const stack = this.frames();
    const depth = stack.length;
    if (depth === 0) return 0;
    const top = stack[depth - 1];
    const last = this.last;
    if (top.lineno === last.lineno && depth === last.depth && top.code.filename === last.filename) return last.id;
    const id = this.intern(top.code.filename, top.lineno, depth);
    this.last = { filename: top.code.filename, lineno: top.lineno, depth, id };
    return id;
  }

  /**
   * Runs `body` as Lib/tracemalloc.py's `line` would, `calls` Python calls below the caller
   * (take_snapshot 1, Snapshot.__init__ 2, _Traces.__init__ 3): what it allocates is attributed there.
   */
  at<T>(line: number, calls: number, body: () => T): T {
    const outer = this.override;
    this.override = this.intern(TRACEMALLOC_PY, line, this.frames().length + calls);
    try {
      return body();
    } finally {
      this.override = outer;
    }
  }

  /** The innermost frame's current line (0 with no frame). */
  callerLine(): number {
    const stack = this.frames();
    return stack.length === 0 ? 0 : stack[stack.length - 1].lineno;
  }

  traceback(id: number): Traceback {
    return this.tracebacks[id];
  }

  private intern(filename: string, lineno: number, depth: number): number {
    const key = `${depth}:${lineno}:${filename}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.tracebacks.length;
      this.tracebacks.push({ frame: [filename, lineno], depth });
      this.ids.set(key, id);
    }
    return id;
  }
}

/** What a snapshot holds, on the JavaScript side: each trace's size and location at the time. */
interface SnapshotData {
  readonly sizes: readonly number[];
  readonly locations: readonly number[];
  /** _get_traces' list (its reference): kept alive, never given back (docs/fidelity.md). */
  readonly list: PyObject;
}

/** A group of traces with one key (Statistic's fields), as Snapshot._group_by makes it. */
interface Group {
  readonly frame: Frame;
  size: number;
  count: number;
}

/** StatisticDiff's fields. */
interface Diff {
  readonly frame: Frame;
  readonly size: number;
  readonly sizeDiff: number;
  readonly count: number;
  readonly countDiff: number;
}

type KeyType = 'traceback' | 'filename' | 'lineno';

/** _format_size: three significant digits in the largest unit that keeps them, `+` when signed. */
export function formatSize(size: number, sign: boolean): string {
  const plus = sign ? '+' : '';
  for (const unit of ['B', 'KiB', 'MiB', 'GiB', 'TiB']) {
    if (Math.abs(size) < 100 && unit !== 'B') return `${formatFloat(size, `${plus}.1f`)} ${unit}`;
    if (Math.abs(size) < 10 * 1024 || unit === 'TiB') return `${formatFloat(size, `${plus}.0f`)} ${unit}`;
    size /= 1024;
  }
  throw new Error('unreachable: TiB always formats');
}

/** Frame.__str__ of a traceback's first frame: `filename:lineno`. */
function frameText([filename, lineno]: Frame): string {
  return `${filename}:${lineno}`;
}

/** `%+i` */
function signed(n: number): string {
  return n >= 0 ? `+${n}` : String(n);
}

/** Statistic.__str__ / StatisticDiff.__str__: the size and count, the average when there is a count. */
function statText(frame: Frame, size: number, count: number, diff: { size: number; count: number } | null): string {
  const sizes = diff === null ? formatSize(size, false) : `${formatSize(size, false)} (${formatSize(diff.size, true)})`;
  const counts = diff === null ? String(count) : `${count} (${signed(diff.count)})`;
  const average = count !== 0 ? `, average=${formatSize(size / count, false)}` : '';
  return `${frameText(frame)}: size=${sizes}, count=${counts}${average}`;
}

/** Python's tuple ordering of (filename, lineno): by code point, then by line. */
function compareFrames(a: Frame, b: Frame): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] - b[1];
}

/** Sorts descending by a tuple of numbers, then by the traceback (`sort(reverse=True, key=_sort_key)`). */
function sortDescending<T extends { readonly frame: Frame }>(items: T[], key: (item: T) => number[]): T[] {
  return items.sort((x, y) => {
    const kx = key(x);
    const ky = key(y);
    for (let i = 0; i < kx.length; i++) if (kx[i] !== ky[i]) return ky[i] - kx[i];
    return compareFrames(y.frame, x.frame);
  });
}

/** The classes Lib/tracemalloc.py defines for snapshots, and take_snapshot and its methods. */
export class Snapshots {
  private readonly snapshotClass: PyObject;
  private readonly tracesClass: PyObject;
  private readonly statisticClass: PyObject;
  private readonly diffClass: PyObject;
  private readonly tracebackClass: PyObject;
  private readonly data = new WeakMap<PyObject, SnapshotData>();
  private readonly texts = new WeakMap<PyObject, { str: string; repr: string }>();
  /** Whether the note on what a snapshot does not model was written to stderr. */
  private noted = false;
  /** Whether the note on a full collection during a snapshot was written to stderr. */
  private notedCollection = false;

  constructor(
    private readonly rt: Runtime,
    readonly locations: TraceLocations,
  ) {
    const module = rt.str('tracemalloc');
    const klass = (name: string, slots: string[] | null, extra: [string, PyObject][] = []): PyObject => {
      const cls = newClass(rt, { name, base: null, namespace: [['__module__', module], ...extra], slots, bases: null });
      for (const [, v] of extra) rt.decref(v);
      return cls;
    };
    const text = (which: 'str' | 'repr') => (args: PyObject[]) => {
      const found = args.length === 1 ? this.texts.get(args[0]) : undefined;
      if (found === undefined)
        throw new PyException('TypeError', `__${which}__ expects one tracemalloc statistic or traceback`);
      return rt.str(found[which]);
    };
    const methods = (): [string, PyObject][] => [
      ['__str__', rt.builtin('__str__', text('str'))],
      ['__repr__', rt.builtin('__repr__', text('repr'))],
    ];
    this.tracebackClass = klass('Traceback', ['_frames', '_total_nframe'], methods());
    this.statisticClass = klass('Statistic', ['traceback', 'size', 'count'], methods());
    this.diffClass = klass('StatisticDiff', ['traceback', 'size', 'size_diff', 'count', 'count_diff'], methods());
    this.tracesClass = klass('_Traces', null);
    this.snapshotClass = klass('Snapshot', null);
    rt.decref(module);
  }

  /** The module's names for the classes (the module's dict takes their first references). */
  constants(): [string, PyObject][] {
    return [
      ['Traceback', this.tracebackClass],
      ['Statistic', this.statisticClass],
      ['StatisticDiff', this.diffClass],
      ['_Traces', this.tracesClass],
      ['Snapshot', this.snapshotClass],
    ];
  }

  /** The native answers for a snapshot's methods and for what is not modelled. */
  types(): NativeType[] {
    const refuse = (what: string) => {
      throw new PyException('NotImplementedError', `pymemlab does not model tracemalloc's ${what} (docs/fidelity.md)`);
    };
    return [
      {
        type: classType(this.snapshotClass),
        instanceAttribute: (self, name) => {
          if (name === 'compare_to' || name === 'statistics') return this.method(self, name);
          if (name === 'filter_traces' || name === 'dump' || name === '_group_by') refuse(`Snapshot.${name}`);
          return undefined;
        },
      },
      {
        type: classType(this.tracesClass),
        instanceAttribute: (_self, name) => (name === '_traces' ? refuse('trace tuples (Snapshot.traces)') : undefined),
      },
      {
        type: classType(this.tracebackClass),
        instanceAttribute: (_self, name) =>
          name === 'format' || name === 'total_nframe' ? refuse(`Traceback.${name}`) : undefined,
      },
    ];
  }

  /**
   * take_snapshot(): the trace table copied as it is when `_get_traces` runs, held by a Snapshot
   * made with CPython's allocations at Lib/tracemalloc.py's lines.
   */
  take(traced: TracedAllocator | null, limit: number): PyObject {
    const rt = this.rt;
    if (traced === null)
      throw new PyException(
        'RuntimeError',
        'the tracemalloc module must be tracing memory allocations to take a snapshot',
      );
    if (limit !== 1)
      throw new PyException(
        'NotImplementedError',
        'pymemlab keeps one frame per trace: take_snapshot() after tracemalloc.start(nframe > 1) is not modelled',
      );
    this.note();
    const at = <T>(line: number, body: () => T) => this.locations.at(line, 1, body);
    const list = at(LINE.getTraces, () => newList(rt, []));
    const { sizes, locations } = traced.copyTraces();
    this.fillTraces(sizes.length, new Set(locations).size);
    const limitInt = rt.int(limit);
    const snapshot = at(LINE.snapshot, () => {
      const packed = newTuple(rt, [list, limitInt]);
      const self = newInstance(rt, this.snapshotClass);
      const traces = this.locations.at(LINE.tracesInit, 2, () => {
        const packedOne = newTuple(rt, [list]);
        const inner = newInstance(rt, this.tracesClass);
        this.locations.at(LINE.sequenceInit, 3, () => rt.decref(newTuple(rt, [inner])));
        rt.decref(packedOne);
        return inner;
      });
      instanceSetAttr(rt, self, 'traces', traces);
      rt.decref(traces);
      instanceSetAttr(rt, self, 'traceback_limit', limitInt);
      rt.decref(packed);
      return self;
    });
    rt.decref(limitInt);
    // `self._traces = traces`: the list stays with the snapshot's data, out of the program's reach
    // (its trace tuples are not made), so that `_traces` is refused rather than read empty.
    this.data.set(snapshot, { sizes, locations, list });
    return snapshot;
  }

  /**
   * _get_traces fills its list while tracemalloc is reentrant, so its tuples are never traced:
   * one `(frame,)` 1-tuple and one `(filename, lineno)` 2-tuple per distinct traceback, then one
   * 4-tuple per trace. Each takes a parked shell while there is one (kept taken: the snapshot's
   * tuples hold them until it dies); the others are new GC objects, counted by the collector,
   * which can run collections (a full one empties the free lists) before the snapshot is made.
   */
  private fillTraces(traces: number, tracebacks: number): void {
    const rt = this.rt;
    const fullCollections = rt.gc.stats[2].collections;
    const tuple = (size: number) => {
      if (rt.freelists.popTuple(size) === undefined && !rt.freelists.takeStartupTuple(size))
        rt.countUnkeptGcAllocation();
    };
    for (let i = 0; i < tracebacks; i++) {
      tuple(1);
      tuple(2);
    }
    for (let i = 0; i < traces; i++) tuple(4);
    if (rt.gc.stats[2].collections !== fullCollections && !this.notedCollection) {
      this.notedCollection = true;
      rt.writeStderr(
        `pymemlab: the trace tuples of tracemalloc.take_snapshot() at line ${this.locations.callerLine()} triggered a full collection, which empties the free lists; CPython's comes a few allocations earlier or later (its generation counts after \`import tracemalloc\` are not modelled), so which of the tuples made around it are traced may differ by a few dozen bytes (docs/fidelity.md)\n`,
      );
    }
  }

  /** The stderr note, once a run, on what a snapshot does not model. */
  private note(): void {
    if (this.noted) return;
    this.noted = true;
    this.rt.writeStderr(
      "pymemlab: tracemalloc.take_snapshot() is modelled for the traced sizes and lines; the trace tuples CPython builds (GC objects that can trigger collections) are not on the simulated heap, and compare_to()/statistics() build their results without CPython's passing allocations (docs/fidelity.md)\n",
    );
  }

  /** `snapshot.compare_to` / `snapshot.statistics`: a built-in bound to the snapshot. */
  private method(self: PyObject, name: 'compare_to' | 'statistics'): PyObject {
    const rt = this.rt;
    const op = rt.builtin(name, (args) =>
      name === 'compare_to' ? this.compareTo(self, args) : this.statistics(self, args),
    );
    op.refs = [rt.newRef(self)];
    return op;
  }

  /** The snapshot's data, or the AttributeError CPython's method lookup on another object gives. */
  private dataOf(op: PyObject): SnapshotData {
    const data = this.data.get(op);
    if (data === undefined)
      throw new PyException('AttributeError', `'${op.type.name}' object has no attribute '_group_by'`);
    return data;
  }

  /** key_type and cumulative, checked as _group_by checks them. */
  private keyArgs(args: PyObject[], name: string, first: number): KeyType {
    const rt = this.rt;
    const given = args.length - first;
    if (given < 1 || given > 2) {
      const what = name === 'compare_to' ? "'old_snapshot' and 'key_type'" : "'key_type'";
      throw new PyException(
        'TypeError',
        `Snapshot.${name}() takes ${first + 1} or ${first + 2} positional arguments (${what}, and 'cumulative')`,
      );
    }
    const keyType = args[first];
    const key = keyType.type.name === 'str' ? (keyType.value as string) : null;
    if (key !== 'traceback' && key !== 'filename' && key !== 'lineno')
      throw new PyException('ValueError', `unknown key_type: ${pyRepr(rt, keyType)}`);
    const cumulative = given === 2 && args[first + 1] !== rt.False && args[first + 1] !== rt.None;
    if (cumulative && key === 'traceback')
      throw new PyException('ValueError', "cumulative mode cannot by used with key type 'traceback'");
    return key;
  }

  /** Snapshot._group_by with one frame per trace: cumulative or not, the groups are the same. */
  private groupBy(data: SnapshotData, key: KeyType): Map<string, Group> {
    const groups = new Map<string, Group>();
    for (let i = 0; i < data.sizes.length; i++) {
      const [filename, lineno] = this.locations.traceback(data.locations[i]).frame;
      const frame: Frame = key === 'filename' ? [filename, 0] : [filename, lineno];
      const id = `${frame[1]}:${frame[0]}`;
      const group = groups.get(id);
      if (group === undefined) groups.set(id, { frame, size: data.sizes[i], count: 1 });
      else {
        group.size += data.sizes[i];
        group.count++;
      }
    }
    return groups;
  }

  /** Snapshot.statistics(key_type, cumulative=False): Statistic objects, largest first. */
  private statistics(self: PyObject, args: PyObject[]): PyObject {
    const key = this.keyArgs(args, 'statistics', 0);
    const groups = sortDescending([...this.groupBy(this.dataOf(self), key).values()], (g) => [g.size, g.count]);
    return this.resultList(
      groups.map((g) => ({
        cls: this.statisticClass,
        frame: g.frame,
        fields: [
          ['size', g.size],
          ['count', g.count],
        ],
        str: statText(g.frame, g.size, g.count, null),
        repr: `<Statistic traceback=${this.tracebackRepr(g.frame)} size=${g.size} count=${g.count}>`,
      })),
    );
  }

  /** Snapshot.compare_to(old_snapshot, key_type, cumulative=False): StatisticDiff objects, biggest change first. */
  private compareTo(self: PyObject, args: PyObject[]): PyObject {
    const key = this.keyArgs(args, 'compare_to', 1);
    const fresh = this.groupBy(this.dataOf(self), key);
    const old = this.groupBy(this.dataOf(args[0]), key);
    const diffs: Diff[] = [];
    for (const [id, g] of fresh) {
      const before = old.get(id);
      old.delete(id);
      diffs.push({
        frame: g.frame,
        size: g.size,
        sizeDiff: g.size - (before?.size ?? 0),
        count: g.count,
        countDiff: g.count - (before?.count ?? 0),
      });
    }
    for (const g of old.values())
      diffs.push({ frame: g.frame, size: 0, sizeDiff: -g.size, count: 0, countDiff: -g.count });
    sortDescending(diffs, (d) => [Math.abs(d.sizeDiff), d.size, Math.abs(d.countDiff), d.count]);
    return this.resultList(
      diffs.map((d) => ({
        cls: this.diffClass,
        frame: d.frame,
        fields: [
          ['size', d.size],
          ['size_diff', d.sizeDiff],
          ['count', d.count],
          ['count_diff', d.countDiff],
        ],
        str: statText(d.frame, d.size, d.count, { size: d.sizeDiff, count: d.countDiff }),
        repr: `<StatisticDiff traceback=${this.tracebackRepr(d.frame)} size=${d.size} (${signed(d.sizeDiff)}) count=${d.count} (${signed(d.countDiff)})>`,
      })),
    );
  }

  /** Traceback.__repr__ of a one-frame traceback. */
  private tracebackRepr([filename, lineno]: Frame): string {
    const name = this.rt.str(filename);
    const text = `<Traceback (<Frame filename=${pyRepr(this.rt, name)} lineno=${lineno}>,)>`;
    this.rt.decref(name);
    return text;
  }

  /** The list of statistics: each a slotted instance holding its Traceback and its numbers. */
  private resultList(
    stats: { cls: PyObject; frame: Frame; fields: [string, number][]; str: string; repr: string }[],
  ): PyObject {
    const rt = this.rt;
    const items = stats.map((s) => {
      const stat = newInstance(rt, s.cls);
      const traceback = this.traceback(s.frame);
      instanceSetAttr(rt, stat, 'traceback', traceback);
      rt.decref(traceback);
      for (const [name, n] of s.fields) {
        const value = rt.int(n);
        instanceSetAttr(rt, stat, name, value);
        rt.decref(value);
      }
      this.texts.set(stat, { str: s.str, repr: s.repr });
      return stat;
    });
    const list = newList(rt, items);
    for (const item of items) rt.decref(item);
    return list;
  }

  /** Traceback(frames): its `_frames` tuple of one (filename, lineno) tuple. */
  private traceback([filename, lineno]: Frame): PyObject {
    const rt = this.rt;
    const tb = newInstance(rt, this.tracebackClass);
    const name = rt.str(filename);
    const line = rt.int(lineno);
    const frame = newTuple(rt, [name, line]);
    const frames = newTuple(rt, [frame]);
    instanceSetAttr(rt, tb, '_frames', frames);
    instanceSetAttr(rt, tb, '_total_nframe', rt.None);
    for (const op of [name, line, frame, frames]) rt.decref(op);
    this.texts.set(tb, { str: frameText([filename, lineno]), repr: this.tracebackRepr([filename, lineno]) });
    return tb;
  }
}
