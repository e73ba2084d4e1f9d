/**
 * A student's components for a whole runtime (`pymemlab run --impl DIR`): every exercise whose
 * work is a component contributes the student's version when its file compiles; the others stay
 * the reference's.
 */
import { existsSync } from 'fs';
import type { Components } from '../core/components';
import { loadStudent, formatDiagnostic, StudentCodeError } from './sandbox';
import { studentFiles } from './workspace';
import type { Exercise } from './types';

export interface StudentComponents {
  readonly components: Partial<Components>;
  /** The exercises whose component is the student's. */
  readonly used: readonly string[];
  /** Why an exercise's component could not be used (not compiling), one message each. */
  readonly errors: readonly string[];
}

export function studentComponents(dir: string, all: readonly Exercise[]): StudentComponents {
  let components: Partial<Components> = {};
  const used: string[] = [];
  const errors: string[] = [];
  for (const exercise of all) {
    if (exercise.component === undefined) continue;
    const [file] = studentFiles(dir, exercise);
    if (!existsSync(file)) continue;
    try {
      const mine = exercise.component(loadStudent(file, exercise.meta));
      // Several exercises replace collector stages: their stages add up.
      components = { ...components, ...mine, stages: { ...components.stages, ...mine.stages } };
      used.push(exercise.meta.id);
    } catch (error) {
      const why =
        error instanceof StudentCodeError
          ? error.diagnostics.map(formatDiagnostic).join('\n')
          : (error as Error).message;
      errors.push(`${exercise.meta.id}: not used (${why})`);
    }
  }
  return { components, used, errors };
}
