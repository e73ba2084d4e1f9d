import fc from 'fast-check';
import { INJECTED_BUGS } from '../../support/buggy-allocators';
import {
  DivergenceError,
  InvariantViolationError,
  invariantsHold,
  sameAsReference,
} from '../../../core/model/pymalloc/properties';

/**
 * Proof that each property can fail: a realistic bug injected into a copy of the reference
 * makes the property run fail, and fast-check shrinks the trace to a short counterexample
 * whose error names the invariant.
 */

const SEED = 42;

describe(`each property catches an injected bug (seed ${SEED})`, () => {
  test.each(INJECTED_BUGS)('$catchBy catches: $bug', ({ catchBy, make, trace }) => {
    const property =
      catchBy === 'same-as-reference'
        ? sameAsReference({ make, trace })
        : invariantsHold({ make, trace, invariants: [catchBy] });
    const details = fc.check(property, { seed: SEED, numRuns: 300, includeErrorInReport: true });

    expect(details.failed).toBe(true);
    const commands = String(details.counterexample?.[0] ?? '').replace(/ \/\*replayPath=.*\*\/$/, '');
    expect(commands.split('),').length).toBeLessThanOrEqual(3);
    if (catchBy === 'same-as-reference') {
      expect(details.errorInstance).toBeInstanceOf(DivergenceError);
    } else {
      expect(details.errorInstance).toBeInstanceOf(InvariantViolationError);
      const { violations } = details.errorInstance as InvariantViolationError;
      expect(violations.length).toBeGreaterThan(0);
      expect(violations.every((v) => v.invariant === catchBy)).toBe(true);
      expect(fc.defaultReportMessage(details)).toContain(`invariant(s) violated: ${catchBy}`);
    }
  });
});
