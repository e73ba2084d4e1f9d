/**
 * CPU time read from /proc/<pid>/stat (Linux). The sandbox's time limit counts the child's CPU
 * time rather than the wall clock: on a loaded machine (a CI runner, or a batch in which a
 * neighbour spins) a correct submission waits for the CPU without using it, and must not time out
 * for that; a spinning one uses it and does. The benchmark reads the grader's own figure, with
 * its ended children's, to say what grading a submission costs whatever the machine's load.
 */
import { readFileSync } from 'fs';

/** Clock ticks per second of utime/stime: USER_HZ, 100 on every Linux the grader runs on. */
const TICKS_PER_SECOND = 100;

/**
 * Fields 14 to 17 of /proc/<pid>/stat in ticks: utime, stime, and cutime, cstime (children that
 * ended and were waited for). null when unknown (no /proc, process gone).
 */
function cpuTicks(pid: number | 'self'): { own: number; reapedChildren: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces: state is field 3.
    const fields = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    const own = fields[11]! + fields[12]!;
    const reapedChildren = fields[13]! + fields[14]!;
    return Number.isFinite(own) && Number.isFinite(reapedChildren) ? { own, reapedChildren } : null;
  } catch {
    return null;
  }
}

const millis = (ticks: number): number => (ticks * 1000) / TICKS_PER_SECOND;

/** User plus system CPU time of `pid` in milliseconds, or null when unknown (no /proc, process gone). */
export function cpuMillis(pid: number): number | null {
  const ticks = cpuTicks(pid);
  return ticks === null ? null : millis(ticks.own);
}

/**
 * CPU time of this process and of its children that have ended (a grading's sandboxed children,
 * once killed and reaped), in milliseconds, or null when unknown.
 */
export function cpuMillisWithEndedChildren(): number | null {
  const ticks = cpuTicks('self');
  return ticks === null ? null : millis(ticks.own + ticks.reapedChildren);
}
