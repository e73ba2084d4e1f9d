/**
 * Reading a symbol a student's file must export, with a message that says which and what kind,
 * instead of a TypeError deep inside a check.
 */
import type { LoadedStudent } from './sandbox';

/** A missing or mistyped export: the student's file does not offer what the exercise expects. */
export class MissingExportError extends Error {
  constructor(name: string, kind: string, got: string) {
    super(`your file must export ${kind === 'function' ? 'a function' : kind} named "${name}" (found ${got})`);
    this.name = 'MissingExportError';
  }
}

export function studentExport<T>(student: LoadedStudent, name: string, kind: 'function' | 'object'): T {
  const value = student.exports[name];
  if (typeof value !== kind) throw new MissingExportError(name, kind, value === undefined ? 'nothing' : typeof value);
  return value as T;
}

/** The text of anything thrown, from this realm or the student's (where `instanceof Error` fails). */
export function errorText(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const name = 'name' in error ? String((error as { name: unknown }).name) : 'Error';
    return `${name}: ${String((error as { message: unknown }).message)}`;
  }
  return String(error);
}
