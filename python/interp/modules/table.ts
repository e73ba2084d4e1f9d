/**
 * How a module is declared: a table of functions (each with CPython's calling convention,
 * parameters and body) and constants. `builtin-modules.ts` turns the tables into module objects
 * and checks each call's arguments; the modules themselves live beside this file, one per module.
 */
import type { Runtime } from '../../../core/runtime';
import type { PyObject } from '../../../core/objects/pyobject';
import type { PyType } from '../../../core/objects/pytype';
import type { GcModule } from '../../../core/gc/gcmodule';
import type { AtExit } from './atexit';
import type { PythonFrames } from './tracemalloc-snapshot';

/**
 * How CPython receives a function's arguments, which decides its error messages, whether keywords
 * are accepted and whether the arguments are first packed in a tuple (an allocation the heap sees).
 *
 * | convention   | CPython                         | keywords | tuple | too many / too few                        |
 * |--------------|---------------------------------|----------|-------|-------------------------------------------|
 * | `noargs`     | METH_NOARGS                     | no       | no    | `gc.enable() takes no arguments (1 given)` |
 * | `o`          | METH_O                          | no       | no    | `gc.is_tracked() takes exactly one argument (0 given)` |
 * | `clinic`     | Argument Clinic, METH_FASTCALL  | yes      | no    | `collect() takes at most 1 argument (2 given)` |
 * | `parsetuple` | METH_VARARGS + PyArg_ParseTuple | no       | yes   | `set_threshold() takes at least 1 argument (0 given)` |
 * | `keywords`   | PyArg_ParseTupleAndKeywords     | yes      | yes   | `getsizeof() missing required argument 'object' (pos 1)` |
 * | `varargs`    | METH_VARARGS, any count         | no       | yes   | (none)                                    |
 * | `fastcall`   | METH_FASTCALL + _PyArg_CheckPositional | no | no | `proxy expected at least 1 argument, got 0` |
 * | `varkeywords`| METH_VARARGS \| METH_KEYWORDS, raw | yes    | yes   | (none: the body gets the tuple, then the keyword dict if any) |
 */
export type Convention = 'noargs' | 'o' | 'clinic' | 'parsetuple' | 'keywords' | 'varargs' | 'fastcall' | 'varkeywords';

/** What a parameter is converted to: the object itself, a C int, or a Py_ssize_t that may be None. */
export interface Converted {
  object: PyObject;
  int: number;
  intOrNone: number | null;
}
export type Converter = keyof Converted;

/** What a body may return: a new reference, or a value turned into one (void is None). */
export type Result = PyObject | number | boolean | void | readonly number[];

/** One function of a module. `params` names its parameters; the first `required` must be given. */
export interface ModuleFunction<C extends Converter = Converter> {
  readonly name: string;
  readonly convention: Convention;
  readonly params?: readonly string[];
  readonly required?: number;
  readonly convert?: C;
  call(args: Converted[C][]): Result;
}

/**
 * A module: its name, its functions and its constants, in definition order. The constants (new
 * references) are made when the module is built, after its function objects, as CPython does.
 */
export interface ModuleTable {
  readonly name: string;
  readonly functions: readonly ModuleFunction[];
  readonly constants: () => [string, PyObject][];
  /** Built on its first import (not in sys.modules at CPython's start-up), not when the program starts. */
  readonly onImport?: boolean;
  /** The C module whose name CPython's argument errors give (`_weakref` for weakref's functions). */
  readonly cModule?: string;
  /**
   * Names whose objects can hold the program's objects (`weakref.finalize` and its registry): at
   * shutdown they leave the module's dict when `__main__` goes, so that the collection after it
   * finds them garbage together with `__main__`'s, as finalize_remove_modules leaves CPython's
   * modules reachable from nothing.
   */
  readonly releasedAtExit?: readonly string[];
  /** Types the module defines whose attributes are computed (`c_long.from_address`, `.value`). */
  readonly types?: readonly NativeType[];
}

/**
 * A type a module defines natively: its attributes are answered by code, on the type object
 * (`classAttribute`) or on an instance (`instanceAttribute`); undefined means it has no such
 * attribute. Each returns a new reference.
 */
export interface NativeType {
  readonly type: PyType;
  /** Whether a class statement may derive from it (ctypes.Structure); its subclasses share these answers. */
  readonly subclassable?: boolean;
  /** An attribute of the class `cls` (the type itself or, when subclassable, a subclass). */
  classAttribute?(name: string, cls: PyObject): PyObject | undefined;
  instanceAttribute?(self: PyObject, name: string): PyObject | undefined;
  /** `self.name = value` for a name the instance has no slot for; false when it has no such attribute. */
  setInstanceAttribute?(self: PyObject, name: string, value: PyObject): boolean;
  /** Calling the class (type_call), with the call's positional and keyword arguments (borrowed). */
  construct?(args: PyObject[], kwargs: [string, PyObject][]): PyObject;
}

/** PyObject_Call as the program's calls make it: positional arguments and (name, value) keywords, borrowed. */
export type CallObject = (callable: PyObject, args: PyObject[], kwargs: [string, PyObject][]) => PyObject;

/** What the module tables need from the running program. */
export interface ModuleContext {
  readonly rt: Runtime;
  readonly gc: GcModule;
  /** sys._debugmallocstats()'s text. */
  readonly debugMallocStats: () => string;
  /** The script's path as it was run: sys.argv[0]. */
  readonly scriptPath: string;
  /** Writes to the program's standard output (pprint.pprint). */
  readonly stdout: (text: string) => void;
  /** getattr(obj, name) as the program's own attribute access does it (a proxy forwards to it). */
  readonly getAttr: (obj: PyObject, name: string) => PyObject;
  /** Calls a callable as CALL_FUNCTION_EX does (a finalizer's or an atexit callback's function). */
  readonly call: CallObject;
  /** The callbacks run at exit. */
  readonly atexit: AtExit;
  /** The Python frames running now, outermost first (tracemalloc attributes each allocation to the innermost's line). */
  readonly frames: PythonFrames;
}

/** Declare a function, inferring the converted argument type its body sees. */
export function def<C extends Converter = 'object'>(f: ModuleFunction<C>): ModuleFunction {
  return f as unknown as ModuleFunction;
}
