/**
 * Run a Python program on the simulator: parse, compile, run `__main__`, then shut down as
 * CPython 3.11 does, so that `__del__` output at exit is printed when and as CPython prints it:
 *
 * 1. flush; report an uncaught exception (traceback on stderr, exit status 1), or for SystemExit
 *    take its status and release it and its traceback at once (handle_system_exit);
 * 2. threading's shutdown, then the atexit callbacks, newest first (weakref.finalize's among them);
 * 3. if gc is enabled, a full collection with gc.callbacks (PyGC_Collect in Py_FinalizeEx);
 * 4. the traceback's frames go (sys.last_traceback = None), then `__main__` is removed from
 *    sys.modules: its dict is freed in insertion order unless functions or classes keep it alive;
 * 5. a final full collection without callbacks, even with gc disabled (_PyGC_CollectNoFail);
 *    after that `print` writes nothing, so objects still alive never print.
 */
import { parse, PySyntaxError, UnsupportedConstruct, formatSyntaxError } from '../lang';
import { Runtime } from '../../core/runtime';
import { newModule, moduleDict } from '../../core/objects/moduleobject';
import { initMainNamespace } from './main-module';

import { TYPES } from '../../core/objects/pytype';
import { newList } from '../../core/objects/list';
import type { PyObject } from '../../core/objects/pyobject';
import { PyException } from '../../core/errors';
import { collectWithCallback } from '../../core/gc/gcmodule';
import { compileModule } from './compile';
import { Interpreter, StepLimitExceeded } from './interpreter';
import { asRaise, displayException, PyRaise, writeUnraisable } from './errors';
import type { RunOptions, RunResult } from './types';
import { Tracer } from './trace';
import { Pymalloc } from '../../core/pymalloc/pymalloc';
import { debugMallocStatsText } from './sys-debugmallocstats';
import { renderArenaPicture } from '../../core/pymalloc/picture';
import { isSystemExit, systemExitOutcome } from './modules/exit';

export type { RunOptions, RunResult } from './types';

export const DEFAULT_MAX_STEPS = 10_000_000;

/**
 * wait_for_thread_shutdown runs threading._shutdown() (Lib/threading.py, 3.11): its short-lived
 * objects can trigger automatic collections when generation 0 is near its threshold. In order:
 * a reversed() iterator over the (empty) atexit list; `with _shutdown_locks_lock` (bound
 * __enter__ and __exit__ methods) around _maintain_shutdown_locks(), whose list comprehension is a
 * function with a set iterator building a list; then the join loop's `with` and `list(...)`.
 */
function threadingShutdown(rt: Runtime): void {
  const transient = () => {
    const op = rt.alloc(TYPES.builtinMethod);
    rt.track(op);
    return op;
  };
  rt.decref(transient()); // reversed(_threading_atexits)
  const withBlock = (body: () => void) => {
    const enter = transient();
    const exit = transient();
    rt.decref(enter);
    body();
    rt.decref(exit);
  };
  withBlock(() => {
    const comprehension = transient();
    const setIterator = transient();
    const toRemove = newList(rt, []);
    rt.decref(setIterator);
    rt.decref(comprehension);
    rt.decref(toRemove);
  });
  let locks: PyObject | null = null;
  withBlock(() => {
    locks = newList(rt, []);
  });
  rt.decref(locks!);
}

/** V8's RangeError for an exhausted JavaScript stack (the heap is then left mid-operation). */
function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && error.message.includes('call stack');
}

/**
 * The JavaScript stack ran out before CPython's recursion limit did: said plainly, with how deep the
 * program was, instead of a stack trace; the run is abandoned (no shutdown on a half-updated heap).
 */
function stackOverflowMessage(rt: Runtime, filename: string): string {
  return (
    `pymemlab: ${filename}: the simulator's JavaScript stack ran out before the recursion limit ` +
    `(${rt.recursionLimit}) that CPython would reach; the program was stopped. ` +
    `Run node with a larger stack (node --stack-size=4000 bin/pymemlab.js ...).\n`
  );
}

export function runProgram(source: string, filename: string, options: RunOptions = {}): RunResult {
  const out: string[] = [];
  const err: string[] = [];
  let module = options.parsed;
  try {
    module ??= parse(source, filename);
  } catch (error) {
    if (error instanceof PySyntaxError) return { stdout: '', stderr: formatSyntaxError(error, filename), exitCode: 1 };
    if (error instanceof UnsupportedConstruct)
      return { stdout: '', stderr: `${filename}: ${error.message}\n`, exitCode: 1 };
    throw error;
  }

  const rt = new Runtime({
    allocator: new Pymalloc(),
    components: { ...options.components, ...options.observer?.components },
  });
  let printing = true;
  const write = (text: string) => {
    if (printing) out.push(text);
  };
  rt.writeStderr = (text) => err.push(text);
  const main = newModule(rt, '__main__');
  const globals = moduleDict(main);
  let compiled;
  try {
    compiled = compileModule(rt, module, filename);
  } catch (error) {
    if (error instanceof UnsupportedConstruct)
      return { stdout: '', stderr: `${filename}: ${error.message}\n`, exitCode: 1 };
    throw error;
  }
  const interp = new Interpreter(
    rt,
    compiled,
    globals,
    options.maxSteps ?? DEFAULT_MAX_STEPS,
    write,
    options.scriptArg ?? filename,
  );
  initMainNamespace(rt, globals, interp.nameStr, filename);
  rt.unraisableHook = (error, context, where) => {
    if (!(error instanceof PyException || error instanceof PyRaise)) throw error;
    err.push(writeUnraisable(rt, asRaise(error), context, where, filename, source));
  };

  if (options.trace) {
    const tracer = new Tracer(rt, main, source.split(/\r?\n/), options.trace);
    interp.onStatement = (lineno) => tracer.line(lineno);
  }
  const observer = options.observer;
  if (observer) {
    observer.start(rt, main, () => out.join(''));
    const traced = interp.onStatement;
    interp.onStatement = (lineno) => {
      traced?.(lineno);
      observer.statement(lineno);
    };
  }
  let exitCode = 0;
  try {
    try {
      interp.runModule(module);
    } finally {
      // pyrun_file frees the parser's arena as soon as the module has run.
      for (const op of compiled.arena.splice(0)) rt.decref(op);
    }
  } catch (error) {
    if (error instanceof PyRaise && interp.lastValue !== null && isSystemExit(interp.lastValue)) {
      // handle_system_exit: no traceback; the exception and its traceback go before Py_FinalizeEx.
      const outcome = systemExitOutcome(rt, interp.lastValue);
      err.push(outcome.stderr);
      exitCode = outcome.status;
      rt.decref(interp.lastValue);
      interp.lastValue = null;
      if (interp.lastTraceback !== null) rt.decref(interp.lastTraceback);
      interp.lastTraceback = null;
    } else if (error instanceof PyRaise) {
      err.push(displayException(rt, error, filename, source));
      exitCode = 1;
    } else if (error instanceof UnsupportedConstruct) {
      // met at run time, in source exec() or eval() compiled: the program stops there
      err.push(`${filename}: ${error.message}\n`);
      exitCode = 1;
    } else if (error instanceof StepLimitExceeded) {
      err.push(`pymemlab: ${filename}: ${error.message}; the program was stopped (raise it with --max-steps)\n`);
      exitCode = 1;
    } else if (isStackOverflow(error)) {
      return {
        stdout: out.join(''),
        stderr: err.join('') + stackOverflowMessage(rt, filename),
        exitCode: 1,
        stackExhausted: true,
      };
    } else throw error;
  }

  // Shutdown, as Py_FinalizeEx does it.
  try {
    threadingShutdown(rt);
    interp.builtins.atexit.run();
    if (rt.gc.enabled) {
      rt.gc.collecting = true;
      collectWithCallback(rt, 2);
      rt.gc.collecting = false;
    }
    // sys.last_value = None, then sys.last_traceback = None: the exception, the traceback, its
    // frame objects and their locals go.
    if (interp.lastValue !== null) rt.decref(interp.lastValue);
    if (interp.lastTraceback !== null) rt.decref(interp.lastTraceback);
    interp.builtins.releaseAtExit();
    rt.release(main);
    rt.gc.collecting = true;
    rt.collector.collectMain(2);
    rt.gc.collecting = false;
  } catch (error) {
    if (isStackOverflow(error))
      return {
        stdout: out.join(''),
        stderr: err.join('') + stackOverflowMessage(rt, filename),
        exitCode: 1,
        stackExhausted: true,
      };
    if (!(error instanceof PyRaise || error instanceof PyException)) throw error;
  }
  printing = false;
  observer?.finish();
  if (options.mallocStats) err.push(debugMallocStatsText(rt));
  if (options.arenaPicture && rt.allocator !== null) err.push(renderArenaPicture(rt.allocator.snapshot()));
  return { stdout: out.join(''), stderr: err.join(''), exitCode };
}
