/**
 * Loading a student's code: bundle it with esbuild, refuse every import but the exercise's own API
 * module, and evaluate it in a fresh JavaScript realm (node:vm context) that has no `require`, no
 * `process` and no object of ours on which a prototype chain could lead back to the reference.
 * Everything the student's code is handed (the API primitives, snapshots) is created inside that
 * realm, and only plain data crosses. vm is not a security boundary against a hostile program (the
 * graders run submissions in a separate sandboxed process); it keeps an honest student's check
 * honest: the reference implementation is not reachable from a student file.
 */
import { readFileSync, realpathSync } from 'fs';
import path from 'path';
import vm from 'vm';
import { buildSync, type BuildFailure, type Message } from 'esbuild';
import type { ExerciseMeta, StudentExports } from './types';
import { kitPath } from '../core/kit-root';

/** The folder of this kit's exercises: what `pymemlab/exercises/*` names (found on first use). */
export function kitExercisesDir(): string {
  return kitPath('exercises');
}

/** Code that cannot be loaded: a syntax error or a refused import, with file, line and column. */
export class StudentCodeError extends Error {
  constructor(readonly diagnostics: readonly StudentDiagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'StudentCodeError';
  }
}

export interface StudentDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly lineText?: string;
}

export function formatDiagnostic(d: StudentDiagnostic): string {
  const at = `${d.file}:${d.line}:${d.column}: error: ${d.message}`;
  return d.lineText === undefined ? at : `${at}\n    ${d.lineText}`;
}

function fromEsbuild(m: Message, cwd: string): StudentDiagnostic {
  const loc = m.location;
  if (loc === null) return { file: '(bundle)', line: 1, column: 1, message: m.text };
  return {
    file: path.relative(cwd, path.resolve(cwd, loc.file)) || loc.file,
    line: loc.line,
    column: loc.column + 1,
    message: m.text,
    lineText: loc.lineText,
  };
}

/** Where in `file` the import of `specifier` is written (for a refused import's diagnostic). */
function importLocation(file: string, source: string, specifier: string, message: string): StudentDiagnostic {
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const column =
      lines[i].indexOf(`'${specifier}'`) >= 0 ? lines[i].indexOf(`'${specifier}'`) : lines[i].indexOf(`"${specifier}"`);
    if (column >= 0) return { file, line: i + 1, column: column + 1, message, lineText: lines[i] };
  }
  return { file, line: 1, column: 1, message };
}

/**
 * Bundle the student file `entry` (TypeScript) into one CommonJS module. Relative imports inside
 * the student's exercise folder are allowed; the API module resolves to the kit's api.ts; anything
 * else (the reference in core/, another exercise, Node's modules) is refused with a message.
 */
export function bundleStudent(file: string, meta: ExerciseMeta): string {
  // Real paths, so that a symlink cannot smuggle a file from elsewhere past the import rule.
  const entry = realpathSync(file);
  const studentDir = path.dirname(entry);
  const cwd = process.cwd();
  const apiFile = kitPath('exercises', meta.id, 'api.ts');
  let result;
  try {
    result = buildSync({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'neutral',
      target: 'es2022',
      metafile: true,
      logLevel: 'silent',
      absWorkingDir: cwd,
      tsconfigRaw: {
        compilerOptions: { baseUrl: kitExercisesDir(), paths: { [meta.api.module]: [apiFile] } },
      },
    });
  } catch (error) {
    const failure = error as BuildFailure;
    if (!Array.isArray(failure.errors)) throw error;
    throw new StudentCodeError(
      failure.errors.map((m) => {
        const d = fromEsbuild(m, cwd);
        return /Could not resolve/.test(m.text) ? { ...d, message: refusal(m.text, meta) } : d;
      }),
    );
  }
  const refused: StudentDiagnostic[] = [];
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    const abs = path.resolve(cwd, file);
    if (abs !== entry && !abs.startsWith(studentDir + path.sep)) continue;
    for (const imp of input.imports) {
      const target = path.resolve(cwd, imp.path);
      if (target === apiFile || target.startsWith(studentDir + path.sep)) continue;
      const source = readSource(abs);
      refused.push(
        importLocation(
          path.relative(cwd, abs),
          source,
          imp.original ?? imp.path,
          refusal(imp.original ?? imp.path, meta),
        ),
      );
    }
  }
  if (refused.length > 0) throw new StudentCodeError(refused);
  return result.outputFiles[0].text;
}

function readSource(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function refusal(what: string, meta: ExerciseMeta): string {
  const name = /"([^"]+)"/.exec(what)?.[1] ?? what;
  return (
    `import of "${name}" is refused: a file of exercise ${meta.id} may import only "${meta.api.module}" ` +
    `(and its own files); the reference implementation is not available to exercises`
  );
}

/** A fresh realm with nothing of ours in it, and a way to hand it plain data and primitives. */
export class StudentRealm {
  private readonly context = vm.createContext(Object.create(null) as object);
  private readonly wrap: (host: Record<string, (...args: unknown[]) => unknown>, names: string[]) => object;
  private readonly copyIn: (json: string) => unknown;

  constructor() {
    // Made inside the realm: the wrappers' prototypes, their errors and their results are the
    // realm's own, and the host functions they call stay hidden in a closure.
    this.wrap = vm.runInContext(
      `(function (host, names) {
        const api = Object.create(null);
        for (const name of names) {
          const f = host[name];
          api[name] = function () {
            let r;
            try { r = f.apply(undefined, Array.prototype.slice.call(arguments)); }
            catch (e) { throw new Error(String(e && e.message)); }
            if (r === null || typeof r !== 'object') return r;
            return JSON.parse(JSON.stringify(r));
          };
        }
        return Object.freeze(api);
      })`,
      this.context,
    ) as typeof this.wrap;
    this.copyIn = vm.runInContext('(function (json) { return JSON.parse(json); })', this.context) as typeof this.copyIn;
  }

  /** Evaluate a CommonJS bundle in the realm and return its exports. */
  load(bundle: string, filename: string): StudentExports {
    const factory = vm.runInContext(`(function (module, exports) {${bundle}\n})`, this.context, {
      filename,
      timeout: 2000,
    }) as (module: { exports: object }, exports: object) => void;
    const module = this.copyIn('{"exports":{}}') as { exports: object };
    factory(module, module.exports);
    return module.exports as StudentExports;
  }

  /** The primitives of an API, as functions of the realm that take and return plain data. */
  api<T extends object>(host: { [K in keyof T]: (...args: never[]) => unknown }): T {
    return this.wrap(host as unknown as Record<string, (...args: unknown[]) => unknown>, Object.keys(host)) as T;
  }

  /** Plain data (a snapshot) as objects of the realm. */
  data<T>(value: T): T {
    return this.copyIn(JSON.stringify(value)) as T;
  }
}

/** A student's exercise file, bundled and loaded in a realm of its own. */
export interface LoadedStudent {
  readonly exports: StudentExports;
  readonly realm: StudentRealm;
}

export function loadStudent(entry: string, meta: ExerciseMeta): LoadedStudent {
  const bundle = bundleStudent(entry, meta);
  const realm = new StudentRealm();
  return { exports: realm.load(bundle, path.resolve(entry)), realm };
}
