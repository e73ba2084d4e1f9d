/**
 * Reading a submission's files for the bundler, refusing what cannot be student source: a file
 * larger than MAX_SOURCE_BYTES, a binary file, a file that is not UTF-8, and a symbolic link that
 * leads out of the submission (to the grader's checks, another submission, /etc). Each refusal
 * names the file and says what was expected, as a compile error of the submission.
 */
import { lstatSync, readFileSync, realpathSync } from 'fs';
import path from 'path';
import type { Plugin } from 'esbuild';

/** Largest source file accepted: far above any exercise's solution, far below what slows the grader. */
export const MAX_SOURCE_BYTES = 1024 * 1024;

function inside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** 1-based line and column of a character offset in `text`. */
function position(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

/** True when `bytes` are valid UTF-8. */
function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Why `file` (inside the submission `root`) cannot be read as source, or its text. */
export function readSourceFile(root: string, file: string): { text: string } | { error: string } {
  const name = path.relative(root, file);
  const link = lstatSync(file);
  if (link.isSymbolicLink() && !inside(realpathSync(root), realpathSync(file)))
    return { error: `${name} is a symbolic link to a file outside the submission: copy the file in instead` };
  const size = link.isSymbolicLink() ? lstatSync(realpathSync(file)).size : link.size;
  if (size > MAX_SOURCE_BYTES)
    return { error: `${name} is ${size} bytes, over the limit of ${MAX_SOURCE_BYTES} bytes for a source file` };
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8'); // invalid sequences become U+FFFD, which locates the first one
  if (bytes.includes(0)) return { error: `${name} is a binary file (it holds NUL bytes), not TypeScript source` };
  if (!isUtf8(bytes))
    return { error: `${name}:${position(text, text.indexOf('\uFFFD'))}: not UTF-8 text: save the file as UTF-8` };
  return { text };
}

/** The esbuild plugin that loads every file inside `root` through readSourceFile. */
export function submissionFilesPlugin(root: string): Plugin {
  return {
    name: 'pymemlab-submission-files',
    setup(b) {
      b.onLoad({ filter: /.*/ }, (args) => {
        if (!inside(root, args.path)) return undefined;
        const read = readSourceFile(root, args.path);
        if ('error' in read) return { errors: [{ text: read.error }] };
        return { contents: read.text, loader: args.path.endsWith('.js') ? 'js' : 'ts' };
      });
    },
  };
}
