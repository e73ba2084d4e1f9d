/**
 * The object protocol for the subset's values, as CPython's Objects/abstract.c and
 * PyObject_IsTrue / PyObject_RichCompare: truth, equality, containment, int conversion and the
 * binary operators. It allocates only results, never temporaries on a frame's value stack, so the
 * evaluator and the builtins both call it without depending on each other.
 */
import type * as A from '../lang/ast';
import type { Runtime } from '../../core/runtime';
import { Kind } from '../../core/objects/kinds';
import type { PyObject } from '../../core/objects/pyobject';
import { PyException } from '../../core/errors';
import { newList } from '../../core/objects/list';
import { newTuple } from '../../core/objects/tuple';
import { setContains } from '../../core/objects/set';
import { hashKey } from '../../core/objects/hashkey';
import { viewDict, viewKind } from '../../core/objects/dictview';
import { intDigits } from '../../core/sizes';
import { floatValue, newFloat } from '../../core/objects/floatobject';
import { type Num, intValue, numBinary, numCompare } from './numeric';
import { nativeClass } from './native-classes';
import { percentFormat } from './percent-format';

/** PyObject_IsTrue. */
export function isTrue(v: PyObject): boolean {
  switch (v.type.kind) {
    case Kind.None:
      return false;
    case Kind.Bool:
      return v.value as boolean;
    case Kind.Int:
      return (v.value as bigint) !== 0n;
    case Kind.Float:
      return floatValue(v) !== 0;
    case Kind.Str:
      return (v.value as string).length > 0;
    case Kind.List:
    case Kind.Tuple:
      return v.items!.length > 0;
    case Kind.Dict:
    case Kind.Set:
      return v.table!.size > 0;
    case Kind.DictView:
      return viewDict(v).table!.size > 0;
    case Kind.Instance: {
      const native = nativeClass(v.type);
      return native === undefined || native.len(v) > 0;
    }
    default:
      return true;
  }
}

/** A number's value (int and bool as bigint, float as number), or null for other objects. */
export function numValue(v: PyObject): Num | null {
  return v.type.kind === Kind.Float ? floatValue(v) : intValue(v);
}

/** A number result as a new object: an int (from the small-int cache when small) or a float. */
export function boxNum(rt: Runtime, n: Num): PyObject {
  return typeof n === 'bigint' ? rt.int(n) : newFloat(rt, n);
}

const OP_SYMBOL: Record<A.BinOperator, string> = {
  Add: '+',
  Sub: '-',
  Mult: '*',
  Div: '/',
  FloorDiv: '//',
  Mod: '%',
  Pow: '** or pow()',
  LShift: '<<',
  RShift: '>>',
  BitOr: '|',
  BitXor: '^',
  BitAnd: '&',
};

/** & | ^ of two bools is a bool (bool_and, bool_or, bool_xor); null for anything else. */
function boolBitwise(op: A.BinOperator, left: PyObject, right: PyObject): boolean | null {
  if (left.type.kind !== Kind.Bool || right.type.kind !== Kind.Bool) return null;
  const a = left.value as boolean;
  const b = right.value as boolean;
  return op === 'BitAnd' ? a && b : op === 'BitOr' ? a || b : op === 'BitXor' ? a !== b : null;
}

/** The operators on numbers, + / * on strs, lists and tuples (which allocate a new object), and str % values. */
export function binaryOp(rt: Runtime, op: A.BinOperator, left: PyObject, right: PyObject): PyObject {
  const a = intValue(left);
  const b = intValue(right);
  if (
    a !== null &&
    b !== null &&
    (op === 'Add' || op === 'Sub' || op === 'Mult' || op === 'FloorDiv' || op === 'Mod')
  ) {
    // Single-digit operands take a fast path with an exact result; otherwise x_add allocates one
    // digit more than the longer operand and x_mul the sum of both sizes.
    const da = intDigits(a);
    const db = intDigits(b);
    const medium = da <= 1 && db <= 1;
    switch (op) {
      case 'Add':
        return rt.int(a + b, medium ? 0 : Math.max(da, db) + 1);
      case 'Sub':
        return rt.int(a - b, medium ? 0 : Math.max(da, db) + 1);
      case 'Mult':
        return rt.int(a * b, medium ? 0 : da + db);
      case 'FloorDiv':
      case 'Mod': {
        if (b === 0n)
          throw new PyException(
            'ZeroDivisionError',
            op === 'FloorDiv' ? 'integer division or modulo by zero' : 'integer modulo by zero',
          );
        let q = a / b;
        if (a % b !== 0n && a < 0n !== b < 0n) q -= 1n;
        return rt.int(op === 'FloorDiv' ? q : a - q * b);
      }
    }
  }
  const x = numValue(left);
  const y = numValue(right);
  if (x !== null && y !== null) {
    const bool = boolBitwise(op, left, right);
    if (bool !== null) return rt.bool(bool);
    const n = numBinary(op, x, y);
    if (n !== null) return boxNum(rt, n);
  }
  const lk = left.type.kind;
  const rk = right.type.kind;
  if (op === 'Add' && lk === Kind.Str && rk === Kind.Str)
    return rt.str((left.value as string) + (right.value as string));
  if (op === 'Add' && lk === Kind.List && rk === Kind.List) return newList(rt, [...left.items!, ...right.items!]);
  if (op === 'Add' && lk === Kind.Tuple && rk === Kind.Tuple) return newTuple(rt, [...left.items!, ...right.items!]);
  if (op === 'Mult' && lk === Kind.Str && b !== null)
    return rt.str((left.value as string).repeat(Math.max(0, Number(b))));
  if (op === 'Mod' && lk === Kind.Str) return percentFormat(rt, left, right);
  if (op === 'Mult' && lk === Kind.List && b !== null) {
    const items: PyObject[] = [];
    for (let i = 0; i < Number(b); i++) items.push(...left.items!);
    return newList(rt, items);
  }
  throw new PyException(
    'TypeError',
    `unsupported operand type(s) for ${OP_SYMBOL[op]}: '${left.type.name}' and '${right.type.name}'`,
  );
}

const UNARY_SYMBOL = { UAdd: '+', USub: '-', Invert: '~' };

/**
 * Unary + - ~ on numbers: +x of an exact int or float is x itself (long_long, float_float);
 * ~ applies to ints (and bools) only.
 */
export function unaryOp(rt: Runtime, op: 'UAdd' | 'USub' | 'Invert', v: PyObject): PyObject {
  const n = numValue(v);
  if (n === null || (op === 'Invert' && typeof n === 'number'))
    throw new PyException('TypeError', `bad operand type for unary ${UNARY_SYMBOL[op]}: '${v.type.name}'`);
  if (op === 'UAdd' && v.type.kind !== Kind.Bool) return rt.newRef(v);
  if (typeof n === 'number') return newFloat(rt, op === 'USub' ? -n : n);
  return rt.int(op === 'USub' ? -n : op === 'Invert' ? ~n : n);
}

/** Python equality for the subset's values. */
export function pyEquals(a: PyObject, b: PyObject): boolean {
  if (a === b) return true;
  const x = intValue(a);
  const y = intValue(b);
  if (x !== null && y !== null) return x === y;
  const fa = numValue(a);
  const fb = numValue(b);
  if (fa !== null && fb !== null) return numCompare(fa, fb) === 0;
  const ka = a.type.kind;
  if (ka !== b.type.kind) return false;
  switch (ka) {
    case Kind.Str:
      return a.value === b.value;
    case Kind.List:
    case Kind.Tuple:
      return a.items!.length === b.items!.length && a.items!.every((v, i) => pyEquals(v, b.items![i]));
    case Kind.Dict: {
      if (a.table!.size !== b.table!.size) return false;
      for (const [k, e] of a.table!.map) {
        const other = b.table!.map.get(k);
        if (other === undefined || !pyEquals(e.value!, other.value!)) return false;
      }
      return true;
    }
    case Kind.Set:
      return a.table!.size === b.table!.size && [...a.table!.map.keys()].every((k) => b.table!.map.has(k));
    default:
      return false;
  }
}

function contains(container: PyObject, item: PyObject): boolean {
  switch (container.type.kind) {
    case Kind.List:
    case Kind.Tuple:
      return container.items!.some((v) => pyEquals(v, item));
    case Kind.Dict:
      return container.table!.map.has(hashKey(item));
    case Kind.Set:
      return setContains(container, item);
    case Kind.Str:
      if (item.type.kind !== Kind.Str)
        throw new PyException('TypeError', `'in <string>' requires string as left operand, not ${item.type.name}`);
      return (container.value as string).includes(item.value as string);
    case Kind.DictView:
      return viewKind(container) === 'keys' ? viewDict(container).table!.map.has(hashKey(item)) : false;
    default: {
      const native = nativeClass(container.type);
      if (native !== undefined) return native.contains(container, item);
      throw new PyException('TypeError', `argument of type '${container.type.name}' is not iterable`);
    }
  }
}

/**
 * list_richcompare / tuplerichcompare for an ordering: the first items that are not equal decide
 * (compared with the operator itself); if one sequence is a prefix of the other, the lengths do.
 */
function sequenceOrder(op: A.CmpOperator, a: readonly PyObject[], b: readonly PyObject[]): boolean {
  let i = 0;
  while (i < a.length && i < b.length && pyEquals(a[i], b[i])) i++;
  if (i < a.length && i < b.length) return compareOp(op, a[i], b[i]);
  return ordered(op, a.length - b.length);
}

/** Whether the ordering `op` holds for a comparison result `c` (negative, zero or positive). */
function ordered(op: A.CmpOperator, c: number): boolean {
  return op === 'Lt' ? c < 0 : op === 'LtE' ? c <= 0 : op === 'Gt' ? c > 0 : c >= 0;
}

const CMP_SYMBOL: Record<string, string> = { Lt: '<', LtE: '<=', Gt: '>', GtE: '>=' };

export function compareOp(op: A.CmpOperator, left: PyObject, right: PyObject): boolean {
  switch (op) {
    case 'Is':
      return left === right;
    case 'IsNot':
      return left !== right;
    case 'Eq':
    case 'NotEq': {
      // float_richcompare: nan == nan is False even for the same object
      const floats = left.type.kind === Kind.Float || right.type.kind === Kind.Float;
      const a = floats ? numValue(left) : null;
      const b = floats ? numValue(right) : null;
      const equal = a !== null && b !== null ? numCompare(a, b) === 0 : pyEquals(left, right);
      return op === 'Eq' ? equal : !equal;
    }
    case 'In':
      return contains(right, left);
    case 'NotIn':
      return !contains(right, left);
    default: {
      const a = numValue(left);
      const b = numValue(right);
      let c: number;
      if (a !== null && b !== null) c = numCompare(a, b);
      else if (left.type.kind === Kind.Str && right.type.kind === Kind.Str)
        c = (left.value as string) < (right.value as string) ? -1 : left.value === right.value ? 0 : 1;
      else if (left.type.kind === right.type.kind && (left.type.kind === Kind.List || left.type.kind === Kind.Tuple))
        return sequenceOrder(op, left.items!, right.items!);
      else
        throw new PyException(
          'TypeError',
          `'${CMP_SYMBOL[op]}' not supported between instances of '${left.type.name}' and '${right.type.name}'`,
        );
      return ordered(op, c);
    }
  }
}
