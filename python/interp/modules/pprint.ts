/**
 * pprint, modelled natively (docs/fidelity.md gives the measurements behind that choice):
 * `pprint.pprint` and `pprint.pformat` lay out dicts (keys sorted), lists and tuples as
 * PrettyPrinter does with indent 1: an object whose repr fits in what is left of the width is
 * written whole, otherwise one element per line, aligned under the opening bracket. Strings longer
 * than the width are not split (CPython splits them at spaces): see docs/fidelity.md.
 */
import type { Runtime } from '../../../core/runtime';
import { Kind } from '../../../core/objects/kinds';
import type { PyObject } from '../../../core/objects/pyobject';
import { TYPES } from '../../../core/objects/pytype';
import { PyException } from '../../../core/errors';
import { pyRepr } from '../repr';
import { intValue } from '../numeric';
import { isTrue } from '../abstract';
import { def, type ModuleTable } from './table';

/** How one call lays out: the line width and whether dict keys are sorted. */
interface Layout {
  readonly width: number;
  readonly sortDicts: boolean;
}

/** Length in code points, as Python's len() of the repr counts it. */
function pyLen(text: string): number {
  return [...text].length;
}

/** A number's value for ordering, or null when `op` is not a number. */
function numeric(op: PyObject): number | null {
  if (op.type.kind === Kind.Bool) return op.value ? 1 : 0;
  const n = intValue(op);
  return n === null ? null : Number(n);
}

/**
 * _safe_key's order: numbers and strs by value; objects that do not compare by their type's
 * repr then their address, as pprint falls back when `<` raises TypeError.
 */
function safeCompare(rt: Runtime, a: PyObject, b: PyObject): number {
  const x = numeric(a);
  const y = numeric(b);
  if (x !== null && y !== null) return x - y;
  if (a.type.kind === Kind.Str && b.type.kind === Kind.Str) {
    const s = a.value as string;
    const t = b.value as string;
    return s < t ? -1 : s > t ? 1 : 0;
  }
  const ta = `<class '${a.type.name}'>`;
  const tb = `<class '${b.type.name}'>`;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return Number(BigInt(rt.addressOf(a)) - BigInt(rt.addressOf(b)));
}

/** A dict's items as the layout takes them: sorted by (key, value) with _safe_tuple, or in order. */
function dictItems(rt: Runtime, dict: PyObject, layout: Layout): [PyObject, PyObject][] {
  const items = [...dict.table!.map.values()].map((e): [PyObject, PyObject] => [e.key, e.value!]);
  if (layout.sortDicts) items.sort(([k1, v1], [k2, v2]) => safeCompare(rt, k1, k2) || safeCompare(rt, v1, v2));
  return items;
}

/** Whether pprint lays `op` out itself (exact dict, list and tuple; other objects are their repr). */
function isContainer(op: PyObject): boolean {
  return op.type === TYPES.dict || op.type === TYPES.list || op.type === TYPES.tuple;
}

/** _recursion: what stands for a container already being printed further out. */
function recursion(rt: Runtime, op: PyObject): string {
  return `<Recursion on ${op.type.name} with id=${BigInt(rt.addressOf(op))}>`;
}

/** _safe_repr: the one-line form, with sorted dict keys and recursion markers. */
function safeRepr(rt: Runtime, op: PyObject, layout: Layout, context: Set<PyObject>): string {
  if (!isContainer(op)) return pyRepr(rt, op);
  if (context.has(op)) return recursion(rt, op);
  context.add(op);
  try {
    if (op.type === TYPES.dict)
      return `{${dictItems(rt, op, layout)
        .map(([k, v]) => `${safeRepr(rt, k, layout, context)}: ${safeRepr(rt, v, layout, context)}`)
        .join(', ')}}`;
    const items = op.items!.map((x) => safeRepr(rt, x, layout, context));
    if (op.type === TYPES.list) return `[${items.join(', ')}]`;
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
  } finally {
    context.delete(op);
  }
}

/** PrettyPrinter._format: the repr if it fits in the width left, else the container laid out. */
function format(
  rt: Runtime,
  op: PyObject,
  out: string[],
  indent: number,
  allowance: number,
  layout: Layout,
  context: Set<PyObject>,
): void {
  if (context.has(op)) {
    out.push(recursion(rt, op));
    return;
  }
  const rep = safeRepr(rt, op, layout, context);
  if (pyLen(rep) <= layout.width - indent - allowance || !isContainer(op)) {
    out.push(rep);
    return;
  }
  context.add(op);
  try {
    if (op.type === TYPES.dict) formatDict(rt, op, out, indent, allowance, layout, context);
    else if (op.type === TYPES.list) {
      out.push('[');
      formatItems(rt, op.items!, out, indent, allowance + 1, layout, context);
      out.push(']');
    } else {
      const end = op.items!.length === 1 ? ',)' : ')';
      out.push('(');
      formatItems(rt, op.items!, out, indent, allowance + end.length, layout, context);
      out.push(end);
    }
  } finally {
    context.delete(op);
  }
}

/** _pprint_dict + _format_dict_items: `key: value` per line, each value indented past its key. */
function formatDict(
  rt: Runtime,
  dict: PyObject,
  out: string[],
  indent: number,
  allowance: number,
  layout: Layout,
  context: Set<PyObject>,
): void {
  out.push('{');
  const items = dictItems(rt, dict, layout);
  const inner = indent + 1;
  items.forEach(([key, value], i) => {
    const last = i === items.length - 1;
    const rep = safeRepr(rt, key, layout, context);
    out.push(rep, ': ');
    format(rt, value, out, inner + pyLen(rep) + 2, last ? allowance + 1 : 1, layout, context);
    if (!last) out.push(`,\n${' '.repeat(inner)}`);
  });
  out.push('}');
}

/** _format_items (not compact): one element per line, the last one keeping the closing allowance. */
function formatItems(
  rt: Runtime,
  items: readonly PyObject[],
  out: string[],
  indent: number,
  allowance: number,
  layout: Layout,
  context: Set<PyObject>,
): void {
  const inner = indent + 1;
  items.forEach((item, i) => {
    const last = i === items.length - 1;
    if (i > 0) out.push(`,\n${' '.repeat(inner)}`);
    format(rt, item, out, inner, last ? allowance : 1, layout, context);
  });
}

/** pformat's text for `op` with the keyword arguments pymemlab models (width, sort_dicts). */
function pformat(rt: Runtime, args: PyObject[]): string {
  const [op, stream, indent, width, depth, compact, sortDicts, underscoreNumbers] = args;
  for (const [name, given] of [
    ['stream', stream],
    ['indent', indent],
    ['depth', depth],
    ['compact', compact],
    ['underscore_numbers', underscoreNumbers],
  ] as const)
    if (given !== undefined && !(name === 'stream' && given === rt.None))
      throw new PyException('TypeError', `pymemlab's pprint models width and sort_dicts, not ${name}`);
  const w = width === undefined ? 80 : numeric(width);
  if (w === null)
    throw new PyException('TypeError', `'${width!.type.name}' object cannot be interpreted as an integer`);
  const out: string[] = [];
  format(rt, op, out, 0, 0, { width: w, sortDicts: sortDicts === undefined || isTrue(sortDicts) }, new Set());
  return out.join('');
}

const PARAMS = ['object', 'stream', 'indent', 'width', 'depth', 'compact', 'sort_dicts', 'underscore_numbers'];

/** pprint, built on import: pprint() writes pformat()'s text and a newline to standard output. */
export function pprintModule(rt: Runtime, stdout: (text: string) => void): ModuleTable {
  return {
    name: 'pprint',
    onImport: true,
    functions: [
      def({
        name: 'pprint',
        convention: 'keywords',
        params: PARAMS,
        required: 1,
        call: (args) => stdout(`${pformat(rt, args)}\n`),
      }),
      def({
        name: 'pformat',
        convention: 'keywords',
        params: PARAMS.filter((p) => p !== 'stream'),
        required: 1,
        call: ([op, ...rest]) => rt.str(pformat(rt, [op, undefined!, ...rest])),
      }),
    ],
    constants: () => [],
  };
}
