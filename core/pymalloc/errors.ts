/**
 * Named errors for misuse of an allocator. CPython would corrupt memory or crash; the
 * simulator refuses and leaves its state untouched.
 *
 * @public
 */

const hex = (address: number): string => `0x${address.toString(16)}`;

/** Base class: every allocator misuse the simulator detects. */
export class PymallocError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A request size that is not a non-negative safe integer. */
export class InvalidRequestError extends PymallocError {
  constructor(
    readonly operation: 'malloc' | 'realloc',
    readonly nbytes: number,
  ) {
    super(`${operation}: nbytes must be a non-negative safe integer, got ${String(nbytes)}`);
  }
}

/** free/realloc of an address the allocator never returned (or not the start of a block). */
export class InvalidFreeError extends PymallocError {
  constructor(
    readonly operation: 'free' | 'realloc',
    readonly address: number,
    readonly reason: string,
  ) {
    super(`${operation}(${hex(address)}): ${reason}`);
  }
}

/** free/realloc of a block that is already free. */
export class DoubleFreeError extends PymallocError {
  constructor(
    readonly operation: 'free' | 'realloc',
    readonly address: number,
  ) {
    super(`${operation}(${hex(address)}): block is already free (double free)`);
  }
}
