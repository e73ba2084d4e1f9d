/**
 * Closures as CPython 3.11 runs them. A variable an inner function uses lives in a cell: the
 * defining frame makes the cell at its start (MAKE_CELL, moving a parameter's value into it), an
 * inner def or lambda gets a tuple of the cells it uses (LOAD_CLOSURE, BUILD_TUPLE, MAKE_FUNCTION's
 * closure), and each call of it copies that tuple's cells into its own frame (COPY_FREE_VARS). A
 * variable in a cell is read, written and deleted through it (LOAD_DEREF, STORE_DEREF,
 * DELETE_DEREF), so the object it names lives as long as any closure holding the cell does.
 */
import type { Frame } from '../../core/frame';
import { PyException } from '../../core/errors';
import type { Runtime } from '../../core/runtime';
import type { PyObject } from '../../core/objects/pyobject';
import { cellGet, cellSet, newCell } from '../../core/objects/cellobject';
import { funcClosure } from '../../core/objects/funcobject';
import { newTupleStealing } from '../../core/objects/tuple';
import type { CodeInfo } from './compile';
import type { FrameState } from './interpreter';

/**
 * MAKE_FUNCTION's closure: the running frame's cells of the new function's free variables as one
 * tuple (LOAD_CLOSURE, BUILD_TUPLE), built before the function object; null when the code has no
 * free variables. The function takes it over (`setFuncClosure`).
 */
export function closureCells(rt: Runtime, state: FrameState, code: CodeInfo): PyObject | null {
  if (code.freevars.length === 0) return null;
  const slots = state.code.derefs!;
  return newTupleStealing(
    rt,
    code.freevars.map((name) => rt.newRef(state.frame.locals[slots.get(name)!]!)),
  );
}

/**
 * The prologue of a frame whose code has cells or free variables: COPY_FREE_VARS puts the
 * closure's cells in the last slots, then MAKE_CELL makes each cell variable's cell in slot
 * order (a parameter's value moves into its cell; the others start empty). It runs before
 * RETURN_GENERATOR, so a generator function's cells exist from the call.
 */
export function enterClosureFrame(rt: Runtime, frame: Frame, func: PyObject, code: CodeInfo): void {
  const closure = funcClosure(func);
  const first = code.localsplus.length - code.freevars.length;
  code.freevars.forEach((_, i) => (frame.locals[first + i] = rt.newRef(closure!.items![i])));
  const cellSlots = code.cellvars.map((name) => code.derefs!.get(name)!).sort((a, b) => a - b);
  for (const slot of cellSlots) {
    const initial = frame.locals[slot];
    frame.setLocal(rt, slot, newCell(rt, initial));
  }
}

/** format_exc_unbound: an empty cell of the frame's own (UnboundLocalError) or of a free variable (NameError). */
function unbound(code: CodeInfo, name: string): PyException {
  if (code.cellvars.includes(name))
    return new PyException(
      'UnboundLocalError',
      `cannot access local variable '${name}' where it is not associated with a value`,
    );
  return new PyException(
    'NameError',
    `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`,
  ).withContext(name);
}

/** LOAD_DEREF: the contents of the cell in `slot`, a new reference. */
export function loadDeref(rt: Runtime, state: FrameState, name: string, slot: number): PyObject {
  const value = cellGet(state.frame.locals[slot]!);
  if (value === null) throw unbound(state.code, name);
  return rt.newRef(value);
}

/** STORE_DEREF: `value` (stolen) goes into the cell in `slot`, then the old contents are released. */
export function storeDeref(rt: Runtime, state: FrameState, slot: number, value: PyObject): void {
  cellSet(rt, state.frame.locals[slot]!, value);
}

/** DELETE_DEREF: empty the cell in `slot`; an already empty one is an unbound-variable error. */
export function deleteDeref(rt: Runtime, state: FrameState, name: string, slot: number): void {
  const cell = state.frame.locals[slot]!;
  if (cellGet(cell) === null) throw unbound(state.code, name);
  cellSet(rt, cell, null);
}

/** A cell's attribute: `cell_contents` (ValueError when empty); undefined for any other name. */
export function cellAttribute(rt: Runtime, cell: PyObject, attr: string): PyObject | undefined {
  if (attr !== 'cell_contents') return undefined;
  const value = cellGet(cell);
  if (value === null) throw new PyException('ValueError', 'Cell is empty');
  return rt.newRef(value);
}

/** A function's `__closure__`: its tuple of cells, or None. */
export function functionClosure(rt: Runtime, func: PyObject): PyObject {
  return rt.newRef(funcClosure(func) ?? rt.None);
}

/** What the end of a class body needs of the evaluator: its value stack and STORE_NAME. */
export interface ClassBodyHost {
  readonly rt: Runtime;
  push(op: PyObject): void;
  storeName(name: string): void;
}

/**
 * The end of a class body whose functions use `__class__` (compiler_class): LOAD_CLOSURE, COPY,
 * STORE_NAME `__classcell__`, and the cell is the body's return value (a new reference), which
 * type.__new__ fills with the new class; null for a body without the cell (it returns None).
 */
export function storeClassCell(host: ClassBodyHost, frame: Frame, code: CodeInfo): PyObject | null {
  const slot = code.fast ? undefined : code.derefs?.get('__class__');
  if (slot === undefined) return null;
  const cell = frame.locals[slot]!;
  host.push(host.rt.newRef(cell));
  host.storeName('__classcell__');
  return host.rt.newRef(cell);
}
