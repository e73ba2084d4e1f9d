/**
 * A Python exception raised inside the simulator (TypeError, KeyError, ...). The interpreter
 * reports it the way CPython does; the core raises it where CPython's C code would.
 */
export class PyException extends Error {
  constructor(
    /** The Python exception type's name, e.g. 'TypeError'. */
    readonly pyType: string,
    message: string,
  ) {
    super(message);
    this.name = pyType;
  }

  /** The last line of a Python traceback: `TypeError: message`. */
  toPythonString(): string {
    return this.message === '' ? this.pyType : `${this.pyType}: ${this.message}`;
  }
}
