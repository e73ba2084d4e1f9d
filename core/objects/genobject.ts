/**
 * Generators (Objects/genobject.c, 3.11): a GC object that owns its frame. The frame (locals,
 * value stack and the function, f_func) lives inside the generator from the call that made it
 * (RETURN_GENERATOR) until the body returns or raises, or the generator is closed; then it is
 * cleared (_PyFrame_Clear) and the generator holds only its code object.
 *
 * Running the body is the evaluator's business: it gives the generator a `resume` and a
 * `finalize` (gen_close) through `GenBody`; the core only keeps the state, traverses the frame
 * for the collector and clears it.
 */
import type { Frame } from '../frame';
import type { Runtime } from '../runtime';
import { Kind } from './kinds';
import type { PyObject } from './pyobject';
import { PyType } from './pytype';

/** gi_frame_state: created (never run), suspended at a yield, running, or cleared (finished). */
export type GenFrameState = 'created' | 'suspended' | 'running' | 'cleared';

/** What the evaluator provides to run a generator's body. */
export interface GenBody {
  /** gen_send_ex: run to the next yield; the yielded value (new reference), or null once done. */
  resume(gen: PyObject, sent: PyObject | null): PyObject | null;
  /** _PyGen_Finalize: close a created or suspended generator (its frame unwinds and is cleared). */
  finalize(gen: PyObject): void;
}

interface GenState {
  frame: Frame;
  /** f_func: owned by the frame until it is cleared. */
  func: PyObject | null;
  state: GenFrameState;
  readonly body: GenBody;
}

const states = new WeakMap<PyObject, GenState>();

/** PyGen_Type: GC, weak-referenceable, with tp_finalize (_PyGen_Finalize). */
export const GENERATOR_TYPE = new PyType('generator', Kind.Generator, true, true);
GENERATOR_TYPE.finalize = (gen) => {
  const s = states.get(gen)!;
  // 3.11's gen_close throws GeneratorExit into a created frame too (3.12 no longer runs it)
  if (s.state === 'created' || s.state === 'suspended') s.body.finalize(gen);
};

/** Where a generator keeps gi_code in its `refs`. */
const GEN_CODE = 0;

/**
 * make_gen: a generator for `func`'s call whose frame (arguments already in its locals) it takes
 * over, with the function reference (stolen). `slots` is co_nlocalsplus + co_stacksize, which
 * sizes the object.
 */
export function newGenerator(
  rt: Runtime,
  code: PyObject,
  func: PyObject,
  frame: Frame,
  slots: number,
  body: GenBody,
): PyObject {
  const gen = rt.alloc(GENERATOR_TYPE, slots);
  gen.value = func.value;
  gen.allocated = slots;
  gen.refs = [rt.newRef(code)];
  states.set(gen, { frame, func, state: 'created', body });
  rt.track(gen);
  return gen;
}

/** gen_iternext: the next yielded value (a new reference), or null when the generator is done. */
export function genNext(gen: PyObject): PyObject | null {
  return states.get(gen)!.body.resume(gen, null);
}

/** The generator's frame, or null once it was cleared. */
export function genFrame(gen: PyObject): Frame | null {
  const s = states.get(gen)!;
  return s.state === 'cleared' ? null : s.frame;
}

/** The function its frame holds (f_func), borrowed; null once the frame was cleared. */
export function genFunc(gen: PyObject): PyObject | null {
  return states.get(gen)!.func;
}

export function genState(gen: PyObject): GenFrameState {
  return states.get(gen)!.state;
}

export function setGenState(gen: PyObject, state: Exclude<GenFrameState, 'cleared'>): void {
  states.get(gen)!.state = state;
}

/** gi_code, borrowed. */
export function genCode(gen: PyObject): PyObject {
  return gen.refs![GEN_CODE]!;
}

/**
 * The frame is done with (returned, raised, closed): mark it cleared. With `release`, clear it as
 * _PyFrame_Clear does (locals in order, then what is left on the stack, then the function);
 * without, someone else (a traceback's frame object) took the locals and the function.
 */
export function genClearFrame(rt: Runtime, gen: PyObject, release: boolean): void {
  const s = states.get(gen)!;
  if (s.state === 'cleared') return;
  s.state = 'cleared';
  const func = s.func;
  s.func = null;
  if (!release) return;
  s.frame.clear(rt);
  if (func !== null) rt.decref(func);
}

/** gen_traverse: the code object, then the frame's function, locals and value stack. */
export function genTraverse(gen: PyObject, visit: (op: PyObject) => void): void {
  visit(genCode(gen));
  const s = states.get(gen)!;
  if (s.state === 'cleared') return;
  if (s.func !== null) visit(s.func);
  for (const v of s.frame.locals) if (v !== null) visit(v);
  for (const v of s.frame.stack) visit(v);
  if (s.frame.fLocals !== null) visit(s.frame.fLocals);
}
