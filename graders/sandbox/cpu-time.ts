/**
 * CPU time a child has used, read from /proc/<pid>/stat (Linux). The sandbox's time limit counts
 * the child's CPU time rather than the wall clock: on a loaded machine (a CI runner, or a batch in
 * which a neighbour spins) a correct submission waits for the CPU without using it, and must not
 * time out for that; a spinning one uses it and does.
 */
import { readFileSync } from 'fs';

/** Clock ticks per second of utime/stime: USER_HZ, 100 on every Linux the grader runs on. */
const TICKS_PER_SECOND = 100;

/** User plus system CPU time of `pid` in milliseconds, or null when unknown (no /proc, process gone). */
export function cpuMillis(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces: state is field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime (14) and stime (15)
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}
