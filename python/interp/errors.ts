/**
 * Raising and reporting Python exceptions, as Python/errors.c and pythonrun.c do it: the exception
 * travelling up the interpreter with its traceback, its normalization into an exception instance,
 * the report of one nobody caught (PyErr_Print, PyErr_Display) and of one raised where nobody can
 * catch it (PyErr_WriteUnraisable: a `__del__`, a weakref or gc callback).
 */
import type { Runtime } from '../../core/runtime';
import type { PyObject } from '../../core/objects/pyobject';
import type { Frame } from '../../core/frame';
import { Kind } from '../../core/objects/kinds';
import { PyException } from '../../core/errors';
import { newTupleStealing } from '../../core/objects/tuple';
import { materializeDict } from '../../core/objects/classobject';
import { pyStr } from './repr';
import { formatTraceback, newTraceback, tracebackEntries, type TracebackEntry } from './traceback';
import {
  exceptionCause,
  exceptionContext,
  exceptionTraceback,
  exceptionType,
  extraFields,
  newException,
  setExceptionTraceback,
  suppressesContext,
} from './exceptions';

/** An interned str for a name (the interpreter's, shared with the code objects). */
type Intern = (name: string) => PyObject;

/** A Python exception travelling up the interpreter, collecting its traceback. */
export class PyRaise extends Error {
  readonly traceback: TracebackEntry[] = [];
  /** The traceback object chain (outermost first), as sys.last_traceback will hold it. */
  tb: PyObject | null = null;
  /** The exception instance, once normalized (NameError and AttributeError are at once). */
  value: PyObject | null = null;
  /** The frame whose traceback entry heads the chain: the exception is already "here" (a re-raise). */
  here: Frame | null = null;
  /** Whether its __context__ was settled (at a `raise`, or when it first met a handler). */
  chained = false;
  constructor(readonly exception: PyException) {
    super(exception.toPythonString());
  }

  /**
   * An exception object raised again (`raise e`, a bare `raise`, the end of a `finally`): its
   * reference is stolen and it travels on with its own traceback, as _PyErr_SetObject takes it.
   */
  static of(rt: Runtime, value: PyObject, here: Frame | null): PyRaise {
    const raise = new PyRaise(new PyException(value.type.name, messageOf(rt, value)));
    raise.value = value;
    const tb = exceptionTraceback(value);
    raise.tb = tb === null ? null : rt.newRef(tb);
    raise.traceback.push(...tracebackEntries(tb));
    raise.here = here;
    return raise;
  }
}

/** The message of each exception a core error made (KeyError's key repr and the like), kept as raised. */
const messages = new WeakMap<PyObject, string>();

/** What an exception prints after its name: a core error's own message, or str(e). */
function messageOf(rt: Runtime, value: PyObject): string {
  return messages.get(value) ?? pyStr(rt, value);
}

/** A Python exception as a PyRaise: the one already travelling, or a new one for an exception just raised. */
export function asRaise(error: PyException | PyRaise): PyRaise {
  return error instanceof PyRaise ? error : new PyRaise(error);
}

/**
 * PyErr_NormalizeException: the exception instance (a GC object holding its args tuple and, for
 * AttributeError and NameError, the obj and name set at raise time), made once.
 */
export function normalizeException(rt: Runtime, raise: PyRaise, intern: Intern): PyObject {
  if (raise.value !== null) return raise.value;
  const exc = raise.exception;
  // The type call's argument tuple becomes the exception's args.
  const args = newTupleStealing(rt, [exc.pyType === 'KeyError' ? keyFromRepr(rt, exc.message) : rt.str(exc.message)]);
  const type = exceptionType(exc.pyType);
  // AttributeError keeps obj and name, NameError its name (each a new reference), in front.
  const name = (): PyObject | null => (exc.attrName === null ? null : rt.newRef(intern(exc.attrName)));
  const obj = (): PyObject | null => (exc.attrObj === null ? null : rt.newRef(exc.attrObj));
  const count = extraFields(type);
  const extras = count === 2 ? [obj(), name()] : count === 1 ? [name()] : [];
  const value = newException(rt, type, args, extras);
  messages.set(value, exc.message);
  raise.value = value;
  return value;
}

/**
 * KeyError(key) from a core error, which keeps the key's repr: a str, int, bool or None key made
 * again from it (the same value; not the same object).
 */
function keyFromRepr(rt: Runtime, text: string): PyObject {
  if (/^'.*'$/s.test(text)) return rt.str(text.slice(1, -1));
  if (/^-?\d+$/.test(text)) return rt.int(BigInt(text));
  if (text === 'True' || text === 'False') return rt.bool(text === 'True');
  return text === 'None' ? rt.none() : rt.str(text);
}

/**
 * exception_unwind's PyTraceBack_Here: the exception leaves a frame at `entry`; a NameError or
 * AttributeError is normalized first, then the frame's object is made (`frameObject`) and a new
 * traceback for it goes in front of the chain.
 */
export function tracebackHere(
  rt: Runtime,
  raise: PyRaise,
  entry: TracebackEntry,
  frame: Frame,
  frameObject: () => PyObject,
  intern: Intern,
): void {
  if (raise.here === frame) return;
  raise.here = frame;
  if (raise.exception.attrName !== null) normalizeException(rt, raise, intern);
  raise.traceback.unshift(entry);
  raise.tb = newTraceback(rt, raise.tb, frameObject(), entry);
}

/**
 * PyErr_Print's bookkeeping for an exception nobody caught: normalized, its traceback attached,
 * kept as sys.last_value and sys.last_traceback (until shutdown sets them to None).
 */
export function lastException(
  rt: Runtime,
  raise: PyRaise,
  intern: Intern,
): { readonly value: PyObject; readonly traceback: PyObject | null } {
  const value = normalizeException(rt, raise, intern);
  setExceptionTraceback(rt, value, raise.tb === null ? null : rt.newRef(raise.tb));
  return { value, traceback: raise.tb };
}

/**
 * PyErr_Display of an uncaught exception: the traceback and the exception's line. Printing an
 * AttributeError looks for "Did you mean" suggestions in dir(obj), and object.__dir__
 * materialises the instance's __dict__: a new dict, late in generation 0.
 */
export function displayException(rt: Runtime, raise: PyRaise, filename: string, source: string): string {
  const chained = raise.value === null ? '' : formatChained(rt, raise.value, new Set([raise.value]), filename, source);
  const text = chained + formatTraceback(raise.traceback, raise.exception.toPythonString(), filename, source);
  const obj = raise.exception.attrObj;
  if (
    raise.exception.pyType === 'AttributeError' &&
    obj !== null &&
    obj.type.kind === Kind.Instance &&
    obj.type.managedDict
  )
    materializeDict(rt, obj);
  return text;
}

const CAUSE_MESSAGE = '\nThe above exception was the direct cause of the following exception:\n\n';
const CONTEXT_MESSAGE = '\nDuring handling of the above exception, another exception occurred:\n\n';

/**
 * print_exception_recursive: what `value` was chained to, printed before it: its __cause__, or
 * else its __context__ unless suppressed, each with its own traceback and the message joining them.
 */
function formatChained(rt: Runtime, value: PyObject, seen: Set<PyObject>, filename: string, source: string): string {
  const cause = exceptionCause(value);
  const context = suppressesContext(value) ? null : exceptionContext(value);
  const earlier = cause ?? context;
  if (earlier === null || seen.has(earlier)) return '';
  seen.add(earlier);
  const before = formatChained(rt, earlier, seen, filename, source);
  const own = formatTraceback(
    tracebackEntries(exceptionTraceback(earlier)),
    new PyException(earlier.type.name, messageOf(rt, earlier)).toPythonString(),
    filename,
    source,
  );
  return before + own + (cause !== null ? CAUSE_MESSAGE : CONTEXT_MESSAGE);
}

/**
 * PyErr_WriteUnraisable: "Exception ignored in" the finalizer or callback, then the traceback;
 * the exception is done with at once, its traceback (and the frame objects holding the failed
 * frames' locals) go now.
 */
export function writeUnraisable(
  rt: Runtime,
  raise: PyRaise,
  context: PyObject | null,
  where: string,
  filename: string,
  source: string,
): string {
  const what =
    where === '__del__' && context !== null
      ? `<function ${context.value as string} at ${rt.addressOf(context)}>`
      : `<${where}>`;
  const text = `Exception ignored in: ${what}\n${formatTraceback(raise.traceback, raise.exception.toPythonString(), filename, source)}`;
  const { value, tb } = raise;
  raise.value = null;
  raise.tb = null;
  if (value !== null) rt.decref(value);
  if (tb !== null) rt.decref(tb);
  return text;
}
