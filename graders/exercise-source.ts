/**
 * Where the grader's exercises come from: the kit's own (exercises/, through kit-exercises.ts),
 * or an instructor's module given with --exercises that exports `exercises: GradedExercise[]`
 * (extra or hidden exercises kept out of the students' kit).
 */
import path from 'path';
import type { GradedExercise } from './exercise';
import { ExerciseSourceError, kitExercises } from './kit-exercises';

/** Minimal shape check of a module's exercises, so a wrong module fails with its name. */
function checked(list: unknown, from: string): readonly GradedExercise[] {
  if (!Array.isArray(list) || list.length === 0)
    throw new ExerciseSourceError(`${from}: must export \`exercises\`, a non-empty array of exercises`);
  list.forEach((e: Partial<GradedExercise>, i) => {
    if (typeof e?.id !== 'string' || !Array.isArray(e.checks) || typeof e.sandboxEntry !== 'string')
      throw new ExerciseSourceError(`${from}: exercises[${i}] needs an id, a sandboxEntry and checks`);
  });
  return list as readonly GradedExercise[];
}

/** The kit's exercises, or those `module` exports (loaded with require, so a .ts module works under the CLI). */
export function loadExercises(module?: string): readonly GradedExercise[] {
  if (module === undefined) return kitExercises();
  const file = path.resolve(module);
  let loaded: { exercises?: unknown };
  try {
    // The command runs from a JavaScript bundle: an instructor's TypeScript module is compiled as it loads.
    if (/\.[cm]?ts$/.test(file)) require('esbuild-register/dist/node').register({ target: 'node20' });
    loaded = require(file) as { exercises?: unknown };
  } catch (error) {
    throw new ExerciseSourceError(`${module}: cannot load (${(error as Error).message.split('\n')[0]})`);
  }
  return checked(loaded.exercises, module);
}
