/**
 * Raising and reporting Python exceptions, as Python/errors.c and pythonrun.c do it: the exception
 * travelling up the interpreter with its traceback, its normalization into an exception instance,
 * the report of one nobody caught (PyErr_Print, PyErr_Display) and of one raised where nobody can
 * catch it (PyErr_WriteUnraisable: a `__del__`, a weakref or gc callback).
 */
import type { Runtime } from '../../core/runtime';
import type { PyObject } from '../../core/objects/pyobject';
import { TYPES } from '../../core/objects/pytype';
import { Kind } from '../../core/objects/kinds';
import type { PyException } from '../../core/errors';
import { newTupleStealing } from '../../core/objects/tuple';
import { materializeDict } from '../../core/objects/classobject';
import { formatTraceback, newTraceback, type TracebackEntry } from './traceback';

/** An interned str for a name (the interpreter's, shared with the code objects). */
type Intern = (name: string) => PyObject;

/** A Python exception travelling up the interpreter, collecting its traceback. */
export class PyRaise extends Error {
  readonly traceback: TracebackEntry[] = [];
  /** The traceback object chain (outermost first), as sys.last_traceback will hold it. */
  tb: PyObject | null = null;
  /** The exception instance, once normalized (NameError and AttributeError are at once). */
  value: PyObject | null = null;
  constructor(readonly exception: PyException) {
    super(exception.toPythonString());
  }
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
  const args = newTupleStealing(rt, [rt.str(exc.message)]);
  const value = rt.alloc(TYPES.exception);
  value.value = exc.pyType;
  const context: (PyObject | null)[] = [];
  if (exc.pyType === 'AttributeError') context.push(exc.attrObj === null ? null : rt.newRef(exc.attrObj));
  if (exc.attrName !== null) context.push(rt.newRef(intern(exc.attrName)));
  value.refs = [...context, args, null];
  rt.track(value);
  raise.value = value;
  return value;
}

/** PyException_SetTraceback: the traceback is an exception's last reference (a new one, stolen). */
function setExceptionTraceback(exc: PyObject, tb: PyObject | null): void {
  exc.refs![exc.refs!.length - 1] = tb;
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
  frameObject: () => PyObject,
  intern: Intern,
): void {
  if (raise.exception.attrName !== null) normalizeException(rt, raise, intern);
  raise.traceback.unshift(entry);
  raise.tb = newTraceback(rt, raise.tb, frameObject());
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
  setExceptionTraceback(value, raise.tb === null ? null : rt.newRef(raise.tb));
  return { value, traceback: raise.tb };
}

/**
 * PyErr_Display of an uncaught exception: the traceback and the exception's line. Printing an
 * AttributeError looks for "Did you mean" suggestions in dir(obj), and object.__dir__
 * materialises the instance's __dict__: a new dict, late in generation 0.
 */
export function displayException(rt: Runtime, raise: PyRaise, filename: string, source: string): string {
  const text = formatTraceback(raise.traceback, raise.exception.toPythonString(), filename, source);
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
