import type { DebugMallocStats, FreeListStats, SizeClassStats } from './collect-malloc-stats';

/**
 * Parse `sys._debugmallocstats()` output (real CPython 3.11's, or the simulator's) back into
 * numbers. Lines it does not know (a debug build's "# times object malloc called", say) are
 * skipped; a missing line it needs is an error.
 *
 * @public
 */
export class DebugMallocStatsParseError extends Error {
  constructor(message: string) {
    super(`sys._debugmallocstats() output: ${message}`);
    this.name = 'DebugMallocStatsParseError';
  }
}

const HEADER = /^Small block threshold = (\d+), in (\d+) size classes\.$/;
const CLASS_ROW = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)$/;
const FREE_LIST = /^\s*(\d+) (.+)s \* (\d+) bytes each\s*=\s*[\d,]+$/;
const PRINTONE = /^(\S.*?)\s*=\s*([\d,]+)$/;
const ARENAS = /^(\d+) arenas \* (\d+) bytes\/arena$/;
const UNUSED_POOLS = /^(\d+) unused pools \* (\d+) bytes$/;

const VALUE_LINES = {
  '# arenas allocated total': 'arenasAllocatedTotal',
  '# arenas reclaimed': 'arenasReclaimed',
  '# arenas highwater mark': 'arenasHighwater',
  '# arenas allocated current': 'arenasAllocatedCurrent',
  '# bytes in allocated blocks': 'bytesInAllocatedBlocks',
  '# bytes in available blocks': 'bytesInAvailableBlocks',
  '# bytes lost to pool headers': 'bytesLostToPoolHeaders',
  '# bytes lost to quantization': 'bytesLostToQuantization',
  '# bytes lost to arena alignment': 'bytesLostToArenaAlignment',
  '# arena map mid nodes': 'arenaMapMidNodes',
  '# arena map bot nodes': 'arenaMapBotNodes',
} as const;

type ValueKey = (typeof VALUE_LINES)[keyof typeof VALUE_LINES] | 'arenaSize' | 'unusedPools' | 'poolSize';

export function parseDebugMallocStats(text: string): DebugMallocStats {
  const lines = text.split('\n');
  const header = HEADER.exec(lines.find((line) => HEADER.test(line)) ?? '');
  if (header === null) throw new DebugMallocStatsParseError('no "Small block threshold" line');
  const classes: SizeClassStats[] = [];
  const freeLists: FreeListStats[] = [];
  const values = new Map<ValueKey, number>();
  for (const line of lines) {
    const row = CLASS_ROW.exec(line);
    if (row !== null) {
      const [szidx, size, numPools, blocksInUse, availBlocks] = row.slice(1).map(Number);
      classes.push({ szidx, size, numPools, blocksInUse, availBlocks });
      continue;
    }
    const freeList = FREE_LIST.exec(line);
    if (freeList !== null) {
      freeLists.push({ label: freeList[2], count: Number(freeList[1]), size: Number(freeList[3]) });
      continue;
    }
    const printed = PRINTONE.exec(line);
    if (printed === null) continue;
    const [, message, value] = printed;
    const key = VALUE_LINES[message as keyof typeof VALUE_LINES];
    if (key !== undefined) values.set(key, Number(value.replace(/,/g, '')));
    const arenas = ARENAS.exec(message);
    if (arenas !== null) values.set('arenaSize', Number(arenas[2]));
    const unused = UNUSED_POOLS.exec(message);
    if (unused !== null) {
      values.set('unusedPools', Number(unused[1]));
      values.set('poolSize', Number(unused[2]));
    }
  }
  const value = (key: ValueKey): number => {
    const found = values.get(key);
    if (found === undefined) throw new DebugMallocStatsParseError(`missing the line for ${key}`);
    return found;
  };
  return {
    smallRequestThreshold: Number(header[1]),
    numSizeClasses: Number(header[2]),
    classes,
    arenasAllocatedTotal: value('arenasAllocatedTotal'),
    arenasReclaimed: value('arenasReclaimed'),
    arenasHighwater: value('arenasHighwater'),
    arenasAllocatedCurrent: value('arenasAllocatedCurrent'),
    arenaSize: value('arenaSize'),
    bytesInAllocatedBlocks: value('bytesInAllocatedBlocks'),
    bytesInAvailableBlocks: value('bytesInAvailableBlocks'),
    unusedPools: value('unusedPools'),
    poolSize: value('poolSize'),
    bytesLostToPoolHeaders: value('bytesLostToPoolHeaders'),
    bytesLostToQuantization: value('bytesLostToQuantization'),
    bytesLostToArenaAlignment: value('bytesLostToArenaAlignment'),
    arenaMapMidNodes: value('arenaMapMidNodes'),
    arenaMapBotNodes: value('arenaMapBotNodes'),
    freeLists,
  };
}
