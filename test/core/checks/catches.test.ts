import { CHECKS } from '../../../core/checks';
import { runCheck } from '../../../core/checks/run-check';
import { BUGGY_COMPONENTS } from '../../support/check-subjects/buggy';
import { CORRECT_ALTERNATIVES } from '../../support/check-subjects/correct';

// Proof that the checks can fail and do not fail wrongly: every realistic bug is caught by the
// reason it must report (a named invariant or the differential naming what differs), with a
// shrunk counterexample; every correct alternative written differently from the reference passes.
const SEED = 42;
const CAUGHT = BUGGY_COMPONENTS.filter((bug) => bug.missed === undefined);

describe(`each buggy component is caught (seed ${SEED})`, () => {
  test.each(CAUGHT)('$check catches $name: $description', async ({ check, components, reason }) => {
    const result = await runCheck(CHECKS[check], components, { seed: SEED });
    expect(result.status).not.toBe('pass');
    expect(result.failure?.reason).toBe(reason);
    expect(result.failure?.steps.length).toBeGreaterThan(0);
    expect(result.failure?.message).toMatch(/step|setting up/);
  });
});

describe(`each correct alternative passes (seed ${SEED})`, () => {
  test.each(CORRECT_ALTERNATIVES)('$check passes $name: $description', async ({ check, components }) => {
    const result = await runCheck(CHECKS[check], components, { seed: SEED });
    expect(result.failure).toBeNull();
    expect(result.status).toBe('pass');
  });
});

test('there are at least 25 caught bugs across every area, and at least 4 correct alternatives', () => {
  expect(CAUGHT.length).toBeGreaterThanOrEqual(25);
  expect(new Set(CAUGHT.map((b) => b.area))).toEqual(
    new Set(['refcounting', 'dealloc', 'collector', 'finalizers', 'weakrefs', 'scheduler', 'allocator']),
  );
  expect(CORRECT_ALTERNATIVES.length).toBeGreaterThanOrEqual(4);
});
