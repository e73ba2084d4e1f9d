/**
 * The constant folding of CPython's AST optimizer (Python/ast_opt.c) for the subset: unary
 * operators and + - * // % on int constants become constants before compilation, so `-1` in a
 * set display makes a constant display and `60 * 60` is a constant, not a run-time int. Folding is
 * skipped where CPython skips it (a product over 128 bits, division by zero).
 */
import type * as A from '../lang/ast';

/** MAX_INT_SIZE in ast_opt.c: products of more bits than this are left to run time. */
const MAX_INT_BITS = 128;

function bits(v: bigint): number {
  return (v < 0n ? -v : v).toString(2).length - (v === 0n ? 1 : 0);
}

function intOf(e: A.Expr): bigint | null {
  if (e.kind !== 'Constant') return null;
  const v = e.value;
  return v.type === 'int' ? v.value : v.type === 'bool' ? (v.value ? 1n : 0n) : null;
}

function constant(at: A.Pos, value: A.ConstantValue): A.Constant {
  return { kind: 'Constant', value, lineno: at.lineno, col: at.col, endLineno: at.endLineno, endCol: at.endCol };
}

function truthy(v: A.ConstantValue): boolean {
  return v.type === 'int'
    ? v.value !== 0n
    : v.type === 'str'
      ? v.value.length > 0
      : v.type === 'bool'
        ? v.value
        : false;
}

function foldBinOp(e: A.BinOp): A.Expr {
  const a = intOf(e.left);
  const b = intOf(e.right);
  if (a === null || b === null) return e;
  switch (e.op) {
    case 'Add':
      return constant(e, { type: 'int', value: a + b });
    case 'Sub':
      return constant(e, { type: 'int', value: a - b });
    case 'Mult':
      return a !== 0n && b !== 0n && bits(a) + bits(b) > MAX_INT_BITS ? e : constant(e, { type: 'int', value: a * b });
    case 'FloorDiv':
    case 'Mod': {
      if (b === 0n) return e;
      let q = a / b;
      if (a % b !== 0n && a < 0n !== b < 0n) q -= 1n;
      return constant(e, { type: 'int', value: e.op === 'FloorDiv' ? q : a - q * b });
    }
  }
}

/** Fold an expression tree bottom-up; returns the same node when nothing folds. */
export function foldExpr(e: A.Expr): A.Expr {
  switch (e.kind) {
    case 'UnaryOp': {
      e.operand = foldExpr(e.operand);
      const operand = e.operand;
      if (operand.kind !== 'Constant') return e;
      if (e.op === 'Not') return constant(e, { type: 'bool', value: !truthy(operand.value) });
      const v = intOf(operand);
      return v === null ? e : constant(e, { type: 'int', value: e.op === 'USub' ? -v : v });
    }
    case 'BinOp':
      e.left = foldExpr(e.left);
      e.right = foldExpr(e.right);
      return foldBinOp(e);
    case 'BoolOp':
      e.values = e.values.map(foldExpr);
      return e;
    case 'IfExp':
      e.test = foldExpr(e.test);
      e.body = foldExpr(e.body);
      e.orelse = foldExpr(e.orelse);
      return e;
    case 'Dict':
      e.keys = e.keys.map(foldExpr);
      e.values = e.values.map(foldExpr);
      return e;
    case 'Set':
    case 'List':
    case 'Tuple':
      e.elts = e.elts.map(foldExpr);
      return e;
    case 'Compare':
      e.left = foldExpr(e.left);
      e.comparators = e.comparators.map(foldExpr);
      return e;
    case 'Call':
      e.func = foldExpr(e.func);
      e.args = e.args.map(foldExpr);
      for (const k of e.keywords) k.value = foldExpr(k.value);
      return e;
    case 'Attribute':
      e.value = foldExpr(e.value);
      return e;
    case 'Subscript':
      e.value = foldExpr(e.value);
      e.slice = foldExpr(e.slice);
      return e;
    case 'Slice':
      e.lower = e.lower && foldExpr(e.lower);
      e.upper = e.upper && foldExpr(e.upper);
      e.step = e.step && foldExpr(e.step);
      return e;
    case 'ListComp':
    case 'SetComp':
    case 'GeneratorExp':
      e.elt = foldExpr(e.elt);
      foldClauses(e.generators);
      return e;
    case 'DictComp':
      e.key = foldExpr(e.key);
      e.value = foldExpr(e.value);
      foldClauses(e.generators);
      return e;
    case 'Yield':
      if (e.value) e.value = foldExpr(e.value);
      return e;
    default:
      return e;
  }
}

/** fold_iter: a list display iterated over is built as a tuple (a constant one when it can be). */
function foldIter(e: A.Expr): A.Expr {
  return e.kind === 'List' ? { ...e, kind: 'Tuple' } : e;
}

/** astfold_comprehension: each clause's iterable and conditions. */
function foldClauses(generators: A.Comprehension[]): void {
  for (const g of generators) {
    g.iter = foldIter(foldExpr(g.iter));
    g.ifs = g.ifs.map(foldExpr);
  }
}

/** Fold every expression of a block of statements, in place. */
export function foldBlock(body: A.Stmt[]): void {
  for (const s of body) {
    switch (s.kind) {
      case 'Expr':
        s.value = foldExpr(s.value);
        break;
      case 'Assign':
        s.value = foldExpr(s.value);
        s.targets = s.targets.map(foldExpr);
        break;
      case 'AugAssign':
        s.value = foldExpr(s.value);
        s.target = foldExpr(s.target);
        break;
      case 'AnnAssign':
        if (s.value) s.value = foldExpr(s.value);
        s.annotation = foldExpr(s.annotation);
        break;
      case 'Return':
        if (s.value) s.value = foldExpr(s.value);
        break;
      case 'Delete':
        s.targets = s.targets.map(foldExpr);
        break;
      case 'If':
      case 'While':
        s.test = foldExpr(s.test);
        foldBlock(s.body);
        if (s.kind === 'If') foldBlock(s.orelse);
        break;
      case 'For':
        s.iter = foldIter(foldExpr(s.iter));
        foldBlock(s.body);
        break;
      case 'FunctionDef':
        s.defaults = s.defaults.map(foldExpr);
        s.argAnnotations = s.argAnnotations.map((a) => a && foldExpr(a));
        if (s.returns) s.returns = foldExpr(s.returns);
        foldBlock(s.body);
        break;
      case 'ClassDef':
        s.bases = s.bases.map(foldExpr);
        foldBlock(s.body);
        break;
      default:
        break;
    }
  }
}
