/**
 * atexit (Modules/atexitmodule.c): the callbacks a program or `weakref.finalize` registered, run at
 * interpreter exit newest first, after threading's shutdown and before the exit collection and
 * module teardown (Py_FinalizeEx's _PyAtExit_Call). The callback list is C memory: it holds its
 * functions, argument tuples and keyword dicts strongly but is invisible to the collector.
 */
import type { Runtime } from '../../../core/runtime';
import type { PyObject } from '../../../core/objects/pyobject';
import { Kind } from '../../../core/objects/kinds';
import { newTupleStealing } from '../../../core/objects/tuple';
import { PyException } from '../../../core/errors';
import { pyEquals } from '../abstract';
import { def, type CallObject, type ModuleTable } from './table';
import { keywordPairs } from './keywords';

/** One atexit_callback: the function, its positional arguments (a tuple) and keywords (a dict or null). */
interface AtExitCallback {
  readonly func: PyObject;
  readonly args: PyObject;
  readonly kwargs: PyObject | null;
}

/** The interpreter's atexit state: the registered callbacks, a freed entry left as null. */
export class AtExit {
  private callbacks: (AtExitCallback | null)[] = [];

  constructor(
    private readonly rt: Runtime,
    private readonly call: CallObject,
  ) {}

  /** atexit_register: keep new references to `func`, its argument tuple (stolen) and its keywords. */
  register(func: PyObject, args: PyObject, kwargs: PyObject | null): void {
    this.callbacks.push({ func: this.rt.newRef(func), args, kwargs: kwargs === null ? null : this.rt.newRef(kwargs) });
  }

  /** atexit_unregister: every entry whose function equals `func` is freed. */
  unregister(func: PyObject): void {
    this.callbacks.forEach((cb, i) => {
      if (cb !== null && (cb.func === func || pyEquals(cb.func, func))) this.deleteAt(i);
    });
  }

  /** atexit._ncallbacks(): the length of the list, freed entries included (as CPython counts them). */
  get count(): number {
    return this.callbacks.length;
  }

  /**
   * atexit_callfuncs: each callback, newest first, called as PyObject_Call(func, args, kwargs); an
   * exception is reported as unraisable "in atexit callback". Then every entry is freed, oldest
   * first (atexit_cleanup).
   */
  run(): void {
    const rt = this.rt;
    for (let i = this.callbacks.length - 1; i >= 0; i--) {
      const cb = this.callbacks[i];
      if (cb === null) continue;
      // bpo-46025: the function is held across the call, which may unregister it.
      const func = rt.newRef(cb.func);
      try {
        const kwargs = cb.kwargs === null ? [] : keywordPairs(cb.kwargs);
        rt.decref(this.call(func, cb.args.items!.slice(), kwargs));
      } catch (error) {
        rt.unraisableHook(error, func, 'atexit callback');
      }
      rt.decref(func);
    }
    this.clear();
  }

  /** atexit_cleanup (atexit._clear()): free every entry, oldest first. */
  clear(): void {
    this.callbacks.forEach((cb, i) => cb !== null && this.deleteAt(i));
    this.callbacks = [];
  }

  /** atexit_delete_cb: the entry's function, arguments and keywords are released, in that order. */
  private deleteAt(i: number): void {
    const cb = this.callbacks[i]!;
    this.callbacks[i] = null;
    this.rt.decref(cb.func);
    this.rt.decref(cb.args);
    if (cb.kwargs !== null) this.rt.decref(cb.kwargs);
  }
}

/** The atexit module: register, unregister, _run_exitfuncs, _clear and _ncallbacks. */
export function atexitModule(rt: Runtime, atexit: AtExit): ModuleTable {
  return {
    name: 'atexit',
    functions: [
      // atexit.register(func, *args, **kwargs) (METH_VARARGS | METH_KEYWORDS): returns func.
      def({
        name: 'register',
        convention: 'varkeywords',
        call: ([packed, kwargs]) => {
          const given = packed.items!;
          if (given.length === 0) throw new PyException('TypeError', 'register() takes at least 1 argument (0 given)');
          const func = given[0];
          if (!isCallable(func)) throw new PyException('TypeError', 'the first argument must be callable');
          atexit.register(
            func,
            newTupleStealing(
              rt,
              given.slice(1).map((a) => rt.newRef(a)),
            ),
            kwargs ?? null,
          );
          return rt.newRef(func);
        },
      }),
      def({ name: 'unregister', convention: 'o', call: ([func]) => atexit.unregister(func) }),
      def({ name: '_run_exitfuncs', convention: 'noargs', call: () => atexit.run() }),
      def({ name: '_clear', convention: 'noargs', call: () => atexit.clear() }),
      def({ name: '_ncallbacks', convention: 'noargs', call: () => atexit.count }),
    ],
    constants: () => [],
  };
}

/** PyCallable_Check for the objects of the subset. */
function isCallable(op: PyObject): boolean {
  const kind = op.type.kind;
  return (
    op.native !== null || kind === Kind.Function || kind === Kind.Method || kind === Kind.Builtin || kind === Kind.Type
  );
}
