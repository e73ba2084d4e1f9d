/**
 * The allocator judge's release policies: 'exact' (the core check) holds an allocator to CPython's
 * arena releases; 'keeping-is-inefficiency' (exercise 8's correctness) lets it keep wholly free
 * arenas, stops comparing with the reference from then on, and still fails what is wrong.
 */
import { judgeAllocator, observeAllocatorTrace, type AllocOp } from '../../../core/checks/allocator-checks';
import { Deadline } from '../../../core/checks/deadline';
import { BLOCKS_PER_ARENA } from '../../../core/model/pymalloc/arbitraries';
import type { Allocator } from '../../../core/pymalloc/allocator';
import { Pymalloc } from '../../../core/pymalloc/pymalloc';

/** insert_to_freepool without case 1: a wholly free arena is re-sorted, never released. */
class KeepsWhollyFreeArenas extends Pymalloc {
  protected override shouldReleaseArena(): boolean {
    return false;
  }
}

/** The last usable arena is released too (bpo-37257 undone). */
class ReleasesTheLastArena extends Pymalloc {
  protected override shouldReleaseArena(ao: number, nf: number): boolean {
    return nf === this.ntotalpools[ao];
  }
}

/** Once it has kept a wholly free arena, the next free forgets to decrement ref.count. */
class KeepsArenasThenForgetsCount extends Pymalloc {
  private kept = false;
  private broken = false;
  protected override shouldReleaseArena(ao: number, nf: number): boolean {
    if (nf === this.ntotalpools[ao]) this.kept = true;
    return false;
  }
  protected override pymallocFree(pool: number, bp: number): void {
    const afterKeeping = this.kept && !this.broken;
    super.pymallocFree(pool, bp);
    if (afterKeeping) {
      this.count[pool]++;
      this.broken = true;
    }
  }
}

// Two full arenas and one pool of a third; arena 0 drained (CPython releases it), then refilled.
const TRACE: AllocOp[] = [
  { op: 'mallocMany', count: 2 * BLOCKS_PER_ARENA + 31, nbytes: 512 },
  { op: 'freeMany', start: 0, count: BLOCKS_PER_ARENA, stride: 1 },
  { op: 'mallocMany', count: 100, nbytes: 512 },
  { op: 'freeMany', start: 0, count: 50, stride: 1 },
];

const judge = (make: () => Allocator, policy: 'exact' | 'keeping-is-inefficiency') =>
  judgeAllocator(
    TRACE,
    observeAllocatorTrace({ allocator: make }, TRACE, Deadline.none()),
    observeAllocatorTrace({}, TRACE, Deadline.none()),
    policy,
  );

test('the trace makes CPython release an arena (so the policies differ on it)', () => {
  const reference = observeAllocatorTrace({}, TRACE, Deadline.none());
  expect(reference.steps[1].structure.counters.arenasReclaimed).toBe(1);
});

test('the reference passes under both policies', () => {
  expect(judge(() => new Pymalloc(), 'exact')).toBeNull();
  expect(judge(() => new Pymalloc(), 'keeping-is-inefficiency')).toBeNull();
});

test("keeping a wholly free arena fails 'exact' and passes 'keeping-is-inefficiency'", () => {
  // The kept arena is the only wholly free one and ends last in usable_arenas, as arena-release
  // allows: the comparison with the reference is what sees it.
  expect(judge(() => new KeepsWhollyFreeArenas(), 'exact')?.failure.reason).toBe(
    'differs-from-reference:usable-arenas',
  );
  expect(judge(() => new KeepsWhollyFreeArenas(), 'keeping-is-inefficiency')).toBeNull();
});

test("releasing an arena CPython keeps is still a difference under 'keeping-is-inefficiency'", () => {
  const trace: AllocOp[] = [
    { op: 'mallocMany', count: 100, nbytes: 512 },
    { op: 'freeMany', start: 0, count: 100, stride: 1 },
  ];
  const verdict = judgeAllocator(
    trace,
    observeAllocatorTrace({ allocator: () => new ReleasesTheLastArena() }, trace, Deadline.none()),
    observeAllocatorTrace({}, trace, Deadline.none()),
    'keeping-is-inefficiency',
  );
  expect(verdict?.failure.reason).toMatch(/^differs-from-reference:/);
});

test('after the comparison stops, the invariants still catch a bug', () => {
  const verdict = judge(() => new KeepsArenasThenForgetsCount(), 'keeping-is-inefficiency');
  expect([verdict?.failure.reason, verdict?.failure.failingStep]).toEqual(['pool-count', 3]);
});
