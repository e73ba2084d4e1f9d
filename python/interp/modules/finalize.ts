/**
 * weakref.finalize, modelled natively (docs/fidelity.md gives why) with the objects CPython 3.11's
 * Lib/weakref.py makes, in its order, so that refcounts, `gc.get_count()` and the moment each
 * callback runs are CPython's (docs/probes/q8_finalize*.py):
 *
 * - `finalize` is a heap class with `__slots__ = ()` (a 32-byte GC instance, no weakrefs to it);
 *   its `_registry` dict maps each live finalizer to an `_Info` instance (a slotted class:
 *   args, atexit, func, index, kwargs, weakref), whose `weakref` is a ref to the object with the
 *   finalizer itself as callback;
 * - the first finalizer registers the class's `_exitfunc` with atexit (a bound method atexit keeps);
 * - calling a finalizer (directly, or as the weakref's callback when the object dies) pops its
 *   entry and calls `func(*args, **kwargs)`; at exit `_exitfunc` calls those still alive with
 *   `atexit` true, newest first, with gc disabled, and then no finalizer calls anything again.
 */
import type { Runtime } from '../../../core/runtime';
import { Kind } from '../../../core/objects/kinds';
import type { PyObject } from '../../../core/objects/pyobject';
import { TYPES } from '../../../core/objects/pytype';
import { PyException } from '../../../core/errors';
import { newTuple, newTupleStealing } from '../../../core/objects/tuple';
import { dictGetItem, dictPop, dictSetItem, newDict } from '../../../core/objects/dict';
import { classType, instanceGetAttr, instanceSetAttr, newClass, newInstance } from '../../../core/objects/classobject';
import { newWeakref, weakrefCall } from '../../../core/objects/weakrefobject';
import type { GcModule } from '../../../core/gc/gcmodule';
import { isTrue } from '../abstract';
import type { AtExit } from './atexit';
import { keywordDict, keywordNames, keywordPairs } from './keywords';
import type { CallObject, ModuleTable, NativeType } from './table';

/** The fields of `finalize._Info`, as its `__slots__` name them. */
type InfoField = 'weakref' | 'func' | 'args' | 'kwargs' | 'atexit' | 'index';
/** type_new sorts the slot names: the order an `_Info` releases them when it dies. */
const INFO_SLOTS: readonly InfoField[] = ['args', 'atexit', 'func', 'index', 'kwargs', 'weakref'];

/** What the finalizers need from the running program. */
export interface FinalizeHost {
  readonly rt: Runtime;
  readonly gc: GcModule;
  readonly atexit: AtExit;
  /** PyObject_Call: `func(*args, **kwargs)` as the program's own calls run it. */
  readonly call: CallObject;
}

/** The finalize class and its class-level state (`_registry`, `_index_iter`, `_shutdown`, ...). */
export class Finalizers {
  /** weakref.finalize, the heap class. */
  readonly cls: PyObject;
  /** finalize._Info (borrowed: the class's dict holds it, as it holds the registry). */
  private readonly infoClass: PyObject;
  /** finalize._registry: finalizer -> _Info. */
  private readonly registry: PyObject;
  /** next(finalize._index_iter). */
  private nextIndex = 0;
  private registeredWithAtexit = false;
  /** finalize._shutdown: set once `_exitfunc` ran; a finalizer called later calls nothing. */
  private shutdown = false;
  /** finalize._dirty: a finalizer was made since `_exitfunc` last chose what to call. */
  private dirty = false;

  constructor(private readonly host: FinalizeHost) {
    const rt = host.rt;
    const module = rt.str('weakref');
    const qualname = rt.str('finalize._Info');
    this.infoClass = newClass(rt, {
      name: '_Info',
      base: null,
      namespace: [
        ['__module__', module],
        ['__qualname__', qualname],
      ],
      slots: INFO_SLOTS,
      bases: null,
    });
    rt.decref(qualname);
    this.registry = newDict(rt);
    const repr = rt.builtin('__repr__', (args) => rt.str(this.repr(selfArg(args, '__repr__'))));
    this.cls = newClass(rt, {
      name: 'finalize',
      base: null,
      namespace: [
        ['__module__', module],
        ['__slots__', rt.emptyTuple],
        ['_registry', this.registry],
        ['_Info', this.infoClass],
        ['__repr__', repr],
      ],
      slots: [],
      bases: null,
    });
    // The class's dict keeps the registry, _Info and __repr__ (the fields here are borrowed).
    rt.decref(module);
    rt.decref(repr);
    rt.decref(this.registry);
    rt.decref(this.infoClass);
  }

  /** The names the weakref module gains: `finalize`, and the native type answering its instances. */
  extend(table: ModuleTable): ModuleTable {
    return {
      ...table,
      // the module's dict takes over the class's first reference
      constants: () => [...table.constants(), ['finalize', this.cls]],
      releasedAtExit: [...(table.releasedAtExit ?? []), 'finalize'],
      types: [...(table.types ?? []), this.nativeType()],
    };
  }

  private nativeType(): NativeType {
    return {
      type: classType(this.cls),
      construct: (args, kwargs) => this.construct(args, kwargs),
      instanceAttribute: (self, name) => this.attribute(self, name),
      setInstanceAttribute: (self, name, value) => name === 'atexit' && (this.setAtexit(self, value), true),
    };
  }

  /**
   * finalize(obj, func, /, *args, **kwargs) from a call site: type_call packs the arguments
   * (_PyObject_MakeTpCall's tuple, then its keyword dict), object_new makes the instance and
   * slot_tp_init runs `__init__`; the temporaries go in that order once it returns.
   */
  construct(args: PyObject[], kwargs: [string, PyObject][]): PyObject {
    const rt = this.host.rt;
    const packed = newTuple(rt, args);
    const kwdict = kwargs.length > 0 ? keywordDict(rt, kwargs) : null;
    try {
      return rt.recursiveCall(' while calling a Python object', () => {
        const self = newInstance(rt, this.cls);
        self.native = (callArgs) => this.callFromSite(self, callArgs);
        try {
          this.init(self, args, kwargs);
        } catch (error) {
          rt.decref(self);
          throw error;
        }
        return self;
      });
    } finally {
      rt.decref(packed);
      if (kwdict !== null) rt.decref(kwdict);
    }
  }

  /**
   * `__init__`: _PyObject_Call_Prepend turns the keywords into a kwnames tuple; the frame makes
   * the **kwargs dict, then the *args tuple; the body registers `_exitfunc` with atexit on first
   * use, makes the `_Info` and its weakref (`ref(obj, self)`, a packed call) and files it in the
   * registry. On return the frame drops its locals (self, obj, func, args, kwargs, atexit, info).
   */
  private init(self: PyObject, args: PyObject[], kwargs: [string, PyObject][]): void {
    const rt = this.host.rt;
    if (args.length < 2) {
      const missing = ['obj', 'func'].slice(args.length);
      throw new PyException(
        'TypeError',
        `finalize.__init__() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${missing.map((n) => `'${n}'`).join(' and ')}`,
      );
    }
    const [obj, func] = args;
    const kwnames = keywordNames(rt, kwargs);
    const kwdict = keywordDict(rt, kwargs);
    const extra = newTuple(rt, args.slice(2));
    try {
      rt.recursiveCall('', () => {
        if (!this.registeredWithAtexit) this.registerExitfunc();
        const info = newInstance(rt, this.infoClass);
        try {
          const refArgs = newTuple(rt, [obj, self]);
          let wr: PyObject;
          try {
            wr = newWeakref(rt, obj, self);
          } finally {
            rt.decref(refArgs);
          }
          this.setInfo(info, 'weakref', wr);
          rt.decref(wr);
          this.setInfo(info, 'func', func);
          this.setInfo(info, 'args', extra);
          this.setInfo(info, 'kwargs', kwdict.table!.size > 0 ? kwdict : rt.None);
          this.setInfo(info, 'atexit', rt.True);
          const index = rt.int(this.nextIndex++);
          this.setInfo(info, 'index', index);
          rt.decref(index);
          dictSetItem(rt, this.registry, self, info);
          this.dirty = true;
        } finally {
          rt.decref(info);
        }
      });
    } finally {
      rt.decref(extra);
      rt.decref(kwdict);
      if (kwnames !== null) rt.decref(kwnames);
    }
  }

  /**
   * `import atexit; atexit.register(self._exitfunc)`: the classmethod bound to the class (a GC
   * object atexit keeps) goes in register's packed argument tuple, which dies after the call.
   */
  private registerExitfunc(): void {
    const rt = this.host.rt;
    const exitfunc = rt.alloc(TYPES.builtinMethod);
    exitfunc.value = '_exitfunc';
    exitfunc.native = () => this.exitfunc();
    exitfunc.refs = [rt.newRef(this.cls)];
    rt.track(exitfunc);
    const packed = newTuple(rt, [exitfunc]);
    this.host.atexit.register(exitfunc, rt.newRef(rt.emptyTuple), null);
    rt.decref(packed);
    rt.decref(exitfunc);
    this.registeredWithAtexit = true;
  }

  /** A call of a finalizer from a call site or from C (a weakref callback): type_call's packed tuple. */
  private callFromSite(self: PyObject, args: PyObject[]): PyObject {
    const rt = this.host.rt;
    const packed = newTuple(rt, args);
    try {
      if (args.length > 1)
        throw new PyException(
          'TypeError',
          `finalize.__call__() takes from 1 to 2 positional arguments but ${args.length + 1} were given`,
        );
      return rt.recursiveCall(' while calling a Python object', () => rt.recursiveCall('', () => this.call(self)));
    } finally {
      rt.decref(packed);
    }
  }

  /**
   * `__call__`: if alive, mark dead (pop the registry entry) and return `func(*args, **kwargs)`,
   * unless `_exitfunc` already ran; the `_Info` (and with it the weakref, func and arguments) goes
   * when the frame ends.
   */
  private call(self: PyObject): PyObject {
    const rt = this.host.rt;
    const info = dictPop(rt, this.registry, self);
    if (info === undefined) return rt.none();
    try {
      if (this.shutdown) return rt.none();
      return this.callInfo(info);
    } finally {
      rt.decref(info);
    }
  }

  /**
   * `info.func(*info.args, **(info.kwargs or {}))`: BUILD_MAP, a second `{}` when kwargs is None,
   * DICT_MERGE, CALL_FUNCTION_EX (keywords reach a vectorcall as a new kwnames tuple); then the
   * function, the tuple and the merged dict are released in that order.
   */
  private callInfo(info: PyObject): PyObject {
    const rt = this.host.rt;
    const func = rt.newRef(this.getInfo(info, 'func'));
    const args = rt.newRef(this.getInfo(info, 'args'));
    const merged = newDict(rt);
    const kwargs = this.getInfo(info, 'kwargs');
    if (kwargs === rt.None) rt.decref(newDict(rt));
    else for (const e of [...kwargs.table!.map.values()]) dictSetItem(rt, merged, e.key, e.value!);
    const pairs = keywordPairs(merged);
    const kwnames = keywordNames(rt, pairs);
    try {
      return this.host.call(func, args.items!.slice(), pairs);
    } finally {
      if (kwnames !== null) rt.decref(kwnames);
      rt.decref(func);
      rt.decref(args);
      rt.decref(merged);
    }
  }

  /** The attributes a finalizer answers: `alive`, `atexit` (properties) and its methods, bound. */
  private attribute(self: PyObject, name: string): PyObject | undefined {
    const rt = this.host.rt;
    const method = (impl: () => PyObject) => {
      const op = rt.builtin(name, (args) => {
        if (args.length > 0)
          throw new PyException(
            'TypeError',
            `finalize.${name}() takes 1 positional argument but ${args.length + 1} were given`,
          );
        return impl();
      });
      op.refs = [rt.newRef(self)];
      return op;
    };
    switch (name) {
      case 'alive':
        return rt.bool(dictGetItem(this.registry, self) !== undefined);
      case 'atexit': {
        const info = dictGetItem(this.registry, self);
        return rt.bool(info !== undefined && isTrue(this.getInfo(info, 'atexit')));
      }
      case 'detach':
        return method(() => this.detach(self));
      case 'peek':
        return method(() => this.peek(self));
      case '__call__':
        return method(() => this.callFromSite(self, []));
      default:
        return undefined;
    }
  }

  /** The `atexit` property's setter: `info.atexit = bool(value)` while alive. */
  private setAtexit(self: PyObject, value: PyObject): void {
    const info = dictGetItem(this.registry, self);
    const rt = this.host.rt;
    if (info !== undefined) this.setInfo(info, 'atexit', isTrue(value) ? rt.True : rt.False);
  }

  /**
   * `detach()`: if alive, mark dead and return (obj, func, args, kwargs) without calling; the
   * frame then drops self, the `_Info` (its weakref with it) and obj.
   */
  private detach(self: PyObject): PyObject {
    return this.aliveEntry(self, true);
  }

  /** `peek()`: if alive, (obj, func, args, kwargs) while it stays alive. */
  private peek(self: PyObject): PyObject {
    return this.aliveEntry(self, false);
  }

  /**
   * What detach and peek share (Lib/weakref.py writes them alike): look up the `_Info`, call its
   * weakref, and if the object is still alive build the entry, after taking the registry's
   * entry away when detaching.
   */
  private aliveEntry(self: PyObject, detach: boolean): PyObject {
    const rt = this.host.rt;
    const info = dictGetItem(this.registry, self);
    if (info === undefined) return rt.none();
    rt.incref(info);
    const obj = weakrefCall(rt, this.getInfo(info, 'weakref'));
    try {
      if (obj === rt.None) return rt.none();
      if (detach) rt.decref(dictPop(rt, this.registry, self)!);
      return this.entry(info, obj);
    } finally {
      rt.decref(info);
      rt.decref(obj);
    }
  }

  /** `(obj, info.func, info.args, info.kwargs or {})`: BUILD_TUPLE of four. */
  private entry(info: PyObject, obj: PyObject): PyObject {
    const rt = this.host.rt;
    const kwargs = this.getInfo(info, 'kwargs');
    return newTupleStealing(rt, [
      rt.newRef(obj),
      rt.newRef(this.getInfo(info, 'func')),
      rt.newRef(this.getInfo(info, 'args')),
      kwargs === rt.None ? newDict(rt) : rt.newRef(kwargs),
    ]);
  }

  /** `__repr__`: `<finalize object at 0x..; for 'T' at 0x..>`, or `; dead>` (a %-format of a tuple). */
  private repr(self: PyObject): string {
    const rt = this.host.rt;
    const info = dictGetItem(this.registry, self);
    const obj = info === undefined ? rt.none() : weakrefCall(rt, this.getInfo(info, 'weakref'));
    const parts =
      obj === rt.None
        ? [rt.str('finalize'), rt.int(BigInt(rt.addressOf(self)))]
        : [
            rt.str('finalize'),
            rt.int(BigInt(rt.addressOf(self))),
            rt.str(obj.type.name),
            rt.int(BigInt(rt.addressOf(obj))),
          ];
    const formatted = newTupleStealing(rt, parts);
    try {
      return obj === rt.None
        ? `<finalize object at ${rt.addressOf(self)}; dead>`
        : `<finalize object at ${rt.addressOf(self)}; for '${obj.type.name}' at ${rt.addressOf(obj)}>`;
    } finally {
      rt.decref(formatted);
      rt.decref(obj);
    }
  }

  /**
   * `_exitfunc`, atexit's callback: with gc disabled, call the live finalizers whose `atexit` is
   * true, newest first (choosing again if one made a new finalizer); then mark shutdown, so that
   * finalizers of objects dying in teardown call nothing, and enable gc again.
   */
  private exitfunc(): PyObject {
    const rt = this.host.rt;
    const gc = this.host.gc;
    let reenable = false;
    try {
      if (this.registry.table!.size > 0) {
        if (gc.isenabled()) {
          reenable = true;
          gc.disable();
        }
        let pending: PyObject[] | null = null;
        for (;;) {
          if (pending === null || this.dirty) {
            for (const f of pending ?? []) rt.decref(f);
            pending = this.selectForExit();
            this.dirty = false;
          }
          const f = pending.pop();
          if (f === undefined) break;
          try {
            rt.callUnraisable(f, [], f, 'finalize');
          } finally {
            rt.decref(f);
          }
        }
      }
    } finally {
      this.shutdown = true;
      if (reenable) gc.enable();
    }
    return rt.none();
  }

  /** `_select_for_exit`: the live finalizers marked for exit, oldest first (new references). */
  private selectForExit(): PyObject[] {
    const rt = this.host.rt;
    const index = (info: PyObject) => Number(this.getInfo(info, 'index').value as bigint);
    return [...this.registry.table!.map.values()]
      .filter((e) => isTrue(this.getInfo(e.value!, 'atexit')))
      .sort((a, b) => index(a.value!) - index(b.value!))
      .map((e) => rt.newRef(e.key));
  }

  /** An `_Info` field, borrowed. */
  private getInfo(info: PyObject, field: InfoField): PyObject {
    return instanceGetAttr(this.host.rt, info, field)!;
  }

  /** `info.field = value` (the slot takes a new reference). */
  private setInfo(info: PyObject, field: InfoField, value: PyObject): void {
    instanceSetAttr(this.host.rt, info, field, value);
  }
}

/** The instance a native method of the class was called on (its first argument). */
function selfArg(args: PyObject[], name: string): PyObject {
  if (args.length === 0 || args[0].type.kind !== Kind.Instance)
    throw new PyException('TypeError', `finalize.${name}() missing 1 required positional argument: 'self'`);
  return args[0];
}
