// The AST of pymemlab's Python subset: plain data, node names and fields as in Python's `ast`
// module. Positions follow CPython: 1-based lines, 0-based columns counted in UTF-8 bytes.
//
// Every node type takes a parameter X (default never) naming extra node kinds that may appear
// wherever an expression or statement can; the parser uses it to carry constructs outside the
// subset until it has checked the whole file. Consumers just use the defaults.

export interface Pos {
  lineno: number;
  col: number;
  endLineno: number;
  endCol: number;
}

export type Ctx = 'Load' | 'Store' | 'Del';

export type ConstantValue =
  | { type: 'int'; value: bigint }
  | { type: 'float'; value: number }
  | { type: 'str'; value: string }
  | { type: 'bool'; value: boolean }
  | { type: 'none' };

export type BinOperator =
  'Add' | 'Sub' | 'Mult' | 'Div' | 'FloorDiv' | 'Mod' | 'Pow' | 'LShift' | 'RShift' | 'BitOr' | 'BitXor' | 'BitAnd';
export type UnaryOperator = 'UAdd' | 'USub' | 'Not' | 'Invert';
export type BoolOperator = 'And' | 'Or';
export type CmpOperator = 'Eq' | 'NotEq' | 'Lt' | 'LtE' | 'Gt' | 'GtE' | 'Is' | 'IsNot' | 'In' | 'NotIn';

export interface Module<X = never> {
  kind: 'Module';
  body: Stmt<X>[];
}

// ---- statements ----

export type Stmt<X = never> =
  | FunctionDef<X>
  | ClassDef<X>
  | Return<X>
  | Delete<X>
  | Assign<X>
  | AugAssign<X>
  | AnnAssign<X>
  | For<X>
  | While<X>
  | If<X>
  | ExprStmt<X>
  | Pass
  | Break
  | Continue
  | Global
  | Nonlocal
  | Import
  | Try<X>
  | Raise<X>
  | Assert<X>
  | ImportFrom
  | X;

export interface Arg extends Pos {
  kind: 'arg';
  arg: string;
}

/**
 * `def name(args) -> returns: body`; `defaults` belong to the last `defaults.length` args, as in
 * Python. `argAnnotations[i]` is the annotation of `args[i]` (Python's `arg.annotation`), or null.
 */
export interface FunctionDef<X = never> extends Pos {
  kind: 'FunctionDef';
  name: string;
  args: Arg[];
  defaults: Expr<X>[];
  argAnnotations: (Expr<X> | null)[];
  returns: Expr<X> | null;
  body: Stmt<X>[];
  /** `@expr` lines above the def, in source order (applied last first); absent or empty without any. */
  decorators?: Expr<X>[];
  /** How many of `args` come before a `/` (positional-only); absent for none. */
  posonlyargcount?: number;
  /** `*name` (absent or null without one). */
  vararg?: Arg | null;
  /** The keyword-only parameters, after `*` or `*name`; `kwDefaults[i]` is the default of `kwonlyargs[i]` or null. */
  kwonlyargs?: Arg[];
  kwDefaults?: (Expr<X> | null)[];
  /** `**name` (absent or null without one). */
  kwarg?: Arg | null;
}

/** `class name(base): body`; bases has zero or one element. */
export interface ClassDef<X = never> extends Pos {
  kind: 'ClassDef';
  name: string;
  bases: Expr<X>[];
  body: Stmt<X>[];
  /** `@expr` lines above the class, in source order (applied last first); absent or empty without any. */
  decorators?: Expr<X>[];
}

export interface Return<X = never> extends Pos {
  kind: 'Return';
  value: Expr<X> | null;
}

export interface Delete<X = never> extends Pos {
  kind: 'Delete';
  targets: Expr<X>[];
}

/** `t1 = t2 = value`: targets in source order. */
export interface Assign<X = never> extends Pos {
  kind: 'Assign';
  targets: Expr<X>[];
  value: Expr<X>;
}

export interface AugAssign<X = never> extends Pos {
  kind: 'AugAssign';
  target: Expr<X>;
  op: BinOperator;
  value: Expr<X>;
}

/**
 * `target: annotation = value` (value optional). `simple` is true for a bare name target, whose
 * annotation a module or class body stores in `__annotations__`.
 */
export interface AnnAssign<X = never> extends Pos {
  kind: 'AnnAssign';
  target: Expr<X>;
  annotation: Expr<X>;
  value: Expr<X> | null;
  simple: boolean;
}

/** `for target in iter: body else: orelse`; target is a Name, or a Tuple of Names. */
export interface For<X = never> extends Pos {
  kind: 'For';
  target: Expr<X>;
  iter: Expr<X>;
  body: Stmt<X>[];
  /** The `else:` block, run when the loop ends without `break`; absent or empty without one. */
  orelse?: Stmt<X>[];
}

export interface While<X = never> extends Pos {
  kind: 'While';
  test: Expr<X>;
  body: Stmt<X>[];
  /** The `else:` block, run when the test turns false (not after `break`); absent or empty without one. */
  orelse?: Stmt<X>[];
}

/** `elif` is an If alone in the orelse of its parent, as in Python. */
export interface If<X = never> extends Pos {
  kind: 'If';
  test: Expr<X>;
  body: Stmt<X>[];
  orelse: Stmt<X>[];
}

/** An expression statement (Python's `ast.Expr`). */
export interface ExprStmt<X = never> extends Pos {
  kind: 'Expr';
  value: Expr<X>;
}

export interface Pass extends Pos {
  kind: 'Pass';
}

export interface Break extends Pos {
  kind: 'Break';
}

export interface Continue extends Pos {
  kind: 'Continue';
}

export interface Global extends Pos {
  kind: 'Global';
  names: string[];
}

/** `nonlocal a, b`: the names are the enclosing function's variables (free variables, in cells). */
export interface Nonlocal extends Pos {
  kind: 'Nonlocal';
  names: string[];
}

/** `import gc, sys as s`: module names in order (SUPPORTED_MODULES in subset.ts). */
export interface Import extends Pos {
  kind: 'Import';
  names: string[];
  /** The name `as` binds each module to, or null for its own name (absent: no `as` at all). */
  asnames?: (string | null)[];
}

/** One name of `from module import name as asname` (asname null without `as`). */
export interface ImportAlias {
  name: string;
  asname: string | null;
}

/** `from weakref import ref, finalize as fin`: an absolute import of named attributes. */
export interface ImportFrom extends Pos {
  kind: 'ImportFrom';
  module: string;
  names: ImportAlias[];
}

/** `try: body` with its `except` handlers, `else:` (orelse) and `finally:` (finalbody) blocks. */
export interface Try<X = never> extends Pos {
  kind: 'Try';
  body: Stmt<X>[];
  handlers: ExceptHandler<X>[];
  orelse: Stmt<X>[];
  finalbody: Stmt<X>[];
}

/** `except type as name: body`; type is null for a bare `except:`, name null without `as`. */
export interface ExceptHandler<X = never> extends Pos {
  kind: 'ExceptHandler';
  type: Expr<X> | null;
  name: string | null;
  body: Stmt<X>[];
}

/** `raise`, `raise exc`, `raise exc from cause`. */
export interface Raise<X = never> extends Pos {
  kind: 'Raise';
  exc: Expr<X> | null;
  cause: Expr<X> | null;
}

/** `assert test` or `assert test, msg`. */
export interface Assert<X = never> extends Pos {
  kind: 'Assert';
  test: Expr<X>;
  msg: Expr<X> | null;
}

// ---- expressions ----

export type Expr<X = never> =
  | BoolOp<X>
  | BinOp<X>
  | UnaryOp<X>
  | IfExp<X>
  | Dict<X>
  | Set<X>
  | List<X>
  | Tuple<X>
  | Compare<X>
  | Call<X>
  | Constant
  | Attribute<X>
  | Subscript<X>
  | Slice<X>
  | Name
  | JoinedStr<X>
  | FormattedValue<X>
  | ListComp<X>
  | SetComp<X>
  | DictComp<X>
  | GeneratorExp<X>
  | Yield<X>
  | Starred<X>
  | Lambda<X>
  | X;

export interface BoolOp<X = never> extends Pos {
  kind: 'BoolOp';
  op: BoolOperator;
  values: Expr<X>[];
}

export interface BinOp<X = never> extends Pos {
  kind: 'BinOp';
  left: Expr<X>;
  op: BinOperator;
  right: Expr<X>;
}

export interface UnaryOp<X = never> extends Pos {
  kind: 'UnaryOp';
  op: UnaryOperator;
  operand: Expr<X>;
}

/** `body if test else orelse` */
export interface IfExp<X = never> extends Pos {
  kind: 'IfExp';
  test: Expr<X>;
  body: Expr<X>;
  orelse: Expr<X>;
}

export interface Dict<X = never> extends Pos {
  kind: 'Dict';
  keys: Expr<X>[];
  values: Expr<X>[];
}

export interface Set<X = never> extends Pos {
  kind: 'Set';
  elts: Expr<X>[];
}

export interface List<X = never> extends Pos {
  kind: 'List';
  elts: Expr<X>[];
  ctx: Ctx;
}

export interface Tuple<X = never> extends Pos {
  kind: 'Tuple';
  elts: Expr<X>[];
  ctx: Ctx;
}

/** `left ops[0] comparators[0] ops[1] comparators[1] ...` (a chain is one node). */
export interface Compare<X = never> extends Pos {
  kind: 'Compare';
  left: Expr<X>;
  ops: CmpOperator[];
  comparators: Expr<X>[];
}

export interface Call<X = never> extends Pos {
  kind: 'Call';
  func: Expr<X>;
  args: Expr<X>[];
  keywords: Keyword<X>[];
}

/** A keyword argument `arg=value`, or `**value` (arg null), as Python's `ast.keyword`. */
export interface Keyword<X = never> extends Pos {
  kind: 'keyword';
  arg: string | null;
  value: Expr<X>;
}

/** `*value` among a call's positional arguments (the only place the subset takes it). */
export interface Starred<X = never> extends Pos {
  kind: 'Starred';
  value: Expr<X>;
}

export interface Constant extends Pos {
  kind: 'Constant';
  value: ConstantValue;
}

export interface Attribute<X = never> extends Pos {
  kind: 'Attribute';
  value: Expr<X>;
  attr: string;
  ctx: Ctx;
}

export interface Subscript<X = never> extends Pos {
  kind: 'Subscript';
  value: Expr<X>;
  slice: Expr<X>;
  ctx: Ctx;
}

/** `lower:upper:step` as a subscript (Python's `ast.Slice`); each part may be missing. */
export interface Slice<X = never> extends Pos {
  kind: 'Slice';
  lower: Expr<X> | null;
  upper: Expr<X> | null;
  step: Expr<X> | null;
}

export interface Name extends Pos {
  kind: 'Name';
  id: string;
  ctx: Ctx;
}

/** An f-string: str Constants and FormattedValues, in order (BUILD_STRING joins them). */
export interface JoinedStr<X = never> extends Pos {
  kind: 'JoinedStr';
  values: Expr<X>[];
}

/** One replacement field of an f-string (FORMAT_VALUE): `{value!conversion:formatSpec}`. */
export interface FormattedValue<X = never> extends Pos {
  kind: 'FormattedValue';
  value: Expr<X>;
  conversion: 's' | 'r' | 'a' | null;
  formatSpec: JoinedStr<X> | null;
}

/** One `for target in iter if ifs...` clause of a comprehension (Python's `ast.comprehension`). */
export interface Comprehension<X = never> {
  target: Expr<X>;
  iter: Expr<X>;
  ifs: Expr<X>[];
}

/** `[elt for ...]`: in 3.11 a call of a nested function `<listcomp>` taking the first iterator as `.0`. */
export interface ListComp<X = never> extends Pos {
  kind: 'ListComp';
  elt: Expr<X>;
  generators: Comprehension<X>[];
}

export interface SetComp<X = never> extends Pos {
  kind: 'SetComp';
  elt: Expr<X>;
  generators: Comprehension<X>[];
}

export interface DictComp<X = never> extends Pos {
  kind: 'DictComp';
  key: Expr<X>;
  value: Expr<X>;
  generators: Comprehension<X>[];
}

/** `(elt for ...)`: a call of a nested generator function `<genexpr>`. */
export interface GeneratorExp<X = never> extends Pos {
  kind: 'GeneratorExp';
  elt: Expr<X>;
  generators: Comprehension<X>[];
}

/** `yield value` (value null for a bare `yield`); makes the enclosing function a generator. */
export interface Yield<X = never> extends Pos {
  kind: 'Yield';
  value: Expr<X> | null;
}

/**
 * `lambda args: body`: compiled as a function named `<lambda>` whose body is `return body`, so
 * `fn` is that function's definition (its parameters, defaults and the one Return statement).
 */
export interface Lambda<X = never> extends Pos {
  kind: 'Lambda';
  fn: FunctionDef<X>;
}

/** Every comprehension kind, including generator expressions. */
export type AnyComp<X = never> = ListComp<X> | SetComp<X> | DictComp<X> | GeneratorExp<X>;

export type Node<X = never> = Module<X> | Stmt<X> | Expr<X> | Arg | Keyword<X> | ExceptHandler<X>;
