import type { PyObject } from './objects/pyobject';
import type { Runtime } from './runtime';

/**
 * A _PyInterpreterFrame: the locals ("fast locals", strong references in `localsplus`) and the
 * value stack of one executing function. Frames are not heap objects in 3.11 (a frame object exists
 * only when materialised), so they are roots: whatever they reference is reachable.
 */
export class Frame {
  readonly locals: (PyObject | null)[];
  /** The value stack: temporaries, call arguments, iterators; each entry owns a reference. */
  readonly stack: PyObject[] = [];
  /** f_locals: a function frame's dict, made by its first locals() (or exec()); null until then. */
  fLocals: PyObject | null = null;

  constructor(
    readonly name: string,
    readonly localNames: readonly string[],
  ) {
    this.locals = localNames.map(() => null);
  }

  /** STORE_FAST: the new value is stored before the old one is released. */
  setLocal(rt: Runtime, index: number, value: PyObject | null): void {
    const old = this.locals[index];
    this.locals[index] = value;
    if (old !== null) rt.decref(old);
  }

  /** Push an owned reference. */
  push(value: PyObject): void {
    this.stack.push(value);
  }

  /** Pop an owned reference (the caller now owns it). */
  pop(): PyObject {
    const value = this.stack.pop();
    if (value === undefined) throw new Error(`pop from the empty value stack of frame ${this.name}`);
    return value;
  }

  /**
   * _PyFrame_Clear: release the locals in order (localsplus[0..]), then what is left on the stack,
   * then the f_locals dict.
   */
  clear(rt: Runtime): void {
    for (let i = 0; i < this.locals.length; i++) {
      const value = this.locals[i];
      this.locals[i] = null;
      if (value !== null) rt.decref(value);
    }
    const stack = this.stack.splice(0);
    for (const value of stack) rt.decref(value);
    const fLocals = this.fLocals;
    this.fLocals = null;
    if (fLocals !== null) rt.decref(fLocals);
  }
}
