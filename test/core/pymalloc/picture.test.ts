import { escapeXml, poolCells, renderArenaPicture, renderArenaSvg } from '../../../core/pymalloc/picture';
import { Pymalloc } from '../../../core/pymalloc/pymalloc';

/** One arena: a full pool (512), two used pools (16, 48), an empty pool (32, both blocks freed). */
function sampleAllocator(): Pymalloc {
  const allocator = new Pymalloc();
  Array.from({ length: 31 }, () => allocator.malloc(512));
  allocator.malloc(16);
  allocator.malloc(48);
  [allocator.malloc(32), allocator.malloc(32)].forEach((a) => allocator.free(a));
  return allocator;
}

describe('arena occupancy picture', () => {
  test('one character per pool: lost, full, used, empty, uncarved', () => {
    const [arena] = sampleAllocator().snapshot().arenas;
    const cells = poolCells(arena);
    expect(cells).toHaveLength(64);
    expect(cells.slice(0, 6)).toEqual(['lost', 'full', 'used', 'used', 'empty', 'uncarved']);
  });

  test('text: a row per arena and a legend', () => {
    const text = renderArenaPicture(sampleAllocator().snapshot());
    const [row] = text.split('\n');
    expect(row).toMatch(/^#0 0x7effffeff000  x#\+\+\.-{59}  60\/63 free$/);
    expect(text).toContain('# full (linked nowhere)');
    expect(renderArenaPicture(new Pymalloc().snapshot())).toBe('no arenas allocated\n');
  });

  test('SVG: the same cells, text escaped', () => {
    const svg = renderArenaSvg(sampleAllocator().snapshot());
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<rect [^>]*><title>/g)).toHaveLength(64);
    expect(svg).toContain('full (linked nowhere)');
    expect(escapeXml(`<a & "b" 'c'>`)).toBe('&#60;a &#38; &#34;b&#34; &#39;c&#39;&#62;');
  });
});
