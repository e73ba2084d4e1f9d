/**
 * try / except / else / finally, raise and assert, as CPython 3.11's exception table runs them:
 * an exception reaching a handler gets this frame's traceback entry, the value stack is popped to
 * the handler's depth, the exception is normalized and pushed, PUSH_EXC_INFO makes it the one
 * being handled (sys.exc_info(), a bare `raise`, the __context__ of anything raised meanwhile),
 * `except T as e` binds it and deletes `e` at the end, POP_EXCEPT restores the previous one.
 */
import type * as A from '../lang/ast';
import type { Runtime } from '../../core/runtime';
import type { PyObject } from '../../core/objects/pyobject';
import type { Frame } from '../../core/frame';
import { Kind } from '../../core/objects/kinds';
import { PyException } from '../../core/errors';
import { isTrue } from './abstract';
import { asRaise, normalizeException, PyRaise } from './errors';
import {
  builtinExceptionClass,
  exceptionMatches,
  isExceptionClass,
  setExceptionCause,
  setExceptionContext,
  setExceptionTraceback,
} from './exceptions';

/** What the handlers need of the interpreter running the current frame. */
export interface HandlerHost {
  readonly rt: Runtime;
  readonly nameStr: (name: string) => PyObject;
  /** exc_info->exc_value: the exception being handled (a reference of its own), null for None. */
  handling: PyObject | null;
  currentFrame(): Frame;
  /** exception_unwind's PyTraceBack_Here for the current frame at its current line. */
  arrive(error: PyException | PyRaise): PyRaise;
  execBlock(body: readonly A.Stmt[]): void;
  eval(e: A.Expr): void;
  push(op: PyObject): void;
  pop(): PyObject;
  storeName(name: string): void;
  deleteName(name: string): void;
  callObject(callable: PyObject, args: PyObject[]): PyObject;
}

/** A Python exception on its way (not break, continue, return, or the simulator's own errors). */
function isPythonError(error: unknown): error is PyException | PyRaise {
  return error instanceof PyException || error instanceof PyRaise;
}

/** break, continue and return travel as plain objects; the simulator's own failures are Errors. */
function isControlFlow(signal: unknown): boolean {
  return !(signal instanceof Error);
}

export class Handlers {
  constructor(private readonly host: HandlerHost) {}

  /** `try:` with its handlers, `else:` and `finally:`. */
  execTry(s: A.Try): void {
    const depth = this.host.currentFrame().stack.length;
    if (s.finalbody.length === 0) return this.tryExcept(s, depth);
    try {
      this.tryExcept(s, depth);
    } catch (signal) {
      if (isPythonError(signal)) return this.finallyRaising(s.finalbody, signal, depth);
      if (!isControlFlow(signal)) throw signal;
      // break, continue or return: the finally block runs on the way out.
      this.host.execBlock(s.finalbody);
      throw signal;
    }
    this.host.execBlock(s.finalbody);
  }

  /** The body, then the first matching handler if it raised, else the `else:` block. */
  private tryExcept(s: A.Try, depth: number): void {
    try {
      this.host.execBlock(s.body);
    } catch (signal) {
      if (!isPythonError(signal) || s.handlers.length === 0) throw signal;
      const value = this.catchAt(signal, depth);
      this.host.push(value);
      return this.handle(s.handlers, value);
    }
    this.host.execBlock(s.orelse);
  }

  /**
   * exception_unwind into a handler of this frame: the traceback entry, the value stack popped to
   * the handler's depth (top first), then _PyErr_NormalizeException and PyException_SetTraceback.
   * The exception comes back as a new reference.
   */
  private catchAt(error: PyException | PyRaise, depth: number): PyObject {
    const { rt } = this.host;
    const raise = this.host.arrive(error);
    const stack = this.host.currentFrame().stack;
    while (stack.length > depth) rt.decref(stack.pop()!);
    const value = this.settle(raise);
    setExceptionTraceback(rt, value, raise.tb);
    raise.tb = null;
    raise.value = null;
    return value;
  }

  /** The exception's instance, chained (once) to the exception being handled, as _PyErr_SetObject does. */
  private settle(raise: PyRaise): PyObject {
    const value = normalizeException(this.host.rt, raise, this.host.nameStr);
    if (!raise.chained && this.host.handling !== null) setExceptionContext(this.host.rt, value, this.host.handling);
    raise.chained = true;
    return value;
  }

  /**
   * The handlers in order (PUSH_EXC_INFO first, the exception on the stack): the first whose
   * type matches runs; none matching re-raises the exception with the traceback it has.
   */
  private handle(handlers: readonly A.ExceptHandler[], value: PyObject): void {
    const { rt } = this.host;
    const previous = this.enter(value);
    for (const h of handlers) {
      if (h.type !== null && !this.matches(h.type, value, previous)) continue;
      if (h.name !== null) this.host.storeName(h.name);
      else rt.decref(this.host.pop());
      try {
        this.host.execBlock(h.body);
      } catch (signal) {
        if (isPythonError(signal)) {
          // cleanup_end: `name = None; del name`, then POP_EXCEPT, then the new exception goes on.
          this.settle(asRaise(signal));
          if (h.name !== null) this.unbind(h.name);
          this.leave(previous);
        } else if (isControlFlow(signal)) {
          this.leave(previous);
          if (h.name !== null) this.unbind(h.name);
        }
        throw signal;
      }
      // POP_EXCEPT, then `name = None; del name`.
      this.leave(previous);
      if (h.name !== null) this.unbind(h.name);
      return;
    }
    // RERAISE: the exception leaves the stack and goes on; the cleanup's POP_EXCEPT restores exc_info.
    const reraised = PyRaise.of(rt, this.host.pop(), this.host.currentFrame());
    reraised.chained = true;
    this.leave(previous);
    throw reraised;
  }

  /** CHECK_EXC_MATCH for one handler; a bad handler type raises TypeError from the handling state. */
  private matches(type: A.Expr, value: PyObject, previous: PyObject | null): boolean {
    const { rt } = this.host;
    try {
      this.host.eval(type);
      const handler = this.host.pop();
      try {
        return exceptionMatches(value, handler);
      } finally {
        rt.decref(handler);
      }
    } catch (error) {
      if (isPythonError(error)) this.settle(asRaise(error));
      this.leave(previous);
      throw error;
    }
  }

  /**
   * The cleanup handler of `finally` for an exception: the exception on the stack and being
   * handled while the block runs, then re-raised (RERAISE) with its traceback; a break, continue
   * or return in the block drops it instead.
   */
  private finallyRaising(finalbody: readonly A.Stmt[], error: PyException | PyRaise, depth: number): never {
    const { rt } = this.host;
    const value = this.catchAt(error, depth);
    this.host.push(value);
    const stack = this.host.currentFrame().stack;
    const at = stack.length - 1;
    const previous = this.enter(value);
    try {
      this.host.execBlock(finalbody);
    } catch (signal) {
      if (isPythonError(signal)) this.settle(asRaise(signal));
      this.leave(previous);
      if (isControlFlow(signal)) rt.decref(stack.splice(at, 1)[0]);
      throw signal;
    }
    const reraised = PyRaise.of(rt, this.host.pop(), this.host.currentFrame());
    reraised.chained = true;
    this.leave(previous);
    throw reraised;
  }

  /** PUSH_EXC_INFO: `value` becomes the exception being handled; the previous one is kept aside. */
  private enter(value: PyObject): PyObject | null {
    const previous = this.host.handling;
    this.host.handling = this.host.rt.newRef(value);
    return previous;
  }

  /** POP_EXCEPT: the previous exception is handled again; the one that was goes. */
  private leave(previous: PyObject | null): void {
    const done = this.host.handling;
    this.host.handling = previous;
    if (done !== null) this.host.rt.decref(done);
  }

  /** The end of `except ... as name`: `name = None; del name` (so the exception does not outlive it). */
  private unbind(name: string): void {
    this.host.push(this.host.rt.none());
    this.host.storeName(name);
    this.host.deleteName(name);
  }

  /**
   * RAISE_VARARGS: `raise` re-raises the exception being handled; `raise X [from Y]` raises X (a
   * class is called with no arguments), sets its cause, and chains it to the one being handled.
   */
  execRaise(s: A.Raise): never {
    const { rt } = this.host;
    if (s.exc === null) {
      if (this.host.handling === null) throw new PyException('RuntimeError', 'No active exception to reraise');
      const reraised = PyRaise.of(rt, rt.newRef(this.host.handling), this.host.currentFrame());
      reraised.chained = true;
      throw reraised;
    }
    this.host.eval(s.exc);
    if (s.cause !== null) this.host.eval(s.cause);
    const cause = s.cause === null ? null : this.host.pop();
    let value: PyObject;
    try {
      value = this.instance(this.host.pop(), 'exceptions must derive from BaseException');
    } catch (error) {
      if (cause !== null) rt.decref(cause);
      throw error;
    }
    if (cause !== null) {
      let causeValue: PyObject | null = null;
      try {
        if (cause === rt.None) rt.decref(cause);
        else causeValue = this.instance(cause, 'exception causes must derive from BaseException');
      } catch (error) {
        rt.decref(value);
        throw error;
      }
      setExceptionCause(rt, value, causeValue);
    }
    const raise = PyRaise.of(rt, value, null);
    this.settle(raise);
    throw raise;
  }

  /** An exception instance from what was raised (consumed): a class is called, an instance is itself. */
  private instance(op: PyObject, message: string): PyObject {
    const { rt } = this.host;
    if (op.type.kind === Kind.Exception) return op;
    if (isExceptionClass(op)) {
      try {
        return this.host.callObject(op, []);
      } finally {
        rt.decref(op);
      }
    }
    rt.decref(op);
    throw new PyException('TypeError', message);
  }

  /**
   * `assert test, msg`: nothing when the test is true; otherwise AssertionError, called with the
   * message when there is one (LOAD_ASSERTION_ERROR, CALL) or raised as the class.
   */
  execAssert(s: A.Assert): void {
    const { rt } = this.host;
    this.host.eval(s.test);
    const test = this.host.pop();
    const passed = isTrue(test);
    rt.decref(test);
    if (passed) return;
    const cls = builtinExceptionClass(rt, 'AssertionError')!;
    let value: PyObject;
    if (s.msg === null) value = this.host.callObject(cls, []);
    else {
      this.host.eval(s.msg);
      const msg = this.host.pop();
      try {
        value = this.host.callObject(cls, [msg]);
      } finally {
        rt.decref(msg);
      }
    }
    const raise = PyRaise.of(rt, value, null);
    this.settle(raise);
    throw raise;
  }
}
