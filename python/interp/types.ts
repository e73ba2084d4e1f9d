import type { Components } from '../../core/components';
import type { PyObject } from '../../core/objects/pyobject';
import type { Runtime } from '../../core/runtime';
import type { Module } from '../lang/ast';

/**
 * Watches a run step by step from outside (the step-through page's recorder): it may supply the
 * runtime's components (a collector whose stages it records), then sees each executed statement.
 */
export interface RunObserver {
  readonly components?: Partial<Components>;
  /** The runtime and `__main__` exist and the program is about to run; `stdout` is the output so far. */
  start(rt: Runtime, main: PyObject, stdout: () => string): void;
  /** After each statement, where `--trace` prints. */
  statement(lineno: number): void;
  /** After interpreter shutdown. */
  finish(): void;
}

/** What running a Python program on the simulator takes and gives back. */
export interface RunOptions {
  /** Stop with a clear error after this many executed statements and expressions (default 10,000,000). */
  readonly maxSteps?: number;
  /** Receives the teaching trace (`pymemlab run --trace`), one line at a time. */
  readonly trace?: ((line: string) => void) | null;
  /** Print `sys._debugmallocstats()` to stderr at exit (`pymemlab run --malloc-stats`). */
  readonly mallocStats?: boolean;
  /** Draw the arenas and pools (one character per pool) on stderr at exit (`--arena-picture`). */
  readonly arenaPicture?: boolean;
  /** Watches the run step by step (`pymemlab run --html`). */
  readonly observer?: RunObserver | null;
  /** Components that replace the reference ones (a student's, for `pymemlab run --impl DIR`). */
  readonly components?: Partial<Components>;
  /** sys.argv[0]: the script's path as given on the command line (default: the filename). */
  readonly scriptArg?: string;
  /**
   * The program already parsed (`parse(source, filename)`): a caller that runs one program many
   * times, or hands it to another process, parses it once. The run folds constants in this tree
   * (ast_opt), so each run needs a copy of its own.
   */
  readonly parsed?: Module;
}

export interface RunResult {
  /** Exactly what `python3 FILE.py` would write to standard output. */
  readonly stdout: string;
  readonly stderr: string;
  /** 0, or 1 after an uncaught exception or a syntax error (as CPython). */
  readonly exitCode: number;
  /**
   * The JavaScript stack ran out before CPython's recursion limit did (the run was stopped and
   * stderr says so): with a larger stack (node --stack-size) the same run gets further.
   */
  readonly stackExhausted?: true;
}
