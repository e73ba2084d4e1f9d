/**
 * The modules, declared as tables (`modules/table.ts`): each function's name, CPython calling
 * convention, parameters and body. Counting, naming and converting the arguments happens once, in
 * `parseArgs`, with the messages each of CPython's calling conventions produces (METH_NOARGS,
 * METH_O, Argument Clinic, PyArg_ParseTuple[AndKeywords], plain METH_VARARGS), so a body sees its
 * arguments already checked and converted.
 */
import type { Runtime } from '../../core/runtime';
import { Kind } from '../../core/objects/kinds';
import { PyObject } from '../../core/objects/pyobject';
import { PyException } from '../../core/errors';
import { newList } from '../../core/objects/list';
import { newTuple, newTupleStealing } from '../../core/objects/tuple';
import { newDict, dictSetItem } from '../../core/objects/dict';
import type { GcModule } from '../../core/gc/gcmodule';
import { DEBUG_COLLECTABLE, DEBUG_LEAK, DEBUG_SAVEALL, DEBUG_STATS, DEBUG_UNCOLLECTABLE } from '../../core/gc/state';
import { getsizeof } from '../../core/sizes';
import { intValue } from './numeric';
import { withBoundSpecial } from './bound-special';
import {
  def,
  type Converted,
  type Converter,
  type ModuleContext,
  type ModuleFunction,
  type ModuleTable,
  type Result,
} from './modules/table';
import { weakrefModule } from './modules/weakref';
import { withWeakContainers } from './modules/weak-containers';
import { ctypesModule } from './modules/ctypes';
import { withStructure } from './modules/ctypes-structure';
import { pprintModule } from './modules/pprint';
import { keywordDict } from './modules/keywords';
import { Finalizers } from './modules/finalize';
import { atexitModule } from './modules/atexit';
import { sysExit } from './modules/exit';
import { copyModule } from './modules/copy';
import { tracemallocModule } from './modules/tracemalloc';

/** sys.argv as `python3 PATH` makes it: the script's path alone. */
function argvList(rt: Runtime, scriptPath: string): PyObject {
  const path = rt.str(scriptPath);
  const argv = newList(rt, [path]);
  rt.decref(path);
  return argv;
}

/** The modules of a runtime: gc, sys and weakref (loaded at start-up), then those built on import. */
export function moduleTables(context: ModuleContext): ModuleTable[] {
  const { rt, gc, debugMallocStats } = context;
  return [
    {
      name: 'gc',
      functions: [
        def({
          name: 'collect',
          convention: 'clinic',
          params: ['generation'],
          required: 0,
          convert: 'int',
          call: ([generation = 2]) => gc.collect(generation),
        }),
        def({ name: 'get_count', convention: 'noargs', call: () => gc.get_count() }),
        def({ name: 'get_threshold', convention: 'noargs', call: () => gc.get_threshold() }),
        def({
          name: 'set_threshold',
          convention: 'parsetuple',
          params: ['threshold0', 'threshold1', 'threshold2'],
          required: 1,
          convert: 'int',
          call: (thresholds) => gc.set_threshold(...thresholds),
        }),
        def({ name: 'enable', convention: 'noargs', call: () => gc.enable() }),
        def({ name: 'disable', convention: 'noargs', call: () => gc.disable() }),
        def({ name: 'isenabled', convention: 'noargs', call: () => gc.isenabled() }),
        def({ name: 'is_tracked', convention: 'o', call: ([obj]) => gc.is_tracked(obj) }),
        def({ name: 'is_finalized', convention: 'o', call: ([obj]) => gc.is_finalized(obj) }),
        def({
          name: 'get_objects',
          convention: 'clinic',
          params: ['generation'],
          required: 0,
          convert: 'intOrNone',
          call: ([generation = null]) => newList(rt, gc.get_objects(generation)),
        }),
        def({ name: 'get_referents', convention: 'varargs', call: (objs) => newList(rt, gc.get_referents(...objs)) }),
        def({ name: 'get_referrers', convention: 'varargs', call: (objs) => newList(rt, gc.get_referrers(...objs)) }),
        def({ name: 'get_stats', convention: 'noargs', call: () => getStats(rt, gc) }),
        def({ name: 'freeze', convention: 'noargs', call: () => gc.freeze() }),
        def({ name: 'unfreeze', convention: 'noargs', call: () => gc.unfreeze() }),
        def({ name: 'get_freeze_count', convention: 'noargs', call: () => gc.get_freeze_count() }),
        def({ name: 'set_debug', convention: 'o', convert: 'int', call: ([flags]) => gc.set_debug(flags) }),
        def({ name: 'get_debug', convention: 'noargs', call: () => gc.get_debug() }),
      ],
      constants: () => [
        ['garbage', rt.newRef(rt.garbage)],
        ['callbacks', rt.newRef(rt.callbacks)],
        ['DEBUG_STATS', rt.int(DEBUG_STATS)],
        ['DEBUG_COLLECTABLE', rt.int(DEBUG_COLLECTABLE)],
        ['DEBUG_UNCOLLECTABLE', rt.int(DEBUG_UNCOLLECTABLE)],
        ['DEBUG_SAVEALL', rt.int(DEBUG_SAVEALL)],
        ['DEBUG_LEAK', rt.int(DEBUG_LEAK)],
      ],
    },
    {
      name: 'sys',
      functions: [
        def({ name: 'getrefcount', convention: 'o', call: ([obj]) => obj.refcnt }),
        def({ name: 'getrecursionlimit', convention: 'noargs', call: () => rt.recursionLimit }),
        def({
          name: 'getsizeof',
          convention: 'keywords',
          params: ['object', 'default'],
          required: 1,
          // _PySys_GetSizeOf binds `__sizeof__` before calling it
          call: ([obj]) => withBoundSpecial(rt, () => getsizeof(rt.profile, obj)),
        }),
        def({
          name: '_debugmallocstats',
          convention: 'noargs',
          call: () => rt.writeStderr(debugMallocStats()),
        }),
        sysExit(rt),
      ],
      constants: () => [['argv', argvList(rt, context.scriptPath)]],
    },
    new Finalizers(context).extend(withWeakContainers(rt, weakrefModule(rt, context.getAttr))),
    withStructure(rt, ctypesModule(rt)),
    pprintModule(rt, context.stdout),
    copyModule(rt),
    tracemallocModule(rt, context.frames),
    atexitModule(rt, context.atexit),
  ];
}

/** Whether `f`'s convention accepts keyword arguments (Argument Clinic, PyArg_ParseTupleAndKeywords). */
function acceptsKeywords(f: ModuleFunction): boolean {
  return f.convention === 'clinic' || f.convention === 'keywords' || f.convention === 'varkeywords';
}

/**
 * Call `f` as CPython would: pack the arguments in a tuple when its convention does, check their
 * number and keywords, convert them, run the body and turn its result into a new reference.
 */
export function callModuleFunction(
  rt: Runtime,
  module: string,
  f: ModuleFunction,
  args: readonly PyObject[],
  kwargs: readonly (readonly [string, PyObject])[],
): PyObject {
  const packs =
    f.convention === 'parsetuple' ||
    f.convention === 'keywords' ||
    f.convention === 'varargs' ||
    f.convention === 'varkeywords';
  const tuple = packs ? newTuple(rt, [...args]) : null;
  // A raw METH_VARARGS | METH_KEYWORDS body gets the tuple and the keyword dict _PyStack_AsDict makes.
  const kwdict = f.convention === 'varkeywords' && kwargs.length > 0 ? keywordDict(rt, kwargs) : null;
  try {
    if (f.convention === 'varkeywords') return toObject(rt, f.call(kwdict === null ? [tuple!] : [tuple!, kwdict]));
    return toObject(rt, f.call(parseArgs(module, f, args, kwargs)));
  } finally {
    if (tuple !== null) rt.decref(tuple);
    if (kwdict !== null) rt.decref(kwdict);
  }
}

/** Count, name and convert the arguments as `f`'s calling convention does, with its messages. */
function parseArgs(
  module: string,
  f: ModuleFunction,
  args: readonly PyObject[],
  kwargs: readonly (readonly [string, PyObject])[],
): Converted[Converter][] {
  const { name, convention } = f;
  const qualified = `${module}.${name}`;
  const given = args.length + kwargs.length;
  if (kwargs.length > 0 && !acceptsKeywords(f)) {
    const shown = convention === 'noargs' || convention === 'o' ? qualified : name;
    throw new PyException('TypeError', `${shown}() takes no keyword arguments`);
  }
  if (convention === 'noargs' && given > 0)
    throw new PyException('TypeError', `${qualified}() takes no arguments (${given} given)`);
  if (convention === 'o' && given !== 1)
    throw new PyException('TypeError', `${qualified}() takes exactly one argument (${given} given)`);
  if (convention === 'varargs') return args.map((a) => convert(f, a));
  if (convention === 'fastcall') {
    const max = (f.params ?? ['object']).length;
    const min = f.required ?? max;
    if (given < min || given > max) {
      const [bound, count] = given < min ? ['at least', min] : ['at most', max];
      throw new PyException(
        'TypeError',
        `${name} expected ${bound} ${count} argument${count === 1 ? '' : 's'}, got ${given}`,
      );
    }
    return args.map((a) => convert(f, a));
  }
  if (convention === 'noargs') return [];
  const params = f.params ?? ['object'];
  const max = params.length;
  const min = f.required ?? max;
  if (convention === 'parsetuple' && (given < min || given > max)) {
    const bound = min === max ? `exactly ${min}` : given < min ? `at least ${min}` : `at most ${max}`;
    const count = given < min ? min : max;
    throw new PyException('TypeError', `${name}() takes ${bound} argument${count === 1 ? '' : 's'} (${given} given)`);
  }
  if (given > max)
    throw new PyException(
      'TypeError',
      `${name}() takes at most ${max} argument${max === 1 ? '' : 's'} (${given} given)`,
    );
  const slots: (PyObject | undefined)[] = [...args];
  for (const [key, value] of kwargs) {
    const at = params.indexOf(key);
    if (at < 0) throw new PyException('TypeError', `'${key}' is an invalid keyword argument for ${name}()`);
    if (at < args.length)
      throw new PyException('TypeError', `argument for ${name}() given by name ('${key}') and position (${at + 1})`);
    slots[at] = value;
  }
  for (let i = 0; i < min; i++)
    if (slots[i] === undefined)
      throw new PyException('TypeError', `${name}() missing required argument '${params[i]}' (pos ${i + 1})`);
  // Trailing parameters not given keep the body's defaults.
  let end = slots.length;
  while (end > 0 && slots[end - 1] === undefined) end--;
  return slots.slice(0, end).map((a) => convert(f, a!));
}

/** One argument through `f`'s converter (_PyLong_AsInt, _Py_convert_optional_to_ssize_t). */
function convert(f: ModuleFunction, arg: PyObject): Converted[Converter] {
  if (f.convert === undefined || f.convert === 'object') return arg;
  const n = intValue(arg);
  if (n !== null) return Number(n);
  if (f.convert === 'intOrNone') {
    if (arg.type.kind === Kind.None) return null;
    throw new PyException('TypeError', `argument should be integer or None, not '${arg.type.name}'`);
  }
  throw new PyException('TypeError', `'${arg.type.name}' object cannot be interpreted as an integer`);
}

/** A body's result as a new reference: ints, bools, None, and tuples of ints (gc.get_count()). */
function toObject(rt: Runtime, result: Result): PyObject {
  if (result instanceof PyObject) return result;
  if (result === undefined) return rt.none();
  if (typeof result === 'number') return rt.int(result);
  if (typeof result === 'boolean') return rt.bool(result);
  return newTupleStealing(
    rt,
    result.map((n) => rt.int(n)),
  );
}

/** gc.get_stats(): a list of three dicts. */
function getStats(rt: Runtime, gc: GcModule): PyObject {
  const dicts = gc.get_stats().map((s) => {
    const d = newDict(rt);
    for (const [k, v] of Object.entries(s)) {
      const key = rt.str(k);
      const value = rt.int(v);
      dictSetItem(rt, d, key, value);
      rt.decref(key);
      rt.decref(value);
    }
    return d;
  });
  const list = newList(rt, dicts);
  for (const d of dicts) rt.decref(d);
  return list;
}
