import fc from 'fast-check';
import { INVARIANT_NAMES, PYMALLOC_INVARIANTS } from '../../../core/pymalloc/invariants';
import { Pymalloc } from '../../../core/pymalloc/pymalloc';
import { largeRequestSize, requestSize, type TraceConstraints } from '../../../core/model/pymalloc/arbitraries';
import { invariantsHold, liveBlocksMatchLedger, sameAsReference } from '../../../core/model/pymalloc/properties';

/** The reference allocator keeps every invariant on every kind of trace (the bug-injection tests show each can fail). */

const SEED = 20250311;
const make = (): Pymalloc => new Pymalloc();

const TRACES: ReadonlyArray<[string, TraceConstraints, number]> = [
  ['small mixed requests', {}, 300],
  ['bursts of mixed requests', { sizes: requestSize(), maxBurst: 600 }, 60],
  ['large classes that fill pools', { sizes: largeRequestSize(), maxBurst: 80, maxCommands: 20 }, 100],
  ['several arenas filled and drained', { sizes: largeRequestSize(), maxBurst: 5000, maxCommands: 20 }, 25],
];

describe(`reference Pymalloc on generated traces (seed ${SEED})`, () => {
  test('the registry names the eight invariants', () => {
    expect(INVARIANT_NAMES).toEqual([
      'alignment',
      'no-overlap',
      'block-in-carved-pool',
      'size-class-fits',
      'pool-count',
      'pool-state',
      'usable-arenas-sorted',
      'arena-release',
    ]);
    expect(Object.values(PYMALLOC_INVARIANTS).every((f) => typeof f === 'function')).toBe(true);
  });

  test.each(TRACES)('all invariants hold after every step: %s', (_, trace, numRuns) => {
    fc.assert(invariantsHold({ make, trace }), { seed: SEED, numRuns });
  });

  test.each(TRACES.slice(0, 3))('its own live-block records match its client: %s', (_, trace, numRuns) => {
    fc.assert(liveBlocksMatchLedger({ make, trace }), { seed: SEED, numRuns });
  });

  test('the lockstep comparison accepts the reference itself', () => {
    fc.assert(sameAsReference({ make, trace: TRACES[2][1] }), { seed: SEED, numRuns: 50 });
  });
});
