import { collectMallocStats, type DebugMallocStats, type FreeListStats } from './collect-malloc-stats';
import type { PymallocStructure } from './snapshot';

/**
 * `sys._debugmallocstats()` text in CPython 3.11's own format (obmalloc.c:
 * _PyObject_DebugMallocStats, printone, _PyDebugAllocatorStats), so that the simulator's
 * report can be read, diffed and parsed exactly like the real one.
 *
 * @public
 */

/** sizeof(arena_map_root), sizeof(arena_map_mid_t), sizeof(arena_map_bot_t) on 64-bit. */
const ARENA_MAP_ROOT_BYTES = (1 << 15) * 8;
const ARENA_MAP_MID_BYTES = (1 << 15) * 8;
const ARENA_MAP_BOT_BYTES = (1 << 14) * 8;

/** Thousands separators, as printone writes them. */
function withCommas(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** printone: the message padded to 35 columns, '=', the value right-aligned in 21 columns. */
function printone(message: string, value: number): string {
  return `${message.padEnd(35)}=${withCommas(value).padStart(21)}\n`;
}

/** _PyDebugAllocatorStats: "%d %ss * %zd bytes each" right-aligned in 48 columns, then printone. */
function freeListLine({ label, count, size }: FreeListStats): string {
  return printone(`${`${count} ${label}s * ${size} bytes each`.padStart(48)} `, count * size);
}

/** Render collected statistics. */
export function renderDebugMallocStats(stats: DebugMallocStats): string {
  let out = `Small block threshold = ${stats.smallRequestThreshold}, in ${stats.numSizeClasses} size classes.\n\n`;
  out += 'class   size   num pools   blocks in use  avail blocks\n';
  out += '-----   ----   ---------   -------------  ------------\n';
  for (const c of stats.classes) {
    out += `${String(c.szidx).padStart(5)} ${String(c.size).padStart(6)} ${String(c.numPools).padStart(11)} `;
    out += `${String(c.blocksInUse).padStart(15)} ${String(c.availBlocks).padStart(13)}\n`;
  }
  out += '\n';
  out += printone('# arenas allocated total', stats.arenasAllocatedTotal);
  out += printone('# arenas reclaimed', stats.arenasReclaimed);
  out += printone('# arenas highwater mark', stats.arenasHighwater);
  out += printone('# arenas allocated current', stats.arenasAllocatedCurrent);
  const narenas = stats.arenasAllocatedCurrent;
  out += printone(`${narenas} arenas * ${stats.arenaSize} bytes/arena`, narenas * stats.arenaSize);
  out += '\n';
  const accounted: Array<[string, number]> = [
    ['# bytes in allocated blocks', stats.bytesInAllocatedBlocks],
    ['# bytes in available blocks', stats.bytesInAvailableBlocks],
    [`${stats.unusedPools} unused pools * ${stats.poolSize} bytes`, stats.unusedPools * stats.poolSize],
    ['# bytes lost to pool headers', stats.bytesLostToPoolHeaders],
    ['# bytes lost to quantization', stats.bytesLostToQuantization],
    ['# bytes lost to arena alignment', stats.bytesLostToArenaAlignment],
  ];
  for (const [message, value] of accounted) out += printone(message, value);
  out += printone(
    'Total',
    accounted.reduce((total, [, value]) => total + value, 0),
  );
  out += '\narena map counts\n';
  out += printone('# arena map mid nodes', stats.arenaMapMidNodes);
  out += printone('# arena map bot nodes', stats.arenaMapBotNodes);
  out += '\n';
  const mapBytes: Array<[string, number]> = [
    ['# bytes lost to arena map root', ARENA_MAP_ROOT_BYTES],
    ['# bytes lost to arena map mid', ARENA_MAP_MID_BYTES * stats.arenaMapMidNodes],
    ['# bytes lost to arena map bot', ARENA_MAP_BOT_BYTES * stats.arenaMapBotNodes],
  ];
  for (const [message, value] of mapBytes) out += printone(message, value);
  out += printone(
    'Total',
    mapBytes.reduce((total, [, value]) => total + value, 0),
  );
  // sys._debugmallocstats() ends the allocator part with a blank line, then the type free lists.
  out += '\n';
  for (const freeList of stats.freeLists) out += freeListLine(freeList);
  return out;
}

/** `sys._debugmallocstats()` for a snapshot; free lists belong to the object heap and are passed in. */
export function debugMallocStats(structure: PymallocStructure, freeLists: readonly FreeListStats[] = []): string {
  return renderDebugMallocStats(collectMallocStats(structure, freeLists));
}
