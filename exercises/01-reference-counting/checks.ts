/**
 * The checks of exercise 1: the core's refcounting check (every heap invariant after every step of
 * random operations, then the comparison with the reference) with the student's Py_INCREF and
 * Py_DECREF; the hidden one runs the cycle collector's operations over them too; and random Python
 * programs printing on the student's refcounting as on the reference's.
 */
import { CYCLE_COLLECTOR_CHECK, REFCOUNTING_CHECK } from '../../core/checks/heap-checks';
import { fromCoreCheck, heapCheckText, VISIBLE_RUNS } from '../core-check';
import { pythonProgramsCheck } from '../python-programs';
import type { LoadedStudent } from '../sandbox';
import type { ExerciseCheck } from '../types';
import { studentRefCounting } from './adapter';

const components = (student: LoadedStudent) => ({ refcounting: studentRefCounting(student) });

export const CHECKS: readonly ExerciseCheck[] = [
  fromCoreCheck({
    name: 'refcounting',
    check: REFCOUNTING_CHECK,
    numRuns: VISIBLE_RUNS,
    components,
    heapOf: heapCheckText,
  }),
  fromCoreCheck({
    name: 'refcounts-under-collections',
    check: CYCLE_COLLECTOR_CHECK,
    components,
    heapOf: heapCheckText,
  }),
  pythonProgramsCheck(components),
];
