import { ALLOCATOR_CHECK, CHECKS, REFCOUNTING_CHECK, CYCLE_COLLECTOR_CHECK } from '../../../core/checks';
import { runCheck } from '../../../core/checks/run-check';
import { observeHeap } from '../../../core/checks/heap-observe';
import { Deadline } from '../../../core/checks/deadline';
import type { HeapOp } from '../../../core/model/heap/operations';
import { gcListMove } from '../../../core/gc/gclist';

test('a component that crashes while the heap is set up gets a counterexample that says so', async () => {
  const result = await runCheck(
    REFCOUNTING_CHECK,
    {
      refcounting: () => ({
        incref: () => {
          throw new Error('not implemented');
        },
        decref: () => {},
      }),
    },
    { seed: 1, numRuns: 5 },
  );
  expect(result.status).toBe('crash');
  expect(result.failure?.failingStep).toBeNull();
  expect(result.failure?.message).toContain('while the heap was being set up');
  expect(result.failure?.message).toContain('not implemented');
});

test('a stage that loops for ever is stopped by the time budget and reported as a timeout with its step', async () => {
  const result = await runCheck(
    CYCLE_COLLECTOR_CHECK,
    {
      stages: {
        moveUnreachable: (young) => {
          // Rotates the list for ever: the head's successor moves to the tail, again and again.
          while (young.gcNext !== young) gcListMove(young.gcNext!, young);
        },
      },
    },
    { seed: 1, numRuns: 5, timeBudgetMs: 300 },
  );
  expect(result.status).toBe('timeout');
  expect(result.failure?.reason).toBe('timeout');
});

test('a grader may supply its own asynchronous observe (e.g. a sandboxed child process)', async () => {
  let calls = 0;
  const result = await runCheck(
    REFCOUNTING_CHECK,
    {
      observe: async (ops: readonly HeapOp[]) => {
        calls++;
        return JSON.parse(JSON.stringify(observeHeap({}, ops, Deadline.none())));
      },
    },
    { seed: 3, numRuns: 5 },
  );
  expect(result.status).toBe('pass');
  expect(calls).toBe(5);
});

test('every check reaches each of its hard situations in a meaningful share of runs (reference, seed 7)', async () => {
  for (const check of Object.values(CHECKS)) {
    const result = await runCheck(check, {}, { seed: 7 });
    expect(result.status).toBe('pass');
    for (const [situation, share] of Object.entries(result.coverage ?? {})) {
      expect([check.name, situation, share >= 0.05]).toEqual([check.name, situation, true]);
    }
  }
});

test.each([7, 42])(
  'the allocator check reaches several arenas, equal free-pool counts and released arenas in at least 10%% of runs (seed %i)',
  async (seed) => {
    const result = await runCheck(ALLOCATOR_CHECK, {}, { seed });
    expect(result.status).toBe('pass');
    const { coverage = {} } = result;
    for (const situation of ['many-arenas', 'equal-nfreepools', 'arena-released', 'full-pool', 'empty-pool'])
      expect([situation, coverage[situation] >= 0.1]).toEqual([situation, true]);
  },
);
