import fc from 'fast-check';
import { heapInvariantsProperty } from '../../../../core/model/heap/properties';
import { INJECTED_BUGS } from '../../../support/buggy-components';
import { InvariantViolationError } from '../../../../core/model/heap/commands';

// Proof that each property can fail: a component with one realistic bug must make the heap
// property fail, with a shrunk counterexample, on exactly the invariant that bug breaks.
describe.each(INJECTED_BUGS)('$invariant catches: $description', ({ invariant, options }) => {
  test('the property fails with a shrunk counterexample naming the invariant', () => {
    const details = fc.check(heapInvariantsProperty(options, [invariant]), { numRuns: 3000, seed: 42 });
    expect(details.failed).toBe(true);
    expect(details.errorInstance).toBeInstanceOf(InvariantViolationError);
    expect((details.errorInstance as InvariantViolationError).violations.map((v) => v.invariant)).toContain(invariant);
    const steps = [...(details.counterexample![0] as Iterable<unknown>)].length;
    expect(steps).toBeLessThanOrEqual(12);
  });

  test('the reference component passes the same property', () => {
    expect(fc.check(heapInvariantsProperty({}, [invariant]), { numRuns: 150, seed: 42 }).failed).toBe(false);
  });
});
