import { Runtime } from '../../core/runtime';
import { newList, listAppend } from '../../core/objects/list';
import { takeSnapshot, type HeapSnapshot } from '../../core/snapshot';
import { renderHeapSvg } from '../../viz/heap-picture';

/** A frame `f` with local x -> list A, A <-> B (a cycle), and a str in A. */
function cycleHeap(): { snapshot: HeapSnapshot; a: number; b: number; s: number } {
  const rt = new Runtime();
  const frame = rt.pushFrame('f<main>', ['x', 'y']);
  const s = rt.str('<script>alert(1)</script>');
  const a = newList(rt, [s]);
  rt.decref(s);
  const b = newList(rt, [a]);
  listAppend(rt, a, b);
  rt.decref(b);
  frame.setLocal(rt, 0, a);
  return { snapshot: takeSnapshot(rt), a: a.id, b: b.id, s: s.id };
}

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly group: string;
}

/** The boxes of a picture: each <g> of class object or root with its rect's geometry. */
function rects(svg: string): Rect[] {
  const out: Rect[] = [];
  const re = /<g class="(object|root)"[^>]*><rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/g;
  for (const m of svg.matchAll(re))
    out.push({ group: m[0], x: Number(m[2]), y: Number(m[3]), width: Number(m[4]), height: Number(m[5]) });
  return out;
}

function overlap(p: Rect, q: Rect): boolean {
  return p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
}

describe('renderHeapSvg', () => {
  test('draws each object with its type, value and refcount, and one arrow per reference', () => {
    const { snapshot, a, b, s } = cycleHeap();
    const svg = renderHeapSvg(snapshot, { include: [a, b, s], values: { [s]: "'hi'" } });
    for (const id of [a, b, s]) {
      const view = snapshot.objects.find((o) => o.id === id)!;
      expect(svg).toContain(`data-id="${id}"`);
      expect(svg).toMatch(new RegExp(`data-id="${id}".*?refcount ${view.refcnt} `));
    }
    expect(svg).toContain('#' + a + ' list');
    expect(svg).toContain('gen0');
    // a -> s, a -> b, b -> a, and the root x -> a.
    expect(svg.match(/<path class="ref"/g)).toHaveLength(4);
    expect(svg).toContain('>x</text>');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  test('escapes every piece of untrusted text', () => {
    const { snapshot, s } = cycleHeap();
    const svg = renderHeapSvg(snapshot, {
      values: { [s]: "'<script>alert(1)</script>'" },
      title: 'Alice & <Bob>',
    });
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('Alice &amp; &lt;Bob&gt;');
    expect(svg).toContain('f&lt;main&gt;'); // the frame's name
  });

  test('lays boxes out without overlap, frames to the left of the objects they point at', () => {
    const { snapshot, a, b, s } = cycleHeap();
    const svg = renderHeapSvg(snapshot, { include: [a, b, s] });
    const boxes = rects(svg);
    expect(boxes.length).toBe(4);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i], boxes[j])).toBe(false);
    const root = boxes.find((r) => r.group.includes('class="root"'))!;
    for (const box of boxes.filter((r) => r !== root)) expect(root.x + root.width).toBeLessThan(box.x);
  });

  test('the overlap check catches boxes drawn on top of each other', () => {
    const { snapshot, a, b } = cycleHeap();
    const svg = renderHeapSvg(snapshot, { include: [a, b] });
    const [first, second] = rects(svg);
    expect(overlap(first, { ...second, x: first.x + 1, y: first.y + 1 })).toBe(true);
  });

  test('marks highlighted objects and explains the marks in a legend', () => {
    const { snapshot, a, b } = cycleHeap();
    const svg = renderHeapSvg(snapshot, { include: [a, b], highlights: { [a]: 'leaked', [b]: 'changed' } });
    expect(svg).toContain(`data-id="${a}" data-highlight="leaked"`);
    expect(svg).toContain(`data-id="${b}" data-highlight="changed"`);
    expect(svg).toContain('unreachable cycle (refcounting cannot free it)');
    expect(svg).toContain('refcount changed');
    expect(renderHeapSvg(snapshot, { include: [a, b] })).not.toContain('class="legend"');
  });

  test('is deterministic and says so when there is nothing to draw', () => {
    const { snapshot } = cycleHeap();
    expect(renderHeapSvg(snapshot)).toBe(renderHeapSvg(snapshot));
    expect(renderHeapSvg(snapshot, { include: [] })).toContain('(no objects to draw)');
  });
});
