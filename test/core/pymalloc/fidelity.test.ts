import { BULK_SCENARIOS, TOLERANCE, discrepancy, runInPython, simulate, type BulkScenario } from './cpython-fidelity';
import { cpython311, describeWithCPython } from '../../support/cpython311';

/**
 * Fidelity against CPython: bulk allocations run in python3, with sys._debugmallocstats()
 * parsed around them, and the same requests replayed on the simulator primed to the same
 * starting state. The CHANGES (blocks in use and pools per size class, arenas) must agree.
 * Runs when python3 is CPython 3.11; otherwise the suite is skipped and says why in its title.
 */

const N = 100_000;

/** Each scenario runs once, on first use (describe bodies run even when skipped, so nothing runs there). */
const runs = new Map<string, { python: ReturnType<typeof runInPython>; simulated: ReturnType<typeof simulate> }>();
function replay(scenario: BulkScenario): {
  python: ReturnType<typeof runInPython>;
  simulated: ReturnType<typeof simulate>;
} {
  const cached = runs.get(scenario.kind);
  if (cached !== undefined) return cached;
  const python = runInPython(scenario.kind, N);
  const run = { python, simulated: simulate(scenario, N, python) };
  runs.set(scenario.kind, run);
  return run;
}

describeWithCPython(`fidelity against CPython ${cpython311?.version ?? '3.11'}`, () => {
  describe.each(BULK_SCENARIOS)('$kind: $source', (scenario) => {
    const tolerance = scenario.tolerance ?? TOLERANCE;

    test(`sys.getsizeof is ${scenario.getsizeof}`, () => {
      expect(replay(scenario).python.getsizeof).toBe(scenario.getsizeof);
    });

    test.each(['allocated', 'freed'] as const)(
      `after %s ${N.toLocaleString('en-US')} objects: the same change per class and in arenas`,
      (phase) => {
        const { python, simulated } = replay(scenario);
        const found = discrepancy(python, simulated, phase);
        expect(found.blocks).toBeLessThanOrEqual(tolerance.blocks);
        expect(found.pools).toBeLessThanOrEqual(tolerance.pools);
        expect(Math.max(found.arenas, found.highwater)).toBeLessThanOrEqual(tolerance.arenas);
      },
    );
  });

  test('1,000,000 floats then del: the same arenas highwater mark, reclaimed and current as CPython', () => {
    const float = BULK_SCENARIOS.find((s) => s.kind === 'float');
    if (float === undefined) throw new Error('no float scenario');
    const python = runInPython('float', 1_000_000);
    const simulated = simulate(float, 1_000_000, python);
    const arenas = (s: typeof python.freed): number[] => [
      s.arenasHighwater,
      s.arenasReclaimed,
      s.arenasAllocatedCurrent,
    ];
    expect(arenas(simulated.allocated)).toEqual(arenas(python.allocated));
    expect(arenas(simulated.freed)).toEqual(arenas(python.freed));
  });
});
