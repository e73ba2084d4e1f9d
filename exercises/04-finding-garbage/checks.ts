/**
 * The checks of exercise 4: the core's cycle-collector check with the student's update_refs,
 * subtract_refs and move_unreachable inside the reference collector; hidden, the finalizer and
 * weakref checks, whose order depends on the lists' order the student's stages produce.
 */
import { CYCLE_COLLECTOR_CHECK, FINALIZERS_CHECK, WEAKREFS_CHECK } from '../../core/checks/heap-checks';
import { fromCoreCheck, heapCheckText } from '../core-check';
import type { LoadedStudent } from '../sandbox';
import type { ExerciseCheck } from '../types';
import { studentDeduceStages } from './adapter';

const components = (student: LoadedStudent) => ({ stages: studentDeduceStages(student) });

export const CHECKS: readonly ExerciseCheck[] = [
  fromCoreCheck({ name: 'cycle-collector', check: CYCLE_COLLECTOR_CHECK, components, heapOf: heapCheckText }),
  fromCoreCheck({ name: 'finalizer-order', check: FINALIZERS_CHECK, components, heapOf: heapCheckText }),
  fromCoreCheck({ name: 'weakref-order', check: WEAKREFS_CHECK, components, heapOf: heapCheckText }),
];
