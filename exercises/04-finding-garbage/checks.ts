/**
 * The checks of exercise 4: the core's cycle-collector check with the student's update_refs,
 * subtract_refs and move_unreachable inside the reference collector; hidden, the finalizer and
 * weakref checks, whose order depends on the lists' order the student's stages produce; and random
 * Python programs printing with the student's stages as with the reference's.
 */
import { CYCLE_COLLECTOR_CHECK, FINALIZERS_CHECK, WEAKREFS_CHECK } from '../../core/checks/heap-checks';
import { fromCoreCheck, heapCheckText, VISIBLE_RUNS } from '../core-check';
import { pythonProgramsCheck } from '../python-programs';
import type { LoadedStudent } from '../sandbox';
import type { ExerciseCheck } from '../types';
import { studentDeduceStages } from './adapter';

const components = (student: LoadedStudent) => ({ stages: studentDeduceStages(student) });

export const CHECKS: readonly ExerciseCheck[] = [
  fromCoreCheck({
    name: 'cycle-collector',
    check: CYCLE_COLLECTOR_CHECK,
    numRuns: VISIBLE_RUNS,
    components,
    heapOf: heapCheckText,
  }),
  fromCoreCheck({ name: 'finalizer-order', check: FINALIZERS_CHECK, components, heapOf: heapCheckText }),
  fromCoreCheck({ name: 'weakref-order', check: WEAKREFS_CHECK, components, heapOf: heapCheckText }),
  pythonProgramsCheck(components),
];
