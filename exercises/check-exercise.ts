/**
 * Checking one exercise of a workspace (or of a submission folder with the same layout): type check
 * the student's files, load them, and run the checks a student may see (or all of them, for the
 * instructor's tests). Compile errors stop it before any check runs.
 */
import { existsSync } from 'fs';
import { loadStudent, StudentCodeError, type StudentDiagnostic } from './sandbox';
import { runCheck, type RunCheckOptions } from './run-check';
import { typecheckStudent } from './typecheck';
import { studentFiles } from './workspace';
import type { CheckReport, Exercise } from './types';

export interface CheckExerciseOptions extends RunCheckOptions {
  /** Run the hidden checks too (the instructor's view); students see only visible ones. */
  readonly hidden?: boolean;
  /** Run only the check of this name. */
  readonly only?: string;
  /** Type check with TypeScript first (esbuild alone reports only syntax errors). */
  readonly typecheck?: boolean;
}

export interface ExerciseVerdict {
  readonly exercise: string;
  /** Syntax, type and import errors; when any, no check ran. */
  readonly compileErrors: readonly StudentDiagnostic[];
  readonly reports: readonly CheckReport[];
  readonly passed: boolean;
}

/** `--only` named a check the exercise does not have. */
export class UnknownCheckError extends Error {
  constructor(exercise: Exercise, name: string) {
    super(
      `exercise ${exercise.meta.id} has no check "${name}" (it has: ${exercise.meta.checks.map((c) => c.name).join(', ')})`,
    );
    this.name = 'UnknownCheckError';
  }
}

/** The checks `options` selects, in metadata order; an unknown name is an error. */
export function selectChecks(exercise: Exercise, options: CheckExerciseOptions) {
  if (options.only !== undefined && !exercise.checks.some((c) => c.name === options.only))
    throw new UnknownCheckError(exercise, options.only);
  return exercise.checks.filter((check) => {
    const meta = exercise.meta.checks.find((c) => c.name === check.name)!;
    if (options.only !== undefined) return check.name === options.only;
    return options.hidden === true || meta.visibility === 'visible';
  });
}

export function checkExercise(root: string, exercise: Exercise, options: CheckExerciseOptions = {}): ExerciseVerdict {
  const files = studentFiles(root, exercise);
  const id = exercise.meta.id;
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length > 0) {
    const compileErrors = missing.map((file) => ({ file, line: 1, column: 1, message: 'file not found' }));
    return { exercise: id, compileErrors, reports: [], passed: false };
  }
  if (options.typecheck === true) {
    const compileErrors = typecheckStudent(files, exercise.meta);
    if (compileErrors.length > 0) return { exercise: id, compileErrors, reports: [], passed: false };
  }
  let student;
  try {
    student = loadStudent(files[0], exercise.meta);
  } catch (error) {
    if (error instanceof StudentCodeError)
      return { exercise: id, compileErrors: error.diagnostics, reports: [], passed: false };
    const message = `loading your code failed: ${(error as Error).message}`;
    return {
      exercise: id,
      compileErrors: [{ file: files[0], line: 1, column: 1, message }],
      reports: [],
      passed: false,
    };
  }
  const reports = selectChecks(exercise, options).map((check) => runCheck(exercise, check, { student }, options));
  return { exercise: id, compileErrors: [], reports, passed: reports.every((r) => r.passed) };
}
