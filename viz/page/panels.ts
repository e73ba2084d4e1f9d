/**
 * The text panels around the heap picture, as HTML strings with every untrusted piece escaped:
 * what changed at a step, the collector's stage, and pymalloc's arenas.
 */
import { escapeXml } from '../../core/pymalloc/picture';
import type { AllocatorRecord, Change, ObjectRecord, StageRecord, StepRecord } from '../recording';

const STAGE_TEXT: Readonly<Record<StageRecord['name'], string>> = {
  start: 'A collection starts: the younger generations are merged into the one collected.',
  update_refs: 'update_refs: gc_refs = refcount, for every object of the generation.',
  subtract_refs:
    'subtract_refs: every reference from inside the generation is subtracted. gc_refs > 0 now means "referenced from outside": a root of the scan.',
  move_unreachable:
    'move_unreachable: objects with gc_refs 0 are moved to the tentatively unreachable list; any reached from an object referenced from outside moves back.',
  handle_weakrefs: 'handle_weakrefs: weak references to unreachable objects are cleared and their callbacks run.',
  finalize_garbage: 'finalize_garbage: __del__ (tp_finalize) runs once for each unreachable object that has one.',
  delete_garbage: 'delete_garbage: tp_clear breaks the cycles; refcounts fall to zero and the objects are freed.',
  done: 'The collection is over: survivors are promoted to the next generation.',
};

const name = (id: number, objects: ReadonlyMap<number, ObjectRecord>): string => {
  const o = objects.get(id);
  return escapeXml(o === undefined ? `#${id}` : `#${id} ${o.type}`);
};

const list = (ids: readonly number[], objects: ReadonlyMap<number, ObjectRecord>): string =>
  ids.length === 0 ? '<i>none</i>' : ids.map((id) => name(id, objects)).join(', ');

/** One change as a sentence. */
function changeText(change: Change, objects: ReadonlyMap<number, ObjectRecord>): string {
  switch (change.kind) {
    case 'born':
      return `<span class="c-born">born</span> ${escapeXml(`#${change.id} ${change.type}`)}`;
    case 'freed':
      return `<span class="c-freed">freed</span> ${escapeXml(`#${change.id} ${change.type}`)}: ${
        change.why === 'collector' ? 'by the cycle collector' : 'its refcount reached 0'
      }`;
    case 'refcount':
      return `refcount of ${name(change.id, objects)}: ${change.from} → ${change.to}`;
    case 'ref-added':
      return `<span class="c-born">+ reference</span> ${escapeXml(change.from)} → ${name(change.to, objects)}`;
    case 'ref-dropped':
      return `<span class="c-freed">− reference</span> ${escapeXml(change.from)} → ${name(change.to, objects)}`;
    case 'del':
      return `<span class="c-del">__del__</span> of ${name(change.id, objects)} ran`;
    case 'weakref-callback':
      return `<span class="c-del">weakref callback</span> of ${name(change.id, objects)} ran`;
    case 'cleared':
      return `<span class="c-del">tp_clear</span> of ${name(change.id, objects)} (the collector breaks the cycle)`;
  }
}

/** The ids a change is about, to keep only the changes of objects in view. */
function changeIds(change: Change): number[] {
  return 'id' in change ? [change.id] : [change.to];
}

export function changesHtml(
  step: StepRecord,
  objects: ReadonlyMap<number, ObjectRecord>,
  visible: ReadonlySet<number>,
): string {
  const shown = step.changes.filter((c) => changeIds(c).some((id) => visible.has(id)));
  const hidden = step.changes.length - shown.length;
  const items = shown.map((c) => `<li>${changeText(c, objects)}</li>`).join('');
  const more = hidden > 0 ? `<li class="muted">${hidden} more about objects not in this view</li>` : '';
  const unlisted = step.omitted?.changes ?? 0;
  const counted =
    unlisted > 0 ? `<li class="muted">${unlisted.toLocaleString('en-US')} more not recorded (counted only)</li>` : '';
  return items + more + counted === '' ? '<p class="muted">nothing changed</p>' : `<ul>${items}${more}${counted}</ul>`;
}

export function stageHtml(stage: StageRecord, objects: ReadonlyMap<number, ObjectRecord>): string {
  const rows: string[] = [
    `<p><b>Collecting generation ${stage.generation}</b>${
      stage.resurrectionCheck ? ' — again, after the finalizers, to find resurrected objects' : ''
    }</p>`,
    `<p>${STAGE_TEXT[stage.name]}</p>`,
  ];
  const drawn = (ids: readonly number[]) => ids.filter((id) => objects.has(id));
  if (stage.name === 'start') rows.push(`<p>${stage.total} objects in generations 0..${stage.generation}.</p>`);
  if (stage.name === 'update_refs' || stage.name === 'subtract_refs') {
    const cells = drawn(stage.collecting)
      .map((id) => `<tr><td>${name(id, objects)}</td><td class="num">${stage.gcRefs[id]}</td></tr>`)
      .join('');
    rows.push(`<table class="gcrefs"><tr><th>object</th><th>gc_refs</th></tr>${cells}</table>`);
  }
  if (stage.name === 'move_unreachable') {
    rows.push(`<p>Tentatively unreachable: ${list(drawn(stage.unreachable), objects)}</p>`);
    rows.push(`<p>Moved back (gc_refs was 0, but reachable): ${list(drawn(stage.movedBack), objects)}</p>`);
  }
  if (stage.name === 'handle_weakrefs' || stage.name === 'finalize_garbage' || stage.name === 'delete_garbage') {
    const what =
      stage.name === 'delete_garbage' ? 'Cleared' : stage.name === 'finalize_garbage' ? 'Finalized' : 'Callbacks';
    rows.push(`<p>Unreachable: ${list(drawn(stage.unreachable), objects)}</p>`);
    rows.push(`<p>${what}: ${list(drawn(stage.affected), objects)}</p>`);
  }
  if (stage.name === 'done') {
    rows.push(`<p>Collected ${stage.collected}, uncollectable ${stage.uncollectable}.</p>`);
    rows.push(`<p>Promoted: ${list(drawn(stage.promoted), objects)}</p>`);
  }
  return rows.join('');
}

export function countsHtml(step: StepRecord): string {
  const cells = step.counts.map((c, g) => `<td>gen${g} ${c} / ${step.thresholds[g]}</td>`).join('');
  return `<table class="counts"><tr><th>gc counts / thresholds</th>${cells}</tr></table>`;
}

const CELL_CLASS: Readonly<Record<string, string>> = {
  '#': 'full',
  '+': 'used',
  '.': 'empty',
  '-': 'uncarved',
  x: 'lost',
};

export function allocatorHtml(
  allocator: AllocatorRecord,
  objects: ReadonlyMap<number, ObjectRecord>,
  visible: ReadonlySet<number>,
): string {
  const hex = (n: number) => `0x${n.toString(16)}`;
  const strips = allocator.arenas
    .map(
      (arena) =>
        `<div class="arena"><span class="arena-name">arena ${arena.index}</span>${[...arena.pools]
          .map((c) => `<i class="pool ${CELL_CLASS[c]}"></i>`)
          .join('')}</div>`,
    )
    .join('');
  const blocks = [...objects.values()]
    .filter((o) => visible.has(o.id) && o.block !== null)
    .map(
      (o) =>
        `<tr><td>${name(o.id, objects)}</td><td>${hex(o.block!.address)}</td><td class="num">${o.block!.size} B</td><td>${hex(o.block!.pool)}</td><td class="num">${o.block!.arena}</td></tr>`,
    )
    .join('');
  return (
    `<div class="strips">${strips || '<i>no arenas</i>'}</div>` +
    `<p class="legend"><i class="pool full"></i> full <i class="pool used"></i> used <i class="pool empty"></i> empty <i class="pool uncarved"></i> not carved yet — one cell per 16 KiB pool</p>` +
    `<p>Kept for reuse, not returned to the OS: <b>${allocator.freeBlockBytes} bytes</b> in free blocks of used pools, ` +
    `<b>${allocator.emptyPools}</b> empty pools, <b>${allocator.freeListShells}</b> dead objects on the type free lists.</p>` +
    (blocks === ''
      ? ''
      : `<div class="blocks-box"><table class="blocks"><tr><th>object</th><th>block</th><th>size class</th><th>pool</th><th>arena</th></tr>${blocks}</table></div>`)
  );
}
