// pymemlab's Python front end: source text in, subset AST out, or the error CPython would give.

import type { Module } from './ast';
import { compileError } from './compile-checks';
import { PySyntaxError } from './errors';
import { ParseAbort, parseTokens } from './parser';
import type { PModule } from './parser';
import { checkSubset } from './subset';
import { tokenize } from './tokenizer';

export * from './ast';
export { PySyntaxError, UnsupportedConstruct, formatSyntaxError } from './errors';
export type { SyntaxErrorInfo, SyntaxErrorKind } from './errors';
export { unparse } from './unparse';
export { SUPPORTED_MODULES } from './subset';

/**
 * Parses a whole file. Like CPython, a syntax error anywhere in the file wins over everything
 * else (PySyntaxError); only a valid program can be refused for leaving the subset
 * (UnsupportedConstruct, naming the earliest such construct).
 */
export function parse(source: string, filename: string): Module {
  const tokenized = tokenize(source);
  let tree: PModule;
  try {
    tree = parseTokens(tokenized);
  } catch (e) {
    if (e instanceof ParseAbort) throw new PySyntaxError(e.info, filename);
    throw e;
  }
  const error = compileError(tree, tokenized.source);
  if (error) throw new PySyntaxError(error, filename);
  return checkSubset(tree, filename);
}
