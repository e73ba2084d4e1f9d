import fc from 'fast-check';
import { CYCLE_COLLECTOR_CHECK } from '../../../core/checks';
import { Deadline } from '../../../core/checks/deadline';
import { decodeHeapObservation, encodeHeapObservation, WireFormatError } from '../../../core/checks/heap-wire';

const observe = (ops: Parameters<typeof CYCLE_COLLECTOR_CHECK.observe>[1]) =>
  CYCLE_COLLECTOR_CHECK.observe({}, ops, Deadline.none());

test('a heap observation sent as JSON in its wire form decodes to an equal observation, smaller than the observation itself', () => {
  for (const ops of fc.sample(CYCLE_COLLECTOR_CHECK.ops, { seed: 3, numRuns: 25 })) {
    const observation = observe(ops);
    const sent = JSON.stringify(encodeHeapObservation(observation));
    expect(decodeHeapObservation(JSON.parse(sent))).toEqual(observation);
    if (observation.steps.length >= 20) expect(sent.length * 1.5).toBeLessThan(JSON.stringify(observation).length);
  }
});

test('an object or root that changed is sent whole, not as its initial position', () => {
  const ops = fc.sample(CYCLE_COLLECTOR_CHECK.ops, { seed: 5, numRuns: 40 }).find((o) => o.length >= 3)!;
  const observation = observe(ops);
  const wire = encodeHeapObservation(observation);
  const last = wire.steps[wire.steps.length - 1]!.heap;
  expect(last.objects.some((o) => typeof o === 'object')).toBe(true);
  const initialIds = new Set(observation.initial!.objects.map((o) => o.id));
  for (const o of last.objects)
    if (typeof o === 'object' && initialIds.has(o.id)) {
      const before = observation.initial!.objects.find((b) => b.id === o.id);
      expect(o).not.toEqual(before);
    }
});

test('positions the initial heap does not have, and shapes that are not heap observations, are refused', () => {
  const observation = observe(fc.sample(CYCLE_COLLECTOR_CHECK.ops, { seed: 7, numRuns: 1 })[0]!);
  const wire = JSON.parse(JSON.stringify(encodeHeapObservation(observation)));
  const size = observation.initial!.objects.length;
  for (const bad of [size, -1, 1.5]) {
    const forged = structuredClone(wire);
    forged.steps[0].heap.objects[0] = bad;
    expect(() => decodeHeapObservation(forged)).toThrow(WireFormatError);
  }
  const noHeap = structuredClone(wire);
  noHeap.steps[0].heap = null;
  expect(() => decodeHeapObservation(noHeap)).toThrow(/step 1 has no heap/);
  expect(() => decodeHeapObservation('a string')).toThrow(WireFormatError);
  expect(() => decodeHeapObservation({ initial: {}, steps: [] })).toThrow(/initial heap/);
});
