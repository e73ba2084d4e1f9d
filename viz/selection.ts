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
import { Kind, KIND_NAMES } from '../core/objects/kinds';
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
  /** The oldest recordable object, for the next step's `oldest`. */
  readonly oldest: PyObject | null;
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
  /**
   * Past the bound, the oldest recordable object of the previous such step: no program object
   * precedes it on the refchain but name keys (new objects go to the end), so the walk for "the
   * rest" starts there if it is alive rather than at the thousands of start-up objects.
   */
  readonly oldest: PyObject | null;
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

/** Live recordable objects in refchain order (allocation order), from `from` on if alive. */
function* recordableObjects(input: SelectionInput, from: PyObject | null): Generator<PyObject> {
  const end = input.rt.refchain;
  const start = from !== null && from.obNext !== null ? from : end.obNext!;
  for (let op = start; op !== end; op = op.obNext!) if (input.recordable(op)) yield op;
}

export function selectObjects(input: SelectionInput): Selection {
  const own = ownObjects(input);
  const ownIds = own.map((op) => op.id).sort((a, b) => a - b);
  const recorded: PyObject[] = [];
  let oldest: PyObject | null = null;
  if (input.live <= input.limit) {
    for (const op of recordableObjects(input, null)) recorded.push(op);
    return { recorded, own: ownIds, omitted: 0, oldest: null };
  }
  const chosen = new Set(own);
  recorded.push(...own);
  for (const op of recordableObjects(input, input.oldest)) {
    oldest ??= op;
    if (recorded.length >= input.limit) break;
    if (!chosen.has(op)) recorded.push(op);
  }
  return { recorded, own: ownIds, omitted: Math.max(0, input.live - recorded.length), oldest };
}

/**
 * The references of `op` a record keeps, and how many more it has. A long list or tuple is not
 * traversed whole at every step: list_traverse and tupletraverse visit the items last to first,
 * so the first `limit` references are the last `limit` items, in reverse.
 */
export function boundedReferents(op: PyObject, limit: number): { kept: PyObject[]; more: number } {
  const kind = op.type.kind;
  if ((kind === Kind.List || kind === Kind.Tuple) && op.items!.length > limit) {
    const items = op.items!;
    return { kept: items.slice(items.length - limit).reverse(), more: items.length - limit };
  }
  const all = referents(op);
  return all.length <= limit ? { kept: all, more: 0 } : { kept: all.slice(0, limit), more: all.length - limit };
}
