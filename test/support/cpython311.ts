// The one place tests find CPython 3.11 (`python3`), the oracle they compare with. Without it, the
// tests that need it are reported as skipped, with the reason in their title and a console note,
// never silently passed; on CI (.ci/run) a missing CPython 3.11 fails the run before the tests.
import { findPython, PythonNotFoundError, type PythonInfo } from '../../fidelity/cpython';

/** Probe `python3` once per test file: CPython 3.11, or why it cannot be the oracle. */
function probe(): { python: PythonInfo | null; reason: string } {
  try {
    return { python: findPython('python3', '3.11'), reason: '' };
  } catch (e) {
    if (!(e instanceof PythonNotFoundError)) throw e;
    return { python: null, reason: e.message };
  }
}

const found = probe();

/** CPython 3.11 if `python3` is it, else null. */
export const cpython311: PythonInfo | null = found.python;

/** Why the comparisons with CPython are skipped ('' when they run). */
export const noCPythonReason = found.reason;

/** The title of a skipped block: its own title and why it is skipped. */
function skippedTitle(title: string): string {
  return `${title} [skipped: ${noCPythonReason}]`;
}

let noted = false;
/** One console note per test file that skips comparisons with CPython; on CI, a failure instead. */
function note(): void {
  if (process.env.CI === 'true') throw new Error(`CPython 3.11 is required on CI: ${noCPythonReason}`);
  if (noted) return;
  noted = true;
  console.warn(`CPython 3.11 not available, tests compared with it are skipped: ${noCPythonReason}`);
}

/** `describe` when CPython 3.11 is here; otherwise a visibly skipped block naming the reason. */
export const describeWithCPython = (title: string, body: () => void): void => {
  if (cpython311 !== null) return describe(title, body);
  note();
  describe.skip(skippedTitle(title), body);
};

/** `test` when CPython 3.11 is here; otherwise a visibly skipped test naming the reason. */
export const testWithCPython = (title: string, body: () => unknown, timeout?: number): void => {
  if (cpython311 !== null) return test(title, body as () => Promise<unknown>, timeout);
  note();
  test.skip(skippedTitle(title), body as () => Promise<unknown>, timeout);
};
