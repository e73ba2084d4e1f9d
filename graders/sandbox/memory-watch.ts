/**
 * The child's resident memory, watched from the grader. V8's heap limit (--max-old-space-size)
 * does not count array buffers, so a submission filling Uint8Arrays would grow until the machine
 * runs out; the watch reads /proc/<pid>/status (Linux) and reports when VmRSS passes the limit.
 * On systems without /proc it watches nothing: there, the container's memory limit is the only one.
 */
import { existsSync, readFileSync } from 'fs';

const POLL_MS = 25;

/** Resident set size in bytes, or null when the process is gone or /proc is unavailable. */
function residentBytes(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Call `over()` once when `pid`'s resident memory passes `limitBytes`; returns a function that stops watching. */
export function watchMemory(pid: number, limitBytes: number, over: () => void): () => void {
  if (!existsSync('/proc/self/status')) return () => {};
  const timer = setInterval(() => {
    const bytes = residentBytes(pid);
    if (bytes !== null && bytes > limitBytes) {
      clearInterval(timer);
      over();
    }
  }, POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
