/**
 * Type checking a student's file with the TypeScript compiler API, against the exercise's API
 * module, so that `pymemlab check` reports type errors as tsc does (file, line, column) before any
 * check runs. esbuild alone only sees syntax errors.
 */
import path from 'path';
import type * as TS from 'typescript';
import type { ExerciseMeta } from './types';
import type { StudentDiagnostic } from './sandbox';
import { kitExercisesDir } from './sandbox';

/** The compiler options of a student workspace (init writes the same into its tsconfig.json). */
export function workspaceCompilerOptions(): Record<string, unknown> {
  return {
    target: 'ES2022',
    module: 'commonjs',
    moduleResolution: 'node',
    lib: ['ES2022'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    baseUrl: '.',
    paths: { 'pymemlab/exercises/*': [path.join(kitExercisesDir(), '*')] },
  };
}

/** Type errors in the student's files (none when they type check). */
export function typecheckStudent(files: readonly string[], meta: ExerciseMeta): StudentDiagnostic[] {
  // Loaded on first use: the compiler takes a third of a second to load, and most commands never need it.
  const ts = require('typescript') as typeof TS;
  const { options, errors } = ts.convertCompilerOptionsFromJson(workspaceCompilerOptions(), process.cwd());
  if (errors.length > 0) throw new Error(ts.flattenDiagnosticMessageText(errors[0].messageText, '\n'));
  const program = ts.createProgram(
    files.map((f) => path.resolve(f)),
    options,
  );
  const ours = new Set(files.map((f) => path.resolve(f)));
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file === undefined || ours.has(path.resolve(d.file.fileName)))
    .map((d) => {
      const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
      if (d.file === undefined || d.start === undefined) return { file: meta.id, line: 1, column: 1, message };
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
      return {
        file: path.relative(process.cwd(), d.file.fileName),
        line: line + 1,
        column: character + 1,
        message: `${message} (TS${d.code})`,
        lineText: d.file.text.split('\n')[line],
      };
    });
}
