/**
 * Keeping the reference implementation out of a submission's sandbox. The observer that runs next
 * to a student's code is built from core/, and core/ holds the reference component the exercise
 * asks students to write: a submission handed a Runtime could build one through `rt.constructor`
 * and return it instead of its own. The files an exercise lists as `withheld` are replaced in the
 * sandbox bundle by a module with the same export names, each a function that throws when called
 * or constructed, with a message saying why.
 */
import { buildSync, type Plugin } from 'esbuild';
import path from 'path';

/** The names a module exports, as esbuild's metafile lists them. */
function exportNames(file: string): string[] {
  const result = buildSync({ entryPoints: [file], bundle: false, write: false, metafile: true, logLevel: 'silent' });
  return Object.values(result.metafile.outputs).flatMap((output) => output.exports);
}

/** The stand-in module for `file`: every export throws when used. */
function stubSource(file: string): string {
  const lines = exportNames(file).map((name) => `export const ${name} = withheld(${JSON.stringify(name)});`);
  return [
    'function withheld(name) {',
    '  return function () {',
    "    throw new Error(name + ' is part of the reference implementation, which is withheld while grading: write your own');",
    '  };',
    '}',
    ...lines,
  ].join('\n');
}

/** The esbuild plugin that loads stubs in place of `files` (absolute paths). */
export function withholdPlugin(files: readonly string[]): Plugin {
  const withheld = new Set(files.map((f) => path.resolve(f)));
  return {
    name: 'pymemlab-withhold-reference',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) =>
        withheld.has(args.path) ? { contents: stubSource(args.path), loader: 'js' } : undefined,
      );
    },
  };
}
