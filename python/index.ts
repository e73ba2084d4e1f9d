/**
 * The public API of pymemlab's Python front end and evaluator: programs of the subset run on the
 * reference memory manager in core/.
 */
export { runProgram } from './interp/run';
export type { RunOptions, RunResult } from './interp/types';
export { parse, unparse, PySyntaxError, UnsupportedConstruct } from './lang';
