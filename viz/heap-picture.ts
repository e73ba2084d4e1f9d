/**
 * The heap picture: one self-contained SVG of a HeapSnapshot, frames (the roots) on the left and
 * heap objects on the right, references as arrows. The step-through page and the graders' reports
 * both draw heaps with it. Positions come from a graph-layout library (dagre), never by hand; every
 * piece of text is escaped, because types, names and values come from untrusted programs.
 *
 * It imports nothing from Node, so the page's script bundles it and lays out each step in the browser.
 */
import { Graph, layout, type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import type { HeapSnapshot, ObjectView, RootView } from '../core/snapshot';
import { escapeXml } from '../core/pymalloc/picture';

/** Why an object is drawn differently from the others. */
export type Highlight = 'born' | 'changed' | 'freed' | 'leaked' | 'collected';

export interface HeapPictureOptions {
  /** A short value for each object id (a repr), drawn under its type. */
  readonly values?: Readonly<Record<number, string>>;
  /** Draw only these objects and the roots that point at them (default: every object). */
  readonly include?: readonly number[];
  /** Objects to mark, with the reason (a legend names the reasons present). */
  readonly highlights?: Readonly<Record<number, Highlight>>;
  /**
   * Values of objects not drawn as boxes (small ints, None, interned strs), shown in the root that
   * refers to them, `i = 9`, as Python Tutor shows primitives inline.
   */
  readonly inlineValues?: Readonly<Record<number, string>>;
  /** References an object has past those drawn from its record, counted in its box. */
  readonly moreReferents?: Readonly<Record<number, number>>;
  /** Draw roots held by the runtime itself (sys.modules, code constants); default false. */
  readonly runtimeRoots?: boolean;
  /** A caption drawn above the picture. */
  readonly title?: string;
}

/** The geometry the picture uses: a monospace font of known advance, so boxes fit their text. */
const FONT_SIZE = 12;
const CHAR_WIDTH = 7.3;
const LINE_HEIGHT = 16;
const PAD = 8;
const TITLE_HEIGHT = 24;

const HIGHLIGHT_COLOURS: Readonly<Record<Highlight, string>> = {
  born: '#2e7d32',
  changed: '#ef6c00',
  freed: '#757575',
  leaked: '#c62828',
  collected: '#6a1b9a',
};

const HIGHLIGHT_WORDS: Readonly<Record<Highlight, string>> = {
  born: 'new at this step',
  changed: 'refcount changed',
  freed: 'freed',
  leaked: 'unreachable cycle (refcounting cannot free it)',
  collected: 'being collected',
};

type HeapGraph = Graph<GraphLabel, NodeLabel, EdgeLabel>;

/** A box to draw: its lines of text and where dagre put it. */
interface Box {
  readonly key: string;
  readonly lines: readonly string[];
  readonly kind: 'object' | 'root';
  readonly highlight?: Highlight;
  readonly objectId?: number;
}

/** Where an object sits: gen0..gen2, permanent, untracked or not a GC object at all. */
export function generationOf(snapshot: HeapSnapshot, object: ObjectView): string {
  if (!object.isGC) return 'not GC';
  if (!object.tracked) return 'untracked';
  const index = snapshot.generations.findIndex((g) => g.members.includes(object.id));
  if (index < 0) return 'tracked';
  return index === 3 ? 'permanent' : `gen${index}`;
}

/** The text of an object's box: id and type, its value, then refcount and generation. */
function objectLines(
  snapshot: HeapSnapshot,
  object: ObjectView,
  value: string | undefined,
  more: number | undefined,
): string[] {
  const lines = [`#${object.id} ${object.type}`];
  if (value !== undefined && value !== '') lines.push(value);
  lines.push(`refcount ${object.refcnt} · ${generationOf(snapshot, object)}`);
  if (more !== undefined) lines.push(`… ${more.toLocaleString('en-US')} more references, not recorded`);
  return lines;
}

/** A root's frame ("f" of "f:x"), so the roots of one frame are drawn in one box. */
function frameOf(root: RootView): string {
  const colon = root.where.lastIndexOf(':');
  return colon < 0 ? root.where : root.where.slice(0, colon);
}

/** A root's own name ("x" of "f:x", "stack[0]"); runtime roots are named after the runtime. */
function slotOf(root: RootView): string {
  const colon = root.where.lastIndexOf(':');
  return colon < 0 ? root.where : root.where.slice(colon + 1);
}

function boxSize(lines: readonly string[]): { width: number; height: number } {
  const longest = Math.max(...lines.map((l) => l.length));
  return { width: Math.ceil(longest * CHAR_WIDTH + 2 * PAD), height: lines.length * LINE_HEIGHT + PAD };
}

/**
 * Build the graph dagre lays out: one node per object drawn, one node per root (grouped in a
 * cluster per frame), one edge per reference. Left to right, so the frames come first.
 */
function buildGraph(
  snapshot: HeapSnapshot,
  options: HeapPictureOptions,
): { graph: HeapGraph; boxes: Map<string, Box> } {
  const graph: HeapGraph = new Graph({ compound: true, multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 48, marginx: 36, marginy: 26 });
  graph.setDefaultEdgeLabel(() => ({}));
  const boxes = new Map<string, Box>();
  const drawn = new Set(options.include ?? snapshot.objects.map((o) => o.id));
  for (const object of snapshot.objects) {
    if (!drawn.has(object.id)) continue;
    const key = `o${object.id}`;
    const box: Box = {
      key,
      lines: objectLines(snapshot, object, options.values?.[object.id], options.moreReferents?.[object.id]),
      kind: 'object',
      highlight: options.highlights?.[object.id],
      objectId: object.id,
    };
    boxes.set(key, box);
    graph.setNode(key, boxSize(box.lines));
  }
  for (const object of snapshot.objects) {
    if (!drawn.has(object.id)) continue;
    object.referents.forEach((target, i) => {
      // A reference to itself is drawn as a loop beside the box (selfLoopPath), not laid out.
      if (target !== object.id && boxes.has(`o${target}`)) graph.setEdge(`o${object.id}`, `o${target}`, {}, `r${i}`);
    });
  }
  snapshot.roots.forEach((root, i) => {
    if (root.kind === 'runtime' && options.runtimeRoots !== true) return;
    const pointsAtBox = boxes.has(`o${root.target}`);
    const inline = options.inlineValues?.[root.target];
    if (!pointsAtBox && inline === undefined) return;
    const frame = `f:${frameOf(root)}`;
    if (!graph.hasNode(frame)) graph.setNode(frame, { width: 0, height: 0 });
    const key = `r${i}`;
    const name = root.count > 1 ? `${slotOf(root)} ×${root.count}` : slotOf(root);
    const lines = [pointsAtBox ? name : `${name} = ${inline}`];
    boxes.set(key, { key, lines, kind: 'root' });
    graph.setNode(key, boxSize(lines));
    graph.setParent(key, frame);
    if (pointsAtBox) graph.setEdge(key, `o${root.target}`, {}, 'root');
  });
  return { graph, boxes };
}

/** A loop from the right side of a box back into it: the object refers to itself (`n.me = n`). */
function selfLoopPath(x: number, y: number, width: number): string {
  const right = x + width / 2;
  const d = `M${right},${y - 6} C${right + 30},${y - 18} ${right + 30},${y + 18} ${right + 1},${y + 7}`;
  return `<path class="ref" d="${d}" fill="none" stroke="#78909c" stroke-width="1.2" marker-end="url(#arrow)"/>`;
}

function boxSvg(box: Box, x: number, y: number, width: number, height: number): string {
  const left = x - width / 2;
  const top = y - height / 2;
  const colour =
    box.highlight === undefined ? (box.kind === 'root' ? '#1565c0' : '#37474f') : HIGHLIGHT_COLOURS[box.highlight];
  const fill = box.kind === 'root' ? '#e3f2fd' : box.highlight === 'freed' ? '#eeeeee' : '#ffffff';
  const dash = box.highlight === 'leaked' ? ' stroke-dasharray="5 3"' : '';
  const strokeWidth = box.highlight === undefined ? 1 : 2.5;
  const attributes = box.objectId === undefined ? '' : ` data-id="${box.objectId}"`;
  const text = box.lines
    .map(
      (line, i) =>
        `<text x="${left + PAD}" y="${top + PAD / 2 + (i + 0.8) * LINE_HEIGHT}"${i === 0 && box.kind === 'object' ? ' font-weight="bold"' : ''}>${escapeXml(line)}</text>`,
    )
    .join('');
  return (
    `<g class="${box.kind}"${attributes}${box.highlight ? ` data-highlight="${box.highlight}"` : ''}>` +
    `<rect x="${left}" y="${top}" width="${width}" height="${height}" rx="4" fill="${fill}" stroke="${colour}" stroke-width="${strokeWidth}"${dash}/>` +
    `${text}</g>`
  );
}

function frameSvg(name: string, x: number, y: number, width: number, height: number): string {
  const left = x - width / 2;
  const top = y - height / 2;
  return (
    `<g class="frame"><rect x="${left}" y="${top - 14}" width="${width}" height="${height + 14}" rx="6" fill="#f5f9ff" stroke="#90caf9"/>` +
    `<text x="${left + 6}" y="${top - 2}" font-style="italic">${escapeXml(name)}</text></g>`
  );
}

function legendSvg(highlights: ReadonlySet<Highlight>, top: number): string {
  return [...highlights]
    .map(
      (h, i) =>
        `<g class="legend"><rect x="10" y="${top + i * LINE_HEIGHT + 4}" width="10" height="10" fill="none" stroke="${HIGHLIGHT_COLOURS[h]}" stroke-width="2.5"/>` +
        `<text x="26" y="${top + i * LINE_HEIGHT + 13}">${escapeXml(HIGHLIGHT_WORDS[h])}</text></g>`,
    )
    .join('');
}

/**
 * Draw a snapshot as a self-contained SVG string (inline styles, no external references).
 * Deterministic: the same snapshot and options give the same string.
 */
export function renderHeapSvg(snapshot: HeapSnapshot, options: HeapPictureOptions = {}): string {
  const { graph, boxes } = buildGraph(snapshot, options);
  layout(graph);
  const top = options.title === undefined ? 0 : TITLE_HEIGHT;
  const body: string[] = [];
  for (const key of graph.nodes()) {
    const node = graph.node(key);
    if (key.startsWith('f:')) body.push(frameSvg(key.slice(2), node.x!, node.y! + top, node.width, node.height));
  }
  for (const edge of graph.edges()) {
    const points = graph.edge(edge).points ?? [];
    const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${(p.y + top).toFixed(1)}`).join(' ');
    body.push(
      `<path class="ref" d="${path}" fill="none" stroke="#78909c" stroke-width="1.2" marker-end="url(#arrow)"/>`,
    );
  }
  for (const object of snapshot.objects) {
    const node = boxes.has(`o${object.id}`) ? graph.node(`o${object.id}`) : undefined;
    if (node !== undefined && object.referents.includes(object.id))
      body.push(selfLoopPath(node.x!, node.y! + top, node.width));
  }
  for (const [key, box] of boxes) {
    const node = graph.node(key);
    body.push(boxSvg(box, node.x!, node.y! + top, node.width, node.height));
  }
  const present = new Set([...boxes.values()].flatMap((b) => (b.highlight === undefined ? [] : [b.highlight])));
  const size = graph.graph();
  const legendTop = (size.height ?? 0) + top;
  const width = Math.max(size.width ?? 0, 320);
  const height = legendTop + present.size * LINE_HEIGHT + (present.size > 0 ? 8 : 0);
  const w = Math.ceil(width);
  const h = Math.ceil(Math.max(height, top + 30));
  const title =
    options.title === undefined ? '' : `<text x="10" y="17" font-weight="bold">${escapeXml(options.title)}</text>`;
  const empty = boxes.size === 0 ? `<text x="10" y="${top + 20}" font-style="italic">(no objects to draw)</text>` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="heap-picture" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" ` +
    `font-family="ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace" font-size="${FONT_SIZE}" fill="#263238">` +
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">` +
    `<path d="M0,0 L10,5 L0,10 z" fill="#78909c"/></marker></defs>` +
    title +
    empty +
    body.join('') +
    legendSvg(present, legendTop) +
    `</svg>`
  );
}
