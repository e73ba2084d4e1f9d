/**
 * The constant folding of CPython's AST optimizer (Python/ast_opt.c) for the subset: unary
 * operators and the binary operators on int and float constants become constants before
 * compilation, so `-1` in a set display makes a constant display and `60 * 60` or `1 / 2` is a
 * constant, not a run-time number. Folding is skipped where CPython skips it (results over 128
 * bits from `*`, `**` and `<<`, and any operation that raises, such as division by zero).
 */
import type * as A from '../lang/ast';
import { PyException } from '../../core/errors';
import { type Num, numBinary } from './numeric';
import { percentToFString } from './percent-fold';

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

function numOf(e: A.Expr): Num | null {
  return e.kind === 'Constant' && e.value.type === 'float' ? e.value.value : intOf(e);
}

function numConstant(at: A.Pos, n: Num): A.Constant {
  return constant(at, typeof n === 'bigint' ? { type: 'int', value: n } : { type: 'float', value: n });
}

/** safe_multiply, safe_power, safe_lshift: int results that would pass MAX_INT_SIZE stay at run time. */
function tooBig(op: A.BinOperator, a: bigint, b: bigint): boolean {
  switch (op) {
    case 'Mult':
      return a !== 0n && b !== 0n && bits(a) + bits(b) > MAX_INT_BITS;
    case 'Pow':
      return b >= 0n && bits(a) > 0 && BigInt(bits(a)) * b > BigInt(MAX_INT_BITS);
    case 'LShift':
      return b >= 0n && (b > BigInt(MAX_INT_BITS) || BigInt(bits(a)) > BigInt(MAX_INT_BITS) - b);
    default:
      return false;
  }
}

/** & | ^ of two bool constants folds to a bool, as bool_and/bool_or/bool_xor return one. */
function boolOf(e: A.Expr): boolean | null {
  return e.kind === 'Constant' && e.value.type === 'bool' ? e.value.value : null;
}

function constant(at: A.Pos, value: A.ConstantValue): A.Constant {
  return { kind: 'Constant', value, lineno: at.lineno, col: at.col, endLineno: at.endLineno, endCol: at.endCol };
}

function truthy(v: A.ConstantValue): boolean {
  return v.type === 'int'
    ? v.value !== 0n
    : v.type === 'float'
      ? v.value !== 0
      : v.type === 'str'
        ? v.value.length > 0
        : v.type === 'bool'
          ? v.value
          : false;
}

function foldBinOp(e: A.BinOp): A.Expr {
  const a = numOf(e.left);
  const b = numOf(e.right);
  if (a === null || b === null) return e;
  if (typeof a === 'bigint' && typeof b === 'bigint' && tooBig(e.op, a, b)) return e;
  const p = boolOf(e.left);
  const q = boolOf(e.right);
  if (p !== null && q !== null && (e.op === 'BitAnd' || e.op === 'BitOr' || e.op === 'BitXor'))
    return constant(e, { type: 'bool', value: e.op === 'BitAnd' ? p && q : e.op === 'BitOr' ? p || q : p !== q });
  try {
    const n = numBinary(e.op, a, b);
    return n === null ? e : numConstant(e, n);
  } catch (error) {
    // the optimizer clears the error; the operation raises it again at run time
    if (error instanceof PyException) return e;
    throw error;
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
      const v = numOf(operand);
      if (v === null) return e;
      if (e.op === 'Invert') return typeof v === 'bigint' ? constant(e, { type: 'int', value: ~v }) : e;
      return numConstant(e, e.op === 'USub' ? -v : v);
    }
    case 'BinOp':
      e.left = foldExpr(e.left);
      e.right = foldExpr(e.right);
      return percentToFString(e) ?? foldBinOp(e);
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
    case 'JoinedStr':
      e.values = e.values.map(foldExpr);
      return e;
    case 'FormattedValue':
      e.value = foldExpr(e.value);
      if (e.formatSpec !== null) foldExpr(e.formatSpec);
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
    case 'Lambda':
      // a lambda's defaults and body are folded as a def's are
      foldBlock([e.fn]);
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
        foldBlock(s.orelse ?? []);
        break;
      case 'For':
        s.iter = foldIter(foldExpr(s.iter));
        foldBlock(s.body);
        foldBlock(s.orelse ?? []);
        break;
      case 'Try':
        foldBlock(s.body);
        for (const h of s.handlers) {
          if (h.type !== null) h.type = foldExpr(h.type);
          foldBlock(h.body);
        }
        foldBlock(s.orelse);
        foldBlock(s.finalbody);
        break;
      case 'Raise':
        if (s.exc !== null) s.exc = foldExpr(s.exc);
        if (s.cause !== null) s.cause = foldExpr(s.cause);
        break;
      case 'Assert':
        s.test = foldExpr(s.test);
        if (s.msg !== null) s.msg = foldExpr(s.msg);
        break;
      case 'FunctionDef':
        if (s.decorators) s.decorators = s.decorators.map(foldExpr);
        s.defaults = s.defaults.map(foldExpr);
        if (s.kwDefaults) s.kwDefaults = s.kwDefaults.map((d) => d && foldExpr(d));
        s.argAnnotations = s.argAnnotations.map((a) => a && foldExpr(a));
        if (s.returns) s.returns = foldExpr(s.returns);
        foldBlock(s.body);
        break;
      case 'ClassDef':
        if (s.decorators) s.decorators = s.decorators.map(foldExpr);
        s.bases = s.bases.map(foldExpr);
        foldBlock(s.body);
        break;
      default:
        break;
    }
  }
}
