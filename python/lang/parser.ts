// A PEG parser for the whole of Python 3.11, rule for rule after CPython's Grammar/python.gram,
// so that it rejects exactly what CPython rejects and reports the same error at the same place:
// a first pass, then (on failure) a second pass with the grammar's invalid_* rules switched on,
// then CPython's choice between parser and tokenizer errors.
//
// Constructs outside pymemlab's subset are parsed like everything else and kept as `Foreign`
// nodes, so the whole file is checked for syntax errors before any of them is reported.

import type * as A from './ast';
import type { Pos } from './ast';
import type { SyntaxErrorInfo, SyntaxErrorKind } from './errors';
import { FStringError, type FStringField, joinedStr, UndecodableEscape } from './fstring';
import { decodeStringToken, type StringLiteral, StringDecodeError } from './strings';
import { tokenize, type Token, type TokenizerFailure, type Tokenized } from './tokenizer';

/** A statement block inside a Foreign node; `scope` says whose names it binds. */
export interface ForeignBlock {
  body: PStmt[];
  scope: 'same' | 'function' | 'class';
  loop: boolean;
  /** A function block's parameters, in the order CPython's symbol table declares them. */
  params?: A.Arg[];
}

/** A construct pymemlab does not support (or that the subset AST cannot express). */
export interface Foreign extends Pos {
  kind: 'Foreign';
  /** Python's ast class name for it ('Lambda', 'Starred', 'Try', ...). */
  pyKind: string;
  /** Plain-words plural name, for UnsupportedConstruct. */
  construct: string;
  /** Sub-expressions evaluated in the enclosing scope. */
  exprs: PExpr[];
  blocks: ForeignBlock[];
}

export type PExpr = A.Expr<Foreign>;
export type PStmt = A.Stmt<Foreign>;
export type PModule = A.Module<Foreign>;

/** Thrown out of the parse: CPython's "error indicator" with the error it set. */
export class ParseAbort extends Error {
  constructor(
    readonly info: SyntaxErrorInfo,
    readonly fromTokenizer: boolean,
  ) {
    super(info.msg);
  }
}

const KEYWORDS = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
]);
const SOFT_KEYWORDS = new Set(['_', 'case', 'match']);

const SUBSET_AUG_OPS: Record<string, A.BinOperator> = {
  '+=': 'Add',
  '-=': 'Sub',
  '*=': 'Mult',
  '//=': 'FloorDiv',
  '%=': 'Mod',
  '/=': 'Div',
  '**=': 'Pow',
  '<<=': 'LShift',
  '>>=': 'RShift',
  '|=': 'BitOr',
  '^=': 'BitXor',
  '&=': 'BitAnd',
};
const OTHER_AUG_OPS = new Set(['@=']);
const SUBSET_BIN_OPS: Record<string, A.BinOperator> = {
  '+': 'Add',
  '-': 'Sub',
  '*': 'Mult',
  '//': 'FloorDiv',
  '%': 'Mod',
  '/': 'Div',
  '<<': 'LShift',
  '>>': 'RShift',
  '|': 'BitOr',
  '^': 'BitXor',
  '&': 'BitAnd',
};

/** What CPython's _PyPegen_get_expr_name calls an expression in error messages. */
function exprName(e: PExpr): string {
  switch (e.kind) {
    case 'Attribute':
      return 'attribute';
    case 'Subscript':
      return 'subscript';
    case 'Name':
      return 'name';
    case 'List':
      return 'list';
    case 'Tuple':
      return 'tuple';
    case 'Call':
      return 'function call';
    case 'BoolOp':
    case 'BinOp':
    case 'UnaryOp':
    case 'Slice':
      return 'expression';
    case 'Dict':
      return 'dict literal';
    case 'Set':
      return 'set display';
    case 'Compare':
      return 'comparison';
    case 'IfExp':
      return 'conditional expression';
    case 'JoinedStr':
    case 'FormattedValue':
      return 'f-string expression';
    case 'ListComp':
      return 'list comprehension';
    case 'SetComp':
      return 'set comprehension';
    case 'DictComp':
      return 'dict comprehension';
    case 'GeneratorExp':
      return 'generator expression';
    case 'Yield':
      return 'yield expression';
    case 'Starred':
      return 'starred';
    case 'Lambda':
      return 'lambda';
    case 'Constant':
      if (e.value.type === 'none') return 'None';
      if (e.value.type === 'bool') return e.value.value ? 'True' : 'False';
      return 'literal';
    case 'Foreign':
      return FOREIGN_EXPR_NAMES[e.pyKind] ?? 'expression';
  }
}

const FOREIGN_EXPR_NAMES: Record<string, string> = {
  Starred: 'starred',
  Lambda: 'lambda',
  BinOp: 'expression',
  UnaryOp: 'expression',
  Call: 'function call',
  GeneratorExp: 'generator expression',
  YieldFrom: 'yield expression',
  Await: 'await expression',
  ListComp: 'list comprehension',
  SetComp: 'set comprehension',
  DictComp: 'dict comprehension',
  Dict: 'dict literal',
  Constant: 'literal',
  Ellipsis: 'ellipsis',
  NamedExpr: 'named expression',
};

type TargetsType = 'star' | 'del' | 'for';

// _PyPegen_get_invalid_target: the first sub-expression that cannot be assigned to (or deleted).
function invalidTarget(e: PExpr, type: TargetsType): PExpr | null {
  switch (e.kind) {
    case 'List':
    case 'Tuple':
      for (const elt of e.elts) {
        const bad = invalidTarget(elt, type);
        if (bad) return bad;
      }
      return null;
    case 'Compare':
      if (type === 'for') return e.ops[0] === 'In' ? invalidTarget(e.left, type) : null;
      return e;
    case 'Name':
    case 'Subscript':
    case 'Attribute':
      return null;
    case 'Foreign':
      if (e.pyKind !== 'Starred') return e;
      return type === 'del' ? e : invalidTarget(e.exprs[0], type);
    default:
      return e;
  }
}

interface Param {
  arg: A.Arg;
  annotation: PExpr | null;
  value: PExpr | null;
}

interface Params {
  posonly: Param[];
  args: Param[];
  vararg: Param | null;
  kwonly: Param[];
  kwarg: Param | null;
}

interface ParamMode {
  closer: ')' | ':';
  lambda: boolean;
}

interface Comprehension {
  target: PExpr;
  iter: PExpr;
  ifs: PExpr[];
  isAsync: boolean;
}

type CallItem =
  { kind: 'pos'; value: PExpr } | { kind: 'kw'; kw: A.Keyword<Foreign> } | { kind: 'dstar'; value: PExpr; pos: Pos };

interface CallArgs extends Pos {
  items: CallItem[];
}

/** Parses a tokenized file; throws ParseAbort with the error CPython would report. */
export function parseTokens(tokenized: Tokenized): PModule {
  return new Parser(tokenized).run();
}

class Parser {
  private readonly tokens: Token[];
  private readonly failure: TokenizerFailure | null;
  private mark = 0;
  /** How many tokens CPython would have fetched from its tokenizer by now. */
  private fill = 0;
  private callInvalidRules = false;
  private memos = new Map<string, Map<number, { node: unknown; end: number }>>();

  constructor(private readonly tokenized: Tokenized) {
    this.tokens = tokenized.tokens;
    this.failure = tokenized.failure;
  }

  // _PyPegen_run_parser: first pass; on failure a second pass for a precise message.
  run(): PModule {
    let firstError: ParseAbort | null = null;
    try {
      const module = this.file();
      if (module) return module;
    } catch (e) {
      if (!(e instanceof ParseAbort)) throw e;
      firstError = e;
    }
    const lastToken = this.tokens[Math.min(this.fill, this.tokens.length) - 1];
    let error = firstError;
    if (!error) {
      this.mark = 0;
      this.memos = new Map();
      this.callInvalidRules = true;
      try {
        this.file();
      } catch (e) {
        if (!(e instanceof ParseAbort)) throw e;
        error = e;
      }
    }
    throw this.finalError(error, lastToken);
  }

  // _PyPegen_set_syntax_error: picks the error to report once parsing has failed.
  private finalError(existing: ParseAbort | null, lastToken: Token): ParseAbort {
    if (existing) return existing.fromTokenizer ? existing : this.laterTokenizerError(existing);
    if (lastToken.type === 'INDENT' || lastToken.type === 'DEDENT') {
      return this.genericError(
        'IndentationError',
        lastToken.type === 'INDENT' ? 'unexpected indent' : 'unexpected unindent',
      );
    }
    return this.laterTokenizerError(this.errorAt(lastToken, 'invalid syntax'));
  }

  // _PyPegen_tokenize_full_source_to_check_for_errors: a tokenizer error further on wins.
  private laterTokenizerError(error: ParseAbort): ParseAbort {
    const failure = this.failure;
    if (!failure) return error;
    if (failure.overridesParserErrors) return new ParseAbort(failure.error, true);
    const currentLine = this.tokens[Math.min(this.fill, this.tokens.length) - 1].lineno;
    if (failure.unclosedBracketLine !== undefined && currentLine > failure.unclosedBracketLine) {
      return new ParseAbort(failure.error, true);
    }
    return error;
  }

  // ---- errors ----

  private info(
    kind: SyntaxErrorKind,
    msg: string,
    lineno: number,
    offset: number,
    endLineno: number,
    endOffset: number,
  ): SyntaxErrorInfo {
    const source = this.tokenized.source;
    return {
      kind,
      msg,
      lineno,
      offset: source.errorColumn(lineno, offset),
      endLineno,
      endOffset: source.errorColumn(endLineno, endOffset),
      text: source.lineText(lineno),
    };
  }

  /** RAISE_SYNTAX_ERROR_KNOWN_RANGE (and _LOCATION when b is a). */
  private errorAt(a: Pos, msg: string, b: Pos = a): ParseAbort {
    return new ParseAbort(this.info('SyntaxError', msg, a.lineno, a.col + 1, b.endLineno, b.endCol + 1), false);
  }

  private raiseAt(a: Pos, msg: string, b: Pos = a): never {
    throw this.errorAt(a, msg, b);
  }

  /** RAISE_SYNTAX_ERROR_STARTING_FROM: from `a` to where the tokenizer stands. */
  private raiseStartingFrom(a: Pos, msg: string): never {
    const last = this.lastFetched();
    throw new ParseAbort(this.info('SyntaxError', msg, a.lineno, a.col + 1, last.endLineno, last.curCol), false);
  }

  /** RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: at the last token fetched. */
  private genericError(kind: SyntaxErrorKind, msg: string): ParseAbort {
    const t = this.lastFetched();
    const offset = t.col === -1 ? t.curCol : t.col + 1;
    const endOffset = t.endCol === -1 ? -1 : t.endCol + 1;
    return new ParseAbort(this.info(kind, msg, t.lineno, offset, t.endLineno, endOffset), false);
  }

  private raiseGeneric(msg: string, kind: SyntaxErrorKind = 'SyntaxError'): never {
    throw this.genericError(kind, msg);
  }

  private lastFetched(): Token {
    return this.tokens[Math.min(this.fill, this.tokens.length) - 1];
  }

  // ---- token access ----

  private fetch(i: number): Token {
    if (i >= this.fill) {
      if (i >= this.tokens.length) {
        if (this.failure) {
          this.fill = this.tokens.length + 1;
          throw new ParseAbort(this.failure.error, true);
        }
        return this.tokens[this.tokens.length - 1];
      }
      this.fill = i + 1;
    }
    return this.tokens[i];
  }

  private cur(): Token {
    return this.fetch(this.mark);
  }

  /** An operator or keyword token. */
  private expect(s: string): Token | null {
    const t = this.cur();
    if (t.string === s && (t.type === 'OP' || (t.type === 'NAME' && KEYWORDS.has(s)))) {
      this.mark++;
      return t;
    }
    return null;
  }

  /** `&&s` in the grammar: the token must be there, else "expected 's'" at the current token. */
  private expectForced(s: string): Token {
    const t = this.expect(s);
    if (!t) this.raiseAt(this.cur(), `expected '${s}'`);
    return t;
  }

  private expectType(type: 'NEWLINE' | 'INDENT' | 'DEDENT' | 'ENDMARKER' | 'NUMBER' | 'STRING'): Token | null {
    const t = this.cur();
    if (t.type !== type) return null;
    this.mark++;
    return t;
  }

  private nameToken(): Token | null {
    const t = this.cur();
    if (t.type !== 'NAME' || KEYWORDS.has(t.string)) return null;
    this.mark++;
    return t;
  }

  private softKeyword(s: string): Token | null {
    const t = this.cur();
    if (t.type !== 'NAME' || t.string !== s) return null;
    this.mark++;
    return t;
  }

  private name(ctx: A.Ctx = 'Load'): A.Name | null {
    const t = this.nameToken();
    return t ? { kind: 'Name', id: t.string, ctx, ...this.tokenPos(t) } : null;
  }

  private tokenPos(t: Token): Pos {
    return { lineno: t.lineno, col: t.col, endLineno: t.endLineno, endCol: t.endCol };
  }

  // ---- combinators ----

  /** One alternative: on failure the position is restored. */
  private alt<T>(f: () => T | null | undefined | false): T | null {
    const m = this.mark;
    const r = f();
    if (r === null || r === undefined || r === false) {
      this.mark = m;
      return null;
    }
    return r;
  }

  /** A lookahead (`&e` when positive, `!e` otherwise): never moves the position. */
  private ahead(positive: boolean, f: () => unknown): boolean {
    const m = this.mark;
    const r = f();
    this.mark = m;
    return (r !== null && r !== undefined && r !== false) === positive;
  }

  private many<T>(item: () => T | null): T[] {
    const out: T[] = [];
    for (;;) {
      const r = this.alt(item);
      if (r === null) return out;
      out.push(r);
    }
  }

  private many1<T>(item: () => T | null): T[] | null {
    const out = this.many(item);
    return out.length > 0 ? out : null;
  }

  /** `sep.item+`: items separated by `sep` (a trailing separator is left unconsumed). */
  private gather<T>(sep: string, item: () => T | null): T[] | null {
    const first = this.alt(item);
    if (first === null) return null;
    const out = [first];
    for (;;) {
      const r = this.alt(() => this.expect(sep) && item());
      if (r === null) return out;
      out.push(r);
    }
  }

  private memo<T>(key: string, f: () => T | null): T | null {
    this.cur();
    let table = this.memos.get(key);
    if (!table) {
      table = new Map();
      this.memos.set(key, table);
    }
    const hit = table.get(this.mark);
    if (hit) {
      this.mark = hit.end;
      return hit.node as T | null;
    }
    const start = this.mark;
    const node = this.alt(f);
    table.set(start, { node, end: this.mark });
    return node;
  }

  /** `[e]`: tries e, and succeeds either way. */
  private optional(f: () => unknown): true {
    this.alt(f);
    return true;
  }

  private invalid(f: () => unknown): void {
    if (this.callInvalidRules) this.alt(() => f() && null);
  }

  private withoutInvalidRules<T>(f: () => T): T {
    const prev = this.callInvalidRules;
    this.callInvalidRules = false;
    try {
      return f();
    } finally {
      this.callInvalidRules = prev;
    }
  }

  // ---- positions ----

  /** The position from `start` to the last non-whitespace token consumed (CPython's EXTRA). */
  private span(start: Pos): Pos {
    let end: Token = this.tokens[0];
    for (let m = this.mark - 1; m >= 0; m--) {
      end = this.tokens[m];
      if (end.type !== 'ENDMARKER' && end.type !== 'NEWLINE' && end.type !== 'INDENT' && end.type !== 'DEDENT') break;
    }
    return { lineno: start.lineno, col: start.col, endLineno: end.endLineno, endCol: end.endCol };
  }

  private foreign(
    pyKind: string,
    construct: string,
    pos: Pos,
    exprs: (PExpr | null)[],
    blocks: ForeignBlock[] = [],
  ): Foreign {
    return { kind: 'Foreign', pyKind, construct, exprs: exprs.filter((e): e is PExpr => e !== null), blocks, ...pos };
  }

  private block(body: PStmt[], scope: ForeignBlock['scope'] = 'same', loop = false): ForeignBlock {
    return { body, scope, loop };
  }

  private functionBlock(body: PStmt[], params: Params | null): ForeignBlock {
    const p = params ?? { posonly: [], args: [], vararg: null, kwonly: [], kwarg: null };
    const order = [
      ...p.posonly,
      ...p.args,
      ...p.kwonly,
      ...(p.vararg ? [p.vararg] : []),
      ...(p.kwarg ? [p.kwarg] : []),
    ];
    return { body, scope: 'function', loop: false, params: order.map((q) => q.arg) };
  }

  // =====================================================================================
  // statements
  // =====================================================================================

  private file(): PModule | null {
    const body = this.alt(() => this.statements()) ?? [];
    if (!this.expectType('ENDMARKER')) return null;
    return { kind: 'Module', body };
  }

  private statements(): PStmt[] | null {
    const groups = this.many1(() => this.statement());
    return groups ? groups.flat() : null;
  }

  private statement(): PStmt[] | null {
    const c = this.alt(() => this.compoundStmt());
    if (c) return [c];
    return this.alt(() => this.simpleStmts());
  }

  private simpleStmts(): PStmt[] | null {
    const single = this.alt(() => {
      const s = this.simpleStmt();
      return s && this.ahead(false, () => this.expect(';')) && this.expectType('NEWLINE') && [s];
    });
    if (single) return single;
    return this.alt(() => {
      const stmts = this.gather(';', () => this.simpleStmt());
      if (!stmts) return null;
      this.alt(() => this.expect(';'));
      return this.expectType('NEWLINE') && stmts;
    });
  }

  private simpleStmt(): PStmt | null {
    return this.memo('simple_stmt', () => {
      const start = this.cur();
      return (
        this.alt(() => this.assignment()) ??
        this.alt((): PStmt | null => {
          const e = this.starExpressions();
          return e && { kind: 'Expr', value: e, ...this.span(start) };
        }) ??
        this.alt(() => this.returnStmt()) ??
        this.alt(() => this.importStmt()) ??
        this.alt(() => this.raiseStmt()) ??
        this.alt((): PStmt | null => this.expect('pass') && { kind: 'Pass', ...this.span(start) }) ??
        this.alt(() => this.delStmt()) ??
        this.alt((): PStmt | null => {
          const y = this.yieldExpr();
          return y && { kind: 'Expr', value: y, ...this.span(start) };
        }) ??
        this.alt(() => this.assertStmt()) ??
        this.alt((): PStmt | null => this.expect('break') && { kind: 'Break', ...this.span(start) }) ??
        this.alt((): PStmt | null => this.expect('continue') && { kind: 'Continue', ...this.span(start) }) ??
        this.alt(() => this.globalStmt('global')) ??
        this.alt(() => this.globalStmt('nonlocal'))
      );
    });
  }

  private compoundStmt(): PStmt | null {
    const t = this.cur();
    const s = t.string;
    if (t.type === 'OP' && s === '@') return this.alt(() => this.functionDef()) ?? this.alt(() => this.classDef());
    if (t.type === 'NAME') {
      if (s === 'def') return this.functionDef();
      if (s === 'if') return this.ifStmt();
      if (s === 'class') return this.classDef();
      if (s === 'with') return this.withStmt();
      if (s === 'for') return this.forStmt();
      if (s === 'try') return this.tryStmt();
      if (s === 'while') return this.whileStmt();
      if (s === 'async')
        return this.alt(() => this.functionDef()) ?? this.alt(() => this.withStmt()) ?? this.alt(() => this.forStmt());
    }
    return this.alt(() => this.matchStmt());
  }

  // ---- assignment ----

  private assignment(): PStmt | null {
    const start = this.cur();
    const annotated = (target: PExpr | null, simple: boolean): PStmt | null => {
      if (!target || !this.expect(':')) return null;
      const annotation = this.expression();
      if (!annotation) return null;
      const value = this.alt(() => this.expect('=') && this.annotatedRhs()) ?? null;
      return { kind: 'AnnAssign', target, annotation, value, simple, ...this.span(start) };
    };
    const r =
      this.alt(() => annotated(this.name('Store'), true)) ??
      this.alt(() =>
        annotated(
          this.alt(() => {
            const t = this.expect('(') && this.singleTarget();
            return t && this.expect(')') && t;
          }) ?? this.alt(() => this.subscriptAttributeTarget('Store')),
          false,
        ),
      ) ??
      this.alt((): PStmt | null => {
        const targets = this.many1(() => {
          const t = this.starTargets();
          return t && this.expect('=') ? t : null;
        });
        if (!targets) return null;
        const value = this.alt(() => this.yieldExpr()) ?? this.alt(() => this.starExpressions());
        if (!value || !this.ahead(false, () => this.expect('='))) return null;
        return { kind: 'Assign', targets, value, ...this.span(start) };
      });
    if (r) return r;
    // single_target augassign ~ (yield_expr | star_expressions)
    const m = this.mark;
    const target = this.singleTarget();
    const op = target && this.augassign();
    if (target && op) {
      const value = this.alt(() => this.yieldExpr()) ?? this.alt(() => this.starExpressions());
      if (!value) {
        this.mark = m;
        return null;
      }
      const pos = this.span(start);
      const sub = SUBSET_AUG_OPS[op.string];
      if (sub) return { kind: 'AugAssign', target, op: sub, value, ...pos };
      return this.foreign('AugAssign', `'${op.string}' augmented assignments`, pos, [target, value]);
    }
    this.mark = m;
    this.invalid(() => this.invalidAssignment());
    return null;
  }

  private annotatedRhs(): PExpr | null {
    return this.alt(() => this.yieldExpr()) ?? this.alt(() => this.starExpressions());
  }

  private augassign(): Token | null {
    const t = this.cur();
    if (t.type === 'OP' && (SUBSET_AUG_OPS[t.string] || OTHER_AUG_OPS.has(t.string))) {
      this.mark++;
      return t;
    }
    return null;
  }

  private returnStmt(): PStmt | null {
    const start = this.expect('return');
    if (!start) return null;
    const value = this.alt(() => this.starExpressions());
    return { kind: 'Return', value, ...this.span(start) };
  }

  private raiseStmt(): PStmt | null {
    const start = this.expect('raise');
    if (!start) return null;
    const exc = this.alt(() => this.expression());
    const cause = exc && this.alt(() => this.expect('from') && this.expression());
    return { kind: 'Raise', exc, cause, ...this.span(start) };
  }

  private globalStmt(keyword: 'global' | 'nonlocal'): PStmt | null {
    const start = this.expect(keyword);
    if (!start) return null;
    const names = this.gather(',', () => this.nameToken());
    if (!names) return null;
    const pos = this.span(start);
    return { kind: keyword === 'global' ? 'Global' : 'Nonlocal', names: names.map((n) => n.string), ...pos };
  }

  private delStmt(): PStmt | null {
    const r = this.alt((): PStmt | null => {
      const start = this.expect('del');
      const targets = start && this.delTargets();
      if (!targets || !this.ahead(true, () => this.expect(';') ?? this.expectType('NEWLINE'))) return null;
      return { kind: 'Delete', targets, ...this.span(start) };
    });
    if (r) return r;
    this.invalid(() => {
      const a = this.expect('del') && this.starExpressions();
      return a && this.raiseInvalidTarget('del', a);
    });
    return null;
  }

  private assertStmt(): PStmt | null {
    const start = this.expect('assert');
    const test = start && this.expression();
    if (!test) return null;
    const msg = this.alt(() => this.expect(',') && this.expression());
    return { kind: 'Assert', test, msg, ...this.span(start) };
  }

  private importStmt(): PStmt | null {
    return this.alt(() => this.importName()) ?? this.alt(() => this.importFrom());
  }

  private importName(): PStmt | null {
    const start = this.expect('import');
    if (!start) return null;
    const names = this.gather(',', () => {
      const dotted = this.dottedName();
      if (!dotted) return null;
      const alias = this.alt(() => this.expect('as') && this.nameToken());
      return { name: dotted, asname: alias ? alias.string : null };
    });
    if (!names) return null;
    const pos = this.span(start);
    const imported = names.map((n) => n.name);
    if (names.every((n) => n.asname === null)) return { kind: 'Import', names: imported, ...pos };
    return { kind: 'Import', names: imported, asnames: names.map((n) => n.asname), ...pos };
  }

  private dottedName(): string | null {
    const first = this.nameToken();
    if (!first) return null;
    let name = first.string;
    for (;;) {
      const next = this.alt(() => this.expect('.') && this.nameToken());
      if (!next) return name;
      name += `.${next.string}`;
    }
  }

  // Absolute `from module import names` is an ImportFrom; relative and star imports stay foreign.
  private importFrom(): PStmt | null {
    const start = this.cur();
    const dots = (): Token | null => this.expect('.') ?? this.expect('...');
    const foreign = (construct: string): PStmt => this.foreign('ImportFrom', construct, this.span(start), []);
    const withModule = this.alt(() => {
      if (!this.expect('from')) return null;
      const relative = this.many(dots).length > 0;
      const module = this.dottedName();
      const names = module && this.expect('import') && this.importFromTargets();
      if (!module || !names) return null;
      if (relative) return foreign("relative 'from . import' statements");
      if (names === '*') return foreign("'from ... import *' statements");
      return { kind: 'ImportFrom', module, names, ...this.span(start) } satisfies A.ImportFrom;
    });
    if (withModule) return withModule;
    return this.alt(
      () =>
        this.expect('from') &&
        this.many1(dots) &&
        this.expect('import') &&
        this.importFromTargets() &&
        foreign("relative 'from . import' statements"),
    );
  }

  private importFromTargets(): A.ImportAlias[] | '*' | null {
    const asNames = (): A.ImportAlias[] | null =>
      this.gather(',', () => {
        const n = this.nameToken();
        if (!n) return null;
        const alias = this.alt(() => this.expect('as') && this.nameToken());
        return { name: n.string, asname: alias ? alias.string : null };
      });
    const r =
      this.alt(() => {
        const names = this.expect('(') && asNames();
        if (!names) return null;
        this.alt(() => this.expect(','));
        return this.expect(')') && names;
      }) ??
      this.alt(() => {
        const names = asNames();
        return names && this.ahead(false, () => this.expect(',')) && names;
      }) ??
      this.alt(() => (this.expect('*') ? '*' : null));
    if (r) return r;
    this.invalid(
      () =>
        asNames() &&
        this.expect(',') &&
        this.expectType('NEWLINE') &&
        this.raiseGeneric('trailing comma not allowed without surrounding parentheses'),
    );
    return null;
  }

  // ---- blocks and compound statements ----

  private blockRule(): PStmt[] | null {
    return this.memo('block', () => {
      const r =
        this.alt(() => {
          if (!this.expectType('NEWLINE') || !this.expectType('INDENT')) return null;
          const body = this.statements();
          return body && this.expectType('DEDENT') && body;
        }) ?? this.alt(() => this.simpleStmts());
      if (r) return r;
      this.invalid(
        () =>
          this.expectType('NEWLINE') &&
          this.ahead(false, () => this.expectType('INDENT')) &&
          this.raiseGeneric('expected an indented block', 'IndentationError'),
      );
      return null;
    });
  }

  /** `NEWLINE !INDENT` after a header: IndentationError naming the statement. */
  private missingIndent(what: string, header: Token): boolean {
    if (this.expectType('NEWLINE') && this.ahead(false, () => this.expectType('INDENT'))) {
      this.raiseGeneric(`expected an indented block after ${what} on line ${header.lineno}`, 'IndentationError');
    }
    return false;
  }

  /** `... NEWLINE` where a ':' belongs. */
  private missingColon(): boolean {
    if (this.expectType('NEWLINE')) this.raiseGeneric("expected ':'");
    return false;
  }

  /** `&&':' block` */
  private forcedColonBlock(): PStmt[] | null {
    this.expectForced(':');
    return this.blockRule();
  }

  private decorators(): PExpr[] | null {
    return this.many1(() => {
      const d = this.expect('@') && this.namedExpression();
      return d && this.expectType('NEWLINE') ? d : null;
    });
  }

  private classDef(): PStmt | null {
    const decorated = this.alt(() => {
      const start = this.cur();
      const decorators = this.decorators();
      const c = decorators && this.classDefRaw();
      return c && this.decorated(c, decorators, start);
    });
    return decorated ?? this.alt(() => this.classDefRaw());
  }

  /**
   * A def or class with its decorators: the node keeps the def's own position (as Python's ast
   * does); one outside the subset carries the decorators among its expressions.
   */
  private decorated(d: PStmt, decorators: PExpr[], start: Pos): PStmt {
    if (d.kind === 'FunctionDef' || d.kind === 'ClassDef') return { ...d, decorators };
    if (d.kind === 'Foreign') return { ...d, ...this.span(start), exprs: [...decorators, ...d.exprs] };
    return d;
  }

  private classDefRaw(): PStmt | null {
    this.invalid(() => {
      const a = this.expect('class');
      if (!a || !this.nameToken()) return null;
      this.alt(() => this.expect('(') && this.optional(() => this.arguments()) && this.expect(')'));
      if (this.alt(() => this.missingColon())) return null;
      return this.expect(':') && this.missingIndent('class definition', a);
    });
    return this.alt((): PStmt | null => {
      const start = this.expect('class');
      const name = start && this.nameToken();
      if (!name) return null;
      const args = this.alt(() => {
        if (!this.expect('(')) return null;
        const a = this.alt(() => this.arguments());
        return this.expect(')') && { a };
      });
      if (!this.expect(':')) return null;
      const body = this.blockRule();
      if (!body) return null;
      const pos = this.span(start);
      const bases: PExpr[] = [];
      for (const item of args?.a?.items ?? []) {
        if (item.kind !== 'pos') {
          const exprs = (args?.a?.items ?? []).map((i) => (i.kind === 'kw' ? i.kw.value : i.value));
          return this.foreign('ClassDef', 'class keyword arguments', pos, exprs, [this.block(body, 'class')]);
        }
        bases.push(item.value);
      }
      return { kind: 'ClassDef', name: name.string, bases, body, ...pos };
    });
  }

  private functionDef(): PStmt | null {
    const decorated = this.alt(() => {
      const start = this.cur();
      const decorators = this.decorators();
      const f = decorators && this.functionDefRaw();
      return f && this.decorated(f, decorators, start);
    });
    return decorated ?? this.alt(() => this.functionDefRaw());
  }

  private functionDefRaw(): PStmt | null {
    this.invalid(() => {
      this.alt(() => this.expect('async'));
      const a = this.expect('def');
      if (!a || !this.nameToken() || !this.expect('(')) return null;
      this.alt(() => this.params({ closer: ')', lambda: false }));
      if (!this.expect(')')) return null;
      this.alt(() => this.expect('->') && this.expression());
      return this.expect(':') && this.missingIndent('function definition', a);
    });
    return this.alt((): PStmt | null => {
      const start = this.cur();
      const isAsync = this.expect('async') !== null;
      if (!this.expect('def')) return null;
      const name = this.nameToken();
      if (!name) return null;
      this.expectForced('(');
      const params = this.alt(() => this.params({ closer: ')', lambda: false }));
      if (!this.expect(')')) return null;
      const returns = this.alt(() => this.expect('->') && this.expression());
      this.expectForced(':');
      const body = this.blockRule();
      if (!body) return null;
      return this.makeFunction(name.string, params, returns, body, this.span(start), isAsync);
    });
  }

  private makeFunction(
    name: string,
    params: Params | null,
    returns: PExpr | null,
    body: PStmt[],
    pos: Pos,
    isAsync: boolean,
  ): PStmt {
    const p = params ?? { posonly: [], args: [], vararg: null, kwonly: [], kwarg: null };
    const all = [...p.posonly, ...p.args, ...(p.vararg ? [p.vararg] : []), ...p.kwonly, ...(p.kwarg ? [p.kwarg] : [])];
    const starred = [...(p.vararg ? [p.vararg] : []), ...p.kwonly, ...(p.kwarg ? [p.kwarg] : [])];
    const problem = isAsync
      ? 'async functions'
      : starred.some((q) => q.annotation !== null)
        ? "annotations of '*args', '**kwargs' and keyword-only parameters"
        : null;
    const positional = [...p.posonly, ...p.args];
    const defaults = positional.map((q) => q.value).filter((v): v is PExpr => v !== null);
    if (problem) {
      const exprs = [...all.map((q) => q.value), ...all.map((q) => q.annotation), returns];
      return this.foreign('FunctionDef', problem, pos, exprs, [this.functionBlock(body, p)]);
    }
    return {
      kind: 'FunctionDef',
      name,
      args: positional.map((q) => q.arg),
      defaults,
      argAnnotations: positional.map((q) => q.annotation),
      returns,
      body,
      ...pos,
      ...(p.posonly.length > 0 ? { posonlyargcount: p.posonly.length } : {}),
      ...(p.vararg ? { vararg: p.vararg.arg } : {}),
      ...(p.kwonly.length > 0
        ? { kwonlyargs: p.kwonly.map((q) => q.arg), kwDefaults: p.kwonly.map((q) => q.value) }
        : {}),
      ...(p.kwarg ? { kwarg: p.kwarg.arg } : {}),
    };
  }

  // ---- parameters (def and lambda share the grammar, differing in closer and annotations) ----

  private params(m: ParamMode): Params | null {
    this.invalid(() => this.invalidParameters(m));
    return this.alt(() => this.parameters(m));
  }

  private parameters(m: ParamMode): Params | null {
    const tail = (posonly: Param[], args: Param[]): Params => {
      const star = this.alt(() => this.starEtc(m));
      return { posonly, args, vararg: star?.vararg ?? null, kwonly: star?.kwonly ?? [], kwarg: star?.kwarg ?? null };
    };
    return (
      this.alt(() => {
        const a = this.slashNoDefault(m);
        return a && tail(a, [...this.many(() => this.paramNoDefault(m)), ...this.many(() => this.paramWithDefault(m))]);
      }) ??
      this.alt(() => {
        const a = this.slashWithDefault(m);
        return (
          a &&
          tail(
            a,
            this.many(() => this.paramWithDefault(m)),
          )
        );
      }) ??
      this.alt(() => {
        const a = this.many1(() => this.paramNoDefault(m));
        return a && tail([], [...a, ...this.many(() => this.paramWithDefault(m))]);
      }) ??
      this.alt(() => {
        const a = this.many1(() => this.paramWithDefault(m));
        return a && tail([], a);
      }) ??
      this.alt(() => {
        const star = this.starEtc(m);
        return star && { posonly: [], args: [], vararg: star.vararg, kwonly: star.kwonly, kwarg: star.kwarg };
      })
    );
  }

  private param(m: ParamMode): Param | null {
    const t = this.nameToken();
    if (!t) return null;
    const annotation = m.lambda ? null : this.alt(() => this.expect(':') && this.expression());
    return { arg: { kind: 'arg', arg: t.string, ...this.span(t) }, annotation, value: null };
  }

  private paramEnd(m: ParamMode): boolean {
    return this.expect(',') !== null || this.ahead(true, () => this.expect(m.closer));
  }

  private paramNoDefault(m: ParamMode): Param | null {
    const p = this.param(m);
    return p && this.paramEnd(m) ? p : null;
  }

  private paramWithDefault(m: ParamMode): Param | null {
    const p = this.param(m);
    const value = p && this.default_();
    return value && this.paramEnd(m) ? { ...p, value } : null;
  }

  private paramMaybeDefault(m: ParamMode): Param | null {
    const p = this.param(m);
    if (!p) return null;
    const value = this.alt(() => this.default_());
    return this.paramEnd(m) ? { ...p, value } : null;
  }

  private default_(): PExpr | null {
    const r = this.alt(() => this.expect('=') && this.expression());
    if (r) return r;
    this.invalid(() => {
      const a = this.expect('=');
      return (
        a &&
        this.ahead(true, () => this.expect(')') ?? this.expect(',')) &&
        this.raiseAt(a, 'expected default value expression')
      );
    });
    return null;
  }

  private slashNoDefault(m: ParamMode): Param[] | null {
    const a = this.many1(() => this.paramNoDefault(m));
    return a && this.expect('/') && this.paramEnd(m) ? a : null;
  }

  private slashWithDefault(m: ParamMode): Param[] | null {
    const a = this.many(() => this.paramNoDefault(m));
    const b = this.many1(() => this.paramWithDefault(m));
    return b && this.expect('/') && this.paramEnd(m) ? [...a, ...b] : null;
  }

  private starEtc(m: ParamMode): { vararg: Param | null; kwonly: Param[]; kwarg: Param | null } | null {
    this.invalid(() => this.invalidStarEtc(m));
    const kw = (): Param | null => this.alt(() => this.kwds(m));
    return (
      this.alt(() => {
        const vararg = this.expect('*') && this.paramNoDefault(m);
        return vararg && { vararg, kwonly: this.many(() => this.paramMaybeDefault(m)), kwarg: kw() };
      }) ??
      this.alt(() => {
        if (m.lambda || !this.expect('*')) return null;
        const t = this.nameToken();
        const annotation = t && this.expect(':') && this.starExpression();
        if (!annotation || !this.paramEnd(m)) return null;
        const vararg = { arg: { kind: 'arg' as const, arg: t.string, ...this.span(t) }, annotation, value: null };
        return { vararg, kwonly: this.many(() => this.paramMaybeDefault(m)), kwarg: kw() };
      }) ??
      this.alt(() => {
        const kwonly = this.expect('*') && this.expect(',') && this.many1(() => this.paramMaybeDefault(m));
        return kwonly && { vararg: null, kwonly, kwarg: kw() };
      }) ??
      this.alt(() => {
        const kwarg = this.kwds(m);
        return kwarg && { vararg: null, kwonly: [], kwarg };
      })
    );
  }

  private kwds(m: ParamMode): Param | null {
    this.invalid(() => {
      if (!this.expect('**') || !this.param(m)) return null;
      const eq = this.alt(() => this.expect('='));
      if (eq) this.raiseAt(eq, 'var-keyword argument cannot have default value');
      if (!this.expect(',')) return null;
      const after =
        this.alt(() => this.param(m)) ?? this.alt(() => this.expect('*') ?? this.expect('**') ?? this.expect('/'));
      if (after) this.raiseAt('arg' in after ? after.arg : after, 'arguments cannot follow var-keyword argument');
      return null;
    });
    return this.alt(() => this.expect('**') && this.paramNoDefault(m));
  }

  private invalidStarEtc(m: ParamMode): null {
    this.alt(() => {
      const a = this.expect('*');
      if (!a) return null;
      const ok =
        this.alt(() => this.expect(m.closer)) ??
        this.alt(() => this.expect(',') && (this.expect(m.closer) ?? this.expect('**')));
      if (!ok) return null;
      if (m.lambda) this.raiseGeneric('named arguments must follow bare *');
      this.raiseAt(a, 'named arguments must follow bare *');
    });
    this.alt(() => {
      const eq = this.expect('*') && this.param(m) && this.expect('=');
      return eq && this.raiseAt(eq, 'var-positional argument cannot have default value');
    });
    this.alt(() => {
      const first = this.expect('*') && (this.alt(() => this.paramNoDefault(m)) ?? this.alt(() => this.expect(',')));
      if (!first) return null;
      this.many(() => this.paramMaybeDefault(m));
      const a = this.expect('*');
      const second = a && (this.alt(() => this.paramNoDefault(m)) ?? this.alt(() => this.expect(',')));
      return second && this.raiseAt(a, '* argument may appear only once');
    });
    return null;
  }

  private invalidParameters(m: ParamMode): null {
    const slashEither = (): Param[] | null =>
      this.alt(() => this.slashNoDefault(m)) ?? this.alt(() => this.slashWithDefault(m));
    this.alt(() => {
      this.many(() => this.paramNoDefault(m));
      const helper =
        this.alt(() => this.slashWithDefault(m)) ?? this.alt(() => this.many1(() => this.paramWithDefault(m)));
      const a = helper && this.paramNoDefault(m);
      return a && this.raiseAt(a.arg, 'non-default argument follows default argument');
    });
    this.alt(() => {
      this.many(() => this.paramNoDefault(m));
      const a = this.expect('(');
      const inner = a && (m.lambda ? this.gather(',', () => this.param(m)) : this.many1(() => this.paramNoDefault(m)));
      if (!inner) return null;
      this.alt(() => this.expect(','));
      const b = this.expect(')');
      const what = m.lambda ? 'Lambda expression parameters' : 'Function parameters';
      return b && this.raiseAt(a, `${what} cannot be parenthesized`, b);
    });
    this.alt(() => {
      const a = this.expect('/');
      return a && this.expect(',') && this.raiseAt(a, 'at least one argument must precede /');
    });
    this.alt(() => {
      if (!slashEither()) return null;
      this.many(() => this.paramMaybeDefault(m));
      const a = this.expect('/');
      return a && this.raiseAt(a, '/ may appear only once');
    });
    this.alt(() => {
      slashEither();
      this.many(() => this.paramMaybeDefault(m));
      if (!this.expect('*') || !(this.alt(() => this.expect(',')) ?? this.alt(() => this.paramNoDefault(m))))
        return null;
      this.many(() => this.paramMaybeDefault(m));
      const a = this.expect('/');
      return a && this.raiseAt(a, '/ must be ahead of *');
    });
    this.alt(() => {
      if (!this.many1(() => this.paramMaybeDefault(m)) || !this.expect('/')) return null;
      const a = this.expect('*');
      return a && this.raiseAt(a, 'expected comma between / and *');
    });
    return null;
  }

  // ---- if / while / for / with / try ----

  private ifStmt(): PStmt | null {
    this.invalid(() => this.invalidConditional('if', "'if' statement"));
    return this.alt(() => this.ifRest('if'));
  }

  // `if`/`elif` test ':' block, then an elif chain or an optional else.
  private ifRest(keyword: 'if' | 'elif'): PStmt | null {
    const start = this.expect(keyword);
    const test = start && this.namedExpression();
    if (!test || !this.expect(':')) return null;
    const body = this.blockRule();
    if (!body) return null;
    const elif = this.alt(() => this.elifStmt());
    const orelse = elif ? [elif] : (this.alt(() => this.elseBlock()) ?? []);
    return { kind: 'If', test, body, orelse, ...this.span(start) };
  }

  private elifStmt(): PStmt | null {
    this.invalid(() => this.invalidConditional('elif', "'elif' statement"));
    return this.alt(() => this.ifRest('elif'));
  }

  /** invalid_if_stmt, invalid_elif_stmt, invalid_while_stmt. */
  private invalidConditional(keyword: string, what: string): null {
    this.alt(() => this.expect(keyword) && this.namedExpression() && this.missingColon());
    this.alt(() => {
      const a = this.expect(keyword);
      return a && this.namedExpression() && this.expect(':') && this.missingIndent(what, a);
    });
    return null;
  }

  private elseBlock(): PStmt[] | null {
    return this.keywordBlock('else');
  }

  /** else_block / finally_block: `keyword ':' block`, or the missing-indent error. */
  private keywordBlock(keyword: string): PStmt[] | null {
    this.invalid(() => {
      const a = this.expect(keyword);
      return a && this.expect(':') && this.missingIndent(`'${keyword}' statement`, a);
    });
    return this.alt(() => this.expect(keyword) && this.forcedColonBlock());
  }

  private whileStmt(): PStmt | null {
    this.invalid(() => this.invalidConditional('while', "'while' statement"));
    return this.alt((): PStmt | null => {
      const start = this.expect('while');
      const test = start && this.namedExpression();
      if (!test || !this.expect(':')) return null;
      const body = this.blockRule();
      if (!body) return null;
      const orelse = this.alt(() => this.elseBlock());
      return { kind: 'While', test, body, ...(orelse ? { orelse } : {}), ...this.span(start) };
    });
  }

  private forStmt(): PStmt | null {
    this.invalid(() => {
      this.alt(() => this.expect('async'));
      const a = this.expect('for');
      if (!a || !this.starTargets() || !this.expect('in') || !this.starExpressions()) return null;
      if (this.alt(() => this.missingColon())) return null;
      return this.expect(':') && this.missingIndent("'for' statement", a);
    });
    const m = this.mark;
    const start = this.cur();
    const isAsync = this.alt(() => this.expect('async')) !== null;
    const target = this.expect('for') && this.starTargets();
    if (target && this.expect('in')) {
      // cut: past 'in', failing here fails the whole rule
      const iter = this.starExpressions();
      const body = iter && this.expect(':') && this.blockRule();
      if (!iter || !body) {
        this.mark = m;
        return null;
      }
      const orelse = this.alt(() => this.elseBlock());
      const pos = this.span(start);
      if (isAsync) {
        return this.foreign(
          'For',
          "'async for' loops",
          pos,
          [target, iter],
          [this.block(body, 'same', true), this.block(orelse ?? [])],
        );
      }
      return { kind: 'For', target, iter, body, ...(orelse ? { orelse } : {}), ...pos };
    }
    this.mark = m;
    this.invalid(() => this.invalidForTarget());
    return null;
  }

  private invalidForTarget(): null {
    this.alt(() => {
      this.alt(() => this.expect('async'));
      const a = this.expect('for') && this.starExpressions();
      return a && this.raiseInvalidTarget('for', a);
    });
    return null;
  }

  private withStmt(): PStmt | null {
    this.invalid(() => this.invalidWith(true));
    const start = this.cur();
    const make = (isAsync: boolean, items: PExpr[][] | null, body: PStmt[] | null): PStmt | null =>
      items &&
      body &&
      this.foreign('With', isAsync ? "'async with' statements" : "'with' statements", this.span(start), items.flat(), [
        this.block(body),
      ]);
    const r =
      this.alt(() => {
        const isAsync = this.alt(() => this.expect('async')) !== null;
        if (!this.expect('with') || !this.expect('(')) return null;
        const items = this.gather(',', () => this.withItem());
        if (!items) return null;
        this.alt(() => this.expect(','));
        return this.expect(')') && this.expect(':') && make(isAsync, items, this.blockRule());
      }) ??
      this.alt(() => {
        const isAsync = this.alt(() => this.expect('async')) !== null;
        const items = this.expect('with') && this.gather(',', () => this.withItem());
        return items && this.expect(':') && make(isAsync, items, this.blockRule());
      });
    if (r) return r;
    this.invalid(() => this.invalidWith(false));
    return null;
  }

  // invalid_with_stmt_indent (missing indented block) and invalid_with_stmt (missing ':').
  private invalidWith(indent: boolean): null {
    const itemsPlain = (): unknown =>
      this.gather(',', () => this.expression() && this.optional(() => this.expect('as') && this.starTarget()));
    const itemsParen = (): unknown => {
      if (!this.expect('(')) return null;
      const items = this.gather(
        ',',
        () => this.expressions() && this.optional(() => this.expect('as') && this.starTarget()),
      );
      if (!items) return null;
      this.alt(() => this.expect(','));
      return this.expect(')');
    };
    for (const items of [itemsPlain, itemsParen]) {
      this.alt(() => {
        this.alt(() => this.expect('async'));
        const a = this.expect('with');
        if (!a || !items()) return null;
        if (!indent) return this.missingColon();
        return this.expect(':') && this.missingIndent("'with' statement", a);
      });
    }
    return null;
  }

  private withItem(): PExpr[] | null {
    const r = this.alt(() => {
      const e = this.expression();
      const t = e && this.expect('as') && this.starTarget();
      return t && this.ahead(true, () => this.expect(',') ?? this.expect(')') ?? this.expect(':')) ? [e, t] : null;
    });
    if (r) return r;
    this.invalid(() => {
      const a = this.expression() && this.expect('as') && this.expression();
      return (
        a &&
        this.ahead(true, () => this.expect(',') ?? this.expect(')') ?? this.expect(':')) &&
        this.raiseInvalidTarget('star', a)
      );
    });
    return this.alt(() => {
      const e = this.expression();
      return e && [e];
    });
  }

  private tryStmt(): PStmt | null {
    this.invalid(() => this.invalidTry());
    const start = this.cur();
    const make = (body: PStmt[], handlers: Handler[], orelse: PStmt[] | null, fin: PStmt[] | null): PStmt => {
      const pos = this.span(start);
      if (handlers.some((h) => h.star)) {
        return this.foreign(
          'TryStar',
          "'except*' clauses",
          pos,
          handlers.flatMap((h) => (h.type ? [h.type] : [])),
          [
            this.block(body),
            ...handlers.map((h) => this.block(h.body)),
            this.block(orelse ?? []),
            this.block(fin ?? []),
          ],
        );
      }
      const except = handlers.map(({ star: _, ...h }): A.ExceptHandler<Foreign> => h);
      return { kind: 'Try', body, handlers: except, orelse: orelse ?? [], finalbody: fin ?? [], ...pos };
    };
    return (
      this.alt(() => {
        const body = this.expect('try') && this.forcedColonBlock();
        const fin = body && this.finallyBlock();
        return fin && make(body, [], null, fin);
      }) ??
      this.alt(() => {
        const body = this.expect('try') && this.forcedColonBlock();
        const handlers = body && this.many1(() => this.exceptBlock(false));
        if (!handlers) return null;
        return make(
          body,
          handlers,
          this.alt(() => this.elseBlock()),
          this.alt(() => this.finallyBlock()),
        );
      }) ??
      this.alt(() => {
        const body = this.expect('try') && this.forcedColonBlock();
        const handlers = body && this.many1(() => this.exceptBlock(true));
        if (!handlers) return null;
        return make(
          body,
          handlers,
          this.alt(() => this.elseBlock()),
          this.alt(() => this.finallyBlock()),
        );
      })
    );
  }

  private invalidTry(): null {
    this.alt(() => {
      const a = this.expect('try');
      return a && this.expect(':') && this.missingIndent("'try' statement", a);
    });
    this.alt(() => {
      if (!this.expect('try') || !this.expect(':') || !this.blockRule()) return null;
      return (
        this.ahead(false, () => this.expect('except') ?? this.expect('finally')) &&
        this.raiseGeneric("expected 'except' or 'finally' block")
      );
    });
    this.alt(() => {
      if (!this.expect('try') || !this.expect(':')) return null;
      this.many(() => this.blockRule());
      if (!this.many1(() => this.exceptBlock(false))) return null;
      const a = this.expect('except');
      const b = a && this.expect('*');
      if (!b || !this.expression()) return null;
      this.alt(() => this.expect('as') && this.nameToken());
      return this.expect(':') && this.raiseAt(a, "cannot have both 'except' and 'except*' on the same 'try'", b);
    });
    this.alt(() => {
      if (!this.expect('try') || !this.expect(':')) return null;
      this.many(() => this.blockRule());
      if (!this.many1(() => this.exceptBlock(true))) return null;
      const a = this.expect('except');
      if (!a) return null;
      this.alt(() => this.expression() && this.optional(() => this.expect('as') && this.nameToken()));
      return this.expect(':') && this.raiseAt(a, "cannot have both 'except' and 'except*' on the same 'try'");
    });
    return null;
  }

  private exceptBlock(star: boolean): Handler | null {
    this.invalid(() => {
      const a = this.expect('except');
      if (!a || (star && !this.expect('*'))) return null;
      const what = star ? "'except*' statement" : "'except' statement";
      if (!star && this.alt(() => this.expect(':') && this.missingIndent(what, a))) return null;
      if (!this.expression()) return null;
      this.alt(() => this.expect('as') && this.nameToken());
      return this.expect(':') && this.missingIndent(what, a);
    });
    const r = this.alt((): Handler | null => {
      const start = this.expect('except');
      if (!start || (star && !this.expect('*'))) return null;
      const type = this.expression();
      if (!type) return null;
      const name = this.alt(() => this.expect('as') && this.nameToken());
      const body = this.expect(':') && this.blockRule();
      return body && { kind: 'ExceptHandler', type, name: name?.string ?? null, body, star, ...this.span(start) };
    });
    if (r) return r;
    if (!star) {
      const bare = this.alt((): Handler | null => {
        const start = this.expect('except');
        const body = start && this.expect(':') && this.blockRule();
        return body && { kind: 'ExceptHandler', type: null, name: null, body, star, ...this.span(start) };
      });
      if (bare) return bare;
    }
    this.invalid(() => this.invalidExcept());
    return null;
  }

  private invalidExcept(): null {
    this.alt(() => {
      if (!this.expect('except')) return null;
      this.alt(() => this.expect('*'));
      const a = this.expression();
      if (!a || !this.expect(',') || !this.expressions()) return null;
      this.alt(() => this.expect('as') && this.nameToken());
      return this.expect(':') && this.raiseStartingFrom(a, 'multiple exception types must be parenthesized');
    });
    this.alt(() => {
      if (!this.expect('except')) return null;
      this.alt(() => this.expect('*'));
      if (!this.expression()) return null;
      this.alt(() => this.expect('as') && this.nameToken());
      return this.missingColon();
    });
    this.alt(() => this.expect('except') && this.missingColon());
    this.alt(
      () =>
        this.expect('except') &&
        this.expect('*') &&
        (this.expectType('NEWLINE') ?? this.expect(':')) &&
        this.raiseGeneric('expected one or more exception types'),
    );
    return null;
  }

  private finallyBlock(): PStmt[] | null {
    return this.keywordBlock('finally');
  }

  // ---- match ----

  private matchStmt(): PStmt | null {
    const r = this.alt(() => {
      const start = this.softKeyword('match');
      const subject = start && this.subjectExpr();
      if (!subject || !this.expect(':') || !this.expectType('NEWLINE') || !this.expectType('INDENT')) return null;
      const cases = this.many1(() => this.caseBlock());
      if (!cases || !this.expectType('DEDENT')) return null;
      return this.foreign(
        'Match',
        "'match' statements",
        this.span(start),
        [subject, ...cases.flatMap((c) => c.exprs)],
        cases.map((c) => this.block(c.body)),
      );
    });
    if (r) return r;
    this.invalid(() => {
      this.alt(() => this.softKeyword('match') && this.subjectExpr() && this.missingColon());
      this.alt(() => {
        const a = this.softKeyword('match');
        return a && this.subjectExpr() && this.expect(':') && this.missingIndent("'match' statement", a);
      });
      return null;
    });
    return null;
  }

  private subjectExpr(): PExpr | null {
    return (
      this.alt(() => {
        const start = this.cur();
        const first = this.starNamedExpression();
        if (!first || !this.expect(',')) return null;
        const rest = this.alt(() => this.starNamedExpressions()) ?? [];
        return { kind: 'Tuple', elts: [first, ...rest], ctx: 'Load', ...this.span(start) } as PExpr;
      }) ?? this.alt(() => this.namedExpression())
    );
  }

  private caseBlock(): CaseClause | null {
    this.invalid(() => {
      this.alt(() => {
        if (!this.softKeyword('case') || !this.patterns()) return null;
        this.alt(() => this.guard());
        return this.missingColon();
      });
      this.alt(() => {
        const a = this.softKeyword('case');
        if (!a || !this.patterns()) return null;
        this.alt(() => this.guard());
        return this.expect(':') && this.missingIndent("'case' statement", a);
      });
      return null;
    });
    return this.alt(() => {
      if (!this.softKeyword('case') || !this.patterns()) return null;
      const guard = this.alt(() => this.guard());
      const body = this.expect(':') && this.blockRule();
      return body && { exprs: guard ? [guard] : [], body };
    });
  }

  private guard(): PExpr | null {
    return this.expect('if') && this.namedExpression();
  }

  // Patterns are checked for syntax only; pymemlab never evaluates them.
  private patterns(): Pos | null {
    return this.alt(() => this.openSequencePattern()) ?? this.alt(() => this.pattern());
  }

  private pattern(): Pos | null {
    return this.alt(() => this.asPattern()) ?? this.alt(() => this.orPattern());
  }

  private asPattern(): Pos | null {
    const r = this.alt(() => {
      const start = this.cur();
      return this.orPattern() && this.expect('as') && this.patternCaptureTarget() && this.span(start);
    });
    if (r) return r;
    this.invalid(() => {
      this.alt(() => {
        const a = this.orPattern() && this.expect('as') && this.softKeyword('_');
        return a && this.raiseAt(a, "cannot use '_' as a target");
      });
      this.alt(() => {
        if (!this.orPattern() || !this.expect('as') || !this.ahead(false, () => this.nameToken())) return null;
        const a = this.expression();
        return a && this.raiseAt(a, 'invalid pattern target');
      });
      return null;
    });
    return null;
  }

  private orPattern(): Pos | null {
    const start = this.cur();
    return this.gather('|', () => this.closedPattern()) && this.span(start);
  }

  private closedPattern(): Pos | null {
    return this.memo(
      'closed_pattern',
      () =>
        this.alt(() => this.literalPattern()) ??
        this.alt(() => this.patternCaptureTarget()) ??
        this.alt(() => this.softKeyword('_')) ??
        this.alt(() => {
          const a = this.attr();
          return a && this.ahead(false, () => this.expect('.') ?? this.expect('(') ?? this.expect('=')) && a;
        }) ??
        this.alt(() => {
          const p = this.expect('(') && this.pattern();
          return p && this.expect(')') && p;
        }) ??
        this.alt(() => this.sequencePattern()) ??
        this.alt(() => this.mappingPattern()) ??
        this.alt(() => this.classPattern()),
    );
  }

  private literalPattern(): Pos | null {
    return (
      this.alt(() => {
        const n = this.signedNumber();
        return n && this.ahead(false, () => this.expect('+') ?? this.expect('-')) && n;
      }) ??
      this.alt(() => this.complexNumber()) ??
      this.alt(() => this.strings()) ??
      this.alt(() => this.expect('None') ?? this.expect('True') ?? this.expect('False'))
    );
  }

  private complexNumber(): Pos | null {
    const start = this.cur();
    const real = this.alt(() => this.signedNumber());
    if (!real || !(this.expect('+') ?? this.expect('-'))) return null;
    const imag = this.expectType('NUMBER');
    if (!imag) return null;
    if (/[jJ]$/.test(real.string)) this.raiseAt(real, 'real number required in complex literal');
    if (!/[jJ]$/.test(imag.string)) this.raiseAt(imag, 'imaginary number required in complex literal');
    return this.span(start);
  }

  private signedNumber(): Token | null {
    return this.alt(() => this.expectType('NUMBER')) ?? this.alt(() => this.expect('-') && this.expectType('NUMBER'));
  }

  private patternCaptureTarget(): Pos | null {
    if (this.ahead(true, () => this.softKeyword('_'))) return null;
    const n = this.nameToken();
    return n && this.ahead(false, () => this.expect('.') ?? this.expect('(') ?? this.expect('=')) ? n : null;
  }

  private attr(): Pos | null {
    const start = this.nameToken();
    if (!start || !this.expect('.') || !this.nameToken()) return null;
    this.many(() => this.expect('.') && this.nameToken());
    return this.span(start);
  }

  private nameOrAttr(): Pos | null {
    return this.alt(() => this.attr()) ?? this.alt(() => this.nameToken());
  }

  private sequencePattern(): Pos | null {
    const start = this.cur();
    return (
      this.alt(() => {
        if (!this.expect('[')) return null;
        this.alt(() => this.maybeSequencePattern());
        return this.expect(']') && this.span(start);
      }) ??
      this.alt(() => {
        if (!this.expect('(')) return null;
        this.alt(() => this.openSequencePattern());
        return this.expect(')') && this.span(start);
      })
    );
  }

  private openSequencePattern(): Pos | null {
    const start = this.cur();
    if (!this.maybeStarPattern() || !this.expect(',')) return null;
    this.alt(() => this.maybeSequencePattern());
    return this.span(start);
  }

  private maybeSequencePattern(): Pos | null {
    const start = this.cur();
    if (!this.gather(',', () => this.maybeStarPattern())) return null;
    this.alt(() => this.expect(','));
    return this.span(start);
  }

  private maybeStarPattern(): Pos | null {
    return (
      this.alt(() =>
        this.memo(
          'star_pattern',
          () =>
            this.alt(() => this.expect('*') && this.patternCaptureTarget()) ??
            this.alt(() => this.expect('*') && this.softKeyword('_')),
        ),
      ) ?? this.alt(() => this.pattern())
    );
  }

  private mappingPattern(): Pos | null {
    const start = this.cur();
    const close = (): Pos | null => {
      this.alt(() => this.expect(','));
      return this.expect('}') && this.span(start);
    };
    const doubleStar = (): boolean => this.expect('**') !== null && this.patternCaptureTarget() !== null;
    const items = (): boolean =>
      this.gather(',', () => {
        const key = this.alt(() => this.literalPattern()) ?? this.alt(() => this.attr());
        return key && this.expect(':') && this.pattern();
      }) !== null;
    return (
      this.alt(() => this.expect('{') && this.expect('}') && this.span(start)) ??
      this.alt(() => this.expect('{') && doubleStar() && close()) ??
      this.alt(() => this.expect('{') && items() && this.expect(',') && doubleStar() && close()) ??
      this.alt(() => this.expect('{') && items() && close())
    );
  }

  private classPattern(): Pos | null {
    const start = this.cur();
    const positional = (): Pos[] | null => this.gather(',', () => this.pattern());
    const keywords = (): boolean =>
      this.gather(',', () => this.nameToken() && this.expect('=') && this.pattern()) !== null;
    const close = (): Pos | null => {
      this.alt(() => this.expect(','));
      return this.expect(')') && this.span(start);
    };
    const r =
      this.alt(() => this.nameOrAttr() && this.expect('(') && this.expect(')') && this.span(start)) ??
      this.alt(() => this.nameOrAttr() && this.expect('(') && positional() && close()) ??
      this.alt(() => this.nameOrAttr() && this.expect('(') && keywords() && close()) ??
      this.alt(
        () => this.nameOrAttr() && this.expect('(') && positional() && this.expect(',') && keywords() && close(),
      );
    if (r) return r;
    this.invalid(() => {
      if (!this.nameOrAttr() || !this.expect('(')) return null;
      this.alt(() => positional() && this.expect(','));
      if (!keywords() || !this.expect(',')) return null;
      const a = positional();
      return a && this.raiseAt(a[0], 'positional patterns follow keyword patterns', a[a.length - 1]);
    });
    return null;
  }

  // =====================================================================================
  // expressions
  // =====================================================================================

  private expressions(): PExpr | null {
    const start = this.cur();
    const first = this.expression();
    if (!first) return null;
    const rest = this.many(() => this.expect(',') && this.expression());
    if (rest.length > 0) {
      this.alt(() => this.expect(','));
      return this.tuple([first, ...rest], start);
    }
    if (this.alt(() => this.expect(','))) return this.tuple([first], start);
    return first;
  }

  private tuple(elts: PExpr[], start: Pos, ctx: A.Ctx = 'Load'): PExpr {
    return { kind: 'Tuple', elts, ctx, ...this.span(start) };
  }

  private expression(): PExpr | null {
    return this.memo('expression', () => {
      this.invalid(() => this.invalidExpression());
      this.invalid(() => this.invalidLegacyExpression());
      return this.expressionWithoutInvalid();
    });
  }

  private expressionWithoutInvalid(): PExpr | null {
    return (
      this.alt((): PExpr | null => {
        const start = this.cur();
        const body = this.disjunction();
        const test = body && this.expect('if') && this.disjunction();
        const orelse = test && this.expect('else') && this.expression();
        return orelse && { kind: 'IfExp', test, body, orelse, ...this.span(start) };
      }) ??
      this.alt(() => this.disjunction()) ??
      this.alt(() => this.lambdef())
    );
  }

  private invalidExpression(): null {
    this.alt(() => {
      const blocked = this.ahead(
        true,
        () => this.alt(() => this.nameToken() && this.expectType('STRING')) ?? this.alt(() => this.softKeywordAny()),
      );
      if (blocked) return null;
      const a = this.disjunction();
      const b = a && this.withoutInvalidRules(() => this.expressionWithoutInvalid());
      if (!a || !b) return null;
      if (this.isLegacyName(a) || this.tokens[this.mark - 1].level === 0) return null;
      return this.raiseAt(a, 'invalid syntax. Perhaps you forgot a comma?', b);
    });
    this.alt(() => {
      const a = this.disjunction();
      const b = a && this.expect('if') && this.disjunction();
      return (
        b &&
        this.ahead(false, () => this.expect('else') ?? this.expect(':')) &&
        this.raiseAt(a, "expected 'else' after 'if' expression", b)
      );
    });
    return null;
  }

  /** CPython's SOFT_KEYWORD token test compares only the token's length of each soft keyword,
   *  so any prefix of one ('c', 'ma', ...) passes too. */
  private softKeywordAny(): Token | null {
    const t = this.cur();
    if (t.type !== 'NAME' || ![...SOFT_KEYWORDS].some((k) => k.startsWith(t.string))) return null;
    this.mark++;
    return t;
  }

  private isLegacyName(e: PExpr): boolean {
    return e.kind === 'Name' && (e.id === 'print' || e.id === 'exec');
  }

  private invalidLegacyExpression(): null {
    this.alt(() => {
      const a = this.name();
      if (!a || !this.ahead(false, () => this.expect('('))) return null;
      const b = this.starExpressions();
      return (
        b &&
        this.isLegacyName(a) &&
        this.raiseAt(a, `Missing parentheses in call to '${a.id}'. Did you mean ${a.id}(...)?`, b)
      );
    });
    return null;
  }

  private yieldExpr(): PExpr | null {
    const start = this.cur();
    return (
      this.alt(() => {
        const value = this.expect('yield') && this.expect('from') && this.expression();
        return value && this.foreign('YieldFrom', "'yield from' expressions", this.span(start), [value]);
      }) ??
      this.alt(() => {
        if (!this.expect('yield')) return null;
        const value = this.alt(() => this.starExpressions());
        return { kind: 'Yield', value, ...this.span(start) };
      })
    );
  }

  private starExpressions(): PExpr | null {
    const start = this.cur();
    const first = this.starExpression();
    if (!first) return null;
    const rest = this.many(() => this.expect(',') && this.starExpression());
    if (rest.length > 0) {
      this.alt(() => this.expect(','));
      return this.tuple([first, ...rest], start);
    }
    if (this.alt(() => this.expect(','))) return this.tuple([first], start);
    return first;
  }

  private starExpression(): PExpr | null {
    return this.memo(
      'star_expression',
      () => this.alt(() => this.starred(() => this.bitwiseOr())) ?? this.alt(() => this.expression()),
    );
  }

  /** `'*' value` as a Starred node. */
  private starred(value: () => PExpr | null): PExpr | null {
    const start = this.expect('*');
    const v = start && value();
    return v && this.foreign('Starred', "starred ('*') expressions", this.span(start), [v]);
  }

  private starNamedExpressions(): PExpr[] | null {
    const items = this.gather(',', () => this.starNamedExpression());
    if (!items) return null;
    this.alt(() => this.expect(','));
    return items;
  }

  private starNamedExpression(): PExpr | null {
    return this.alt(() => this.starred(() => this.bitwiseOr())) ?? this.alt(() => this.namedExpression());
  }

  private assignmentExpression(): PExpr | null {
    const m = this.mark;
    const target = this.name('Store');
    if (!target || !this.expect(':=')) {
      this.mark = m;
      return null;
    }
    const value = this.expression();
    if (!value) {
      this.mark = m;
      return null;
    }
    return this.foreign('NamedExpr', "assignment expressions (':=')", this.span(target), [target, value]);
  }

  private namedExpression(): PExpr | null {
    const a = this.alt(() => this.assignmentExpression());
    if (a) return a;
    this.invalid(() => this.invalidNamedExpression());
    return this.alt(() => {
      const e = this.expression();
      return e && this.ahead(false, () => this.expect(':=')) && e;
    });
  }

  private invalidNamedExpression(): null {
    return this.memo('invalid_named_expression', () => {
      this.alt(() => {
        const a = this.expression();
        return (
          a &&
          this.expect(':=') &&
          this.expression() &&
          this.raiseAt(a, `cannot use assignment expressions with ${exprName(a)}`)
        );
      });
      this.alt(() => {
        const a = this.name();
        const b = a && this.expect('=') && this.bitwiseOr();
        return (
          b &&
          this.ahead(false, () => this.expect('=') ?? this.expect(':=')) &&
          this.raiseAt(a, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", b)
        );
      });
      this.alt(() => {
        const excluded = this.ahead(
          true,
          () =>
            this.alt(() => this.list()) ??
            this.alt(() => this.tupleAtom()) ??
            this.alt(() => this.genexp()) ??
            this.alt(() => this.expect('True') ?? this.expect('None') ?? this.expect('False')),
        );
        if (excluded) return null;
        const a = this.bitwiseOr();
        if (!a || !this.expect('=') || !this.bitwiseOr()) return null;
        return (
          this.ahead(false, () => this.expect('=') ?? this.expect(':=')) &&
          this.raiseAt(a, `cannot assign to ${exprName(a)} here. Maybe you meant '==' instead of '='?`)
        );
      });
      return null;
    });
  }

  private disjunction(): PExpr | null {
    return this.memo('disjunction', () => this.boolOp('or', 'Or', () => this.conjunction()));
  }

  private conjunction(): PExpr | null {
    return this.memo('conjunction', () => this.boolOp('and', 'And', () => this.inversion()));
  }

  private boolOp(keyword: string, op: A.BoolOperator, operand: () => PExpr | null): PExpr | null {
    const start = this.cur();
    const first = operand();
    if (!first) return null;
    const rest = this.many(() => this.expect(keyword) && operand());
    return rest.length === 0 ? first : { kind: 'BoolOp', op, values: [first, ...rest], ...this.span(start) };
  }

  private inversion(): PExpr | null {
    return this.memo('inversion', () => {
      const start = this.cur();
      return (
        this.alt((): PExpr | null => {
          const operand = this.expect('not') && this.inversion();
          return operand && { kind: 'UnaryOp', op: 'Not', operand, ...this.span(start) };
        }) ?? this.alt(() => this.comparison())
      );
    });
  }

  private comparison(): PExpr | null {
    const start = this.cur();
    const left = this.bitwiseOr();
    if (!left) return null;
    const pairs = this.many(() => this.compareOpPair());
    if (pairs.length === 0) return left;
    return {
      kind: 'Compare',
      left,
      ops: pairs.map((p) => p[0]),
      comparators: pairs.map((p) => p[1]),
      ...this.span(start),
    };
  }

  private compareOpPair(): [A.CmpOperator, PExpr] | null {
    const pair = (op: A.CmpOperator, ...tokens: string[]): [A.CmpOperator, PExpr] | null =>
      this.alt(() => {
        if (!tokens.every((t) => this.expect(t))) return null;
        const right = this.bitwiseOr();
        return right && [op, right];
      });
    return (
      pair('Eq', '==') ??
      pair('NotEq', '!=') ??
      pair('LtE', '<=') ??
      pair('Lt', '<') ??
      pair('GtE', '>=') ??
      pair('Gt', '>') ??
      pair('NotIn', 'not', 'in') ??
      pair('In', 'in') ??
      pair('IsNot', 'is', 'not') ??
      pair('Is', 'is')
    );
  }

  private bitwiseOr(): PExpr | null {
    return this.memo('bitwise_or', () => this.binaryLevel(0));
  }

  // The left-associative binary levels, loosest first (bitwise_or ... term).
  private binaryLevel(level: number): PExpr | null {
    if (level === BINARY_LEVELS.length) return this.factor();
    const start = this.cur();
    let left = this.binaryLevel(level + 1);
    if (!left) return null;
    for (;;) {
      const next = this.alt(() => {
        const t = this.cur();
        if (t.type !== 'OP' || !BINARY_LEVELS[level].includes(t.string)) return null;
        this.mark++;
        const right = this.binaryLevel(level + 1);
        return right && { op: t.string, right };
      });
      if (!next) return left;
      const pos = this.span(start);
      const op = SUBSET_BIN_OPS[next.op];
      left = op
        ? { kind: 'BinOp', left, op, right: next.right, ...pos }
        : this.foreign('BinOp', BINARY_CONSTRUCTS[next.op], pos, [left, next.right]);
    }
  }

  private factor(): PExpr | null {
    return this.memo('factor', () => {
      const start = this.cur();
      const unary = this.alt((): PExpr | null => {
        const t = this.cur();
        if (t.type !== 'OP' || (t.string !== '+' && t.string !== '-' && t.string !== '~')) return null;
        this.mark++;
        const operand = this.factor();
        if (!operand) return null;
        const pos = this.span(start);
        return {
          kind: 'UnaryOp',
          op: t.string === '+' ? 'UAdd' : t.string === '-' ? 'USub' : 'Invert',
          operand,
          ...pos,
        };
      });
      return unary ?? this.alt(() => this.power());
    });
  }

  private power(): PExpr | null {
    const start = this.cur();
    return (
      this.alt(() => {
        const base = this.awaitPrimary();
        const exp = base && this.expect('**') && this.factor();
        return exp && { kind: 'BinOp', left: base, op: 'Pow', right: exp, ...this.span(start) };
      }) ?? this.alt(() => this.awaitPrimary())
    );
  }

  private awaitPrimary(): PExpr | null {
    return this.memo('await_primary', () => {
      const start = this.cur();
      return (
        this.alt(() => {
          const value = this.expect('await') && this.primary();
          return value && this.foreign('Await', 'await expressions', this.span(start), [value]);
        }) ?? this.alt(() => this.primary())
      );
    });
  }

  private primary(): PExpr | null {
    return this.memo('primary', () => {
      const start = this.cur();
      const first = this.atom();
      if (!first) return null;
      let e: PExpr = first;
      for (;;) {
        const base = e;
        const next =
          this.alt(() => this.attributeTail(base, start, 'Load')) ??
          this.alt(() => this.genexpCallTail(base, start)) ??
          this.alt(() => this.callTail(base, start)) ??
          this.alt(() => this.subscriptTail(base, start, 'Load'));
        if (!next) return e;
        e = next;
      }
    });
  }

  private attributeTail(value: PExpr, start: Pos, ctx: A.Ctx): PExpr | null {
    const attr = this.expect('.') && this.nameToken();
    return attr && { kind: 'Attribute', value, attr: attr.string, ctx, ...this.span(start) };
  }

  private genexpCallTail(func: PExpr, start: Pos): PExpr | null {
    const g = this.genexp();
    return g && { kind: 'Call', func, args: [g], keywords: [], ...this.span(start) };
  }

  private callTail(func: PExpr, start: Pos): PExpr | null {
    if (!this.expect('(')) return null;
    const args = this.alt(() => this.arguments());
    if (!this.expect(')')) return null;
    return this.makeCall(func, args?.items ?? [], this.span(start));
  }

  /** A call; `*value` among its positional arguments becomes a Starred node, `**value` a keyword without a name. */
  private makeCall(func: PExpr, items: CallItem[], pos: Pos): PExpr {
    const args = items
      .filter((i) => i.kind === 'pos')
      .map((i): PExpr => {
        const v = i.value;
        return v.kind === 'Foreign' && v.pyKind === 'Starred'
          ? { kind: 'Starred', value: v.exprs[0], ...this.posOf(v) }
          : v;
      });
    const keywords = items.flatMap((i): A.Keyword<Foreign>[] =>
      i.kind === 'kw' ? [i.kw] : i.kind === 'dstar' ? [{ kind: 'keyword', arg: null, value: i.value, ...i.pos }] : [],
    );
    return { kind: 'Call', func, args, keywords, ...pos };
  }

  private posOf(p: Pos): Pos {
    return { lineno: p.lineno, col: p.col, endLineno: p.endLineno, endCol: p.endCol };
  }

  private subscriptTail(value: PExpr, start: Pos, ctx: A.Ctx): PExpr | null {
    const slice = this.expect('[') && this.slices();
    return slice && this.expect(']') && { kind: 'Subscript', value, slice, ctx, ...this.span(start) };
  }

  private slices(): PExpr | null {
    const start = this.cur();
    return (
      this.alt(() => {
        const s = this.slice();
        return s && this.ahead(false, () => this.expect(',')) && s;
      }) ??
      this.alt(() => {
        const items = this.gather(
          ',',
          () => this.alt(() => this.slice()) ?? this.alt(() => this.starred(() => this.expression())),
        );
        if (!items) return null;
        this.alt(() => this.expect(','));
        return this.tuple(items, start);
      })
    );
  }

  private slice(): PExpr | null {
    const start = this.cur();
    return (
      this.alt(() => {
        const lower = this.alt(() => this.expression());
        if (!this.expect(':')) return null;
        const upper = this.alt(() => this.expression());
        const step = this.alt(() => this.expect(':') && (this.alt(() => this.expression()) ?? true));
        return { kind: 'Slice', lower, upper, step: step === true ? null : step, ...this.span(start) };
      }) ?? this.alt(() => this.namedExpression())
    );
  }

  private atom(): PExpr | null {
    const t = this.cur();
    const pos = this.tokenPos(t);
    if (t.type === 'NAME') {
      if (!KEYWORDS.has(t.string)) return this.name();
      if (t.string === 'True' || t.string === 'False') {
        this.mark++;
        return { kind: 'Constant', value: { type: 'bool', value: t.string === 'True' }, ...pos };
      }
      if (t.string === 'None') {
        this.mark++;
        return { kind: 'Constant', value: { type: 'none' }, ...pos };
      }
      return null;
    }
    if (t.type === 'STRING') return this.strings();
    if (t.type === 'NUMBER') {
      this.mark++;
      return this.number(t);
    }
    if (t.type !== 'OP') return null;
    if (t.string === '(')
      return this.alt(() => this.tupleAtom()) ?? this.alt(() => this.group()) ?? this.alt(() => this.genexp());
    if (t.string === '[') return this.alt(() => this.list()) ?? this.alt(() => this.listcomp());
    if (t.string === '{') {
      return (
        this.alt(() => this.dict()) ??
        this.alt(() => this.set()) ??
        this.alt(() => this.dictcomp()) ??
        this.alt(() => this.setcomp())
      );
    }
    if (t.string === '...') {
      this.mark++;
      return this.foreign('Ellipsis', "ellipsis ('...') literals", pos, []);
    }
    return null;
  }

  private number(t: Token): PExpr {
    const text = t.string.replace(/_/g, '');
    const pos = this.tokenPos(t);
    if (/[jJ]$/.test(text)) return this.foreign('Constant', 'complex number literals', pos, []);
    if (!/^0[xXoObB]/.test(text) && /[.eE]/.test(text))
      return { kind: 'Constant', value: { type: 'float', value: Number(text) }, ...pos };
    if (/^[0-9]+$/.test(text) && text.length > INT_MAX_STR_DIGITS) {
      throw new ParseAbort(
        this.info(
          'SyntaxError',
          `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${text.length} digits; ` +
            'use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.',
          t.lineno,
          0,
          t.endLineno,
          0,
        ),
        false,
      );
    }
    return { kind: 'Constant', value: { type: 'int', value: BigInt(text.replace(/^0+(?=\d)/, '')) }, ...pos };
  }

  private strings(): PExpr | null {
    return this.memo('strings', () => {
      const toks = this.many1(() => this.expectType('STRING'));
      if (!toks) return null;
      const pos = this.span(toks[0]);
      let decoded;
      try {
        decoded = toks.map((t) => decodeStringToken(t.string));
      } catch (e) {
        if (e instanceof StringDecodeError) this.raiseGeneric(e.message);
        throw e;
      }
      if (decoded.some((d) => d.prefix.bytes !== decoded[0].prefix.bytes))
        this.raiseGeneric('cannot mix bytes and nonbytes literals');
      if (decoded.some((d) => d.prefix.fstring)) return this.fstring(toks, decoded, pos);
      if (decoded[0].prefix.bytes) return this.foreign('Constant', 'bytes literals', pos, []);
      if (decoded.some((d) => d.value === null))
        return this.foreign('Constant', "'\\N{...}' escapes in strings", pos, []);
      return { kind: 'Constant', value: { type: 'str', value: decoded.map((d) => d.value).join('') }, ...pos };
    });
  }

  // The f-string's fields are parsed as CPython 3.11 parses them: each expression on its own,
  // wrapped in parentheses, its positions moved to where it stands in the file.
  private fstring(toks: Token[], decoded: StringLiteral[], pos: Pos): PExpr {
    const field = (piece: number, f: FStringField): PExpr => {
      const t = toks[piece];
      const body = decoded[piece].body;
      const prefixLength = t.string.search(/['"]/);
      const bodyStart = prefixLength + (t.string.length - prefixLength - body.length) / 2;
      const before = t.string.slice(0, bodyStart + f.offset);
      const lines = before.split('\n');
      const lineno = t.lineno + lines.length - 1;
      const col = (lines.length === 1 ? t.col : 0) + Buffer.byteLength(lines[lines.length - 1]);
      let tree: PModule;
      try {
        tree = parseTokens(tokenize(`(${f.expr})`));
      } catch (e) {
        if (e instanceof ParseAbort) this.raiseGeneric(`f-string: ${e.info.msg}`);
        throw e;
      }
      const stmt = tree.body[0];
      if (tree.body.length !== 1 || stmt.kind !== 'Expr') this.raiseGeneric('f-string: invalid syntax');
      return movePositions(stmt.value, lineno - 1, col - 1);
    };
    try {
      return joinedStr(decoded, pos, field);
    } catch (e) {
      if (e instanceof FStringError) this.raiseGeneric(e.message);
      if (e instanceof StringDecodeError) this.raiseGeneric(e.message);
      if (e instanceof UndecodableEscape) return this.foreign('Constant', "'\\N{...}' escapes in strings", pos, []);
      throw e;
    }
  }

  private group(): PExpr | null {
    const r = this.alt(() => {
      const e = this.expect('(') && (this.alt(() => this.yieldExpr()) ?? this.alt(() => this.namedExpression()));
      return e && this.expect(')') && e;
    });
    if (r) return r;
    this.invalid(() => {
      this.alt(() => {
        const a = this.expect('(') && this.starred(() => this.expression());
        return a && this.expect(')') && this.raiseAt(a, 'cannot use starred expression here');
      });
      this.alt(() => {
        const a = this.expect('(') && this.expect('**');
        return (
          a && this.expression() && this.expect(')') && this.raiseAt(a, 'cannot use double starred expression here')
        );
      });
      return null;
    });
    return null;
  }

  private lambdef(): PExpr | null {
    const start = this.expect('lambda');
    if (!start) return null;
    const params = this.alt(() => this.params({ closer: ':', lambda: true }));
    const body = this.expect(':') && this.expression();
    if (!body) return null;
    const pos = this.span(start);
    const ret: PStmt = { kind: 'Return', value: body, ...this.span(body) };
    // compiler_lambda: a function `<lambda>` returning the body; parameters a def refuses are refused here too
    const fn = this.makeFunction('<lambda>', params, null, [ret], pos, false);
    if (fn.kind === 'FunctionDef') return { kind: 'Lambda', fn, ...pos };
    const refused = fn as Foreign;
    return this.foreign('Lambda', `${refused.construct} in lambda expressions`, pos, refused.exprs, refused.blocks);
  }

  private list(): PExpr | null {
    const start = this.expect('[');
    if (!start) return null;
    const elts = this.alt(() => this.starNamedExpressions()) ?? [];
    return this.expect(']') && { kind: 'List', elts, ctx: 'Load', ...this.span(start) };
  }

  private tupleAtom(): PExpr | null {
    const start = this.expect('(');
    if (!start) return null;
    const elts =
      this.alt(() => {
        const first = this.starNamedExpression();
        if (!first || !this.expect(',')) return null;
        return [first, ...(this.alt(() => this.starNamedExpressions()) ?? [])];
      }) ?? [];
    return this.expect(')') && this.tuple(elts, start);
  }

  private set(): PExpr | null {
    const start = this.expect('{');
    const elts = start && this.starNamedExpressions();
    return elts && this.expect('}') && { kind: 'Set', elts, ...this.span(start) };
  }

  private dict(): PExpr | null {
    const r = this.alt((): PExpr | null => {
      const start = this.expect('{');
      if (!start) return null;
      const pairs =
        this.alt(() => {
          const items = this.gather(',', () => this.doubleStarredKvpair());
          if (!items) return null;
          this.alt(() => this.expect(','));
          return items;
        }) ?? [];
      if (!this.expect('}')) return null;
      const pos = this.span(start);
      if (pairs.some((p) => p.key === null)) {
        return this.foreign(
          'Dict',
          "'**' entries in dict displays",
          pos,
          pairs.flatMap((p) => [p.key, p.value]),
        );
      }
      return { kind: 'Dict', keys: pairs.map((p) => p.key!), values: pairs.map((p) => p.value), ...pos };
    });
    if (r) return r;
    // Not gated on the second pass: CPython's generator only gates alternatives that are a bare
    // invalid_ rule, and this one starts with '{'.
    this.alt(() => this.expect('{') && this.invalidDoubleStarredKvpairs() && this.expect('}'));
    return null;
  }

  private doubleStarredKvpair(): { key: PExpr | null; value: PExpr } | null {
    return (
      this.alt(() => {
        const value = this.expect('**') && this.bitwiseOr();
        return value && { key: null, value };
      }) ?? this.alt(() => this.kvpair())
    );
  }

  private kvpair(): { key: PExpr; value: PExpr } | null {
    const key = this.expression();
    const value = key && this.expect(':') && this.expression();
    return key && value && { key, value };
  }

  private invalidDoubleStarredKvpairs(): null {
    this.alt(() => this.gather(',', () => this.doubleStarredKvpair()) && this.expect(',') && this.invalidKvpair());
    this.alt(() => {
      const a = this.expression() && this.expect(':') && this.expect('*');
      return (
        a && this.bitwiseOr() && this.raiseStartingFrom(a, 'cannot use a starred expression in a dictionary value')
      );
    });
    this.alt(() => {
      const a = this.expression() && this.expect(':');
      return (
        a &&
        this.ahead(true, () => this.expect('}') ?? this.expect(',')) &&
        this.raiseAt(a, "expression expected after dictionary key and ':'")
      );
    });
    return null;
  }

  private invalidKvpair(): null {
    this.alt(() => {
      const a = this.expression();
      if (!a || !this.ahead(false, () => this.expect(':'))) return null;
      throw new ParseAbort(
        this.info('SyntaxError', "':' expected after dictionary key", a.lineno, a.endCol, a.endLineno, 0),
        false,
      );
    });
    this.alt(() => {
      const a = this.expression() && this.expect(':') && this.expect('*');
      return (
        a && this.bitwiseOr() && this.raiseStartingFrom(a, 'cannot use a starred expression in a dictionary value')
      );
    });
    this.alt(() => {
      const a = this.expression() && this.expect(':');
      return (
        a &&
        this.ahead(true, () => this.expect('}') ?? this.expect(',')) &&
        this.raiseAt(a, "expression expected after dictionary key and ':'")
      );
    });
    return null;
  }

  // ---- comprehensions ----

  private forIfClauses(): Comprehension[] | null {
    return this.many1(() => this.forIfClause());
  }

  private forIfClause(): Comprehension | null {
    const m = this.mark;
    const isAsync = this.alt(() => this.expect('async')) !== null;
    const target = this.expect('for') && this.starTargets();
    if (target && this.expect('in')) {
      // cut: past 'in', failing here fails the whole rule
      const iter = this.disjunction();
      if (!iter) {
        this.mark = m;
        return null;
      }
      const ifs = this.many(() => this.expect('if') && this.disjunction());
      return { target, iter, ifs, isAsync };
    }
    this.mark = m;
    this.invalid(() => this.invalidForTarget());
    return null;
  }

  /** A comprehension node, or Foreign for an asynchronous one (outside the subset). */
  private comprehension(
    pyKind: 'ListComp' | 'SetComp' | 'DictComp' | 'GeneratorExp',
    start: Pos,
    elts: PExpr[],
    clauses: Comprehension[],
  ): PExpr {
    const pos = this.span(start);
    if (clauses.some((c) => c.isAsync)) {
      const exprs = [...elts, ...clauses.flatMap((c) => [c.target, c.iter, ...c.ifs])];
      return this.foreign(pyKind, 'asynchronous comprehensions', pos, exprs);
    }
    const generators = clauses.map(({ target, iter, ifs }) => ({ target, iter, ifs }));
    if (pyKind === 'DictComp') return { kind: pyKind, key: elts[0], value: elts[1], generators, ...pos };
    return { kind: pyKind, elt: elts[0], generators, ...pos };
  }

  private listcomp(): PExpr | null {
    return this.bracketedComprehension('[', ']', 'ListComp');
  }

  private setcomp(): PExpr | null {
    return this.bracketedComprehension('{', '}', 'SetComp');
  }

  /** listcomp / setcomp: `open named_expression for_if_clauses close`, or the invalid_comprehension error. */
  private bracketedComprehension(open: string, close: string, pyKind: 'ListComp' | 'SetComp'): PExpr | null {
    const r = this.alt(() => {
      const start = this.expect(open);
      const elt = start && this.namedExpression();
      const clauses = elt && this.forIfClauses();
      return clauses && this.expect(close) && this.comprehension(pyKind, start, [elt], clauses);
    });
    if (r) return r;
    this.invalid(() => this.invalidComprehension());
    return null;
  }

  private genexp(): PExpr | null {
    const r = this.alt(() => {
      const start = this.expect('(');
      const elt =
        start &&
        (this.alt(() => this.assignmentExpression()) ??
          this.alt(() => {
            const e = this.expression();
            return e && this.ahead(false, () => this.expect(':=')) && e;
          }));
      const clauses = elt && this.forIfClauses();
      return clauses && this.expect(')') && this.comprehension('GeneratorExp', start, [elt], clauses);
    });
    if (r) return r;
    this.invalid(() => this.invalidComprehension());
    return null;
  }

  private dictcomp(): PExpr | null {
    const r = this.alt(() => {
      const start = this.expect('{');
      const kv = start && this.kvpair();
      const clauses = kv && this.forIfClauses();
      return clauses && this.expect('}') && this.comprehension('DictComp', start, [kv.key, kv.value], clauses);
    });
    if (r) return r;
    this.invalid(() => {
      const a = this.expect('{') && this.expect('**');
      return (
        a &&
        this.bitwiseOr() &&
        this.forIfClauses() &&
        this.expect('}') &&
        this.raiseAt(a, 'dict unpacking cannot be used in dict comprehension')
      );
    });
    return null;
  }

  private invalidComprehension(): null {
    this.alt(() => {
      if (!(this.expect('[') ?? this.expect('(') ?? this.expect('{'))) return null;
      const a = this.starred(() => this.expression());
      return a && this.forIfClauses() && this.raiseAt(a, 'iterable unpacking cannot be used in comprehension');
    });
    this.alt(() => {
      if (!(this.expect('[') ?? this.expect('{'))) return null;
      const a = this.starNamedExpression();
      const b = a && this.expect(',') && this.starNamedExpressions();
      return (
        b &&
        this.forIfClauses() &&
        this.raiseAt(a, 'did you forget parentheses around the comprehension target?', b[b.length - 1])
      );
    });
    this.alt(() => {
      if (!(this.expect('[') ?? this.expect('{'))) return null;
      const a = this.starNamedExpression();
      const b = a && this.expect(',');
      return (
        b && this.forIfClauses() && this.raiseAt(a, 'did you forget parentheses around the comprehension target?', b)
      );
    });
    return null;
  }

  // ---- call arguments ----

  private arguments(): CallArgs | null {
    return this.memo('arguments', () => {
      const r = this.alt(() => {
        const a = this.args();
        if (!a) return null;
        this.alt(() => this.expect(','));
        return this.ahead(true, () => this.expect(')')) && a;
      });
      if (r) return r;
      this.invalid(() => this.invalidArguments());
      return null;
    });
  }

  private args(): CallArgs | null {
    const start = this.cur();
    const positional = this.alt(() =>
      this.gather(
        ',',
        () =>
          this.alt(() => this.starred(() => this.expression())) ??
          this.alt(() => {
            const e = this.alt(() => this.assignmentExpression()) ?? this.alt(() => this.expressionNotWalrus());
            return e && this.ahead(false, () => this.expect('=')) && e;
          }),
      ),
    );
    if (positional) {
      const kw = this.alt(() => this.expect(',') && this.kwargs()) ?? [];
      const items: CallItem[] = [...positional.map((value): CallItem => ({ kind: 'pos', value })), ...kw];
      return { items, ...this.span(start) };
    }
    const kw = this.kwargs();
    return kw && { items: kw, ...this.span(start) };
  }

  private expressionNotWalrus(): PExpr | null {
    const e = this.expression();
    return e && this.ahead(false, () => this.expect(':=')) ? e : null;
  }

  private kwargs(): CallItem[] | null {
    const starred = (): CallItem[] | null => this.gather(',', () => this.kwargOr(false));
    const doubleStarred = (): CallItem[] | null => this.gather(',', () => this.kwargOr(true));
    return (
      this.alt(() => {
        const a = starred();
        const b = a && this.expect(',') && doubleStarred();
        return b && [...a, ...b];
      }) ??
      this.alt(starred) ??
      this.alt(doubleStarred)
    );
  }

  // kwarg_or_starred (doubleStar false) and kwarg_or_double_starred (true).
  private kwargOr(doubleStar: boolean): CallItem | null {
    this.invalid(() => this.invalidKwarg());
    const kw = this.alt((): CallItem | null => {
      const n = this.nameToken();
      const value = n && this.expect('=') && this.expression();
      return value && { kind: 'kw', kw: { kind: 'keyword', arg: n.string, value, ...this.span(n) } };
    });
    if (kw) return kw;
    if (!doubleStar) {
      const s = this.alt(() => this.starred(() => this.expression()));
      return s && { kind: 'pos', value: s };
    }
    return this.alt((): CallItem | null => {
      const start = this.expect('**');
      const value = start && this.expression();
      return value && { kind: 'dstar', value, pos: this.span(start) };
    });
  }

  private invalidKwarg(): null {
    this.alt(() => {
      const a = this.expect('True') ?? this.expect('False') ?? this.expect('None');
      const b = a && this.expect('=');
      return b && this.raiseAt(a, `cannot assign to ${a.string}`, b);
    });
    this.alt(() => {
      const a = this.nameToken();
      const b = a && this.expect('=');
      return (
        b &&
        this.expression() &&
        this.forIfClauses() &&
        this.raiseAt(a, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", b)
      );
    });
    this.alt(() => {
      if (this.ahead(true, () => this.nameToken() && this.expect('='))) return null;
      const a = this.expression();
      const b = a && this.expect('=');
      return b && this.raiseAt(a, 'expression cannot contain assignment, perhaps you meant "=="?', b);
    });
    return null;
  }

  private lastComprehensionItem(clauses: Comprehension[]): PExpr {
    const last = clauses[clauses.length - 1];
    return last.ifs.length > 0 ? last.ifs[last.ifs.length - 1] : last.iter;
  }

  private invalidArguments(): null {
    const genexpMsg = 'Generator expression must be parenthesized';
    this.alt(() => {
      // As CPython 3.11.7 has it (3.11.2 took any arguments and reported at their span): the
      // arguments must include keywords, and the error is at the '*'.
      const a = this.args();
      const star = a && a.items.some((i) => i.kind !== 'pos') && this.expect(',') && this.expect('*');
      return star && this.raiseAt(star, 'iterable argument unpacking follows keyword argument unpacking');
    });
    this.alt(() => {
      const a = this.expression();
      const b = a && this.forIfClauses();
      if (!b || !this.expect(',')) return null;
      this.alt(() => this.args()) ?? this.alt(() => this.expression() && this.forIfClauses());
      return this.raiseAt(a, genexpMsg, this.lastComprehensionItem(b));
    });
    this.alt(() => {
      const a = this.nameToken();
      const b = a && this.expect('=');
      return (
        b &&
        this.expression() &&
        this.forIfClauses() &&
        this.raiseAt(a, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", b)
      );
    });
    this.alt(() => {
      const a = this.args();
      const b = a && this.forIfClauses();
      const positional = a ? a.items.filter((i) => i.kind === 'pos') : [];
      if (!b || positional.length <= 1) return null;
      return this.raiseAt(positional[positional.length - 1].value as Pos, genexpMsg, this.lastComprehensionItem(b));
    });
    this.alt(() => {
      const a = this.args() && this.expect(',') && this.expression();
      const b = a && this.forIfClauses();
      return b && this.raiseAt(a, genexpMsg, this.lastComprehensionItem(b));
    });
    this.alt(() => {
      const a = this.args();
      if (!a || !this.expect(',') || !this.args()) return null;
      const unpacking = a.items.some((i) => i.kind === 'dstar');
      return this.raiseGeneric(
        unpacking
          ? 'positional argument follows keyword argument unpacking'
          : 'positional argument follows keyword argument',
      );
    });
    return null;
  }

  // ---- targets ----

  private starTargets(): PExpr | null {
    const start = this.cur();
    return (
      this.alt(() => {
        const t = this.starTarget();
        return t && this.ahead(false, () => this.expect(',')) && t;
      }) ??
      this.alt(() => {
        const first = this.starTarget();
        if (!first) return null;
        const rest = this.many(() => this.expect(',') && this.starTarget());
        this.alt(() => this.expect(','));
        return this.tuple([first, ...rest], start, 'Store');
      })
    );
  }

  private starTargetsSeq(atLeastTwoOrComma: boolean): PExpr[] | null {
    if (!atLeastTwoOrComma) {
      const items = this.gather(',', () => this.starTarget());
      if (!items) return null;
      this.alt(() => this.expect(','));
      return items;
    }
    return (
      this.alt(() => {
        const first = this.starTarget();
        const rest = first && this.many1(() => this.expect(',') && this.starTarget());
        if (!rest) return null;
        this.alt(() => this.expect(','));
        return [first, ...rest];
      }) ??
      this.alt(() => {
        const first = this.starTarget();
        return first && this.expect(',') && [first];
      })
    );
  }

  private starTarget(): PExpr | null {
    return this.memo('star_target', () => {
      const starredTarget = this.alt(() => {
        const start = this.expect('*');
        if (!start || this.ahead(true, () => this.expect('*'))) return null;
        const inner = this.starTarget();
        return inner && this.foreign('Starred', "starred ('*') expressions", this.span(start), [inner]);
      });
      return starredTarget ?? this.alt(() => this.targetWithStarAtom());
    });
  }

  private targetWithStarAtom(): PExpr | null {
    return this.memo(
      'target_with_star_atom',
      () => this.alt(() => this.subscriptAttributeTarget('Store')) ?? this.alt(() => this.starAtom()),
    );
  }

  /** `t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead` */
  private subscriptAttributeTarget(ctx: A.Ctx): PExpr | null {
    const tail = (f: (base: PExpr, start: Pos) => PExpr | null): PExpr | null =>
      this.alt(() => {
        const start = this.cur();
        const base = this.tPrimary();
        const e = base && f(base, start);
        return e && this.ahead(false, () => this.tLookahead()) && e;
      });
    return tail((b, s) => this.attributeTail(b, s, ctx)) ?? tail((b, s) => this.subscriptTail(b, s, ctx));
  }

  private starAtom(): PExpr | null {
    const start = this.cur();
    return (
      this.alt(() => this.name('Store')) ??
      this.alt(() => {
        const inner = this.expect('(') && this.targetWithStarAtom();
        return inner && this.expect(')') && inner;
      }) ??
      this.alt(() => {
        if (!this.expect('(')) return null;
        const elts = this.alt(() => this.starTargetsSeq(true)) ?? [];
        return this.expect(')') && this.tuple(elts, start, 'Store');
      }) ??
      this.alt((): PExpr | null => {
        if (!this.expect('[')) return null;
        const elts = this.alt(() => this.starTargetsSeq(false)) ?? [];
        return this.expect(']') && { kind: 'List', elts, ctx: 'Store', ...this.span(start) };
      })
    );
  }

  private singleTarget(): PExpr | null {
    return (
      this.alt(() => this.subscriptAttributeTarget('Store')) ??
      this.alt(() => this.name('Store')) ??
      this.alt(() => {
        const inner = this.expect('(') && this.singleTarget();
        return inner && this.expect(')') && inner;
      })
    );
  }

  private tLookahead(): Token | null {
    return this.expect('(') ?? this.expect('[') ?? this.expect('.');
  }

  private tPrimary(): PExpr | null {
    return this.memo('t_primary', () => {
      const start = this.cur();
      const a = this.atom();
      if (!a || !this.ahead(true, () => this.tLookahead())) return null;
      let e: PExpr = a;
      for (;;) {
        const base = e;
        const grow = (f: () => PExpr | null): PExpr | null =>
          this.alt(() => {
            const next = f();
            return next && this.ahead(true, () => this.tLookahead()) && next;
          });
        const next =
          grow(() => this.attributeTail(base, start, 'Load')) ??
          grow(() => this.subscriptTail(base, start, 'Load')) ??
          grow(() => this.genexpCallTail(base, start)) ??
          grow(() => this.callTail(base, start));
        if (!next) return e;
        e = next;
      }
    });
  }

  private delTargets(): PExpr[] | null {
    const items = this.gather(',', () => this.delTarget());
    if (!items) return null;
    this.alt(() => this.expect(','));
    return items;
  }

  private delTarget(): PExpr | null {
    return this.memo(
      'del_target',
      () => this.alt(() => this.subscriptAttributeTarget('Del')) ?? this.alt(() => this.delTAtom()),
    );
  }

  private delTAtom(): PExpr | null {
    const start = this.cur();
    return (
      this.alt(() => this.name('Del')) ??
      this.alt(() => {
        const inner = this.expect('(') && this.delTarget();
        return inner && this.expect(')') && inner;
      }) ??
      this.alt(() => {
        if (!this.expect('(')) return null;
        const elts = this.alt(() => this.delTargets()) ?? [];
        return this.expect(')') && this.tuple(elts, start, 'Del');
      }) ??
      this.alt((): PExpr | null => {
        if (!this.expect('[')) return null;
        const elts = this.alt(() => this.delTargets()) ?? [];
        return this.expect(']') && { kind: 'List', elts, ctx: 'Del', ...this.span(start) };
      })
    );
  }

  // ---- invalid targets ----

  private raiseInvalidTarget(type: TargetsType, e: PExpr): null {
    const bad = invalidTarget(e, type);
    if (!bad) return null;
    const verb = type === 'del' ? 'delete' : 'assign to';
    return this.raiseAt(bad, `cannot ${verb} ${exprName(bad)}`);
  }

  private invalidAssignment(): null {
    this.alt(() => {
      const a = this.invalidAnnAssignTarget();
      return (
        a &&
        this.expect(':') &&
        this.expression() &&
        this.raiseAt(a, `only single target (not ${exprName(a)}) can be annotated`)
      );
    });
    this.alt(() => {
      const a = this.starNamedExpression();
      if (!a || !this.expect(',')) return null;
      this.many(() => this.starNamedExpressions());
      return (
        this.expect(':') && this.expression() && this.raiseAt(a, 'only single target (not tuple) can be annotated')
      );
    });
    this.alt(() => {
      const a = this.expression();
      return a && this.expect(':') && this.expression() && this.raiseAt(a, 'illegal target for annotation');
    });
    const targetsEq = (): void => {
      this.many(() => this.starTargets() && this.expect('='));
    };
    this.alt(() => {
      targetsEq();
      const a = this.starExpressions();
      return a && this.expect('=') && this.raiseInvalidTarget('star', a);
    });
    this.alt(() => {
      targetsEq();
      const a = this.yieldExpr();
      return a && this.expect('=') && this.raiseAt(a, 'assignment to yield expression not possible');
    });
    this.alt(() => {
      const a = this.starExpressions();
      if (!a || !this.augassign()) return null;
      return (
        (this.alt(() => this.yieldExpr()) ?? this.alt(() => this.starExpressions())) &&
        this.raiseAt(a, `'${exprName(a)}' is an illegal expression for augmented assignment`)
      );
    });
    return null;
  }

  private invalidAnnAssignTarget(): PExpr | null {
    return (
      this.alt(() => this.list()) ??
      this.alt(() => this.tupleAtom()) ??
      this.alt(() => {
        const a = this.expect('(') && this.invalidAnnAssignTarget();
        return a && this.expect(')') && a;
      })
    );
  }
}

/** A `case` clause of a match statement (outside the subset): its guard and body. */
interface CaseClause {
  exprs: PExpr[];
  body: PStmt[];
}

/** An `except` or `except*` clause as parsed; `star` marks `except*` (outside the subset). */
interface Handler extends A.ExceptHandler<Foreign> {
  star: boolean;
}

const BINARY_LEVELS: string[][] = [['|'], ['^'], ['&'], ['<<', '>>'], ['+', '-'], ['*', '/', '//', '%', '@']];

const BINARY_CONSTRUCTS: Record<string, string> = {
  '@': "matrix multiplication operators ('@')",
};

const INT_MAX_STR_DIGITS = 4300;

/** Moves a node parsed on its own to where it stands: lines down, and columns on its first line right. */
function movePositions<T>(node: T, lines: number, cols: number): T {
  const seen = new Set<object>();
  const visit = (n: unknown): void => {
    if (typeof n !== 'object' || n === null || seen.has(n)) return;
    seen.add(n);
    const p = n as Partial<Pos>;
    if (typeof p.lineno === 'number' && typeof p.endLineno === 'number') {
      if (p.lineno === 1) p.col! += cols;
      if (p.endLineno === 1) p.endCol! += cols;
      p.lineno += lines;
      p.endLineno += lines;
    }
    Object.values(n).forEach(visit);
  };
  visit(node);
  return node;
}
