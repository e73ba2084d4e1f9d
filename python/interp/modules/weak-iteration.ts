/**
 * What weakref's containers share (Lib/weakref.py and Lib/_weakrefset.py, 3.11): classes CPython
 * defines in Python, modelled as static type objects whose instances are ordinary instances; the
 * short-lived objects their Python code makes; and the generator methods (`keys`, `values`,
 * `items`, `__iter__`) that iterate `self.data` under an `_IterationGuard`, so that a referent
 * dying meanwhile only queues its key in `_pending_removals` instead of changing the dict.
 */
import type { Runtime } from '../../../core/runtime';
import { Kind } from '../../../core/objects/kinds';
import type { PyObject } from '../../../core/objects/pyobject';
import { PyType, TYPES } from '../../../core/objects/pytype';
import { Frame } from '../../../core/frame';
import { PyException } from '../../../core/errors';
import { newCode } from '../../../core/objects/funcobject';
import { instanceGetAttr, instanceSetAttr, newInstance } from '../../../core/objects/classobject';
import { SharedKeys } from '../../../core/objects/sharedkeys';
import { listPop } from '../../../core/objects/list';
import { setAdd, setDiscard } from '../../../core/objects/set';
import { newDictView, type ViewKind } from '../../../core/objects/dictview';
import { genClearFrame, genFrame, genState, newGenerator, setGenState } from '../../../core/objects/genobject';
import { newWeakref } from '../../../core/objects/weakrefobject';
import { newTuple } from '../../../core/objects/tuple';
import { iterNext, newIterator } from '../iteration';

/** A class of a pure-Python module: an instance type with inline attribute values, made per runtime. */
export function pythonClass(module: string, name: string, weakrefs = true): PyType {
  const type = new PyType(`${module}.${name}`, Kind.Instance, true, weakrefs);
  type.managedDict = true;
  type.heapType = true;
  type.cachedKeys = new SharedKeys();
  type.slotNames = [];
  return type;
}

/** A GC object the Python code makes and drops (a bound method, a method-wrapper, a super object). */
export function transient(rt: Runtime): PyObject {
  const op = rt.alloc(TYPES.builtinMethod);
  rt.track(op);
  return op;
}

/** An attribute the container's own code reads (`self.data`), borrowed. */
export function attr(rt: Runtime, self: PyObject, name: string): PyObject {
  const found = instanceGetAttr(rt, self, name);
  if (found === undefined)
    throw new PyException('AttributeError', `'${self.type.name.split('.').pop()!}' object has no attribute '${name}'`);
  return found;
}

/** `self.name = value` (value borrowed). */
export function setAttr(rt: Runtime, self: PyObject, name: string, value: PyObject): void {
  instanceSetAttr(rt, self, name, value);
}

/**
 * `with _IterationGuard(self):` — type_call packs `(self,)`, `__init__` stores
 * `ref(weakcontainer)` (another argument tuple; the container's basic weakref), BEFORE_WITH binds
 * `__enter__` and `__exit__`, and `__enter__` adds the guard to the container's `_iterating` set.
 * Returns what the end of the block does: `__exit__` takes the guard out of the set and, once no
 * iteration is left, commits the removals that waited; the bound `__exit__` and the guard go.
 */
function enterGuard(rt: Runtime, guardType: PyType, container: PyObject, commit: () => void): () => void {
  const callArgs = newTuple(rt, [container]);
  const guard = newInstance(rt, rt.staticTypeObject(guardType));
  const refArgs = newTuple(rt, [container]);
  const ref = newWeakref(rt, container, null);
  rt.decref(refArgs);
  setAttr(rt, guard, 'weakcontainer', ref);
  rt.decref(ref);
  rt.decref(callArgs);
  const enter = transient(rt);
  const exit = transient(rt);
  setAdd(rt, attr(rt, container, '_iterating'), guard);
  rt.decref(enter);
  return () => {
    const iterating = attr(rt, container, '_iterating');
    setDiscard(rt, iterating, guard, false);
    if (iterating.table!.size === 0) commit();
    rt.decref(exit);
    rt.decref(guard);
  };
}

/** What one step of a container's iteration yields from a (key, value) entry of `self.data`, or null to skip. */
export type Pick = (key: PyObject, value: PyObject) => PyObject | null;

/** How a container's generator method is laid out: its name, locals and co_stacksize, and the view it walks. */
export interface GeneratorMethod {
  readonly name: string;
  readonly varnames: readonly string[];
  readonly stacksize: number;
  readonly view: ViewKind;
  readonly pick: Pick;
}

/**
 * The generator a container's generator method returns: nothing runs until the first next();
 * then, under the guard, it walks a view of `self.data` and yields what `pick` makes of each entry.
 */
export function guardedGenerator(
  rt: Runtime,
  guardType: PyType,
  method: GeneratorMethod,
  self: PyObject,
  commit: () => void,
): PyObject {
  const frame = new Frame(method.name, method.varnames);
  frame.locals[0] = rt.newRef(self);
  // The code object stands for the method's function too (f_func): only its name (the
  // generator's __qualname__) is observable.
  const code = newCode(rt, method.name, []);
  const func = rt.newRef(code);
  let it: PyObject | null = null;
  let exit: (() => void) | null = null;
  const finish = (gen: PyObject) => {
    if (it !== null) rt.decref(it);
    it = null;
    exit?.();
    exit = null;
    genClearFrame(rt, gen, true);
  };
  const gen = newGenerator(rt, code, func, frame, method.varnames.length + method.stacksize, {
    resume: (g) => {
      if (genState(g) === 'cleared') return null;
      setGenState(g, 'running');
      if (it === null) {
        exit = enterGuard(rt, guardType, self, commit);
        const view = newDictView(rt, attr(rt, self, 'data'), method.view);
        it = newIterator(rt, view);
        rt.decref(view);
      }
      for (let entry = iterNext(rt, it); entry !== null; entry = iterNext(rt, it)) {
        const [key, value] = method.view === 'keys' ? [entry, entry] : entry.items!;
        const picked = method.pick(key, value);
        rt.decref(entry);
        if (picked !== null) {
          setGenState(g, 'suspended');
          return picked;
        }
      }
      finish(g);
      return null;
    },
    finalize: (g) => {
      if (genFrame(g) !== null) finish(g);
    },
  });
  rt.decref(code);
  return gen;
}

/**
 * _commit_removals: a bound `pop` method pops each pending key, which `remove` removes; the
 * IndexError that ends the loop is caught in the same frame: the frame object and traceback its
 * unwinding makes, the message and the exception with its args tuple, all gone when it returns.
 */
export function commitRemovals(rt: Runtime, self: PyObject, remove: (key: PyObject) => void): void {
  const pending = attr(rt, self, '_pending_removals');
  const pop = transient(rt);
  while (pending.items!.length > 0) {
    const key = listPop(rt, pending);
    remove(key);
    rt.decref(key);
  }
  const message = rt.str('pop from empty list');
  const frameObject = transient(rt);
  const traceback = transient(rt);
  const args = newTuple(rt, [message]);
  rt.decref(message);
  const error = transient(rt);
  rt.decref(error);
  rt.decref(args);
  rt.decref(traceback);
  rt.decref(frameObject);
  rt.decref(pop);
}
