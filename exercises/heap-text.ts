/**
 * The heap as text for a terminal: each object a student's operations made, with its type,
 * refcount, generation and what it references, then the roots that point into it.
 */
import type { HeapSnapshot } from '../core/snapshot';

/** Which generation (0, 1, 2, "permanent") holds each tracked object. */
function generationOf(s: HeapSnapshot): Map<number, string> {
  const where = new Map<number, string>();
  s.generations.forEach((g, i) => {
    for (const id of g.members) where.set(id, i === 3 ? 'permanent' : String(i));
  });
  return where;
}

/**
 * Render the objects with id >= `firstId` (those the operations made; the interpreter's own
 * objects are left out unless referenced from them) and the roots that reach them.
 */
export function heapText(s: HeapSnapshot, firstId: number): string {
  const gen = generationOf(s);
  const shown = s.objects.filter((o) => o.id >= firstId);
  const lines = shown.map((o) => {
    const refs = o.referents.filter((r) => r >= firstId).map((r) => `#${r}`);
    const weak =
      o.weakReferent === undefined ? '' : ` weakly -> ${o.weakReferent === null ? 'None' : `#${o.weakReferent}`}`;
    const where = gen.has(o.id) ? `gen ${gen.get(o.id)}` : 'untracked';
    return `  #${o.id} ${o.type}  refcount ${o.refcnt}  ${where}${refs.length > 0 ? `  -> ${refs.join(' ')}` : ''}${weak}`;
  });
  // The interpreter's own objects that hold the operations' objects (the module's globals dict).
  const holders = s.objects
    .filter((o) => o.id < firstId && o.referents.some((r) => r >= firstId))
    .map(
      (o) =>
        `  #${o.id} ${o.type} (interpreter) -> ${o.referents
          .filter((r) => r >= firstId)
          .map((r) => `#${r}`)
          .join(' ')}`,
    );
  const roots = s.roots
    .filter((r) => r.target >= firstId)
    .map(
      (r) => `  ${r.kind === 'runtime' ? 'runtime' : r.where} -> #${r.target}${r.count > 1 ? ` (x${r.count})` : ''}`,
    );
  const counts = s.generations
    .slice(0, 3)
    .map((g, i) => `gen ${i}: count ${g.count}/${g.threshold}`)
    .join(', ');
  return [
    `objects (${shown.length}):`,
    ...(lines.length > 0 ? lines : ['  (none)']),
    `held from outside them:`,
    ...(holders.length + roots.length > 0 ? [...holders, ...roots] : ['  (nothing)']),
    counts,
  ].join('\n');
}
