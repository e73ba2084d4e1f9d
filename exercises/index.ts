/**
 * The exercises, in order, each with its validated metadata and its checks: what the `pymemlab`
 * student commands and the graders load. A student file imports only its exercise's API module,
 * `pymemlab/exercises/NN-name/api` (`meta.api.module`); when bundling a submission that specifier
 * is the only import to leave to the kit (sandbox.ts maps it to the kit's api.ts, types only).
 */
import path from 'path';
import { loadExerciseMeta } from './load';
import type { Exercise, ExerciseCheck } from './types';
import { CHECKS as REFERENCE_COUNTING } from './01-reference-counting/checks';
import { studentRefCounting } from './01-reference-counting/adapter';
import { CHECKS as DEALLOCATION } from './02-deallocation/checks';
import { studentDeallocator } from './02-deallocation/adapter';
import { CHECKS as WHY_REFCOUNTING_LEAKS } from './03-why-refcounting-leaks/checks';
import { CHECKS as FINDING_GARBAGE } from './04-finding-garbage/checks';
import { studentDeduceStages } from './04-finding-garbage/adapter';
import { CHECKS as GENERATIONS } from './05-generations/checks';
import { studentGenerations } from './05-generations/adapter';
import { CHECKS as FINALIZERS_AND_WEAKREFS } from './06-finalizers-and-weakrefs/checks';
import { studentFinalization } from './06-finalizers-and-weakrefs/adapter';
import { CHECKS as SIZE_CLASSES } from './07-size-classes/checks';
import { CHECKS as POOLS_AND_ARENAS } from './08-pools-and-arenas/checks';
import { CHECKS as MEMORY_OPTIMISATION } from './09-memory-optimisation/checks';
import { kitPath } from '../core/kit-root';

/** Each exercise folder, its checks, and (for a runtime component) how to plug the student's in. */
interface Folder {
  readonly folder: string;
  readonly checks: readonly ExerciseCheck[];
  readonly component?: Exercise['component'];
}

const FOLDERS: readonly Folder[] = [
  {
    folder: '01-reference-counting',
    checks: REFERENCE_COUNTING,
    component: (student) => ({ refcounting: studentRefCounting(student) }),
  },
  {
    folder: '02-deallocation',
    checks: DEALLOCATION,
    component: (student) => ({ dealloc: studentDeallocator(student) }),
  },
  { folder: '03-why-refcounting-leaks', checks: WHY_REFCOUNTING_LEAKS },
  {
    folder: '04-finding-garbage',
    checks: FINDING_GARBAGE,
    component: (student) => ({ stages: studentDeduceStages(student) }),
  },
  { folder: '05-generations', checks: GENERATIONS, component: studentGenerations },
  {
    folder: '06-finalizers-and-weakrefs',
    checks: FINALIZERS_AND_WEAKREFS,
    component: (student) => ({ stages: studentFinalization(student) }),
  },
  { folder: '07-size-classes', checks: SIZE_CLASSES },
  { folder: '08-pools-and-arenas', checks: POOLS_AND_ARENAS },
  { folder: '09-memory-optimisation', checks: MEMORY_OPTIMISATION },
];

/** Load an exercise folder's metadata and pair its checks with it by name. */
function exercise({ folder, checks, component }: Folder): Exercise {
  const dir = kitPath('exercises', folder);
  const file = path.join(dir, 'exercise.json');
  const meta = loadExerciseMeta(file);
  const names = checks.map((c) => c.name).join(',');
  if (names !== meta.checks.map((c) => c.name).join(','))
    throw new Error(`${file}: checks must be [${names}] in this order (checks.ts defines them)`);
  return { meta, dir, checks, component };
}

let loaded: readonly Exercise[] | null = null;

/** Every exercise, in order (loaded and validated on first use). */
export function exercises(): readonly Exercise[] {
  loaded ??= FOLDERS.map(exercise).sort((a, b) => a.meta.order - b.meta.order);
  return loaded;
}

/** An exercise by its id (`01-reference-counting`) or its number (`1`, `01`). */
export function findExercise(name: string): Exercise | undefined {
  const n = /^\d+$/.test(name) ? Number(name) : NaN;
  return exercises().find((e) => e.meta.id === name || e.meta.order === n);
}

export type { Exercise, ExerciseCheck, ExerciseMeta, CheckMeta, CheckReport, Mismatch, StudentExports } from './types';
export {
  runCheck,
  runCheckRemote,
  defaultSeed,
  checkMeta,
  UnreadableObservation,
  type Observer,
  type RunCheckOptions,
  type RemoteCheckReport,
} from './run-check';
export { loadStudent, bundleStudent, StudentRealm, StudentCodeError, type LoadedStudent } from './sandbox';
export { ExerciseMetaError, parseExerciseMeta, loadExerciseMeta } from './load';
