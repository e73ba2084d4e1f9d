import { MAX_POOLS_IN_ARENA, NUMBLOCKS, POOL_SIZE } from './constants';
import type { ArenaSnapshot, PymallocStructure } from './snapshot';

/**
 * A picture of arena and pool occupancy for teaching: one row per allocated arena, one cell
 * per pool slot, in address order. A misaligned arena's first cell is the pool it lost to
 * alignment. As text (a legend under the grid) and as SVG (same cells, same legend).
 *
 * @public
 */
export type PoolCell = 'lost' | 'full' | 'used' | 'empty' | 'uncarved';

interface CellStyle {
  readonly char: string;
  readonly color: string;
  readonly meaning: string;
}

const CELLS: Readonly<Record<PoolCell, CellStyle>> = {
  lost: { char: 'x', color: '#9e9e9e', meaning: 'lost to arena alignment' },
  full: { char: '#', color: '#c62828', meaning: 'full (linked nowhere)' },
  used: { char: '+', color: '#f9a825', meaning: 'used (in usedpools)' },
  empty: { char: '.', color: '#2e7d32', meaning: 'empty (on freepools)' },
  uncarved: { char: '-', color: '#eeeeee', meaning: 'not carved yet' },
};

/** The cells of one arena, in address order: always MAX_POOLS_IN_ARENA of them. */
export function poolCells(arena: ArenaSnapshot): PoolCell[] {
  const cells: PoolCell[] = arena.ntotalpools < MAX_POOLS_IN_ARENA ? ['lost'] : [];
  for (const pool of arena.pools) {
    cells.push(pool.count === 0 ? 'empty' : pool.count >= NUMBLOCKS(pool.szidx) ? 'full' : 'used');
  }
  while (cells.length < MAX_POOLS_IN_ARENA) cells.push('uncarved');
  return cells;
}

const hex = (address: number): string => `0x${address.toString(16)}`;
const label = (arena: ArenaSnapshot): string => `#${arena.arenaindex} ${hex(arena.address)}`;
const summary = (arena: ArenaSnapshot): string => `${arena.nfreepools}/${arena.ntotalpools} free`;

/** The text picture. */
export function renderArenaPicture(structure: PymallocStructure): string {
  if (structure.arenas.length === 0) return 'no arenas allocated\n';
  const width = Math.max(...structure.arenas.map((arena) => label(arena).length));
  const rows = structure.arenas.map(
    (arena) =>
      `${label(arena).padEnd(width)}  ${poolCells(arena)
        .map((cell) => CELLS[cell].char)
        .join('')}  ${summary(arena)}`,
  );
  const legend = (Object.keys(CELLS) as PoolCell[])
    .map((cell) => `${CELLS[cell].char} ${CELLS[cell].meaning}`)
    .join('   ');
  return `${rows.join('\n')}\n\none character per ${POOL_SIZE / 1024} KiB pool: ${legend}\n`;
}

/** Escape text for SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const CELL = 10;
const GAP = 2;
const LABEL_WIDTH = 190;
const ROW = CELL + 2 * GAP;

/** The same picture as a standalone SVG document. */
export function renderArenaSvg(structure: PymallocStructure): string {
  const gridWidth = MAX_POOLS_IN_ARENA * (CELL + GAP);
  const width = LABEL_WIDTH + gridWidth + 110;
  const legendY = structure.arenas.length * ROW + 20;
  const cellKinds = Object.keys(CELLS) as PoolCell[];
  const height = legendY + cellKinds.length * ROW + 10;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="monospace" font-size="11">`,
    `<title>${escapeXml(`pymalloc arenas: ${structure.arenas.length} allocated`)}</title>`,
  ];
  structure.arenas.forEach((arena, row) => {
    const y = row * ROW + GAP;
    parts.push(`<text x="0" y="${y + CELL}">${escapeXml(label(arena))}</text>`);
    poolCells(arena).forEach((cell, column) => {
      const x = LABEL_WIDTH + column * (CELL + GAP);
      parts.push(
        `<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" fill="${CELLS[cell].color}"><title>${escapeXml(CELLS[cell].meaning)}</title></rect>`,
      );
    });
    parts.push(`<text x="${LABEL_WIDTH + gridWidth + 8}" y="${y + CELL}">${escapeXml(summary(arena))}</text>`);
  });
  cellKinds.forEach((cell, i) => {
    const y = legendY + i * ROW;
    parts.push(`<rect x="0" y="${y}" width="${CELL}" height="${CELL}" fill="${CELLS[cell].color}"/>`);
    parts.push(`<text x="${CELL + 6}" y="${y + CELL}">${escapeXml(CELLS[cell].meaning)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
