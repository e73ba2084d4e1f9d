/** What running a Python program on the simulator takes and gives back. */
import type { Components } from '../../core/components';

export interface RunOptions {
  /** Stop with a clear error after this many executed statements and expressions (default 10,000,000). */
  readonly maxSteps?: number;
  /** Receives the teaching trace (`pymemlab run --trace`), one line at a time. */
  readonly trace?: ((line: string) => void) | null;
  /** Print `sys._debugmallocstats()` to stderr at exit (`pymemlab run --malloc-stats`). */
  readonly mallocStats?: boolean;
  /** Draw the arenas and pools (one character per pool) on stderr at exit (`--arena-picture`). */
  readonly arenaPicture?: boolean;
  /** Components that replace the reference ones (a student's, for `pymemlab run --impl DIR`). */
  readonly components?: Partial<Components>;
}

export interface RunResult {
  /** Exactly what `python3 FILE.py` would write to standard output. */
  readonly stdout: string;
  readonly stderr: string;
  /** 0, or 1 after an uncaught exception or a syntax error (as CPython). */
  readonly exitCode: number;
}
