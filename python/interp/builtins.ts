/**
 * The built-in functions, types, methods and modules (gc, sys, weakref) of the subset, each
 * making the allocations its CPython counterpart makes: `print` packs its positional arguments
 * in a tuple (and builds its keyword-names tuple on first use), METH_VARARGS functions such as
 * `sys.getsizeof` and `gc.set_threshold` get an argument tuple, class calls with arguments get one
 * too (`_PyObject_MakeTpCall`), while `len`, `isinstance` and list/dict methods allocate nothing.
 */
import type { Runtime } from '../../core/runtime';
import { Kind } from '../../core/objects/kinds';
import type { PyObject } from '../../core/objects/pyobject';
import { type PyType, TYPES } from '../../core/objects/pytype';
import { PyException } from '../../core/errors';
import {
  newList,
  newListFromType,
  listAppend,
  listInsert,
  listExtend,
  listPop,
  listClear,
  listDelItem,
  listResize,
  listPreallocateExact,
} from '../../core/objects/list';
import { newTuple, newTupleStealing } from '../../core/objects/tuple';
import { newDict, dictSetItem, dictGetItem, dictPop, dictClear, dictDelItem, keyError } from '../../core/objects/dict';
import { newSet, setAdd, setDiscard, setClear } from '../../core/objects/set';
import { classLookup, classType, newInstance } from '../../core/objects/classobject';
import { newModule, moduleDict } from '../../core/objects/moduleobject';
import { newWeakref } from '../../core/objects/weakrefobject';
import { GcModule } from '../../core/gc/gcmodule';
import { callModuleFunction, moduleTables } from './builtin-modules';
import type { ModuleTable, NativeType } from './modules/table';
import { nativeClass, nativeMethod, type NativeMethod } from './native-classes';
import { pyRepr, pyStr } from './repr';
import { debugMallocStatsText } from './sys-debugmallocstats';
import { iterNext, newIterator } from './iteration';
import { generatorBuiltins, generatorMethod } from './generator-builtins';
import { iterBuiltins } from './iter-builtins';
import { classinfoBuiltins } from './classinfo';
import { mapFilterTypes } from './map-filter';
import { isSuper, superNativeType } from './super';
import { execBuiltins } from './exec';
import { listSort, sorted, type SortContext } from './list-sort';
import { newDictView, viewDict } from '../../core/objects/dictview';
import { newRange, rangeBounds, rangeLength } from '../../core/objects/rangeobject';
import type { Interpreter } from './interpreter';
import { intValue } from './numeric';
import { isTrue, pyEquals } from './abstract';
import { formatBuiltins } from './format-builtins';
import { strMethod } from './str-methods';
import { sizeofMethod } from './sizeof-method';
import { isMappingProxy, mappingProxyMethod } from './class-attributes';
import { builtinExceptionClass, callExceptionClass } from './exceptions';
import { floatCall, intFromFloat, numericBuiltins } from './numeric-builtins';
import { AtExit } from './modules/atexit';
import { quitters } from './modules/exit';
import { DESCRIPTOR_TYPES, Descriptors, isDescriptorType } from './descriptors';

type Native = (args: PyObject[], kwargs: [string, PyObject][]) => PyObject;
type MethodImpl = (self: PyObject, args: PyObject[], kwargs: [string, PyObject][]) => PyObject;

function arity(name: string, args: PyObject[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    const expected =
      min === max
        ? `exactly ${min} argument${min === 1 ? '' : 's'}`
        : args.length < min
          ? `at least ${min} argument${min === 1 ? '' : 's'}`
          : `at most ${max} argument${max === 1 ? '' : 's'}`;
    throw new PyException('TypeError', `${name}() takes ${expected} (${args.length} given)`);
  }
}

export class Builtins {
  private readonly table = new Map<string, PyObject>();
  private readonly natives = new Map<PyObject, Native>();
  /** The built-ins that check keyword arguments themselves (print, the module functions). */
  private readonly checksKeywords = new Set<PyObject>();
  private readonly modules = new Map<string, PyObject>();
  readonly gc: GcModule;
  /** The callbacks atexit runs when the program ends. */
  readonly atexit: AtExit;
  private printKwnames: PyObject | null = null;
  readonly descriptors: Descriptors;
  /** What list.sort and sorted() call back: the key function, list(iterable). */
  private readonly sortContext: SortContext;

  constructor(
    private readonly rt: Runtime,
    private readonly interp: Interpreter,
    private readonly write: (text: string) => void,
  ) {
    this.gc = new GcModule(rt);
    this.descriptors = new Descriptors(rt, interp);
    this.sortContext = {
      rt,
      call: (f, arg) => interp.callFromC(f, [arg]),
      // PySequence_List: PyList_New(0), which takes from the free list, unlike list()'s tp_alloc.
      toList: (iterable) => this.extendNew(newList(rt, []), iterable),
      nameStr: interp.nameStr,
    };
    const fn = (name: string, impl: Native, keywords: boolean) => {
      // The object's own native call serves calls from C (a gc callback, a weakref callback);
      // the interpreter's calls go through `natives`, which also passes keyword arguments.
      const op = rt.builtin(name, (args) => impl(args, []));
      rt.hold(op);
      rt.decref(op);
      this.natives.set(op, impl);
      if (keywords) this.checksKeywords.add(op);
      return op;
    };
    const add = (name: string, op: PyObject) => this.table.set(name, op);
    add(
      'print',
      fn('print', (args, kwargs) => this.print(args, kwargs), true),
    );
    add(
      'len',
      fn('len', (args) => (arity('len', args, 1, 1), rt.int(this.len(args[0]))), false),
    );
    for (const [name, impl] of classinfoBuiltins(rt)) add(name, fn(name, impl, false));
    // globals() and locals(): the dicts handed out as new references (builtin_globals_impl,
    // PyEval_GetLocals); in a function, locals() refreshes the frame's f_locals dict first.
    add(
      'globals',
      fn('globals', (args) => (arity('globals', args, 0, 0), rt.newRef(interp.globals)), false),
    );
    add(
      'locals',
      fn('locals', (args) => (arity('locals', args, 0, 0), rt.newRef(interp.localsNamespace())), false),
    );
    for (const [name, impl] of generatorBuiltins(rt)) add(name, fn(name, impl, false));
    for (const [name, impl] of iterBuiltins(rt, interp.nameStr)) add(name, fn(name, impl, true));
    for (const [name, impl] of execBuiltins(interp)) add(name, fn(name, impl, false));
    add(
      'sorted',
      fn('sorted', (args, kwargs) => sorted(this.sortContext, args, kwargs), true),
    );
    for (const f of formatBuiltins(rt)) add(f.name, fn(f.name, f.call, false));
    for (const [name, impl] of numericBuiltins(rt)) add(name, fn(name, impl, false));
    for (const [name, type] of [
      ['type', TYPES.type],
      ['int', TYPES.int],
      ['float', TYPES.float],
      ['str', TYPES.str],
      ['bool', TYPES.bool],
      ['list', TYPES.list],
      ['tuple', TYPES.tuple],
      ['dict', TYPES.dict],
      ['set', TYPES.set],
      ['range', TYPES.range],
      ['object', TYPES.object],
    ] as const) {
      add(name, rt.staticTypeObject(type));
    }
    for (const [name, type] of DESCRIPTOR_TYPES) add(name, rt.staticTypeObject(type));
    for (const native of [
      ...mapFilterTypes(rt),
      superNativeType({
        rt,
        frames: interp.frames,
        descriptorGet: (found, obj, cls) => this.descriptors.get(found, obj, cls),
        repr: (obj) => rt.str(pyRepr(rt, obj)),
      }),
    ]) {
      this.nativeTypes.set(native.type, native);
      add(native.type.name, rt.staticTypeObject(native.type));
    }
    // Each module: its function objects, then its constants, then the module and its dict.
    this.buildModule = (table) => {
      const functions = table.functions.map((f): [string, PyObject] => [
        f.name,
        fn(f.name, (args, kwargs) => callModuleFunction(rt, table.cModule ?? table.name, f, args, kwargs), true),
      ]);
      const constants = table.constants();
      const m = newModule(rt, table.name);
      for (const [k, v] of [...functions, ...constants]) dictSetItem(rt, moduleDict(m), interp.nameStr(k), v);
      // The module's dict alone owns its functions (refcount 1, as PyModule_AddFunctions leaves them).
      for (const [, v] of functions) rt.release(v);
      for (const [, v] of constants) if (!rt.external.has(v) || v.type.kind === Kind.Int) rt.decref(v);
      for (const native of table.types ?? []) this.nativeTypes.set(native.type, native);
      for (const name of table.releasedAtExit ?? []) this.releasedAtExit.push([m, name]);
      this.modules.set(table.name, m);
    };
    for (const [name, impl] of quitters(rt)) add(name, fn(name, impl, false));
    this.atexit = new AtExit(rt, (callable, args, kwargs) => interp.callFromC(callable, args, kwargs));
    const context = {
      rt,
      gc: this.gc,
      debugMallocStats: () => debugMallocStatsText(rt),
      scriptPath: interp.scriptArg,
      stdout: write,
      getAttr: (obj: PyObject, name: string) => interp.getAttr(obj, name),
      call: (callable: PyObject, args: PyObject[], kwargs: [string, PyObject][]) =>
        interp.callFromC(callable, args, kwargs),
      atexit: this.atexit,
      frames: () => interp.frames,
    };
    for (const table of moduleTables(context)) {
      if (table.onImport) this.onImport.set(table.name, table);
      else this.buildModule(table);
    }
  }

  /** The (module, name) pairs `releaseAtExit` removes (ModuleTable.releasedAtExit). */
  private readonly releasedAtExit: [PyObject, string][] = [];

  /** At shutdown, as `__main__` goes: the module names that can hold the program's objects leave their dicts. */
  releaseAtExit(): void {
    for (const [m, name] of this.releasedAtExit.splice(0))
      dictDelItem(this.rt, moduleDict(m), this.interp.nameStr(name));
  }

  /** Build a module's objects and put it in sys.modules (the runtime holds it). */
  private readonly buildModule: (table: ModuleTable) => void;
  /** The modules CPython loads on their first import, not yet imported. */
  private readonly onImport = new Map<string, ModuleTable>();
  /** The types imported modules define natively, whose attributes their code answers. */
  private readonly nativeTypes = new Map<PyType, NativeType>();

  /** A module imported by `import name` (a new reference), built on its first import if need be. */
  module(name: string): PyObject {
    const table = this.onImport.get(name);
    if (table !== undefined) {
      this.onImport.delete(name);
      this.buildModule(table);
    }
    const m = this.modules.get(name);
    if (m === undefined) throw new PyException('ModuleNotFoundError', `No module named '${name}'`);
    return this.rt.newRef(m);
  }

  /** IMPORT_FROM: `name` of `module` (a new reference), or ImportError as CPython words it. */
  importFrom(module: PyObject, name: string): PyObject {
    const found = dictGetItem(moduleDict(module), this.interp.nameStr(name));
    if (found === undefined)
      throw new PyException(
        'ImportError',
        `cannot import name '${name}' from '${module.value as string}' (unknown location)`,
      );
    return this.rt.newRef(found);
  }

  lookup(name: string): PyObject | undefined {
    return this.table.get(name) ?? builtinExceptionClass(this.rt, name);
  }

  private intArg(v: PyObject): number {
    const n = intValue(v);
    if (n === null) throw new PyException('TypeError', `'${v.type.name}' object cannot be interpreted as an integer`);
    return Number(n);
  }

  /**
   * print(*args, sep=' ', end='\n'): the positional arguments are packed in a tuple
   * (_PyArg_UnpackKeywordsWithVararg); the first call also builds the keyword-names tuple.
   */
  private print(args: PyObject[], kwargs: [string, PyObject][]): PyObject {
    const rt = this.rt;
    if (this.printKwnames === null) {
      this.printKwnames = newTupleStealing(
        rt,
        ['sep', 'end', 'file', 'flush'].map((n) => rt.newRef(this.interp.nameStr(n))),
      );
      rt.hold(this.printKwnames);
      rt.decref(this.printKwnames);
    }
    const packed = newTuple(rt, args);
    try {
      let sep = ' ';
      let end = '\n';
      for (const [k, v] of kwargs) {
        const text = v === rt.None ? null : v.type.kind === Kind.Str ? (v.value as string) : undefined;
        if (text === undefined) throw new PyException('TypeError', `${k} must be None or a string, not ${v.type.name}`);
        if (k === 'sep') sep = text ?? ' ';
        else if (k === 'end') end = text ?? '\n';
        else if (k !== 'flush') throw new PyException('TypeError', `'${k}' is an invalid keyword argument for print()`);
      }
      // PyFile_WriteObject looks up `sys.stdout.write` for every piece it writes (each argument,
      // each separator, the end): a bound method object, a GC allocation that can trigger a
      // collection, which dies right after the call.
      rt.unmodelledAllocations('print()');
      const writePiece = (text: () => string) => {
        const method = rt.alloc(TYPES.builtinMethod);
        rt.track(method);
        try {
          this.write(text());
        } finally {
          rt.decref(method);
        }
      };
      args.forEach((a, i) => {
        if (i > 0) writePiece(() => sep);
        writePiece(() => pyStr(rt, a));
      });
      writePiece(() => end);
    } finally {
      rt.decref(packed);
    }
    return rt.none();
  }

  len(v: PyObject): number {
    switch (v.type.kind) {
      case Kind.List:
      case Kind.Tuple:
        return v.items!.length;
      case Kind.Dict:
      case Kind.Set:
        return v.table!.size;
      case Kind.Str:
        return [...(v.value as string)].length;
      case Kind.DictView:
        return viewDict(v).table!.size;
      case Kind.Range:
        return Number(rangeLength(rangeBounds(v)));
      default: {
        const native = nativeClass(v.type);
        if (native !== undefined) return native.len(v);
        throw new PyException('TypeError', `object of type '${v.type.name}' has no len()`);
      }
    }
  }

  callBuiltin(callable: PyObject, args: PyObject[], kwargs: [string, PyObject][]): PyObject {
    if (kwargs.length > 0 && !this.checksKeywords.has(callable))
      throw new PyException('TypeError', `${callable.value as string}() takes no keyword arguments`);
    const native = this.natives.get(callable);
    return native !== undefined ? native(args, kwargs) : this.rt.call(callable, args);
  }

  /** Calling a class: static types build their value; heap types go through type_call. */
  callType(cls: PyObject, args: PyObject[], kwargs: [string, PyObject][]): PyObject {
    const rt = this.rt;
    const type = classType(cls);
    const construct = this.nativeTypes.get(type)?.construct;
    if (construct !== undefined) return construct(args, kwargs);
    const native = nativeClass(type);
    if (native !== undefined && kwargs.length > 0)
      throw new PyException('TypeError', `pymemlab models ${cls.value as string}() without keyword arguments`);
    if (native !== undefined) return native.call(args);
    if (isDescriptorType(type)) return this.descriptors.construct(type, args, kwargs);
    if (kwargs.length > 0) throw new PyException('TypeError', `${cls.value as string}() takes no keyword arguments`);
    if (type.kind === Kind.Exception)
      return callExceptionClass(rt, cls, args, (init, argv) => this.interp.callFromC(init, argv));
    if (rt.external.has(cls)) return this.callStaticType(type, args);
    // _PyObject_MakeTpCall: heap types have no vectorcall, so the arguments go in a tuple.
    const packed = args.length > 0 ? newTuple(rt, args) : null;
    try {
      const init = classLookup(rt, cls, '__init__');
      if (init === undefined && args.length > 0)
        throw new PyException('TypeError', `${cls.value as string}() takes no arguments`);
      const obj = newInstance(rt, cls);
      if (init !== undefined) {
        let result: PyObject;
        try {
          // _PyObject_MakeTpCall is one recursion level, then slot_tp_init's frame another.
          result = rt.recursiveCall(' while calling a Python object', () =>
            this.interp.callFromC(init, [obj, ...args]),
          );
        } catch (error) {
          rt.decref(obj);
          throw error;
        }
        if (result !== rt.None) {
          rt.decref(result);
          rt.decref(obj);
          throw new PyException('TypeError', `__init__() should return None, not '${result.type.name}'`);
        }
        rt.decref(result);
      }
      return obj;
    } finally {
      if (packed !== null) rt.decref(packed);
    }
  }

  private callStaticType(type: PyType, args: PyObject[]): PyObject {
    const rt = this.rt;
    const name = type.name;
    switch (type) {
      case TYPES.weakref: {
        // weakref.ref has no vectorcall: its arguments are packed in a tuple (PyArg_UnpackTuple).
        const packed = newTuple(rt, args);
        try {
          if (args.length < 1 || args.length > 2) {
            const bound = args.length < 1 ? 'at least 1 argument' : 'at most 2 arguments';
            throw new PyException('TypeError', `__new__ expected ${bound}, got ${args.length}`);
          }
          return newWeakref(rt, args[0], args[1] ?? null);
        } finally {
          rt.decref(packed);
        }
      }
      case TYPES.list: {
        arity(name, args, 0, 1);
        return args.length === 1 ? this.extendNew(newListFromType(rt), args[0]) : newListFromType(rt);
      }
      case TYPES.tuple: {
        arity(name, args, 0, 1);
        if (args.length === 0) return rt.newRef(rt.emptyTuple);
        if (args[0].type.kind === Kind.Tuple) return rt.newRef(args[0]);
        return newTupleStealing(rt, this.collect(args[0]));
      }
      case TYPES.set: {
        arity(name, args, 0, 1);
        const set = newSet(rt, []);
        if (args.length === 1) {
          const items = this.collect(args[0]);
          for (const item of items) {
            setAdd(rt, set, item);
            rt.decref(item);
          }
        }
        return set;
      }
      case TYPES.dict:
        arity(name, args, 0, 0);
        return newDict(rt);
      case TYPES.int: {
        arity(name, args, 0, 1);
        if (args.length === 0) return rt.int(0);
        const v = args[0];
        const n = intValue(v);
        if (n !== null) return rt.int(n);
        if (v.type.kind === Kind.Float) return intFromFloat(rt, v);
        if (v.type.kind === Kind.Str && /^\s*[-+]?\d+\s*$/.test(v.value as string))
          return rt.int(BigInt((v.value as string).trim()));
        throw new PyException('ValueError', `invalid literal for int() with base 10: ${pyRepr(rt, v)}`);
      }
      case TYPES.float:
        return floatCall(rt, args);
      case TYPES.str:
        arity(name, args, 0, 1);
        return args.length === 0
          ? rt.str('')
          : args[0].type.kind === Kind.Str
            ? rt.newRef(args[0])
            : rt.str(pyStr(rt, args[0]));
      case TYPES.type:
        // type(x): the object's class (type_new's one-argument form); three arguments are outside the subset
        if (args.length !== 1) throw new PyException('TypeError', 'type() takes 1 argument in pymemlab');
        return rt.newRef(args[0].type.typeObject ?? rt.staticTypeObject(args[0].type));
      case TYPES.object:
        // object(): a bare 16-byte object, not tracked by the collector.
        if (args.length > 0) throw new PyException('TypeError', 'object() takes no arguments');
        return rt.alloc(TYPES.object);
      case TYPES.bool:
        arity(name, args, 0, 1);
        return rt.bool(args.length === 1 && isTrue(args[0]));
      case TYPES.range: {
        arity('range', args, 1, 3);
        const ns = args.map((a) => BigInt(this.intArg(a)));
        const [start, stop, step] = ns.length === 1 ? [0n, ns[0], 1n] : [ns[0], ns[1], ns[2] ?? 1n];
        if (step === 0n) throw new PyException('ValueError', 'range() arg 3 must not be zero');
        return newRange(rt, { start, stop, step });
      }
      default:
        throw new PyException('TypeError', `cannot create '${name}' instances in pymemlab`);
    }
  }

  /** Every item of an iterable, as new references. */
  private collect(iterable: PyObject): PyObject[] {
    const it = newIterator(this.rt, iterable);
    const out: PyObject[] = [];
    try {
      for (let item = iterNext(this.rt, it); item !== null; item = iterNext(this.rt, it)) out.push(item);
    } finally {
      this.rt.decref(it);
    }
    return out;
  }

  /** `list` (new) extended by `iterable`; released if that fails. */
  private extendNew(list: PyObject, iterable: PyObject): PyObject {
    try {
      this.extendFrom(list, iterable);
    } catch (error) {
      this.rt.decref(list);
      throw error;
    }
    return list;
  }

  private extendFrom(list: PyObject, iterable: PyObject): void {
    const rt = this.rt;
    if (iterable.type.kind === Kind.List || iterable.type.kind === Kind.Tuple) {
      listExtend(rt, list, iterable.items!.slice());
      return;
    }
    // list_extend for other iterables: resize once for the length hint, append, then cut back.
    let hint: number | null = null;
    try {
      hint = this.len(iterable);
    } catch {
      // no length: PyObject_LengthHint's default, 8
    }
    const reserve = (n: number) => {
      if (list.allocated === 0) {
        if (n > 0) listPreallocateExact(rt, list, n);
      } else listResize(rt, list, list.items!.length + n);
    };
    // A sized iterable's room is taken before its items are made (tracemalloc's peak sees both).
    if (hint !== null) reserve(hint);
    const items = this.collect(iterable);
    if (hint === null) reserve(8);
    for (const item of items) {
      if (list.items!.length < list.allocated) list.items!.push(item);
      else {
        listAppend(rt, list, item);
        rt.decref(item);
      }
    }
    if (list.items!.length < list.allocated) listResize(rt, list, list.items!.length);
  }

  /** The implementation of `obj.name(...)` for str, list, set and dict methods, or undefined. */
  methodCall(obj: PyObject, name: string): MethodImpl | undefined {
    const rt = this.rt;
    if (isSuper(obj)) return undefined; // super_getattro answers, through the mro
    if (name === '__sizeof__') return sizeofMethod(rt, obj);
    if (isMappingProxy(obj)) return mappingProxyMethod(rt, name);
    if (obj.type.kind === Kind.Instance) {
      const method = nativeMethod(obj, name);
      return method === undefined ? undefined : (self, args) => method(self, args);
    }
    if (obj.type.kind === Kind.Generator) return generatorMethod(rt, name);
    if (obj.type.kind === Kind.Descriptor) return this.descriptors.method(obj, name);
    if (obj.type.kind === Kind.Str)
      return strMethod(rt, { getAttr: (o, a) => this.interp.getAttr(o, a), collect: (it) => this.collect(it) }, name);
    if (obj.type.kind === Kind.List) {
      switch (name) {
        case 'append':
          return (self, a) => (arity('list.append', a, 1, 1), listAppend(rt, self, a[0]), rt.none());
        case 'insert':
          return (self, a) => (arity('insert', a, 2, 2), listInsert(rt, self, this.intArg(a[0]), a[1]), rt.none());
        case 'extend':
          return (self, a) => (arity('list.extend', a, 1, 1), this.extendFrom(self, a[0]), rt.none());
        case 'pop':
          return (self, a) => (arity('pop', a, 0, 1), listPop(rt, self, a.length === 0 ? -1 : this.intArg(a[0])));
        case 'clear':
          return (self, a) => (arity('list.clear', a, 0, 0), listClear(rt, self), rt.none());
        case 'index':
          return (self, a) => {
            arity('index', a, 1, 1);
            const i = self.items!.findIndex((v) => pyEquals(v, a[0]));
            if (i < 0) throw new PyException('ValueError', `${pyRepr(rt, a[0])} is not in list`);
            return rt.int(i);
          };
        case 'sort':
          return (self, a, kw) => listSort(this.sortContext, self, a, kw);
        case 'remove':
          return (self, a) => {
            arity('list.remove', a, 1, 1);
            const i = self.items!.findIndex((v) => pyEquals(v, a[0]));
            if (i < 0) throw new PyException('ValueError', 'list.remove(x): x not in list');
            listDelItem(rt, self, i);
            return rt.none();
          };
        default:
          return undefined;
      }
    }
    if (obj.type.kind === Kind.Set) {
      switch (name) {
        case 'add':
          return (self, a) => (arity('set.add', a, 1, 1), setAdd(rt, self, a[0]), rt.none());
        case 'discard':
          return (self, a) => (arity('set.discard', a, 1, 1), setDiscard(rt, self, a[0], false), rt.none());
        case 'remove':
          return (self, a) => (arity('set.remove', a, 1, 1), setDiscard(rt, self, a[0], true), rt.none());
        case 'clear':
          return (self, a) => (arity('set.clear', a, 0, 0), setClear(rt, self), rt.none());
        default:
          return undefined;
      }
    }
    if (obj.type.kind === Kind.Dict) {
      switch (name) {
        case 'get':
          return (self, a) => (arity('get', a, 1, 2), rt.newRef(dictGetItem(self, a[0]) ?? a[1] ?? rt.None));
        case 'pop':
          return (self, a) => {
            arity('pop', a, 1, 2);
            const v = dictPop(rt, self, a[0]);
            if (v !== undefined) return v;
            if (a.length === 2) return rt.newRef(a[1]);
            throw keyError(a[0]);
          };
        case 'setdefault':
          return (self, a) => {
            arity('setdefault', a, 1, 2);
            const existing = dictGetItem(self, a[0]);
            if (existing !== undefined) return rt.newRef(existing);
            const value = a[1] ?? rt.None;
            dictSetItem(rt, self, a[0], value);
            return rt.newRef(value);
          };
        case 'clear':
          return (self, a) => (arity('dict.clear', a, 0, 0), dictClear(rt, self), rt.none());
        case 'keys':
        case 'values':
        case 'items':
          return (self, a) => (arity(`dict.${name}`, a, 0, 0), newDictView(rt, self, name));
        default:
          return undefined;
      }
    }
    return undefined;
  }

  /** `obj.name = value` answered by a native type's code; false when the instance has no such attribute. */
  setNativeAttribute(obj: PyObject, name: string, value: PyObject): boolean {
    return this.nativeTypes.get(obj.type)?.setInstanceAttribute?.(obj, name, value) ?? false;
  }

  /** Whether a class statement may derive from the static class `cls` (ctypes.Structure). */
  subclassable(cls: PyObject): boolean {
    return this.nativeTypes.get(classType(cls))?.subclassable === true;
  }

  /** Whether `obj` is an instance of a natively modelled class (weakref.WeakValueDictionary). */
  isNative(obj: PyObject): boolean {
    return nativeClass(obj.type) !== undefined;
  }

  /** `m = obj.name` for a native class's method: a built-in method bound to obj (m_self). */
  bindNative(obj: PyObject, name: string, method: NativeMethod): PyObject {
    const rt = this.rt;
    const op = rt.alloc(TYPES.builtinMethod);
    op.value = name;
    op.native = (args) => method(obj, args);
    op.refs = [rt.newRef(obj)];
    rt.track(op);
    return op;
  }

  /** The native type that answers for `type`: its own, or a subclassable one it derives from. */
  nativeType(type: PyType): NativeType | undefined {
    const own = this.nativeTypes.get(type);
    if (own !== undefined) return own;
    for (let t = type.base; t !== null; t = t.base) {
      const native = this.nativeTypes.get(t);
      if (native?.subclassable) return native;
    }
    return undefined;
  }

  /** `obj.method` without a call: a built-in method object bound to obj. */
  boundMethod(obj: PyObject, name: string): PyObject | undefined {
    const native =
      obj.type.kind === Kind.Type
        ? this.nativeType(classType(obj))?.classAttribute?.(name, obj)
        : this.nativeType(obj.type)?.instanceAttribute?.(obj, name);
    if (native !== undefined) return native;
    const impl = this.methodCall(obj, name);
    if (impl === undefined) return undefined;
    const rt = this.rt;
    // m_self: the method object holds obj for as long as it lives, so the closure may use it.
    const op = rt.builtin(name, (args) => impl(obj, args, []));
    op.refs = [rt.newRef(obj)];
    return op;
  }
}
