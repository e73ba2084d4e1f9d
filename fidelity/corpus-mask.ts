/**
 * How a corpus program's output is compared when CPython itself prints something different on
 * every run (an `id()`, a default repr `<__main__.A object at 0x7f…>`, a refcount read from freed
 * memory). CPython runs each program twice (different PYTHONHASHSEED, a fresh address space each
 * time); the rule, documented in docs/fidelity.md:
 *
 * - a line both runs print identically must be printed identically;
 * - a line the runs print differently, but only in number tokens (decimal or `0x` hex), is a
 *   pattern: its text must match exactly, and each number token that differed between the two
 *   runs is masked (the simulator may print any number token there);
 * - any other difference (a different number of lines, different words, a set printed in another
 *   order) makes the program unstable: CPython itself does not agree with itself, so no output
 *   can be said to match it.
 *
 * Before that, the standard library's directory, which differs between installations, is written
 * `<stdlib>/` in CPython's runs and in the simulator's output alike (`maskStdlib`).
 */

/**
 * A directory ending in `/lib/python3.11/`: where an installation keeps the standard library
 * (`/root/.pyenv/versions/3.11.7/lib/python3.11/` where the corpus was recorded,
 * `/usr/lib/python3.11/` in the simulator, which prints Debian's path). It is a property of the
 * machine, not of CPython's behaviour; tracemalloc prints it (`.../tracemalloc.py:560`).
 */
const STDLIB_DIR = /(?:\/[^\s/'":]+)*\/lib\/python3\.11\//g;

/** Output with every standard library directory written `<stdlib>/`, on both sides of a comparison; nothing else changes. */
export function maskStdlib(output: string): string {
  return output.replace(STDLIB_DIR, '<stdlib>/');
}

/** One line of expected output: its tokens, and which number tokens are masked. */
export interface LinePattern {
  readonly tokens: readonly string[];
  /** Indices into tokens of the number tokens that varied between the two CPython runs. */
  readonly masked: ReadonlySet<number>;
}

export type OutputPattern =
  { readonly stable: true; readonly lines: readonly LinePattern[] } | { readonly stable: false; readonly why: string };

const NUMBER = /^(?:0x[0-9a-fA-F]+|\d+)$/;

/** A line cut into text and number tokens, alternately (text first, possibly empty). */
function tokens(line: string): string[] {
  return line.split(/(0x[0-9a-fA-F]+|\d+)/);
}

/** The pattern two CPython runs of one program agree on, or why they do not agree on one. */
export function outputPattern(first: string, second: string): OutputPattern {
  const a = first.split('\n');
  const b = second.split('\n');
  if (a.length !== b.length) return { stable: false, why: `the two runs printed ${a.length} and ${b.length} lines` };
  const lines: LinePattern[] = [];
  for (let i = 0; i < a.length; i++) {
    const ta = tokens(a[i]);
    const tb = tokens(b[i]);
    const masked = new Set<number>();
    const comparable = ta.length === tb.length && ta.every((t, k) => t === tb[k] || NUMBER.test(t));
    if (!comparable) return { stable: false, why: `line ${i + 1} differs between the two runs: "${a[i]}" / "${b[i]}"` };
    ta.forEach((t, k) => {
      if (t !== tb[k]) masked.add(k);
    });
    lines.push({ tokens: ta, masked });
  }
  return { stable: true, lines };
}

/** Whether one line the simulator printed matches a line pattern. */
function lineMatches(pattern: LinePattern, line: string): boolean {
  const got = tokens(line);
  return (
    got.length === pattern.tokens.length &&
    got.every((t, k) => (pattern.masked.has(k) ? NUMBER.test(t) : t === pattern.tokens[k]))
  );
}

/** The pattern's line as a reader sees it: masked tokens shown as `<N>`. */
export function showPattern(pattern: LinePattern): string {
  return pattern.tokens.map((t, k) => (pattern.masked.has(k) ? '<N>' : t)).join('');
}

/** The first line (1-based) where the simulator's output does not match the pattern, or null. */
export function firstMismatch(
  lines: readonly LinePattern[],
  output: string,
): { line: number; expected: string | null; got: string | null } | null {
  const got = output.split('\n');
  for (let i = 0; i < Math.max(lines.length, got.length); i++) {
    const pattern = lines[i];
    const line = got[i];
    if (pattern === undefined || line === undefined || !lineMatches(pattern, line))
      return { line: i + 1, expected: pattern === undefined ? null : showPattern(pattern), got: line ?? null };
  }
  return null;
}
