/**
 * The heap as a Mermaid flowchart, for report.md (GitHub renders ```mermaid blocks). Every label
 * comes from a snapshot that a submission produced, so every character outside a small safe set is
 * written as a Mermaid entity code (`#60;`): no label can close its quotes or inject markup.
 */
import type { HeapSnapshot } from '../core/snapshot';
import { heapFocus } from './heap-focus';

/** A label with every character but letters, digits, space and `_.:-` as a Mermaid entity code. */
export function mermaidLabel(text: string): string {
  return [...text].map((ch) => (/[A-Za-z0-9 _.:-]/.test(ch) ? ch : `#${ch.codePointAt(0)};`)).join('');
}

/** The frames' objects and the unreachable ones (heap-focus.ts), their references and roots; unreachable objects are marked as leaked. */
export function heapToMermaid(snapshot: HeapSnapshot): string {
  const focus = heapFocus(snapshot);
  const shown = new Set(focus.include);
  const leaked = new Set(focus.leaked);
  const lines = ['flowchart LR'];
  const generation = new Map<number, number>();
  snapshot.generations.forEach((g, i) => g.members.forEach((id) => generation.set(id, i)));
  snapshot.roots.forEach((root, i) => {
    if (shown.has(root.target)) lines.push(`  r${i}(["${mermaidLabel(root.where)}"]) --> o${root.target}`);
  });
  for (const object of snapshot.objects.filter((o) => shown.has(o.id))) {
    const gen = generation.get(object.id);
    const where = gen === undefined ? '' : gen === 3 ? ' · permanent' : ` · gen ${gen}`;
    // the <br/> is ours; everything else is escaped
    lines.push(
      `  o${object.id}["${mermaidLabel(`${object.type} #${object.id}`)}<br/>refcnt ${object.refcnt}${mermaidLabel(where)}"]`,
    );
    for (const target of object.referents.filter((t) => shown.has(t))) lines.push(`  o${object.id} --> o${target}`);
    if (leaked.has(object.id)) lines.push(`  class o${object.id} leaked`);
  }
  lines.push('  classDef leaked fill:#fdd,stroke:#c62828');
  return lines.join('\n');
}
