/**
 * exec(source[, globals[, locals]]) and eval(expression[, globals[, locals]]) for source strings
 * (builtin_exec_impl, builtin_eval_impl, PyRun_StringFlags): the string is parsed and compiled
 * at run time by the front end into code of its own, named `<string>`, whose constants are new
 * objects (the compiler merges equal constants within one compilation only, so `exec('a = 257')`
 * twice makes two 257s); it runs in a `<module>` frame whose names are the namespaces given: by
 * default the module's dict, or in a function its frame's f_locals (so exec's writes never reach
 * the fast locals). Afterwards the code object goes, then the parser's arena: constants nothing
 * else took die then. A syntax error in the string is a SyntaxError the program can catch; a
 * construct outside the subset stops the program, naming its line within the string.
 */
import type { Runtime } from '../../core/runtime';
import { PyException } from '../../core/errors';
import { Kind } from '../../core/objects/kinds';
import type { PyObject } from '../../core/objects/pyobject';
import { parse, PySyntaxError, UnsupportedConstruct, type Module } from '../lang';
import { compileModule, type Compiled } from './compile';
import type { Interpreter } from './interpreter';

/** The file name CPython gives code compiled from a string. */
export const STRING_FILENAME = '<string>';

type Mode = 'exec' | 'eval';

/** The source text of exec's or eval's first argument (_Py_SourceAsString), for strs only. */
function sourceText(mode: Mode, source: PyObject): string {
  if (source.type.kind === Kind.Str) return source.value as string;
  throw new PyException(
    'TypeError',
    mode === 'exec'
      ? 'exec() arg 1 must be a string, bytes or code object'
      : 'eval() arg 1 must be a string, bytes or code object',
  );
}

/**
 * The namespaces the code runs in: with no globals, the caller's globals and locals() (the
 * module's dict, a class body's namespace or a function's f_locals); with the module's globals,
 * those (and the locals given, or the globals again). Other globals dicts are not modelled.
 */
function namespaces(interp: Interpreter, mode: Mode, args: PyObject[]): PyObject {
  const rt = interp.rt;
  const [globals, locals] = [args[1] ?? rt.None, args[2] ?? rt.None];
  if (globals !== rt.None && globals.type.kind !== Kind.Dict)
    throw new PyException(
      'TypeError',
      mode === 'exec' ? `exec() globals must be a dict, not ${globals.type.name}` : 'globals must be a dict',
    );
  if (locals !== rt.None && locals.type.kind !== Kind.Dict)
    throw new PyException('NotImplementedError', `${mode}() with locals other than a dict is not modelled by pymemlab`);
  if (globals !== rt.None && globals !== interp.globals)
    throw new PyException(
      'NotImplementedError',
      `${mode}() with a globals dict other than the module's is not modelled by pymemlab`,
    );
  if (locals !== rt.None) return locals;
  return globals !== rt.None ? globals : interp.localsNamespace();
}

/**
 * Parse the string as a module (exec) or an expression (eval, after its leading blanks): a
 * syntax error becomes a SyntaxError worded as CPython's str() of one; a construct outside the
 * subset stops the program at the exec's own line, naming the line within the string.
 */
function parseString(interp: Interpreter, mode: Mode, text: string): Module {
  const source = mode === 'eval' ? text.replace(/^[ \t]+/, '') : text;
  let module: Module;
  try {
    module = parse(source, STRING_FILENAME);
  } catch (error) {
    throw asRuntimeError(interp, error);
  }
  if (mode === 'eval' && (module.body.length !== 1 || module.body[0].kind !== 'Expr'))
    throw new PyException('SyntaxError', `invalid syntax (${STRING_FILENAME}, line 1)`);
  return module;
}

/** A front-end error about the string, as exec() raises it (or stops the program with it). */
function asRuntimeError(interp: Interpreter, error: unknown): unknown {
  if (error instanceof PySyntaxError)
    return new PyException(error.kind, `${error.msg} (${STRING_FILENAME}, line ${error.lineno})`);
  if (error instanceof UnsupportedConstruct)
    return new UnsupportedConstruct(
      `${error.construct} in the source given to exec() or eval() (File "${STRING_FILENAME}", line ${error.lineno})`,
      interp.currentLine(),
      0,
      STRING_FILENAME,
    );
  return error;
}

/** PyRun_StringFlags' end: the code objects go (unless functions took them), then the arena. */
function release(rt: Runtime, compiled: Compiled): void {
  rt.release(compiled.module.code);
  for (const info of compiled.codes.values()) rt.release(info.code);
  for (const op of compiled.arena.splice(0)) rt.decref(op);
}

/** exec() or eval() of a source string: None, or the expression's value (a new reference). */
function run(interp: Interpreter, mode: Mode, args: PyObject[]): PyObject {
  const rt = interp.rt;
  if (args.length < 1 || args.length > 3)
    throw new PyException(
      'TypeError',
      args.length < 1
        ? `${mode} expected at least 1 argument, got 0`
        : `${mode} expected at most 3 arguments, got ${args.length}`,
    );
  const namespace = namespaces(interp, mode, args);
  const module = parseString(interp, mode, sourceText(mode, args[0]));
  let compiled: Compiled;
  try {
    compiled = compileModule(rt, module, STRING_FILENAME);
  } catch (error) {
    throw asRuntimeError(interp, error);
  }
  try {
    return interp.runCompiled(compiled, module, namespace, mode === 'eval');
  } finally {
    release(rt, compiled);
  }
}

/** The built-in functions of this module, by name. */
export function execBuiltins(interp: Interpreter): [string, (args: PyObject[]) => PyObject][] {
  return [
    ['exec', (args) => run(interp, 'exec', args)],
    ['eval', (args) => run(interp, 'eval', args)],
  ];
}
