/**
 * Type-checking a submission's files before it runs. esbuild only strips types, so without this a
 * file with type errors would be graded on whatever its JavaScript happens to do; students write
 * TypeScript against the exercise's API, and a type error is reported like a syntax error, with
 * file, line, column and TypeScript's own message. Strict, as the kit's workspaces are.
 *
 * The exercise's API and the libraries it pulls in are parsed once per grader process and shared
 * between submissions (a cache of source files outside the submission); only the student's files
 * are parsed and checked each time.
 */
import path from 'path';
import type * as TS from 'typescript';

let compiler: typeof TS | null = null;
/** The compiler, loaded on first use: it takes a third of a second, and most commands never type check. */
function typescript(): typeof TS {
  return (compiler ??= require('typescript') as typeof TS);
}

const shared = new Map<string, TS.SourceFile>();

/**
 * The globals a submission has in the sandbox beyond the language (harden.ts removes the rest):
 * only `console`. Served to the compiler as a virtual file, since @types/node would declare
 * `process`, timers and `require`, which a submission does not get.
 */
const SANDBOX_GLOBALS = path.join(path.sep, '__pymemlab__', 'sandbox-globals.d.ts');
const SANDBOX_GLOBALS_TEXT = [
  'interface Console {',
  '  log(...data: unknown[]): void;',
  '  error(...data: unknown[]): void;',
  '  warn(...data: unknown[]): void;',
  '  info(...data: unknown[]): void;',
  '  debug(...data: unknown[]): void;',
  '}',
  'declare var console: Console;',
].join('\n');

function options(api: { specifier: string; file: string }): TS.CompilerOptions {
  return {
    strict: true,
    noEmit: true,
    target: typescript().ScriptTarget.ES2022,
    module: typescript().ModuleKind.CommonJS,
    moduleResolution: typescript().ModuleResolutionKind.Node10,
    lib: ['lib.es2022.d.ts'],
    types: [],
    skipLibCheck: true,
    isolatedModules: true,
    paths: { [api.specifier]: [api.file] },
  };
}

/** A compiler host that parses each file outside `root` once for the whole grader process. */
function cachingHost(compilerOptions: TS.CompilerOptions, root: string): TS.CompilerHost {
  const host = typescript().createCompilerHost(compilerOptions);
  const read = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => file === SANDBOX_GLOBALS || fileExists(file);
  host.getSourceFile = (file, language, onError, createNew) => {
    if (file === SANDBOX_GLOBALS) return typescript().createSourceFile(file, SANDBOX_GLOBALS_TEXT, language);
    if (!path.resolve(file).startsWith(root + path.sep)) {
      const cached = shared.get(file);
      if (cached) return cached;
      const parsed = read(file, language, onError, createNew);
      if (parsed) shared.set(file, parsed);
      return parsed;
    }
    return read(file, language, onError, createNew);
  };
  return host;
}

/** "file:line:column: error TSnnnn: message", with the file relative to the submission. */
function describe(root: string, d: TS.Diagnostic): string {
  const text = typescript().flattenDiagnosticMessageText(d.messageText, ' ');
  if (!d.file || d.start === undefined) return `error TS${d.code}: ${text}`;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return `${path.relative(root, d.file.fileName)}:${line + 1}:${character + 1}: error TS${d.code}: ${text}`;
}

/** "file: does not export NAME", for each export the exercise asks a student file for and it lacks. */
function missingExports(program: TS.Program, root: string, wanted: StudentFile): string[] {
  const file = path.join(root, wanted.file);
  const source = program.getSourceFile(file);
  const checker = program.getTypeChecker();
  const symbol = source && checker.getSymbolAtLocation(source);
  const has = symbol ? checker.getExportsOfModule(symbol).map((e) => e.name) : [];
  return wanted.exports
    .filter((name) => !has.includes(name))
    .map(
      (name) =>
        `${wanted.file}: does not export ${name}, which the exercise calls` +
        (has.length > 0 ? ` (it exports ${has.join(', ')})` : ''),
    );
}

/** The student's files of an exercise and what each must export. */
export interface StudentFile {
  readonly file: string;
  readonly exports: readonly string[];
}

/**
 * The type errors in the student's files (inside `root`), then any export the exercise asks for
 * and a file lacks; at most `max` lines.
 */
export function typeErrors(
  root: string,
  studentFiles: readonly StudentFile[],
  api: { specifier: string; file: string },
  max = 10,
): string[] {
  const compilerOptions = options(api);
  const files = studentFiles.map((f) => path.join(root, f.file));
  const program = typescript().createProgram({
    rootNames: [...files, SANDBOX_GLOBALS],
    options: compilerOptions,
    host: cachingHost(compilerOptions, root),
  });
  // Only the student's files: checking them checks what they use of the API, not all of core/.
  const errors = program
    .getSourceFiles()
    .filter((f) => path.resolve(f.fileName).startsWith(root + path.sep))
    .flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)])
    .filter((d) => d.category === typescript().DiagnosticCategory.Error)
    .map((d) => describe(root, d));
  return [...errors, ...studentFiles.flatMap((f) => missingExports(program, root, f))].slice(0, max);
}
