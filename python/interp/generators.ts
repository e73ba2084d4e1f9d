/**
 * Running generator bodies. The evaluator is a recursive walker on the JavaScript stack, which
 * cannot be suspended; so a generator's body runs in a small JavaScript generator that handles
 * only the statements that contain a `yield` (a yield statement, `x = yield v`, and the `for`,
 * `while` and `if` around them) and hands every other statement to the interpreter's own `exec`.
 * The hot path (ordinary functions) is untouched.
 *
 * A suspended generator's frame is off both frame stacks: only the generator object holds it (the
 * collector sees its locals and value stack through gen_traverse). Resuming pushes it back, with
 * the sent value (None for next()) on its value stack where YIELD_VALUE's result goes.
 */
import type * as A from '../lang/ast';
import type { Frame } from '../../core/frame';
import { PyException } from '../../core/errors';
import type { PyObject } from '../../core/objects/pyobject';
import { funcGlobals } from '../../core/objects/funcobject';
import {
  GENERATOR_TYPE,
  genClearFrame,
  genFrame,
  genFunc,
  genNext,
  genState,
  newGenerator,
  setGenState,
} from '../../core/objects/genobject';
import type { CodeInfo } from './compile';
import type { FrameState, Interpreter } from './interpreter';
import { LoopSignal, ReturnSignal } from './signals';
import { iterNext, newIterator } from './iteration';
import { blockHasYield } from './stack-depth';

/** What a generator's body steps through: a yield suspends it, returning ends it. */
type Body = Generator<void, void, void>;

interface Running {
  readonly interp: Interpreter;
  readonly state: FrameState;
  readonly body: Body;
}

const running = new WeakMap<PyObject, Running>();

/** RETURN_GENERATOR: a generator owning `frame` (its arguments in place) and `func` (stolen). */
export function newGeneratorFor(
  interp: Interpreter,
  func: PyObject,
  frame: Frame,
  code: CodeInfo,
  body: readonly A.Stmt[],
): PyObject {
  const gen = newGenerator(interp.rt, code.code, func, frame, code.frameSlots, {
    resume: resumeGenerator,
    finalize: closeGenerator,
  });
  const state: FrameState = { frame, code, namespace: funcGlobals(func)!, lineno: 0 };
  running.set(gen, { interp, state, body: block(interp, body) });
  return gen;
}

/**
 * gen_send_ex: run the body to its next yield. Returns the yielded value (a new reference), or
 * null when the body returned; `returned` receives the return value (a new reference).
 */
export function resumeGenerator(
  gen: PyObject,
  sent: PyObject | null,
  returned?: (value: PyObject) => void,
): PyObject | null {
  const run = running.get(gen);
  // A generator a module makes natively (WeakValueDictionary.keys) runs its own body.
  if (run === undefined) return genNext(gen);
  const state = genState(gen);
  if (state === 'running') throw new PyException('ValueError', 'generator already executing');
  if (state === 'cleared') return null;
  const { interp, state: frameState, body } = run;
  const rt = interp.rt;
  if (state === 'created' && sent !== null && sent !== rt.None)
    throw new PyException('TypeError', "can't send non-None value to a just-started generator");
  const frame = genFrame(gen)!;
  const func = genFunc(gen)!;
  rt.enterRecursiveCall('');
  rt.frames.push(frame);
  interp.frames.push(frameState);
  if (state === 'suspended') frame.push(sent === null ? rt.none() : rt.newRef(sent));
  setGenState(gen, 'running');
  let done: boolean;
  try {
    done = body.next().done === true;
  } catch (signal) {
    rt.leaveRecursiveCall();
    if (signal instanceof ReturnSignal) return finish(interp, gen, frame.pop(), returned);
    const raised = interp.frameFailed(signal, frame, func, frameState.code);
    genClearFrame(rt, gen, false);
    throw raised;
  }
  rt.leaveRecursiveCall();
  if (done) return finish(interp, gen, rt.none(), returned);
  // YIELD_VALUE: the value leaves the frame's stack for the caller; the frame is suspended.
  const value = frame.pop();
  interp.frames.pop();
  rt.frames.pop();
  setGenState(gen, 'suspended');
  return value;
}

/** The body returned: the frame is cleared (locals, stack, function); StopIteration's value goes out. */
function finish(
  interp: Interpreter,
  gen: PyObject,
  value: PyObject,
  returned: ((value: PyObject) => void) | undefined,
): null {
  const rt = interp.rt;
  interp.frames.pop();
  rt.frames.pop();
  genClearFrame(rt, gen, true);
  if (returned !== undefined) returned(value);
  else rt.decref(value);
  return null;
}

/**
 * gen_close / _PyGen_Finalize of a created or suspended generator: GeneratorExit raised at the
 * yield (or before the first statement) unwinds the frame (the value stack from the top, then the
 * locals and the function); no statement of the subset can catch it.
 */
function closeGenerator(gen: PyObject): void {
  const { interp, body } = running.get(gen)!;
  const rt = interp.rt;
  body.return();
  const frame = genFrame(gen)!;
  const stack = frame.stack.splice(0);
  for (let i = stack.length - 1; i >= 0; i--) rt.decref(stack[i]);
  genClearFrame(rt, gen, true);
}

/** gen.close() */
export function genClose(gen: PyObject): void {
  const state = genState(gen);
  if (state === 'running') throw new PyException('ValueError', 'generator already executing');
  if (state === 'cleared') return;
  if (running.has(gen)) closeGenerator(gen);
  else GENERATOR_TYPE.finalize!(gen);
}

// --- the body: statements with a yield in them; the rest goes to the interpreter ------------

function* block(interp: Interpreter, body: readonly A.Stmt[]): Body {
  for (const s of body) {
    if (yields(s)) yield* statement(interp, s);
    else interp.exec(s);
    if (interp.onStatement !== null && s.kind !== 'FunctionDef' && s.kind !== 'ClassDef') interp.onStatement(s.lineno);
  }
}

function* statement(interp: Interpreter, s: A.Stmt): Body {
  const rt = interp.rt;
  interp.tick(s.lineno);
  switch (s.kind) {
    case 'Expr':
      yield* yieldValue(interp, s.value as A.Yield);
      rt.decref(interp.pop()); // POP_TOP of the sent value
      return;
    case 'Assign':
      yield* yieldValue(interp, s.value as A.Yield);
      for (let i = 0; i < s.targets.length; i++) {
        if (i < s.targets.length - 1) interp.push(rt.newRef(interp.peek()));
        interp.store(s.targets[i]);
      }
      return;
    case 'If':
      interp.eval(s.test);
      yield* block(interp, interp.popTruth() ? s.body : s.orelse);
      return;
    case 'While':
      for (;;) {
        interp.tick(s.lineno);
        interp.eval(s.test);
        if (!interp.popTruth()) return;
        const signal = yield* loopBody(interp, s.body);
        if (signal === 'break') return;
      }
    case 'For': {
      interp.eval(s.iter);
      const iterable = interp.pop();
      let it: PyObject;
      try {
        it = newIterator(rt, iterable);
      } finally {
        rt.decref(iterable);
      }
      interp.push(it);
      for (;;) {
        interp.tick(s.lineno);
        const item = iterNext(rt, it);
        if (item === null) break;
        interp.push(item);
        interp.store(s.target);
        const signal = yield* loopBody(interp, s.body);
        if (signal === 'break') break;
      }
      rt.decref(interp.pop());
      return;
    }
    default:
      throw new Error(`the generator executor was given a ${s.kind} statement`);
  }
}

/** A loop's body; a break or continue thrown by a statement the interpreter ran ends it. */
function* loopBody(interp: Interpreter, body: readonly A.Stmt[]): Generator<void, 'break' | 'continue' | null, void> {
  try {
    yield* block(interp, body);
    return null;
  } catch (signal) {
    if (!(signal instanceof LoopSignal)) throw signal;
    return signal.kind;
  }
}

/** YIELD_VALUE: the value on the stack is handed out; on resume the sent value is there instead. */
function* yieldValue(interp: Interpreter, y: A.Yield): Body {
  if (y.value !== null) interp.eval(y.value);
  else interp.push(interp.rt.none());
  yield;
}

const hasYield = new WeakMap<A.Stmt, boolean>();

/** Whether a statement must run in the executor (it contains a yield), cached per node. */
function yields(s: A.Stmt): boolean {
  let v = hasYield.get(s);
  if (v === undefined) {
    v = blockHasYield([s]);
    hasYield.set(s, v);
  }
  return v;
}
