/**
 * Which objects a step records. A program with at most `limit` live objects is recorded whole, in
 * refchain order. Past it, the step records what the program's names reach first (breadth first,
 * every name's own object whatever the bound), then the oldest of the rest, up to `limit`: the
 * work of a step is proportional to what it records, not to the heap.
 *
 * "Own" objects are those the names reach without entering classes, functions, modules or code,
 * so class internals, descriptors and the like appear only if the names reach them some other way.
 */
import type { Runtime } from '../core/runtime';
import type { PyObject } from '../core/objects/pyobject';
import { KIND_NAMES } from '../core/objects/kinds';
import { referents } from '../core/objects/traverse';

/** Kinds whose insides belong to CPython, not to the program: drawn when reached, not entered. */
const OPAQUE_KINDS: ReadonlySet<string> = new Set(['type', 'function', 'module', 'code', 'builtin_function_or_method']);

export interface Selection {
  /** The objects recorded, in refchain order when all are, else own first. */
  readonly recorded: readonly PyObject[];
  /** Ids of the program's own objects among them, ascending. */
  readonly own: readonly number[];
  /** Live objects of the program left out. */
  readonly omitted: number;
}

export interface SelectionInput {
  readonly rt: Runtime;
  /** The names' targets, then the stranded cycles: where "own" starts. */
  readonly roots: readonly PyObject[];
  /** Objects the step may record: those the program caused to be allocated, but code and name keys. */
  readonly recordable: (op: PyObject) => boolean;
  /** Live objects of the program (an upper bound on the recordable ones). */
  readonly live: number;
  readonly limit: number;
  /** References followed from each object (its recorded ones). */
  readonly referentsOf: (op: PyObject) => readonly PyObject[];
}

/**
 * Ids reachable from the roots among recordable objects, not entering opaque kinds; the roots
 * always, the rest while fewer than `limit` are found.
 */
function ownObjects(input: SelectionInput): PyObject[] {
  const seen = new Set(input.roots.filter((op) => input.recordable(op)));
  const queue = [...seen];
  for (let i = 0; i < queue.length; i++) {
    const op = queue[i];
    if (OPAQUE_KINDS.has(KIND_NAMES[op.type.kind])) continue;
    for (const next of input.referentsOf(op)) {
      if (seen.size >= input.limit) return queue;
      if (seen.has(next) || !input.recordable(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return queue;
}

export function selectObjects(input: SelectionInput): Selection {
  const own = ownObjects(input);
  const ownIds = own.map((op) => op.id).sort((a, b) => a - b);
  const recorded: PyObject[] = [];
  if (input.live <= input.limit) {
    for (const op of input.rt.liveObjects()) if (input.recordable(op)) recorded.push(op);
    return { recorded, own: ownIds, omitted: 0 };
  }
  const chosen = new Set(own);
  recorded.push(...own);
  for (const op of input.rt.liveObjects()) {
    if (recorded.length >= input.limit) break;
    if (!chosen.has(op) && input.recordable(op)) recorded.push(op);
  }
  return { recorded, own: ownIds, omitted: Math.max(0, input.live - recorded.length) };
}

/** The references of `op` a record keeps, and how many more it has. */
export function boundedReferents(op: PyObject, limit: number): { kept: PyObject[]; more: number } {
  const all = referents(op);
  return all.length <= limit ? { kept: all, more: 0 } : { kept: all.slice(0, limit), more: all.length - limit };
}
