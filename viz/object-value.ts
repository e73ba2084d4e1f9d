/**
 * The short value a recorded object shows under its type: its repr cut to VALUE_LENGTH characters,
 * or an instance's attributes. Read-only (nothing is allocated on the simulated heap) and of bounded
 * cost: a list of 100,000 ints is not turned into a 700 KB repr at every step to keep 40 characters.
 */
import type { Runtime } from '../core/runtime';
import { Kind } from '../core/objects/kinds';
import type { PyObject } from '../core/objects/pyobject';
import { pyRepr } from '../python/interp/repr';

export const VALUE_LENGTH = 40;

/**
 * Items of a list or tuple enough to fill VALUE_LENGTH: each item's repr is at least one character
 * and a separator two, so the repr of this many items and `, ` is longer than VALUE_LENGTH.
 */
const ENOUGH_ITEMS = Math.ceil(VALUE_LENGTH / 3) + 1;

export function truncate(text: string): string {
  return text.length > VALUE_LENGTH ? `${text.slice(0, VALUE_LENGTH - 3)}...` : text;
}

/**
 * repr() as the trace shows it, up to where truncate cuts it: a long list or tuple is written from
 * its first ENOUGH_ITEMS items, whose repr begins with the same VALUE_LENGTH characters as the whole.
 */
export function shortRepr(rt: Runtime, op: PyObject, active: Set<PyObject> = new Set()): string {
  const kind = op.type.kind;
  if ((kind !== Kind.List && kind !== Kind.Tuple) || op.items!.length <= ENOUGH_ITEMS || active.has(op))
    return pyRepr(rt, op, active, true);
  active.add(op);
  const head = op.items!.slice(0, ENOUGH_ITEMS).map((item) => shortRepr(rt, item, active));
  active.delete(op);
  return `${kind === Kind.List ? '[' : '('}${head.join(', ')}, `;
}

/**
 * An instance's attributes, `name='a', partner=#388` (its repr is only an address): read from the
 * slots, the inline values or the materialised dict without allocating, as Python Tutor shows them.
 */
function instanceValue(rt: Runtime, op: PyObject): string {
  const attributes: [string, PyObject][] = [];
  op.type.slotNames?.forEach((name, i) => {
    const value = op.refs?.[i];
    if (value != null) attributes.push([name, value]);
  });
  if (op.dictRef !== null && op.dictRef.table !== null) {
    for (const entry of op.dictRef.table.map.values())
      if (entry.value !== null) attributes.push([String(entry.key.value), entry.value]);
  } else if (op.values !== null) {
    op.type.cachedKeys?.names.forEach((name, i) => {
      const value = op.values![i];
      if (value != null) attributes.push([name, value]);
    });
  }
  return attributes
    .map(([name, value]) => `${name}=${value.type.kind === Kind.Instance ? `#${value.id}` : shortRepr(rt, value)}`)
    .join(', ');
}

/** The value drawn under an object's type. */
export function objectValue(rt: Runtime, op: PyObject): string {
  return truncate(op.type.kind === Kind.Instance ? instanceValue(rt, op) : shortRepr(rt, op));
}
