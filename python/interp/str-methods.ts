/**
 * The str methods teaching programs use to lay out their output, each allocating what its
 * CPython 3.11 counterpart allocates: `format` is METH_VARARGS|METH_KEYWORDS (an argument tuple,
 * and a dict for keyword arguments), `join` takes a list or tuple as it is and makes a list of
 * any other iterable (PySequence_Fast), the Argument Clinic methods (ljust, split, ...) get their
 * arguments on the stack; a method that would return an equal exact str returns the str itself.
 */
import type { Runtime } from '../../core/runtime';
import { Kind } from '../../core/objects/kinds';
import type { PyObject } from '../../core/objects/pyobject';
import { PyException } from '../../core/errors';
import { newTuple } from '../../core/objects/tuple';
import { newDict, dictSetItem } from '../../core/objects/dict';
import { newList } from '../../core/objects/list';
import { type AttributeAccess, strFormat } from './str-format';

export type StrMethod = (self: PyObject, args: PyObject[], kwargs: [string, PyObject][]) => PyObject;

/** What the str methods need besides the runtime: attribute access and iteration. */
export interface StrMethodHost extends AttributeAccess {
  /** Every item of an iterable, as new references. */
  collect(iterable: PyObject): PyObject[];
}

function checkArgs(name: string, args: PyObject[], kwargs: [string, PyObject][], min: number, max: number): void {
  if (kwargs.length > 0) throw new PyException('TypeError', `str.${name}() takes no keyword arguments`);
  if (args.length < min || args.length > max) {
    const expected = min === max ? `exactly ${min}` : args.length < min ? `at least ${min}` : `at most ${max}`;
    throw new PyException(
      'TypeError',
      min === max && min === 1 && name === 'join'
        ? `str.join() takes exactly one argument (${args.length} given)`
        : `${name} expected ${expected} argument${max === 1 ? '' : 's'}, got ${args.length}`,
    );
  }
}

function text(op: PyObject): string {
  return op.value as string;
}

function strArg(name: string, op: PyObject, position: number): string {
  if (op.type.kind !== Kind.Str)
    throw new PyException('TypeError', `${name}() argument ${position} must be str, not ${op.type.name}`);
  return text(op);
}

function intArg(op: PyObject): number {
  if (op.type.kind !== Kind.Int && op.type.kind !== Kind.Bool)
    throw new PyException('TypeError', `'${op.type.name}' object cannot be interpreted as an integer`);
  return Number(op.type.kind === Kind.Bool ? (op.value ? 1 : 0) : (op.value as bigint));
}

const length = (s: string) => Array.from(s).length;

/** A new str, or the receiver itself when the text did not change (unicode_result_unchanged). */
function result(rt: Runtime, self: PyObject, value: string): PyObject {
  return value === text(self) ? rt.newRef(self) : rt.str(value);
}

// ljust, rjust, center: the fill character is one character; `left` says how much goes left.
function padded(
  rt: Runtime,
  name: string,
  self: PyObject,
  args: PyObject[],
  kwargs: [string, PyObject][],
  left: (missing: number, width: number) => number,
): PyObject {
  checkArgs(name, args, kwargs, 1, 2);
  const width = intArg(args[0]);
  const fill = args.length === 2 ? strArg(name, args[1], 2) : ' ';
  if (length(fill) !== 1) throw new PyException('TypeError', 'The fill character must be exactly one character long');
  const missing = width - length(text(self));
  if (missing <= 0) return rt.newRef(self);
  const l = left(missing, width);
  return rt.str(fill.repeat(l) + text(self) + fill.repeat(missing - l));
}

/** The str method `name`, or undefined. */
export function strMethod(rt: Runtime, host: StrMethodHost, name: string): StrMethod | undefined {
  switch (name) {
    case 'format':
      return (self, args, kwargs) => {
        const packed = newTuple(rt, args);
        const dict = kwargs.length > 0 ? newDict(rt) : null;
        try {
          for (const [k, v] of dict !== null ? kwargs : []) {
            const key = rt.str(k);
            dictSetItem(rt, dict!, key, v);
            rt.decref(key);
          }
          return rt.str(strFormat(rt, host, text(self), args, new Map(kwargs)));
        } finally {
          if (dict !== null) rt.decref(dict);
          rt.decref(packed);
        }
      };
    case 'join':
      return (self, args, kwargs) => {
        checkArgs('join', args, kwargs, 1, 1);
        const seq = args[0];
        const fast = seq.type.kind === Kind.List || seq.type.kind === Kind.Tuple;
        const items = fast ? seq.items!.slice() : host.collect(seq);
        const list = fast ? null : newList(rt, items);
        if (!fast) for (const item of items) rt.decref(item);
        try {
          items.forEach((item, i) => {
            if (item.type.kind !== Kind.Str)
              throw new PyException('TypeError', `sequence item ${i}: expected str instance, ${item.type.name} found`);
          });
          if (items.length === 1 && items[0].type.kind === Kind.Str) return rt.newRef(items[0]);
          return rt.str(items.map(text).join(text(self)));
        } finally {
          if (list !== null) rt.decref(list);
        }
      };
    case 'ljust':
      return (self, args, kwargs) => padded(rt, name, self, args, kwargs, () => 0);
    case 'rjust':
      return (self, args, kwargs) => padded(rt, name, self, args, kwargs, (missing) => missing);
    case 'center':
      // pad(): the odd one out goes left only when both the margin and the width are odd
      return (self, args, kwargs) =>
        padded(rt, name, self, args, kwargs, (missing, width) => Math.floor(missing / 2) + (missing & width & 1));
    case 'zfill':
      return (self, args, kwargs) => {
        checkArgs(name, args, kwargs, 1, 1);
        const s = text(self);
        const missing = intArg(args[0]) - length(s);
        if (missing <= 0) return rt.newRef(self);
        const sign = s[0] === '+' || s[0] === '-' ? s[0] : '';
        return rt.str(sign + '0'.repeat(missing) + s.slice(sign.length));
      };
    case 'upper':
    case 'lower':
      return (self, args, kwargs) => {
        checkArgs(name, args, kwargs, 0, 0);
        return result(rt, self, name === 'upper' ? text(self).toUpperCase() : text(self).toLowerCase());
      };
    case 'strip':
    case 'lstrip':
    case 'rstrip':
      return (self, args, kwargs) => {
        checkArgs(name, args, kwargs, 0, 1);
        const chars = args.length === 0 || args[0] === rt.None ? null : strArg(name, args[0], 1);
        const strip = (ch: string) => (chars === null ? /\s/.test(ch) : chars.includes(ch));
        const cs = Array.from(text(self));
        let a = 0;
        let b = cs.length;
        if (name !== 'rstrip') while (a < b && strip(cs[a])) a++;
        if (name !== 'lstrip') while (b > a && strip(cs[b - 1])) b--;
        return result(rt, self, cs.slice(a, b).join(''));
      };
    case 'startswith':
    case 'endswith':
      return (self, args, kwargs) => {
        checkArgs(name, args, kwargs, 1, 1);
        const affix = strArg(name, args[0], 1);
        return rt.bool(name === 'startswith' ? text(self).startsWith(affix) : text(self).endsWith(affix));
      };
    case 'replace':
      return (self, args, kwargs) => {
        checkArgs(name, args, kwargs, 2, 2);
        return result(
          rt,
          self,
          text(self)
            .split(strArg(name, args[0], 1))
            .join(strArg(name, args[1], 2)),
        );
      };
    case 'split':
      return (self, args, kwargs) => {
        checkArgs(name, args, kwargs, 0, 1);
        const sep = args.length === 0 || args[0] === rt.None ? null : strArg(name, args[0], 1);
        if (sep === '') throw new PyException('ValueError', 'empty separator');
        const parts =
          sep === null
            ? text(self)
                .split(/\s+/)
                .filter((p) => p !== '')
            : text(self).split(sep);
        const items = parts.map((p) => rt.str(p));
        const list = newList(rt, items);
        for (const item of items) rt.decref(item);
        return list;
      };
    default:
      return undefined;
  }
}
