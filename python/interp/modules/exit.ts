/**
 * Leaving a program early: `sys.exit(status)`, the `exit()` and `quit()` that site puts in
 * builtins, and what the interpreter does with a SystemExit nobody caught (handle_system_exit in
 * Python/pythonrun.c): no traceback; None means status 0, an int is the status, anything else is
 * printed on stderr with status 1. The exception and its traceback (with the frames' locals) are
 * released before Py_FinalizeEx runs the atexit callbacks.
 */
import type { Runtime } from '../../../core/runtime';
import { Kind } from '../../../core/objects/kinds';
import type { PyObject } from '../../../core/objects/pyobject';
import { PyException } from '../../../core/errors';
import { intValue } from '../numeric';
import { PyRaise } from '../errors';
import { builtinExceptionClass, callExceptionClass, isSubtype, systemExitCode } from '../exceptions';
import { pyStr } from '../repr';
import { def, type ModuleFunction } from './table';

/** Raise SystemExit(*args) as a call of the class does: the instance holds the packed arguments. */
function raiseSystemExit(rt: Runtime, args: PyObject[]): never {
  const cls = builtinExceptionClass(rt, 'SystemExit')!;
  const value = callExceptionClass(rt, cls, args, () => rt.none());
  throw PyRaise.of(rt, value, null);
}

/** sys.exit(status=None, /): PyErr_SetObject(SystemExit, status); None raises SystemExit(). */
export function sysExit(rt: Runtime): ModuleFunction {
  return def({
    name: 'exit',
    convention: 'fastcall',
    params: ['status'],
    required: 0,
    call: ([status]) => raiseSystemExit(rt, status === undefined || status === rt.None ? [] : [status]),
  });
}

/**
 * exit(code=None) and quit(code=None) (site's Quitter.__call__): close sys.stdin, then
 * `raise SystemExit(code)`, so the exception's args are (code,) even for None.
 */
export function quitters(rt: Runtime): [string, (args: PyObject[]) => PyObject][] {
  const quitter = (args: PyObject[]) => {
    if (args.length > 1)
      throw new PyException(
        'TypeError',
        `Quitter.__call__() takes from 1 to 2 positional arguments but ${args.length + 1} were given`,
      );
    return raiseSystemExit(rt, [args[0] ?? rt.None]);
  };
  return [
    ['exit', quitter],
    ['quit', quitter],
  ];
}

/** Whether an exception instance is a SystemExit (or a subclass of it). */
export function isSystemExit(op: PyObject): boolean {
  return isSubtype(op.type, 'SystemExit');
}

/**
 * handle_system_exit for an uncaught SystemExit: the exit status, and what goes on stderr (the
 * code's str() and a newline when it is neither None nor an int). The status is what a process
 * sees: exit() keeps the low 8 bits of the C int.
 */
export function systemExitOutcome(rt: Runtime, value: PyObject): { readonly status: number; readonly stderr: string } {
  const code = systemExitCode(rt, value);
  try {
    if (code.type.kind === Kind.None) return { status: 0, stderr: '' };
    const n = code.type.kind === Kind.Bool ? BigInt(code.value ? 1 : 0) : intValue(code);
    if (n !== null) return { status: Number(BigInt.asUintN(8, n)), stderr: '' };
    return { status: 1, stderr: `${pyStr(rt, code)}\n` };
  } finally {
    rt.decref(code);
  }
}
