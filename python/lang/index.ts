// pymemlab's Python front end: source text in, subset AST out, or the error CPython would give.

import type { Module } from './ast';
import { compileError } from './compile-checks';
import { PySyntaxError, UnsupportedConstruct } from './errors';
import { ParseAbort, parseTokens } from './parser';
import type { PModule } from './parser';
import { checkSubset } from './subset';
import { tokenize } from './tokenizer';
import type { Token } from './tokenizer';

export * from './ast';
export { PySyntaxError, UnsupportedConstruct, formatSyntaxError } from './errors';
export type { SyntaxErrorKind } from './errors';
export { pyStrRepr, unparse } from './unparse';

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
    // The recursive parser runs out of stack near 130 nested brackets (CPython allows 200).
    if (e instanceof RangeError) throw tooDeep(tokenized.tokens, filename);
    throw e;
  }
  const error = compileError(tree, tokenized.source);
  if (error) throw new PySyntaxError(error, filename);
  return checkSubset(tree, filename);
}

function tooDeep(tokens: Token[], filename: string): UnsupportedConstruct {
  const deepest = tokens.reduce((a, b) => (b.level > a.level ? b : a), tokens[0]);
  return new UnsupportedConstruct('expressions nested this deeply', deepest.lineno, Math.max(deepest.col, 0), filename);
}
