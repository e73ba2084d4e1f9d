/**
 * The evaluator: runs the subset's AST on the simulated heap, keeping every reference where
 * CPython 3.11's bytecode keeps it. Every intermediate value lives on the frame's value stack (so
 * `sys.getrefcount` sees it, and an exception releases it), calls move their arguments into the
 * new frame, builtins see theirs on the caller's stack, and the hidden allocations CPython makes
 * (argument tuples of class calls and of `print`, iterators, dict views) are made here too.
 */
import type * as A from '../lang/ast';
import type { Runtime } from '../../core/runtime';
import { Kind } from '../../core/objects/kinds';
import { type PyObject } from '../../core/objects/pyobject';
import { type Frame } from '../../core/frame';
import { PyException } from '../../core/errors';
import { newList, listExtend, listSetItem, listDelItem, normaliseIndex } from '../../core/objects/list';
import { newTuple, newTupleStealing } from '../../core/objects/tuple';
import { newDict, dictSetItem, dictGetItem, dictDelItem, keyError } from '../../core/objects/dict';
import { newSet, setAdd, setFromConstants } from '../../core/objects/set';
import {
  classLookup,
  classType,
  instanceDelAttr,
  instanceGetAttr,
  instanceSetAttr,
  materializeDict,
  newClass,
  typeDict,
} from '../../core/objects/classobject';
import {
  funcCode,
  funcDefaults,
  funcGlobals,
  methodFunc,
  methodSelf,
  newFunction,
  newMethod,
  setFuncClosure,
} from '../../core/objects/funcobject';
import { moduleDict } from '../../core/objects/moduleobject';
import { weakrefCall } from '../../core/objects/weakrefobject';
import { annotationPairs, type CodeInfo, type Compiled } from './compile';
import { Builtins } from './builtins';
import { iterNext, newIterator } from './iteration';
import { binaryOp, compareOp, isTrue, unaryOp } from './abstract';
import { asRaise, lastException, normalizeException, PyRaise, tracebackHere } from './errors';
import { callComprehension, callGeneratorExpression } from './comprehensions';
import { newGeneratorFor } from './generators';
import { LoopSignal, ReturnSignal } from './signals';
import { FrameObjects, tracebackEntries, tracebackFrame, tracebackNext } from './traceback';
import { Handlers } from './handlers';
import { baseExceptionInit, exceptionGetAttr, exceptionSetAttr, isExceptionClass } from './exceptions';
import { buildString, formatValue } from './format-value';
import { setupAnnotations } from './annotations';
import { getSlice, setSlice, slices } from './slicing';
import { fastToLocals } from './locals';
import { newSlice } from '../../core/objects/sliceobject';
import { classAttribute, isMappingProxy, mappingProxyItem } from './class-attributes';
import { callNativeSlot, nativeMethod } from './native-classes';
import {
  cellAttribute,
  closureCells,
  deleteDeref,
  enterClosureFrame,
  functionClosure,
  storeClassCell,
  loadDeref,
  storeDeref,
} from './closures';
import { isDecoratorDescriptor } from '../../core/objects/descrobject';
import { bindArguments, missingArguments, tooManyPositional } from './calls';
import { callWithUnpacking, hasUnpacking } from './call-unpacking';

/** Throw `error` where an expression is expected. */
function raise(error: PyException): never {
  throw error;
}

const NO_KEYWORDS: [string, PyObject][] = [];

/** The program ran past its step limit. */
export class StepLimitExceeded extends Error {}

/** The interpreter's view of one frame: the core Frame plus its code and current line. */
export interface FrameState {
  readonly frame: Frame;
  readonly code: CodeInfo;
  /** Where names are looked up: the module's globals dict, or a class body's namespace. */
  readonly namespace: PyObject;
  lineno: number;
}

export class Interpreter {
  readonly frames: FrameState[] = [];
  steps = 0;
  /** Frame objects made for frames still running (by a traceback passing through). */
  private readonly frameObjects: FrameObjects;
  private readonly names = new Map<string, PyObject>();
  readonly builtins: Builtins;
  /** exc_info->exc_value: the exception being handled (a reference of its own), null for None. */
  handling: PyObject | null = null;
  private readonly handlers = new Handlers(this);

  constructor(
    readonly rt: Runtime,
    readonly compiled: Compiled,
    readonly globals: PyObject,
    readonly maxSteps: number,
    write: (text: string) => void,
    /** The script's path as given on the command line (sys.argv[0]). */
    readonly scriptArg = '<string>',
  ) {
    this.builtins = new Builtins(rt, this, write);
    this.frameObjects = new FrameObjects(rt);
    rt.callHook = (callable, args) => this.callFromC(callable, args);
  }

  // --- the value stack -----------------------------------------------------------------------

  private get top(): FrameState {
    return this.frames[this.frames.length - 1];
  }

  push(op: PyObject): void {
    this.top.frame.stack.push(op);
  }

  pop(): PyObject {
    return this.top.frame.pop();
  }

  peek(depth = 0): PyObject {
    const stack = this.top.frame.stack;
    return stack[stack.length - 1 - depth];
  }

  /** A name as an interned str (held by the code objects that use it, so made before the program ran). */
  readonly nameStr = (name: string): PyObject => {
    let op = this.names.get(name);
    if (op === undefined) {
      op = this.rt.beforeProgram(() => this.rt.str(name));
      this.rt.hold(op);
      this.rt.decref(op);
      this.names.set(name, op);
    }
    return op;
  };

  // --- running code --------------------------------------------------------------------------

  /** sys.last_value and sys.last_traceback after an uncaught exception (held until shutdown). */
  lastValue: PyObject | null = null;
  lastTraceback: PyObject | null = null;

  runModule(module: A.Module): void {
    // PyEval_EvalCode enters _PyEval_EvalFrameDefault for the module: one level of the limit
    this.rt.enterRecursiveCall('');
    const frame = this.rt.pushFrame('<module>', []);
    this.frames.push({ frame, code: this.compiled.module, namespace: this.globals, lineno: 0 });
    try {
      if (this.compiled.module.setupAnnotations)
        setupAnnotations(this.rt, this.globals, this.nameStr('__annotations__'));
      this.execBlock(module.body);
    } catch (error) {
      try {
        this.unwind(error);
      } catch (raised) {
        this.frames.pop();
        this.rt.popFrame();
        this.rt.leaveRecursiveCall();
        if (raised instanceof PyRaise) {
          // PyErr_Print: sys.last_value and sys.last_traceback hold the exception until shutdown,
          // and the module's frame object keeps the globals (f_globals, f_locals) until then.
          ({ value: this.lastValue, traceback: this.lastTraceback } = lastException(this.rt, raised, this.nameStr));
          this.frameObjects.exitModule(frame, this.globals);
        }
        throw raised;
      }
    }
    this.frames.pop();
    this.frameObjects.exitModule(frame, this.globals);
    this.rt.popFrame();
    this.rt.leaveRecursiveCall();
  }

  /**
   * exception_unwind's first step: a Python exception leaving `frame` at `lineno` gets the
   * frame's traceback entry (and its frame object). Anything else (a step limit) passes as it is.
   */
  private recordTraceback(error: unknown, frame: Frame, lineno: number, code: CodeInfo): unknown {
    if (!(error instanceof PyException || error instanceof PyRaise)) return error;
    const raise = asRaise(error);
    const entry =
      code.filename === this.compiled.module.filename
        ? { lineno, name: code.name }
        : { lineno, name: code.name, filename: code.filename };
    tracebackHere(this.rt, raise, entry, frame, () => this.frameObjects.of(frame), this.nameStr);
    return raise;
  }

  /**
   * PyEval_GetLocals (borrowed): the module's globals or a class body's namespace; in a function,
   * its frame's f_locals dict, refreshed from the fast locals.
   */
  localsNamespace(): PyObject {
    const state = this.top;
    return state.code.fast ? fastToLocals(this.rt, state.frame, state.code, this.nameStr) : state.namespace;
  }

  /** The line the running frame is at. */
  currentLine(): number {
    return this.top.lineno;
  }

  /**
   * Code compiled at run time (exec, eval): its constants and code objects join the program's,
   * and its body runs in a new `<module>` frame whose names are looked up in `namespace`; for
   * eval, its one expression's value is returned (exec returns None). An exception leaving it
   * gets the frame's traceback entry, at its line within the string.
   */
  runCompiled(compiled: Compiled, module: A.Module, namespace: PyObject, value: boolean): PyObject {
    const rt = this.rt;
    for (const [node, op] of compiled.constants) this.compiled.constants.set(node, op);
    for (const [node, info] of compiled.codes) this.compiled.codes.set(node, info);
    for (const [node, op] of compiled.constantDefaults) this.compiled.constantDefaults.set(node, op);
    for (const [node, op] of compiled.constantAnnotations) this.compiled.constantAnnotations.set(node, op);
    const frame = rt.pushFrame('<module>', []);
    this.frames.push({ frame, code: compiled.module, namespace, lineno: 0 });
    try {
      if (compiled.module.setupAnnotations) setupAnnotations(rt, namespace, this.nameStr('__annotations__'));
      if (!value) {
        this.execBlock(module.body);
        return rt.none();
      }
      const statement = module.body[0] as A.ExprStmt;
      this.tick(statement.lineno);
      this.eval(statement.value);
      return this.pop();
    } catch (error) {
      const raised = this.recordTraceback(error, frame, this.top.lineno, compiled.module);
      const stack = frame.stack.splice(0);
      for (let i = stack.length - 1; i >= 0; i--) rt.decref(stack[i]);
      throw raised;
    } finally {
      this.frames.pop();
      this.frameObjects.exitModule(frame, namespace);
      rt.popFrame();
    }
  }

  /** The running frame (its value stack is where a handler's depth is measured). */
  currentFrame(): Frame {
    return this.top.frame;
  }

  /** An exception reaches a handler of the running frame: its traceback entry here, at the current line. */
  arrive(error: PyException | PyRaise): PyRaise {
    const state = this.top;
    return this.recordTraceback(error, state.frame, state.lineno, state.code) as PyRaise;
  }

  /** An exception leaves the module's frame: record the traceback line, drop the value stack. */
  private unwind(error: unknown): never {
    const state = this.top;
    const raised = this.recordTraceback(error, state.frame, state.lineno, state.code);
    const stack = state.frame.stack;
    while (stack.length > 0) this.rt.decref(stack.pop()!);
    throw raised;
  }

  /** The frame a returning or failing function frame goes back to (its frame object's f_back). */
  private callerFrame(): Frame | null {
    return this.frames.length > 0 ? this.top.frame : null;
  }

  tick(lineno: number): void {
    this.top.lineno = lineno;
    if (++this.steps > this.maxSteps) throw new StepLimitExceeded(`step limit of ${this.maxSteps} exceeded`);
  }

  /** Called after each statement that completes (the teaching trace listens here). */
  onStatement: ((lineno: number) => void) | null = null;

  execBlock(body: readonly A.Stmt[]): void {
    for (const s of body) {
      this.exec(s);
      if (this.onStatement !== null && s.kind !== 'FunctionDef' && s.kind !== 'ClassDef') this.onStatement(s.lineno);
    }
  }

  exec(s: A.Stmt): void {
    this.tick(s.lineno);
    const rt = this.rt;
    switch (s.kind) {
      case 'Expr':
        this.eval(s.value);
        rt.decref(this.pop());
        return;
      case 'Assign': {
        this.eval(s.value);
        // a = b = v: the value is duplicated for every target but the last.
        for (let i = 0; i < s.targets.length; i++) {
          if (i < s.targets.length - 1) this.push(rt.newRef(this.peek()));
          this.store(s.targets[i]);
        }
        return;
      }
      case 'AugAssign':
        return this.augAssign(s);
      case 'AnnAssign':
        return this.annAssign(s);
      case 'Delete':
        for (const t of s.targets) this.delete(t);
        return;
      case 'Pass':
      case 'Global':
      case 'Nonlocal':
        return;
      case 'Import':
        s.names.forEach((name, i) => {
          this.push(this.builtins.module(name));
          this.storeName(s.asnames?.[i] ?? name);
        });
        return;
      case 'ImportFrom':
        // IMPORT_NAME, then IMPORT_FROM + STORE_NAME per name, then POP_TOP of the module.
        this.push(this.builtins.module(s.module));
        for (const alias of s.names) {
          this.push(this.builtins.importFrom(this.peek(), alias.name));
          this.storeName(alias.asname ?? alias.name);
        }
        this.rt.decref(this.pop());
        return;
      case 'If':
        this.eval(s.test);
        if (this.popTruth()) this.execBlock(s.body);
        else this.execBlock(s.orelse);
        return;
      case 'While':
        for (;;) {
          this.tick(s.lineno);
          this.eval(s.test);
          if (!this.popTruth()) return this.execBlock(s.orelse ?? []);
          try {
            this.execBlock(s.body);
          } catch (signal) {
            if (!(signal instanceof LoopSignal)) throw signal;
            if (signal.kind === 'break') return;
          }
        }
      case 'For':
        return this.forLoop(s);
      case 'Break':
        throw new LoopSignal('break');
      case 'Continue':
        throw new LoopSignal('continue');
      case 'Return':
        if (s.value) this.eval(s.value);
        else this.push(rt.none());
        throw new ReturnSignal();
      case 'FunctionDef':
        return this.defineFunction(s);
      case 'ClassDef':
        return this.defineClass(s);
      case 'Try':
        return this.handlers.execTry(s);
      case 'Raise':
        return this.handlers.execRaise(s);
      case 'Assert':
        return this.handlers.execAssert(s);
    }
  }

  popTruth(): boolean {
    const v = this.pop();
    const truth = isTrue(v);
    this.rt.decref(v);
    return truth;
  }

  /**
   * for target in iter: GET_ITER replaces the iterable with an iterator on the stack; FOR_ITER
   * pushes each item, which the target store consumes; the iterator is released at the end.
   */
  private forLoop(s: A.For): void {
    const rt = this.rt;
    this.eval(s.iter);
    const iterable = this.pop();
    let it: PyObject;
    try {
      it = newIterator(rt, iterable);
    } finally {
      rt.decref(iterable);
    }
    this.push(it);
    for (;;) {
      this.tick(s.lineno);
      const item = iterNext(rt, it);
      if (item === null) break;
      this.push(item);
      this.store(s.target);
      try {
        this.execBlock(s.body);
      } catch (signal) {
        if (!(signal instanceof LoopSignal)) throw signal;
        if (signal.kind === 'break') return rt.decref(this.pop());
      }
    }
    // Exhausted: the iterator goes, then the `else:` block runs (a break skips it).
    rt.decref(this.pop());
    if (s.orelse !== undefined) this.execBlock(s.orelse);
  }

  private augAssign(s: A.AugAssign): void {
    const t = s.target;
    if (t.kind === 'Name') {
      this.loadName(t.id);
      this.eval(s.value);
      this.binary(s.op);
      this.store(t);
    } else if (t.kind === 'Attribute') {
      this.eval(t.value);
      this.push(this.rt.newRef(this.peek()));
      this.loadAttr(t.attr);
      this.eval(s.value);
      this.binary(s.op);
      // stack: obj, result -> STORE_ATTR wants value below obj
      const result = this.pop();
      const obj = this.pop();
      this.push(result);
      this.push(obj);
      this.storeAttr(t.attr);
    } else if (t.kind === 'Subscript') {
      this.eval(t.value);
      this.eval(t.slice);
      this.push(this.rt.newRef(this.peek(1)));
      this.push(this.rt.newRef(this.peek(1)));
      this.subscript();
      this.eval(s.value);
      this.binary(s.op);
      const result = this.pop();
      const key = this.pop();
      const container = this.pop();
      this.push(result);
      this.push(container);
      this.push(key);
      this.storeSubscript();
    }
  }

  /**
   * compiler_annassign: the value is stored first; then a module or class body evaluates the
   * annotation and, for a plain name, stores it in `__annotations__` (a function body never
   * evaluates it). Without a value, an attribute's object (a subscript's object and key) is
   * still evaluated, and dropped.
   */
  private annAssign(s: A.AnnAssign): void {
    const rt = this.rt;
    const t = s.target;
    if (s.value !== null) {
      this.eval(s.value);
      this.store(t);
    } else if (t.kind === 'Attribute' || t.kind === 'Subscript') {
      this.eval(t.value);
      rt.decref(this.pop());
      if (t.kind === 'Subscript') {
        this.eval(t.slice);
        rt.decref(this.pop());
      }
    }
    if (this.top.code.fast) return;
    this.eval(s.annotation);
    if (s.simple && t.kind === 'Name') {
      this.loadName('__annotations__');
      this.push(rt.newRef(this.nameStr(t.id)));
      this.storeSubscript();
    } else rt.decref(this.pop());
  }

  // --- stores and deletes -------------------------------------------------------------------

  /** Store the value on top of the stack into `target` (consuming it). */
  store(target: A.Expr): void {
    switch (target.kind) {
      case 'Name':
        return this.storeName(target.id);
      case 'Attribute': {
        this.eval(target.value);
        return this.storeAttr(target.attr);
      }
      case 'Subscript':
        this.eval(target.value);
        this.eval(target.slice);
        return this.storeSubscript();
      case 'Tuple':
      case 'List':
        return this.unpack(target.elts);
      default:
        throw new PyException('SyntaxError', 'cannot assign');
    }
  }

  /** UNPACK_SEQUENCE: push the items last first, then store each target in order. */
  private unpack(targets: readonly A.Expr[]): void {
    const rt = this.rt;
    const seq = this.pop();
    let items: PyObject[];
    if (seq.type.kind === Kind.List || seq.type.kind === Kind.Tuple) items = seq.items!.slice();
    else {
      rt.decref(seq);
      throw new PyException('TypeError', `cannot unpack non-iterable ${seq.type.name} object`);
    }
    if (items.length !== targets.length) {
      rt.decref(seq);
      throw new PyException(
        'ValueError',
        items.length > targets.length
          ? `too many values to unpack (expected ${targets.length})`
          : `not enough values to unpack (expected ${targets.length}, got ${items.length})`,
      );
    }
    for (let i = items.length - 1; i >= 0; i--) this.push(rt.newRef(items[i]));
    rt.decref(seq);
    for (const t of targets) this.store(t);
  }

  private isLocal(name: string): boolean {
    const code = this.top.code;
    return code.fast && !code.globals.has(name) && code.varnames.includes(name);
  }

  storeName(name: string): void {
    const state = this.top;
    const value = this.pop();
    const deref = state.code.derefs?.get(name);
    if (deref !== undefined) return storeDeref(this.rt, state, deref, value);
    if (this.isLocal(name)) {
      state.frame.setLocal(this.rt, state.code.varnames.indexOf(name), value);
      return;
    }
    const ns = state.code.fast || state.code.globals.has(name) ? this.globals : state.namespace;
    try {
      dictSetItem(this.rt, ns, this.nameStr(name), value);
    } finally {
      this.rt.decref(value);
    }
  }

  private storeAttr(attr: string): void {
    const obj = this.pop();
    const value = this.pop();
    try {
      this.setAttr(obj, attr, value);
    } finally {
      this.rt.decref(obj);
      this.rt.decref(value);
    }
  }

  setAttr(obj: PyObject, attr: string, value: PyObject): void {
    if (obj.type.kind === Kind.Instance) {
      if (this.builtins.descriptors.instanceSet(obj, attr, value)) return;
      try {
        return instanceSetAttr(this.rt, obj, attr, value);
      } catch (error) {
        // a native type's property setter (weakref.finalize's `atexit`)
        if (this.builtins.setNativeAttribute(obj, attr, value)) return;
        throw error;
      }
    }
    if (obj.type.kind === Kind.Exception) return exceptionSetAttr(this.rt, obj, attr, value, this.nameStr);
    if (obj.type.kind === Kind.Type && !this.rt.external.has(obj)) {
      dictSetItem(this.rt, typeDict(obj)!, this.nameStr(attr), value);
      return;
    }
    throw new PyException('AttributeError', `'${obj.type.name}' object has no attribute '${attr}'`);
  }

  private storeSubscript(): void {
    const rt = this.rt;
    const key = this.pop();
    const container = this.pop();
    const value = this.pop();
    try {
      if (container.type.kind === Kind.List && key.type.kind === Kind.Slice) setSlice(rt, container, key, value);
      else if (container.type.kind === Kind.List) listSetItem(rt, container, this.index(key, 'list'), value);
      else if (container.type.kind === Kind.Dict) dictSetItem(rt, container, key, value);
      else
        rt.decref(
          callNativeSlot(container, '__setitem__', [key, value]) ??
            raise(new PyException('TypeError', `'${container.type.name}' object does not support item assignment`)),
        );
    } finally {
      rt.decref(value);
      rt.decref(container);
      rt.decref(key);
    }
  }

  private index(key: PyObject, what: string): number {
    if (key.type.kind === Kind.Int) return Number(key.value as bigint);
    if (key.type.kind === Kind.Bool) return key.value ? 1 : 0;
    throw new PyException('TypeError', `${what} indices must be integers or slices, not ${key.type.name}`);
  }

  /** `del name` (the end of an `except ... as name` handler). */
  deleteName(name: string): void {
    this.delete({ kind: 'Name', id: name, ctx: 'Del', lineno: 0, col: 0, endLineno: 0, endCol: 0 });
  }

  private delete(target: A.Expr): void {
    const rt = this.rt;
    switch (target.kind) {
      case 'Name': {
        const state = this.top;
        const deref = state.code.derefs?.get(target.id);
        if (deref !== undefined) return deleteDeref(rt, state, target.id, deref);
        if (this.isLocal(target.id)) {
          const i = state.code.varnames.indexOf(target.id);
          if (state.frame.locals[i] === null) {
            throw new PyException(
              'UnboundLocalError',
              `cannot access local variable '${target.id}' where it is not associated with a value`,
            );
          }
          state.frame.setLocal(rt, i, null);
          return;
        }
        const ns = state.code.fast || state.code.globals.has(target.id) ? this.globals : state.namespace;
        if (dictGetItem(ns, this.nameStr(target.id)) === undefined)
          throw new PyException('NameError', `name '${target.id}' is not defined`).withContext(target.id);
        dictDelItem(rt, ns, this.nameStr(target.id));
        return;
      }
      case 'Attribute': {
        this.eval(target.value);
        const obj = this.pop();
        try {
          if (obj.type.kind === Kind.Instance) {
            if (!this.builtins.descriptors.instanceSet(obj, target.attr, null)) instanceDelAttr(rt, obj, target.attr);
          } else throw new PyException('AttributeError', `'${obj.type.name}' object has no attribute '${target.attr}'`);
        } finally {
          rt.decref(obj);
        }
        return;
      }
      case 'Subscript': {
        this.eval(target.value);
        this.eval(target.slice);
        const key = this.pop();
        const container = this.pop();
        try {
          if (container.type.kind === Kind.List && key.type.kind === Kind.Slice) setSlice(rt, container, key, null);
          else if (container.type.kind === Kind.List) listDelItem(rt, container, this.index(key, 'list'));
          else if (container.type.kind === Kind.Dict) dictDelItem(rt, container, key);
          else
            rt.decref(
              callNativeSlot(container, '__delitem__', [key]) ??
                raise(new PyException('TypeError', `'${container.type.name}' object doesn't support item deletion`)),
            );
        } finally {
          rt.decref(container);
          rt.decref(key);
        }
        return;
      }
      case 'Tuple':
      case 'List':
        for (const t of target.elts) this.delete(t);
        return;
      default:
        throw new PyException('SyntaxError', 'cannot delete');
    }
  }

  // --- expressions: each pushes one new reference --------------------------------------------

  eval(e: A.Expr): void {
    const rt = this.rt;
    switch (e.kind) {
      case 'Constant': {
        const c = this.compiled.constants.get(e);
        this.push(rt.newRef(c!));
        return;
      }
      case 'Name':
        return this.loadName(e.id);
      case 'Attribute':
        this.eval(e.value);
        return this.loadAttr(e.attr);
      case 'Subscript':
        this.eval(e.value);
        this.eval(e.slice);
        return this.subscript();
      case 'BinOp':
        this.eval(e.left);
        this.eval(e.right);
        return this.binary(e.op);
      case 'UnaryOp':
        return this.unary(e);
      case 'BoolOp': {
        // JUMP_IF_FALSE_OR_POP / JUMP_IF_TRUE_OR_POP: keep the deciding value.
        for (let i = 0; i < e.values.length; i++) {
          this.eval(e.values[i]);
          if (i === e.values.length - 1) return;
          const t = isTrue(this.peek());
          if ((e.op === 'And' && !t) || (e.op === 'Or' && t)) return;
          rt.decref(this.pop());
        }
        return;
      }
      case 'IfExp':
        this.eval(e.test);
        this.eval(this.popTruth() ? e.body : e.orelse);
        return;
      case 'Compare':
        return this.compare(e);
      case 'List':
        return this.buildList(e);
      case 'Tuple': {
        const c = this.compiled.constants.get(e);
        if (c !== undefined) {
          this.push(rt.newRef(c));
          return;
        }
        for (const x of e.elts) this.eval(x);
        const items = this.popN(e.elts.length);
        this.push(newTupleStealing(rt, items));
        return;
      }
      case 'Set': {
        for (const x of e.elts) this.eval(x);
        const items = this.popN(e.elts.length);
        let set: PyObject;
        try {
          set = newSet(rt, []);
          // A display of 3+ constants merges a constant frozenset (its layout decides the order).
          if (e.elts.length > 2 && e.elts.every((x) => x.kind === 'Constant')) setFromConstants(rt, set, items);
          else for (const item of items) setAdd(rt, set, item);
        } finally {
          for (const item of items) rt.decref(item);
        }
        this.push(set);
        return;
      }
      case 'Dict': {
        for (let i = 0; i < e.keys.length; i++) {
          this.eval(e.keys[i]);
          this.eval(e.values[i]);
        }
        const flat = this.popN(e.keys.length * 2);
        const d = newDict(rt);
        d.table!.presizeDict(
          e.keys.length,
          e.keys.every((k) => k.kind === 'Constant' && k.value.type === 'str'),
        );
        try {
          for (let i = 0; i < flat.length; i += 2) dictSetItem(rt, d, flat[i], flat[i + 1]);
        } finally {
          // BUILD_MAP / BUILD_CONST_KEY_MAP pop the stack from the top: last value first.
          for (let i = flat.length - 1; i >= 0; i--) rt.decref(flat[i]);
        }
        this.push(d);
        return;
      }
      case 'Call':
        return this.call(e);
      case 'Slice':
        return this.buildSlice(e);
      case 'JoinedStr':
        for (const v of e.values) this.eval(v);
        // a single value is the f-string itself (no BUILD_STRING)
        if (e.values.length !== 1) this.push(buildString(rt, this.popN(e.values.length)));
        return;
      case 'FormattedValue': {
        this.eval(e.value);
        if (e.formatSpec !== null) this.eval(e.formatSpec);
        const spec = e.formatSpec !== null ? this.pop() : null;
        this.push(formatValue(rt, this.pop(), e.conversion, spec));
        return;
      }
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
        return callComprehension(this, e);
      case 'GeneratorExp':
        return callGeneratorExpression(this, e);
      case 'Lambda':
        return this.makeFunction(e.fn);
      case 'Yield':
        // the generator executor runs yields; one anywhere else is a construct it does not suspend
        throw new PyException('SystemError', `pymemlab cannot suspend a generator at line ${e.lineno}`);
    }
  }

  /** BUILD_SLICE 2 or 3: the parts (None for a missing one) become a slice object. */
  private buildSlice(e: A.Slice): void {
    const rt = this.rt;
    const parts = e.step === null ? [e.lower, e.upper] : [e.lower, e.upper, e.step];
    for (const part of parts) {
      if (part === null) this.push(rt.none());
      else this.eval(part);
    }
    const popped = this.popN(parts.length);
    const [start, stop, step] = popped;
    this.push(newSlice(rt, start, stop, step ?? rt.None));
    for (const part of popped) rt.decref(part);
  }

  /** Pop n values, returned bottom first (the caller owns them). */
  private popN(n: number): PyObject[] {
    const stack = this.top.frame.stack;
    return stack.splice(stack.length - n, n);
  }

  private buildList(e: A.List): void {
    const rt = this.rt;
    const folded = this.compiled.constants.get(e);
    if (folded !== undefined) {
      const list = newList(rt, []);
      listExtend(rt, list, folded.items!);
      this.push(list);
      return;
    }
    for (const x of e.elts) this.eval(x);
    // BUILD_LIST n: PyList_New(n) (exact size), then the stack references move into the list.
    const items = this.popN(e.elts.length);
    const list = newList(rt, items);
    for (const item of items) rt.decref(item);
    this.push(list);
  }

  loadName(name: string): void {
    const state = this.top;
    const deref = state.code.derefs?.get(name);
    if (deref !== undefined) return this.push(loadDeref(this.rt, state, name, deref));
    if (this.isLocal(name)) {
      const v = state.frame.locals[state.code.varnames.indexOf(name)];
      if (v === null)
        throw new PyException(
          'UnboundLocalError',
          `cannot access local variable '${name}' where it is not associated with a value`,
        );
      this.push(this.rt.newRef(v));
      return;
    }
    const key = this.nameStr(name);
    if (!state.code.fast && !state.code.globals.has(name)) {
      const v = dictGetItem(state.namespace, key);
      if (v !== undefined) return this.push(this.rt.newRef(v));
    }
    const g = dictGetItem(this.globals, key);
    if (g !== undefined) return this.push(this.rt.newRef(g));
    const b = this.builtins.lookup(name);
    if (b !== undefined) return this.push(this.rt.newRef(b));
    throw new PyException('NameError', `name '${name}' is not defined`).withContext(name);
  }

  /** LOAD_ATTR: replace the object on top of the stack with its attribute. */
  private loadAttr(attr: string): void {
    const obj = this.pop();
    try {
      this.push(this.getAttr(obj, attr));
    } catch (error) {
      // set_attribute_error_context: the AttributeError is normalized now and holds obj.
      if (error instanceof PyException && error.attrObj === obj) {
        const raise = new PyRaise(error);
        normalizeException(this.rt, raise, this.nameStr);
        throw raise;
      }
      throw error;
    } finally {
      this.rt.decref(obj);
    }
  }

  /** obj.attr as a new reference (a bound method is created for a function found on the class). */
  getAttr(obj: PyObject, attr: string): PyObject {
    const rt = this.rt;
    const kind = obj.type.kind;
    if (kind === Kind.Instance) {
      if (attr === '__dict__') return rt.newRef(materializeDict(rt, obj));
      if (attr === '__class__') return rt.newRef(obj.type.typeObject ?? rt.staticTypeObject(obj.type));
      const viaProperty = this.builtins.descriptors.instanceGet(obj, attr);
      if (viaProperty !== undefined) return viaProperty;
      const own = instanceGetAttr(rt, obj, attr);
      if (own !== undefined) return rt.newRef(own);
      // An empty slot: its member descriptor raises AttributeError (member_get).
      if (obj.type.slotNames?.includes(attr))
        throw new PyException('AttributeError', `'${obj.type.name}' object has no attribute '${attr}'`).withContext(
          attr,
          obj,
        );
      const cls = obj.type.typeObject ?? rt.staticTypeObject(obj.type);
      const found = classLookup(rt, cls, attr);
      if (found !== undefined)
        return found.type.kind === Kind.Function
          ? newMethod(rt, found, obj)
          : this.builtins.descriptors.get(found, obj, cls);
      const native = this.builtins.boundMethod(obj, attr);
      if (native !== undefined) return native;
      const method = nativeMethod(obj, attr);
      if (method !== undefined) return this.builtins.bindNative(obj, attr, method);
    } else if (kind === Kind.Type && attr === '__name__') {
      // a static type's tp_name may be dotted (weakref.ReferenceType); __name__ is its last part
      return rt.str((obj.value as string).split('.').pop()!);
    } else if (kind === Kind.Type && !rt.external.has(obj)) {
      const own = classAttribute(rt, obj, attr);
      if (own !== undefined) return own;
      const found = classLookup(rt, obj, attr);
      if (found !== undefined) return this.builtins.descriptors.get(found, null, obj);
      const native = this.builtins.boundMethod(obj, attr);
      if (native !== undefined) return native;
    } else if (kind === Kind.Module) {
      const found = dictGetItem(moduleDict(obj), this.nameStr(attr));
      if (found !== undefined) return rt.newRef(found);
      throw new PyException('AttributeError', `module '${obj.value as string}' has no attribute '${attr}'`);
    } else if (kind === Kind.Function && attr === '__closure__') {
      return functionClosure(rt, obj);
    } else if (kind === Kind.Function) {
      const own = this.builtins.descriptors.functionAttribute(obj, attr);
      if (own !== undefined) return own;
    } else if (kind === Kind.Cell) {
      const found = cellAttribute(rt, obj, attr);
      if (found !== undefined) return found;
    } else if (kind === Kind.Method) {
      if (attr === '__self__') return rt.newRef(methodSelf(obj));
      if (attr === '__func__') return rt.newRef(methodFunc(obj));
    } else if (kind === Kind.Exception) {
      const own = exceptionGetAttr(rt, obj, attr, this.nameStr);
      if (own !== undefined) return own;
      if (attr === '__class__') return rt.newRef(obj.type.typeObject ?? rt.staticTypeObject(obj.type));
      const cls = obj.type.typeObject;
      const found = cls === null ? undefined : classLookup(rt, cls, attr);
      if (found !== undefined) return found.type.kind === Kind.Function ? newMethod(rt, found, obj) : rt.newRef(found);
    } else if (kind === Kind.Traceback) {
      if (attr === 'tb_next') return rt.newRef(tracebackNext(obj) ?? rt.None);
      if (attr === 'tb_frame') return rt.newRef(tracebackFrame(obj));
      if (attr === 'tb_lineno') return rt.int(tracebackEntries(obj)[0].lineno);
    } else if (kind === Kind.Descriptor && isDecoratorDescriptor(obj)) {
      const own = this.builtins.descriptors.attribute(obj, attr);
      if (own !== undefined) return own;
    } else if (kind === Kind.Type && isExceptionClass(obj)) {
      if (attr === '__name__') return rt.str(obj.value as string);
      if (attr === '__init__') return rt.newRef(baseExceptionInit(rt));
    }
    // Native types' attributes (ctypes, weakref.finalize's properties and methods).
    if (kind !== Kind.Exception) {
      const method = this.builtins.boundMethod(obj, attr);
      if (method !== undefined) return method;
    }
    const typeName = kind === Kind.Type ? 'type object' : `'${obj.type.name}' object`;
    throw new PyException(
      'AttributeError',
      `${kind === Kind.Type ? `type object '${obj.value as string}'` : typeName} has no attribute '${attr}'`,
    ).withContext(attr, obj);
  }

  private subscript(): void {
    const rt = this.rt;
    const key = this.pop();
    const container = this.pop();
    try {
      if (slices(container, key)) return this.push(getSlice(rt, container, key));
      let result: PyObject;
      switch (container.type.kind) {
        case Kind.List:
        case Kind.Tuple:
          result = rt.newRef(
            container.items![normaliseIndex(container, this.index(key, container.type.name), container.type.name)],
          );
          break;
        case Kind.Dict: {
          const v = dictGetItem(container, key);
          if (v === undefined) throw keyError(key);
          result = rt.newRef(v);
          break;
        }
        case Kind.DictView:
          if (!isMappingProxy(container))
            throw new PyException('TypeError', `'${container.type.name}' object is not subscriptable`);
          result = mappingProxyItem(container, key, rt);
          break;
        case Kind.Str: {
          const s = [...(container.value as string)];
          const i = this.index(key, 'string');
          const j = i < 0 ? i + s.length : i;
          if (j < 0 || j >= s.length) throw new PyException('IndexError', 'string index out of range');
          result = rt.str(s[j]);
          break;
        }
        default:
          result =
            callNativeSlot(container, '__getitem__', [key]) ??
            raise(new PyException('TypeError', `'${container.type.name}' object is not subscriptable`));
      }
      this.push(result);
    } finally {
      rt.decref(container);
      rt.decref(key);
    }
  }

  private binary(op: A.BinOperator): void {
    const rt = this.rt;
    const right = this.pop();
    const left = this.pop();
    try {
      this.push(binaryOp(rt, op, left, right));
    } finally {
      rt.decref(left);
      rt.decref(right);
    }
  }

  private unary(e: A.UnaryOp): void {
    const rt = this.rt;
    this.eval(e.operand);
    const v = this.pop();
    try {
      if (e.op === 'Not') this.push(rt.bool(!isTrue(v)));
      else this.push(unaryOp(rt, e.op, v));
    } finally {
      rt.decref(v);
    }
  }

  private compare(e: A.Compare): void {
    const rt = this.rt;
    this.eval(e.left);
    for (let i = 0; i < e.ops.length; i++) {
      this.eval(e.comparators[i]);
      const last = i === e.ops.length - 1;
      const right = this.pop();
      const left = this.pop();
      let result: boolean;
      try {
        result = compareOp(e.ops[i], left, right);
      } catch (error) {
        rt.decref(left);
        rt.decref(right);
        throw error;
      }
      rt.decref(left);
      if (last || !result) {
        rt.decref(right);
        this.push(rt.bool(result));
        return;
      }
      this.push(right);
    }
  }

  // --- calls ---------------------------------------------------------------------------------

  private call(e: A.Call): void {
    const rt = this.rt;
    const f = e.func;
    if (hasUnpacking(e)) return callWithUnpacking(this, e);
    // LOAD_METHOD: a method looked up to be called at once makes no bound-method object.
    if (f.kind === 'Attribute') {
      this.eval(f.value);
      const obj = this.peek();
      if (obj.type.kind === Kind.Instance) {
        const own = instanceGetAttr(rt, obj, f.attr);
        const found =
          own === undefined ? classLookup(rt, obj.type.typeObject ?? rt.staticTypeObject(obj.type), f.attr) : undefined;
        if (found !== undefined && found.type.kind === Kind.Function) {
          // stack: self -> push func below? CPython: [func, self, args...]; the order of releases is what matters.
          const self = this.pop();
          this.push(rt.newRef(found));
          this.push(self);
          for (const a of e.args) this.eval(a);
          for (const k of e.keywords) this.eval(k.value);
          const all = this.popN(e.args.length + e.keywords.length + 1);
          const func = this.pop();
          const kwargs = e.keywords.map((k, i): [string, PyObject] => [k.arg!, all[e.args.length + 1 + i]]);
          this.push(this.callFunction(func, all.slice(0, e.args.length + 1), e, kwargs));
          return;
        }
      }
      if (
        obj.type.kind === Kind.Instance
          ? this.builtins.isNative(obj)
          : obj.type.kind !== Kind.Type && obj.type.kind !== Kind.Module
      ) {
        // only str methods and list.sort take keyword arguments; other calls with keywords go the general way
        const native =
          e.keywords.length === 0 || obj.type.kind === Kind.Str || (obj.type.kind === Kind.List && f.attr === 'sort')
            ? this.builtins.methodCall(obj, f.attr)
            : undefined;
        if (native !== undefined) {
          for (const a of e.args) this.eval(a);
          for (const k of e.keywords) this.eval(k.value);
          const all = this.popN(e.args.length + e.keywords.length);
          const self = this.pop();
          try {
            if (e.keywords.length === 0) this.push(native(self, all, NO_KEYWORDS));
            else {
              const kwargs = e.keywords.map((k, i): [string, PyObject] => [k.arg!, all[e.args.length + i]]);
              this.push(native(self, all.slice(0, e.args.length), kwargs));
            }
          } finally {
            for (const a of all) rt.decref(a);
            rt.decref(self);
          }
          return;
        }
      }
      this.loadAttr(f.attr);
    } else {
      this.eval(f);
    }
    for (const a of e.args) this.eval(a);
    const kwnames = e.keywords.map((k) => k.arg!);
    for (const k of e.keywords) this.eval(k.value);
    const all = this.popN(e.args.length + e.keywords.length);
    const callable = this.pop();
    this.callPopped(callable, all, kwnames, e);
  }

  /**
   * CALL of a callable and its arguments just popped (positional first, then the values of
   * `kwnames`): their references are the call's now. Pushes the result.
   */
  private callPopped(callable: PyObject, all: PyObject[], kwnames: readonly string[], site: A.Pos): void {
    const rt = this.rt;
    const nargs = all.length - kwnames.length;
    const args = all.slice(0, nargs);
    const kwargs = all.slice(nargs);
    const pairs = kwnames.length === 0 ? NO_KEYWORDS : kwnames.map((n, i): [string, PyObject] => [n, kwargs[i]]);
    if (callable.type.kind === Kind.Function) {
      this.push(this.callFunction(callable, args, site, pairs));
      return;
    }
    if (callable.type.kind === Kind.Method) {
      // A stored bound method: its function and self are unpacked onto the stack (3.11 CALL).
      const func = rt.newRef(methodFunc(callable));
      const self = rt.newRef(methodSelf(callable));
      rt.decref(callable);
      this.push(this.callFunction(func, [self, ...args], site, pairs));
      return;
    }
    // Builtins and classes see their arguments on the caller's stack.
    const stack = this.top.frame.stack;
    stack.push(callable, ...all);
    let result: PyObject;
    try {
      result = this.callObject(callable, args, pairs);
    } finally {
      const held = stack.splice(stack.length - all.length - 1);
      for (let i = 1; i < held.length; i++) rt.decref(held[i]);
      rt.decref(held[0]);
    }
    this.push(result);
  }

  /**
   * compiler_apply_decorators: the decorators' values lie on the stack under the new function or
   * class; each is called with it (PRECALL 0, CALL 0 at the decorator's line), the last first.
   */
  private applyDecorators(decorators: readonly A.Expr[]): void {
    for (let i = decorators.length - 1; i >= 0; i--) {
      this.top.lineno = decorators[i].lineno;
      const decorated = this.pop();
      this.callPopped(this.pop(), [decorated], [], decorators[i]);
    }
  }

  /** compiler_decorators: each decorator expression is evaluated, at its line, before the def or class. */
  private evalDecorators(decorators: readonly A.Expr[]): void {
    for (const d of decorators) {
      this.top.lineno = d.lineno;
      this.eval(d);
    }
  }

  /** A function's `__doc__`: its docstring (the constant) or None; a new reference. */
  functionDoc(func: PyObject): PyObject {
    const first = this.functionCodes.get(funcCode(func))?.body[0];
    const doc =
      first?.kind === 'Expr' && first.value.kind === 'Constant' && first.value.value.type === 'str'
        ? this.compiled.constants.get(first.value)
        : undefined;
    return this.rt.newRef(doc ?? this.rt.None);
  }

  /** Call a builtin, a class or a weakref with borrowed arguments; a new reference back. */
  callObject(callable: PyObject, args: PyObject[], kwargs: [string, PyObject][] = []): PyObject {
    const rt = this.rt;
    switch (callable.type.kind) {
      case Kind.Builtin:
        return this.builtins.callBuiltin(callable, args, kwargs);
      case Kind.Type:
        return this.builtins.callType(callable, args, kwargs);
      case Kind.Weakref:
        if (args.length > 0) throw new PyException('TypeError', `weakref() takes no arguments`);
        return weakrefCall(rt, callable);
      case Kind.Function:
      case Kind.Method:
        return this.callFromC(callable, args, kwargs);
      default:
        // an instance of a native type that is callable (a weakref.finalize)
        if (callable.native !== null && kwargs.length === 0) return callable.native(args);
        throw new PyException('TypeError', `'${callable.type.name}' object is not callable`);
    }
  }

  /**
   * A call from "C" (a finalizer, a callback, type_call's __init__, an atexit function): the
   * arguments and keyword values are borrowed, so a Python function's frame gets new references
   * to them, as _PyFunction_Vectorcall's callers hand over their stack.
   */
  callFromC(callable: PyObject, args: PyObject[], kwargs: [string, PyObject][] = NO_KEYWORDS): PyObject {
    const rt = this.rt;
    const kind = callable.type.kind;
    if (kind !== Kind.Function && kind !== Kind.Method) return this.callObject(callable, args, kwargs);
    const owned =
      kwargs.length === 0 ? NO_KEYWORDS : kwargs.map(([name, value]): [string, PyObject] => [name, rt.newRef(value)]);
    if (kind === Kind.Function)
      return this.callFunction(
        rt.newRef(callable),
        args.map((a) => rt.newRef(a)),
        null,
        owned,
      );
    return this.callFunction(
      rt.newRef(methodFunc(callable)),
      [methodSelf(callable), ...args].map((a) => rt.newRef(a)),
      null,
      owned,
    );
  }

  /**
   * Call a Python function: the function and argument references move into the new frame
   * (f_func and the fast locals); defaults fill missing parameters. On return the frame releases
   * its locals in co_varnames order, then the function.
   */
  callFunction(
    func: PyObject,
    args: PyObject[],
    site: A.Pos | null,
    kwargs: readonly [string, PyObject][] = NO_KEYWORDS,
  ): PyObject {
    const rt = this.rt;
    const code = this.codeOf(func);
    const defaults = funcDefaults(func)?.items ?? [];
    const nparams = code.nparams;
    // Positional arguments to positional parameters bind here; any other shape through initialize_locals.
    let bound: (PyObject | null)[] | null = null;
    if (code.signature !== undefined || kwargs.length > 0) {
      try {
        bound = bindArguments(rt, code, func, args, kwargs, this.nameStr);
      } catch (error) {
        rt.decref(func);
        throw error;
      }
    } else if (args.length > nparams || args.length < nparams - defaults.length) {
      for (const a of args) rt.decref(a);
      rt.decref(func);
      const required = nparams - defaults.length;
      throw new PyException(
        'TypeError',
        `${code.qualname}() ${
          args.length > nparams
            ? tooManyPositional(nparams, defaults.length, args.length, 0)
            : missingArguments(code.varnames.slice(args.length, required), 'positional')
        }`,
      );
    }
    try {
      rt.enterRecursiveCall('');
    } catch (error) {
      for (const a of bound ?? args) if (a !== null) rt.decref(a);
      rt.decref(func);
      throw error;
    }
    const frame = rt.pushFrame(code.name, code.localsplus);
    if (bound !== null) bound.forEach((v, i) => (frame.locals[i] = v));
    else {
      args.forEach((a, i) => (frame.locals[i] = a));
      for (let i = args.length; i < nparams; i++)
        frame.locals[i] = rt.newRef(defaults[i - (nparams - defaults.length)]);
    }
    if (code.derefs !== null) enterClosureFrame(rt, frame, func, code);
    if (code.generator) {
      // RETURN_GENERATOR: the generator takes the frame and the function; nothing runs yet.
      rt.frames.pop();
      rt.leaveRecursiveCall();
      return newGeneratorFor(this, func, frame, code, this.bodyOf(func));
    }
    this.frames.push({ frame, code, namespace: funcGlobals(func)!, lineno: site?.lineno ?? 0 });
    let result: PyObject;
    try {
      result = this.runBody(func);
    } catch (signal) {
      if (signal instanceof ReturnSignal) result = this.pop();
      else {
        rt.leaveRecursiveCall();
        throw this.frameFailed(signal, frame, func, code);
      }
    }
    rt.leaveRecursiveCall();
    this.frames.pop();
    // _PyFrame_Clear: a frame object someone else still holds takes the locals and the function;
    // otherwise it goes first, then the locals, then the function.
    if (this.frameObjects.outlives(frame)) {
      rt.frames.pop();
      this.frameObjects.takeOwnership(frame, func, this.callerFrame());
    } else {
      this.frameObjects.drop(frame);
      rt.popFrame();
      rt.decref(func);
    }
    return result;
  }

  /**
   * An exception leaves the running function frame (the top one): exception_unwind makes the
   * traceback entry first, then pops the value stack; the traceback's frame object takes over the
   * locals and the function, or (for anything else) the frame is cleared. Returns what to throw.
   */
  frameFailed(signal: unknown, frame: Frame, func: PyObject, code: CodeInfo): unknown {
    const rt = this.rt;
    const raised = this.recordTraceback(signal, frame, this.top.lineno, code);
    this.frames.pop();
    rt.frames.pop();
    const stack = frame.stack.splice(0);
    for (let i = stack.length - 1; i >= 0; i--) rt.decref(stack[i]);
    if (raised instanceof PyRaise) {
      this.frameObjects.takeOwnership(frame, func, this.callerFrame());
      return raised;
    }
    frame.clear(rt);
    rt.decref(func);
    return raised;
  }

  private codeOf(func: PyObject): CodeInfo {
    return this.functionCodes.get(funcCode(func))!.info;
  }

  /** Run a function's body in its frame (just pushed); the return value, a new reference. */
  private runBody(func: PyObject): PyObject {
    const entry = this.functionCodes.get(funcCode(func))!;
    if (entry.run !== undefined) return entry.run();
    this.execBlock(entry.body);
    return this.rt.none();
  }

  private bodyOf(func: PyObject): readonly A.Stmt[] {
    return this.functionCodes.get(funcCode(func))!.body;
  }

  /** Code object -> compile-time info and body (or, for a comprehension, what runs it). */
  private readonly functionCodes = new Map<
    PyObject,
    { info: CodeInfo; body: readonly A.Stmt[]; run?: () => PyObject }
  >();

  /** Register a nested function's code object: its synthesized body, or `run` (a comprehension's). */
  registerCode(info: CodeInfo, run: (() => PyObject) | undefined): void {
    if (!this.functionCodes.has(info.code)) this.functionCodes.set(info.code, { info, body: info.body ?? [], run });
  }

  // --- definitions -----------------------------------------------------------------------------

  /** A def statement: its decorators, MAKE_FUNCTION, the decorators applied, then the name is bound. */
  private defineFunction(s: A.FunctionDef): void {
    const decorators = s.decorators ?? [];
    this.evalDecorators(decorators);
    this.top.lineno = s.lineno;
    this.makeFunction(s);
    this.applyDecorators(decorators);
    this.top.lineno = s.lineno;
    this.storeName(s.name);
  }

  /**
   * MAKE_FUNCTION for a def or a lambda: the defaults tuple and the annotations tuple evaluated
   * now (each a runtime tuple, or the constant one), the closure tuple, then the function, pushed.
   */
  private makeFunction(s: A.FunctionDef): void {
    const rt = this.rt;
    const info = this.compiled.codes.get(s)!;
    this.functionCodes.set(info.code, { info, body: s.body });
    let defaults: PyObject | null = null;
    if (s.defaults.length > 0) {
      const folded = this.compiled.constantDefaults.get(s);
      if (folded !== undefined) this.push(rt.newRef(folded));
      else {
        for (const d of s.defaults) this.eval(d);
        this.push(newTupleStealing(rt, this.popN(s.defaults.length)));
      }
      defaults = this.peek();
    }
    const kwdefaults = this.kwdefaultsDict(s);
    const annotations = this.annotationsTuple(s);
    const closure = closureCells(rt, this.top, info);
    const func = newFunction(rt, info.code, this.globals, defaults, annotations, kwdefaults);
    func.value = info.qualname;
    if (closure !== null) setFuncClosure(func, closure);
    if (annotations !== null) rt.decref(annotations);
    if (kwdefaults !== null) rt.decref(this.pop());
    if (defaults !== null) rt.decref(this.pop());
    this.push(func);
  }

  /**
   * compiler_visit_kwonlydefaults: (name, default) for each keyword-only parameter that has one,
   * then BUILD_MAP; the dict is left on the stack (and returned, borrowed), or null without any.
   */
  private kwdefaultsDict(s: A.FunctionDef): PyObject | null {
    const rt = this.rt;
    const given = (s.kwonlyargs ?? []).flatMap((a, i): [string, A.Expr][] => {
      const d = s.kwDefaults?.[i] ?? null;
      return d === null ? [] : [[a.arg, d]];
    });
    if (given.length === 0) return null;
    for (const [name, d] of given) {
      this.push(rt.newRef(this.nameStr(name)));
      this.eval(d);
    }
    const flat = this.popN(given.length * 2);
    const dict = newDict(rt);
    dict.table!.presizeDict(given.length, true);
    for (let i = 0; i < flat.length; i += 2) dictSetItem(rt, dict, flat[i], flat[i + 1]);
    for (let i = flat.length - 1; i >= 0; i--) rt.decref(flat[i]);
    this.push(dict);
    return dict;
  }

  /**
   * compiler_visit_annotations: (name, value) for each annotated parameter, then ('return',
   * value), as one tuple (BUILD_TUPLE, or one constant when every value is a literal); null when
   * the function has no annotations.
   */
  private annotationsTuple(s: A.FunctionDef): PyObject | null {
    const rt = this.rt;
    const folded = this.compiled.constantAnnotations.get(s);
    if (folded !== undefined) return rt.newRef(folded);
    const pairs = annotationPairs(s);
    if (pairs.length === 0) return null;
    for (const [name, e] of pairs) {
      this.push(rt.newRef(this.nameStr(name)));
      this.eval(e);
    }
    return newTupleStealing(rt, this.popN(pairs.length * 2));
  }

  /**
   * A class statement, allocating what CPython's does in its order: MAKE_FUNCTION for the body,
   * __build_class__'s bases tuple and namespace dict, the body run in that namespace, the
   * (name, bases, namespace) argument tuple of the type call, then type_new (newClass); the
   * namespace goes back to the dict free list and the body function dies.
   */
  private defineClass(s: A.ClassDef): void {
    const rt = this.rt;
    const decorators = s.decorators ?? [];
    this.evalDecorators(decorators);
    this.top.lineno = s.lineno;
    const info = this.compiled.codes.get(s)!;
    const bodyFunction = newFunction(rt, info.code, this.globals, null);
    this.push(bodyFunction);
    for (const b of s.bases) this.eval(b);
    const bases = this.popN(s.bases.length);
    const base = bases[0] ?? null;
    if (base !== null && base.type.kind !== Kind.Type) {
      for (const b of bases) rt.decref(b);
      throw new PyException('TypeError', 'bases must be types');
    }
    const basesTuple = bases.length > 0 ? newTupleStealing(rt, bases) : null;
    if (basesTuple !== null) this.push(basesTuple);
    const namespace = newDict(rt);
    this.push(namespace);
    const frame = rt.pushFrame(s.name, info.localsplus);
    if (info.derefs !== null) enterClosureFrame(rt, frame, bodyFunction, info);
    this.frames.push({ frame, code: info, namespace, lineno: s.lineno });
    let classcell: PyObject | null = null;
    try {
      this.execBlock(this.classPrologue(s, info.qualname, namespace));
      classcell = storeClassCell(this, frame, info);
    } finally {
      this.frames.pop();
      rt.popFrame();
    }
    const entries: [string, PyObject][] = [...namespace.table!.map.values()].map((e) => [
      e.key.value as string,
      e.value!,
    ]);
    const slotsEntry = entries.find(([k]) => k === '__slots__');
    let slots: string[] | null = null;
    if (slotsEntry !== undefined) {
      const v = slotsEntry[1];
      const names = v.type.kind === Kind.Str ? [v] : (v.items ?? []);
      // type_new sorts the slot names.
      slots = names.map((n) => n.value as string).sort();
    }
    const typeCallArgs = newTuple(rt, [this.nameStr(s.name), basesTuple ?? rt.emptyTuple, namespace]);
    const cls = newClass(rt, {
      name: s.name,
      base:
        base !== null && rt.external.has(base) && !isExceptionClass(base) && !this.builtins.subclassable(base)
          ? null
          : base,
      namespace: entries,
      slots,
      bases: basesTuple,
    });
    this.builtins.descriptors.classCreated(cls, entries);
    rt.decref(typeCallArgs);
    if (classcell !== null) rt.decref(classcell); // the body's return value
    rt.decref(this.pop()); // the namespace
    if (basesTuple !== null) rt.decref(this.pop());
    rt.decref(this.pop()); // the body function
    const type = classType(cls);
    if (classLookup(rt, cls, '__del__') !== undefined) {
      type.finalize = (self) => {
        const del = classLookup(rt, self.type.typeObject!, '__del__');
        if (del !== undefined) this.callFinalizer(del, self);
      };
    }
    this.push(cls);
    this.applyDecorators(decorators);
    this.top.lineno = s.lineno;
    this.storeName(s.name);
  }

  /**
   * What the compiler puts before a class body's statements (compiler_class_body):
   * `__module__ = __name__`, `__qualname__ = '...'`, SETUP_ANNOTATIONS when the body annotates,
   * then the docstring as `__doc__`. Returns the statements left to run.
   */
  private classPrologue(s: A.ClassDef, qualname: string, namespace: PyObject): readonly A.Stmt[] {
    const rt = this.rt;
    this.loadName('__name__');
    this.storeName('__module__');
    this.push(rt.newRef(this.nameStr(qualname)));
    this.storeName('__qualname__');
    if (this.compiled.codes.get(s)!.setupAnnotations) setupAnnotations(rt, namespace, this.nameStr('__annotations__'));
    const first = s.body[0];
    if (first.kind !== 'Expr' || first.value.kind !== 'Constant' || first.value.value.type !== 'str') return s.body;
    this.tick(first.lineno);
    this.eval(first.value);
    this.storeName('__doc__');
    return s.body.slice(1);
  }

  /** slot_tp_finalize: call __del__; an exception is printed as "Exception ignored in". */
  private callFinalizer(del: PyObject, self: PyObject): void {
    const saved = this.frames.length;
    try {
      this.rt.decref(this.callFromC(del, [self]));
    } catch (error) {
      this.frames.length = saved;
      this.rt.unraisableHook(error, del, '__del__');
    }
  }
}
