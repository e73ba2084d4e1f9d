import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ARENA_SIZE } from '../../../core/pymalloc/constants';
import { debugMallocStats, renderDebugMallocStats } from '../../../core/pymalloc/render-debugmallocstats';
import { collectMallocStats } from '../../../core/pymalloc/collect-malloc-stats';
import { DebugMallocStatsParseError, parseDebugMallocStats } from '../../../core/pymalloc/parse-debugmallocstats';
import { Pymalloc } from '../../../core/pymalloc/pymalloc';
import { traceCommands } from '../../../core/model/pymalloc/arbitraries';
import { TraceRunner, emptyModel } from '../../../core/model/pymalloc/commands';

/** Real output of `python3 -c 'import sys; sys._debugmallocstats()'` on CPython 3.11.7. */
const CPYTHON_OUTPUT = readFileSync(join(__dirname, 'fixtures', 'debugmallocstats-3.11.7.txt'), 'utf8');

describe('sys._debugmallocstats() format', () => {
  test("parsing CPython 3.11.7's output and rendering it back gives the same bytes", () => {
    const stats = parseDebugMallocStats(CPYTHON_OUTPUT);
    expect(stats).toMatchObject({
      arenasAllocatedCurrent: 4,
      unusedPools: 18,
      bytesLostToArenaAlignment: 49_152,
      arenaMapMidNodes: 1,
    });
    expect(stats.classes).toHaveLength(32);
    expect(stats.freeLists[0]).toEqual({ label: 'free PyDictObject', count: 8, size: 48 });
    expect(renderDebugMallocStats(stats)).toBe(CPYTHON_OUTPUT);
  });

  test('the simulator renders the same layout, with caller-supplied free lists', () => {
    const allocator = new Pymalloc();
    for (let i = 0; i < 3000; i++) allocator.malloc(24);
    const text = debugMallocStats(allocator.snapshot(), [{ label: 'free PyFloatObject', count: 100, size: 24 }]);
    expect(text).toContain('    1     32           6            3000            60\n');
    expect(text).toContain('# arenas allocated current         =                    1\n');
    expect(text).toContain('1 arenas * 1048576 bytes/arena     =            1,048,576\n');
    expect(text).toContain('         100 free PyFloatObjects * 24 bytes each =                2,400\n');
    expect(parseDebugMallocStats(text)).toEqual(
      collectMallocStats(allocator.snapshot(), [{ label: 'free PyFloatObject', count: 100, size: 24 }]),
    );
  });

  test('the byte accounting adds up to the arenas, after any trace', () => {
    fc.assert(
      fc.property(traceCommands({ maxBurst: 400 }), (commands) => {
        const allocator = new Pymalloc();
        fc.modelRun(() => ({ model: emptyModel(), real: new TraceRunner(allocator, () => {}) }), commands);
        const s = collectMallocStats(allocator.snapshot());
        const total =
          s.bytesInAllocatedBlocks +
          s.bytesInAvailableBlocks +
          s.unusedPools * s.poolSize +
          s.bytesLostToPoolHeaders +
          s.bytesLostToQuantization +
          s.bytesLostToArenaAlignment;
        expect(total).toBe(s.arenasAllocatedCurrent * ARENA_SIZE);
      }),
      { seed: 7, numRuns: 60 },
    );
  });

  test('a text without the header is refused', () => {
    expect(() => parseDebugMallocStats('hello')).toThrow(DebugMallocStatsParseError);
    expect(() => parseDebugMallocStats(CPYTHON_OUTPUT.replace(/# arenas reclaimed.*\n/, ''))).toThrow(
      /arenasReclaimed/,
    );
  });
});
