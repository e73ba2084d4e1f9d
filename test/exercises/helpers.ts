/** Shared by the exercise tests: the sample submissions and a fresh copy of one in a temp folder. */
import { cpSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';

export const ROOT = path.join(__dirname, '..', '..');
export const SUBMISSIONS = path.join(ROOT, 'examples', 'submissions');

export const BIN = path.join(ROOT, 'bin', 'pymemlab.js');

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'pymemlab-ex-'));
}

/** A copy of a sample submission (symlinks followed), to edit in a test. */
export function copySubmission(name: string): string {
  const dir = tempDir();
  cpSync(path.join(SUBMISSIONS, name), dir, { recursive: true, dereference: true });
  return dir;
}
