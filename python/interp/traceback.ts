/**
 * Tracebacks, as Python/traceback.c keeps and prints them, and the frame objects they hold
 * (Objects/frameobject.c). In 3.11 a running frame is not a heap object: its frame object is made
 * only when something needs one (here, a traceback passing through), and when the frame exits
 * while that object is still held, the object takes over the frame's locals and function.
 */
import type { Runtime } from '../../core/runtime';
import type { PyObject } from '../../core/objects/pyobject';
import { TYPES } from '../../core/objects/pytype';
import type { Frame } from '../../core/frame';

/** One line of a printed traceback: where a frame was when the exception went through it. */
export interface TracebackEntry {
  readonly lineno: number;
  readonly name: string;
  /** The file of code compiled from a string (`<string>`), when it is not the program's own. */
  readonly filename?: string;
}

/** Where each traceback object was made (its tb_lineno and its frame's name). */
const entries = new WeakMap<PyObject, TracebackEntry>();

/**
 * PyTraceBack_Here's object: a new traceback (a GC object) for `frameObject` at `entry`, in front
 * of the chain so far, whose reference it steals (tb_next), holding a new reference to the frame object.
 */
export function newTraceback(
  rt: Runtime,
  next: PyObject | null,
  frameObject: PyObject,
  entry: TracebackEntry,
): PyObject {
  const tb = rt.alloc(TYPES.traceback);
  tb.refs = [next, rt.newRef(frameObject)];
  entries.set(tb, entry);
  rt.track(tb);
  return tb;
}

/** tb.tb_next, borrowed (null for None). */
export function tracebackNext(tb: PyObject): PyObject | null {
  return tb.refs![0];
}

/** tb.tb_frame, borrowed. */
export function tracebackFrame(tb: PyObject): PyObject {
  return tb.refs![1]!;
}

/** The entries of a traceback chain, outermost first, as PyTraceBack_Print walks tb_next. */
export function tracebackEntries(tb: PyObject | null): TracebackEntry[] {
  const out: TracebackEntry[] = [];
  for (let t = tb; t !== null; t = tracebackNext(t)) out.push(entries.get(t)!);
  return out;
}

/** The frame objects of running frames, made on first need and handed their frame's references at exit. */
export class FrameObjects {
  private readonly objects = new Map<Frame, PyObject>();

  constructor(private readonly rt: Runtime) {}

  /**
   * _PyFrame_GetFrameObject: the frame object of a running frame, made on first need (the map
   * holds the reference the frame's own f_frame would).
   */
  of(frame: Frame): PyObject {
    let op = this.objects.get(frame);
    if (op === undefined) {
      op = this.rt.alloc(TYPES.frame);
      op.value = frame.name;
      op.refs = [];
      this.rt.track(op);
      this.objects.set(frame, op);
    }
    return op;
  }

  /** Whether `frame`'s object is held by someone besides the frame (a traceback): it will outlive the frame. */
  outlives(frame: Frame): boolean {
    const op = this.objects.get(frame);
    return op !== undefined && op.refcnt > 1;
  }

  /** A frame exits and nothing else holds its object: the frame's reference to it goes. */
  drop(frame: Frame): void {
    const op = this.objects.get(frame);
    if (op === undefined) return;
    this.objects.delete(frame);
    this.rt.decref(op);
  }

  /**
   * take_ownership: a frame whose object outlives it hands that object its locals and function;
   * the caller's frame object is made then, to become its f_back. Nothing to do without an object.
   */
  takeOwnership(frame: Frame, func: PyObject | null, caller: Frame | null): void {
    const op = this.objects.get(frame);
    if (op === undefined) return;
    this.objects.delete(frame);
    const back = caller === null ? null : this.of(caller);
    const locals = frame.locals.splice(0);
    // frame_dealloc's order: f_func, f_locals, the fast locals, f_back.
    const fLocals = frame.fLocals;
    frame.fLocals = null;
    op.refs = [func, fLocals, ...locals, back === null ? null : this.rt.newRef(back)];
    this.rt.decref(op);
  }

  /** The module's frame exits: an object still held keeps the globals (its f_globals and f_locals). */
  exitModule(frame: Frame, globals: PyObject): void {
    const op = this.objects.get(frame);
    if (op === undefined) return;
    this.objects.delete(frame);
    if (op.refcnt > 1) op.refs = [this.rt.newRef(globals)];
    this.rt.decref(op);
  }
}

function sourceLine(source: string, lineno: number): string {
  return (source.split(/\r?\n/)[lineno - 1] ?? '').trim();
}

/**
 * PyTraceBack_Print and tb_displayline: the traceback as CPython prints it, outermost call first,
 * each entry with its stripped source line, then the exception's own line.
 */
export function formatTraceback(
  entries: readonly TracebackEntry[],
  exceptionLine: string,
  filename: string,
  source: string,
): string {
  const lines = ['Traceback (most recent call last):'];
  for (const entry of entries) {
    lines.push(`  File "${entry.filename ?? filename}", line ${entry.lineno}, in ${entry.name}`);
    // CPython prints no line for code compiled from a string: it has no file to read it from.
    const text = entry.filename === undefined ? sourceLine(source, entry.lineno) : '';
    if (text !== '') lines.push(`    ${text}`);
  }
  lines.push(exceptionLine);
  return lines.join('\n') + '\n';
}
