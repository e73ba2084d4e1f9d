/**
 * The checks of exercise 6: the core's finalizer and weakref checks (and, hidden, the cycle
 * collector's) with the student's finalize_garbage and handle_weakrefs inside the reference collector;
 * and random Python programs printing with them as with the reference's.
 */
import { CYCLE_COLLECTOR_CHECK, FINALIZERS_CHECK, WEAKREFS_CHECK } from '../../core/checks/heap-checks';
import { fromCoreCheck, heapCheckText, VISIBLE_RUNS } from '../core-check';
import { pythonProgramsCheck } from '../python-programs';
import type { LoadedStudent } from '../sandbox';
import type { ExerciseCheck } from '../types';
import { studentFinalization } from './adapter';

const components = (student: LoadedStudent) => ({ stages: studentFinalization(student) });

export const CHECKS: readonly ExerciseCheck[] = [
  fromCoreCheck({
    name: 'finalizers',
    check: FINALIZERS_CHECK,
    numRuns: VISIBLE_RUNS,
    components,
    heapOf: heapCheckText,
  }),
  fromCoreCheck({ name: 'weakrefs', check: WEAKREFS_CHECK, numRuns: VISIBLE_RUNS, components, heapOf: heapCheckText }),
  fromCoreCheck({ name: 'cycle-collector', check: CYCLE_COLLECTOR_CHECK, components, heapOf: heapCheckText }),
  pythonProgramsCheck(components),
];
