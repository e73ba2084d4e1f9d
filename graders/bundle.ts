/**
 * Bundling one exercise of a submission for the sandbox: esbuild bundles the student's files from
 * the submission folder alone, plus the exercise's trusted observer, into one script the child
 * evaluates. A student file may import its own folder's files and the exercise's student API, and
 * nothing else: any other import is refused with its name, file and line, before anything runs.
 */
import { existsSync, readdirSync, realpathSync } from 'fs';
import { builtinModules } from 'module';
import path from 'path';
import { build, type Message, type Plugin } from 'esbuild';
import type { GradedExercise } from './exercise';
import { BUNDLE_GLOBAL } from './sandbox/protocol';
import { withholdPlugin } from './withhold';
import { submissionFilesPlugin } from './submission-files';
import { typeErrors } from './typecheck';

/** missing: a student file is absent (or the folder is empty); compile-error: esbuild or a file check refused it. */
export type BundleFailure = 'missing' | 'compile-error';

export type BundleOutcome =
  | { readonly ok: true; readonly code: string }
  | { readonly ok: false; readonly kind: BundleFailure; readonly error: string };

/**
 * What a trusted module's Node built-in import becomes in the sandbox: an exercise's checks module
 * may read a data file for its reference side (which runs in the grader), and the child has no
 * `require`. Any function of it returns "" (so a path computed at load time does no harm) and
 * nothing real is reachable through it.
 */
const STUB = 'pymemlab-builtin-stub';
const BUILTIN_STUB = `var target = {};
var stub = new Proxy(target, { get: function (_t, key) {
  if (key === 'default') return stub;
  if (key === '__esModule') return true;
  return function unavailableInTheSandbox() { return ''; };
} });
target.default = stub; // an own key, so esbuild's module interop copies it
module.exports = stub;`;

function isBuiltin(specifier: string): boolean {
  return builtinModules.includes(specifier.replace(/^node:/, ''));
}

function inside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function withoutExtension(file: string): string {
  return file.replace(/\.(ts|js)$/, '');
}

/**
 * The esbuild plugin that enforces the import rule for files inside the submission: the API's
 * specifier (or a relative path to the API file) maps to the API file; relative imports must stay
 * inside the submission folder; everything else (node built-ins, packages, other folders) is refused.
 */
function importRule(root: string, exercise: GradedExercise): Plugin {
  return {
    name: 'pymemlab-submission-imports',
    setup(b) {
      b.onLoad({ filter: /.*/, namespace: STUB }, () => ({ contents: BUILTIN_STUB, loader: 'js' }));
      b.onResolve({ filter: /.*/ }, (args) => {
        if (!existsSync(args.importer) || !inside(root, args.importer))
          // the grader's entry and trusted files: a Node built-in they import is stubbed (below)
          return isBuiltin(args.path) ? { path: args.path, namespace: STUB } : undefined;
        if (args.path === exercise.api.specifier) return { path: exercise.api.file };
        if (args.path.startsWith('.')) {
          const target = path.resolve(args.resolveDir, args.path);
          if (withoutExtension(target) === withoutExtension(exercise.api.file)) return { path: exercise.api.file };
          if (inside(root, target)) return undefined;
        }
        return {
          errors: [
            {
              text: `import of "${args.path}" refused: a submission may import only its own files and "${exercise.api.specifier}"`,
            },
          ],
        };
      });
    },
  };
}

/** The name of the grader's entry module in esbuild's messages. */
const ENTRY = '<grader entry>';

/** "file:line:column: text", with the file relative to the submission (no place for the grader's own entry). */
function formatMessage(root: string, message: Message): string {
  const where =
    message.location && path.basename(message.location.file) !== ENTRY
      ? `${path.relative(root, path.resolve(message.location.file))}:${message.location.line}:${message.location.column + 1}: `
      : '';
  return where + message.text;
}

/** Bundle `exercise` from `submissionDir`; a missing file or a refused import is an error, not an exception. */
export async function bundleExercise(exercise: GradedExercise, submissionDir: string): Promise<BundleOutcome> {
  const folder = path.resolve(submissionDir, exercise.folder);
  // esbuild reports real paths: compare with the folder's real path (a submission may be a symlink)
  const root = existsSync(folder) ? realpathSync(folder) : folder;
  const files = exercise.studentFiles.map((f) => path.join(root, f.file));
  const missing = exercise.studentFiles.filter((_, i) => !existsSync(files[i]!)).map((f) => f.file);
  const expected = exercise.studentFiles.map((f) => f.file).join(', ');
  if (!existsSync(root) || readdirSync(root).length === 0)
    return {
      ok: false,
      kind: 'missing',
      error: `${exercise.folder || 'the submission'} is empty or missing: expected ${expected}`,
    };
  if (missing.length > 0)
    return { ok: false, kind: 'missing', error: `missing file(s): ${missing.join(', ')} in ${exercise.folder || '.'}` };
  const entry = [
    ...files.map((file, i) => `import * as file${i} from ${JSON.stringify(file)};`),
    exercise.sandboxEntry,
    `export const student = Object.assign({}, ${files.map((_, i) => `file${i}`).join(', ')});`,
  ].join('\n');
  try {
    const result = await build({
      stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: ENTRY },
      bundle: true,
      write: false,
      format: 'iife',
      globalName: BUNDLE_GLOBAL,
      platform: 'neutral',
      target: 'es2022',
      mainFields: ['main', 'module'],
      define: { __dirname: '"."', __filename: '"."' },
      logLevel: 'silent',
      preserveSymlinks: true, // a link is checked where it is (submission-files.ts), not where it points
      plugins: [importRule(root, exercise), submissionFilesPlugin(root), withholdPlugin(exercise.withheld ?? [])],
    });
    const typed = typeErrors(root, exercise.studentFiles, exercise.api);
    if (typed.length > 0) return { ok: false, kind: 'compile-error', error: typed.join('\n') };
    return { ok: true, code: result.outputFiles[0]!.text };
  } catch (error) {
    const messages = (error as { errors?: Message[] }).errors;
    if (!messages) throw error;
    return { ok: false, kind: 'compile-error', error: messages.map((m) => formatMessage(root, m)).join('\n') };
  }
}
