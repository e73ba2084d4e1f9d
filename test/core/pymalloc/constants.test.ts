import {
  ALIGNMENT,
  ARENA_SIZE,
  DUMMY_SIZE_IDX,
  INDEX2SIZE,
  INITIAL_ARENA_OBJECTS,
  MAX_POOLS_IN_ARENA,
  NB_SMALL_SIZE_CLASSES,
  NUMBLOCKS,
  POOL_OVERHEAD,
  POOL_SIZE,
  SMALL_REQUEST_THRESHOLD,
  isSmallRequest,
  sizeClassIndex,
} from '../../../core/pymalloc/constants';

// Blocks per 16 KiB pool, by block size, as CPython 3.11.7's stats show them (reference §4.1).
const BLOCKS_PER_POOL =
  '16:1021 32:510 48:340 64:255 80:204 96:170 112:145 128:127 144:113 160:102 176:92 192:85 208:78 224:72 240:68 256:63 ' +
  '272:60 288:56 304:53 320:51 336:48 352:46 368:44 384:42 400:40 416:39 432:37 448:36 464:35 480:34 496:32 512:31';

describe('pymalloc constants (64-bit CPython 3.11)', () => {
  test('geometry', () => {
    expect([ALIGNMENT, SMALL_REQUEST_THRESHOLD, NB_SMALL_SIZE_CLASSES]).toEqual([16, 512, 32]);
    expect([ARENA_SIZE, POOL_SIZE, MAX_POOLS_IN_ARENA, POOL_OVERHEAD]).toEqual([1 << 20, 1 << 14, 64, 48]);
    expect([INITIAL_ARENA_OBJECTS, DUMMY_SIZE_IDX]).toEqual([16, 0xffff]);
  });

  test('blocks per pool for every size class: 16:1021 ... 512:31', () => {
    const table = Array.from({ length: NB_SMALL_SIZE_CLASSES }, (_, i) => `${INDEX2SIZE(i)}:${NUMBLOCKS(i)}`).join(' ');
    expect(table).toBe(BLOCKS_PER_POOL);
  });

  test.each([
    [1, 0],
    [16, 0],
    [17, 1],
    [32, 1],
    [33, 2],
    [497, 31],
    [512, 31],
  ])('a %i-byte request is size class %i', (nbytes, idx) => {
    expect(sizeClassIndex(nbytes)).toBe(idx);
    expect(INDEX2SIZE(idx)).toBeGreaterThanOrEqual(nbytes);
  });

  test('0 and > 512 bytes are not small requests', () => {
    expect([0, 1, 512, 513].map(isSmallRequest)).toEqual([false, true, true, false]);
  });
});
