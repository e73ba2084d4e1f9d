/**
 * Where two programs' standard outputs part: the first line that differs. Its own module, so that
 * code comparing outputs (the exercises' python-programs check, in a grader's sandbox) does not
 * load the fidelity tool's program generator.
 */

export interface FirstDifferentLine {
  /** 1-based line of standard output. */
  readonly line: number;
  /** The line as each printed it; null if that output ended before it. */
  readonly cpython: string | null;
  readonly simulator: string | null;
}

/** The first line at which the two outputs differ, or null when they are the same. */
export function firstDifferentLine(cpython: string, simulator: string): FirstDifferentLine | null {
  const a = cpython.split('\n');
  const b = simulator.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return { line: i + 1, cpython: a[i] ?? null, simulator: b[i] ?? null };
  }
  return null;
}
