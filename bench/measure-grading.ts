/**
 * Timing grading work by the wall clock and by CPU time, the sandboxed children's included. Wall
 * time depends on the machine's load; CPU time much less, and half of it is the least wall time
 * two cores could take.
 */
import { sandboxesAlive } from '../graders/sandbox/pool';
import { cpuMillisWithEndedChildren } from '../graders/sandbox/cpu-time';

export interface Measured<T> {
  readonly value: T;
  readonly seconds: number;
  /** The grader's CPU time and its ended children's; null where /proc cannot be read (not Linux). */
  readonly cpuSeconds: number | null;
}

/** Resolves once every sandboxed child has exited and been reaped, so that its CPU time is counted. */
async function sandboxesEnded(): Promise<void> {
  while (sandboxesAlive() > 0) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Run `work`, timing it; its CPU time is read once its sandboxed children have ended. */
export async function measureGrading<T>(work: () => Promise<T>): Promise<Measured<T>> {
  const cpuBefore = cpuMillisWithEndedChildren();
  const start = process.hrtime.bigint();
  const value = await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await sandboxesEnded();
  const cpuAfter = cpuMillisWithEndedChildren();
  const cpuSeconds = cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / 1000;
  return { value, seconds, cpuSeconds };
}

/** Figures rounded to hundredths, as the benchmark prints them. */
export const round = (x: number): number => Math.round(x * 100) / 100;
