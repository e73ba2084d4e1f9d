/**
 * Errors the user can fix (a missing file, a bad option): bin/cli.ts prints one as one line,
 * `pymemlab: <message>`, and exits with its code (2 unless said), never with a stack trace.
 */
import { readFileSync } from 'fs';

export class UsageError extends Error {
  constructor(
    message: string,
    readonly code = 2,
  ) {
    super(message);
  }
}

/** A file the user named, as bytes; one that cannot be read is a UsageError naming it and why. */
export function readUserFile(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new UsageError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}
