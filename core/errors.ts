/**
 * A Python exception raised inside the simulator (TypeError, KeyError, ...). The interpreter
 * reports it the way CPython does; the core raises it where CPython's C code would.
 */
import type { PyObject } from './objects/pyobject';

export class PyException extends Error {
  /** AttributeError.obj: the object whose attribute was missing (set_attribute_error_context). */
  attrObj: PyObject | null = null;
  /** NameError.name / AttributeError.name. */
  attrName: string | null = null;

  constructor(
    /** The Python exception type's name, e.g. 'TypeError'. */
    readonly pyType: string,
    message: string,
  ) {
    super(message);
    this.name = pyType;
  }

  /** Record AttributeError's obj and name, or NameError's name (CPython sets them at raise time). */
  withContext(name: string, obj: PyObject | null = null): this {
    this.attrName = name;
    this.attrObj = obj;
    return this;
  }

  /** The last line of a Python traceback: `TypeError: message`. */
  toPythonString(): string {
    return this.message === '' ? this.pyType : `${this.pyType}: ${this.message}`;
  }
}
