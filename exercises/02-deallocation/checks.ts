/**
 * The checks of exercise 2: the core's refcounting check with the student's tp_dealloc of lists,
 * tuples and dicts (so `__del__` and weakref-callback order come out as CPython's), and a deep
 * nest freed with one Py_DECREF, which only a trashcan survives.
 */
import fc from 'fast-check';
import { Runtime } from '../../core/runtime';
import { newList } from '../../core/objects/list';
import { REFCOUNTING_CHECK } from '../../core/checks/heap-checks';
import { fromCoreCheck, heapCheckText, VISIBLE_RUNS } from '../core-check';
import type { LoadedStudent } from '../sandbox';
import { errorText } from '../student-exports';
import { anyCheck, type ExerciseCheck } from '../types';
import { studentDeallocator } from './adapter';

/** What freeing a nest showed: how many of its lists were left alive, or the error. */
interface NestFreed {
  readonly leftAlive: number;
  readonly error: string | null;
}

/**
 * Build `[[[...]]]` `depth` deep, drop the only reference to the outermost list, count survivors.
 * The cycle collector is off while the nest is built: this check is about tp_dealloc, and the
 * collections a million allocations would trigger (each walking the whole nest) change nothing in
 * what is freed but take most of the time.
 */
export function freeNest(depth: number, dealloc?: ReturnType<typeof studentDeallocator>): NestFreed {
  const rt = new Runtime({ components: dealloc === undefined ? {} : { dealloc } });
  rt.gc.enabled = false;
  const before = rt.liveCount;
  let nest = newList(rt, []);
  for (let i = 1; i < depth; i++) {
    const outer = newList(rt, [nest]);
    rt.decref(nest);
    nest = outer;
  }
  try {
    rt.decref(nest);
  } catch (error) {
    return { leftAlive: rt.liveCount - before, error: errorText(error) };
  }
  return { leftAlive: rt.liveCount - before, error: null };
}

function nestCheck(name: string, depth: number): ExerciseCheck {
  return anyCheck<number, NestFreed, NestFreed>({
    name,
    arbitrary: fc.constant(depth),
    numRuns: 1,
    observe: (student: LoadedStudent, d) => freeNest(d, studentDeallocator(student)),
    // CPython frees every list of the nest (the reference does too; test/exercises shows it).
    expect: () => ({ leftAlive: 0, error: null }),
    judge: (d, observed) => {
      if (observed.error === null && observed.leftAlive === 0) return null;
      return {
        step: 2,
        message:
          observed.error !== null
            ? 'freeing the nest failed (a recursion this deep overflows the stack: use a trashcan)'
            : `${observed.leftAlive} of the ${d} lists are still alive after their last reference went`,
        expected: 'every list freed, no error',
        observed: observed.error ?? `${observed.leftAlive} lists alive`,
      };
    },
    describe: (d) => [`nest = []; ${d - 1} times: nest = [nest]`, 'del nest'],
  });
}

export const CHECKS: readonly ExerciseCheck[] = [
  fromCoreCheck({
    name: 'dealloc-order',
    numRuns: VISIBLE_RUNS,
    check: REFCOUNTING_CHECK,
    components: (student: LoadedStudent) => ({ dealloc: studentDeallocator(student) }),
    heapOf: heapCheckText,
  }),
  nestCheck('deep-nest', 100_000),
  nestCheck('million-deep-nest', 1_000_000),
];
