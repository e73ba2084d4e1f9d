// map and filter, compared with python3 byte for byte; an injected modelling mistake is caught.
import { runProgram } from '../../../python/interp/run';
import { Runtime } from '../../../core/runtime';
import { mapFilterTypes } from '../../../python/interp/map-filter';
import { MAP_FILTER_PROGRAMS } from './map-filter-programs';
import { describeWithCPython } from '../../support/cpython311';
import { expectSameStdout, runOnCPython } from '../../support/run-cpython';

const [MAP, FILTER] = mapFilterTypes(new Runtime()).map((native) => native.type);
const MAP_PROGRAM = 'map: its size, what it holds (the iterators’ tuple, the function) and keeps after exhaustion';

/** The simulator's stdout for `name` with `inject` in force (undone after the run). */
function withMistake(name: string, file: string, inject: () => () => void): string {
  const undo = inject();
  try {
    return runProgram(MAP_FILTER_PROGRAMS[name], file).stdout;
  } finally {
    undo();
  }
}

describeWithCPython('map and filter compared with python3', () => {
  test.each(Object.entries(MAP_FILTER_PROGRAMS))('%s: stdout identical to python3', (name, source) => {
    expectSameStdout(name, source);
  });

  test('the comparison catches a map that lets go of its function once exhausted', () => {
    const real = runOnCPython(MAP_PROGRAM, MAP_FILTER_PROGRAMS[MAP_PROGRAM]);
    const stdout = withMistake(MAP_PROGRAM, real.file, () => {
      const mapNext = MAP.iterNext!;
      MAP.iterNext = (rt, m) => {
        const result = mapNext(rt, m);
        if (result === null && m.refs![1] !== rt.None) {
          rt.decref(m.refs![1]!);
          m.refs![1] = rt.none();
        }
        return result;
      };
      return () => (MAP.iterNext = mapNext);
    });
    expect(stdout).not.toBe(real.stdout);
  });

  test.each([
    ['map', MAP_PROGRAM, () => MAP],
    ['filter', 'filter: a user predicate, None and bool testing items themselves, what it holds', () => FILTER],
  ] as const)('the comparison catches a %s object one word too big', (_kind, name, type) => {
    const real = runOnCPython(name, MAP_FILTER_PROGRAMS[name]);
    const stdout = withMistake(name, real.file, () => {
      type().basicWords = 5;
      return () => (type().basicWords = 4);
    });
    expect(stdout).not.toBe(real.stdout);
  });
});

test('map and filter used wrongly end with CPython’s TypeError, not a stack trace', () => {
  const sim = runProgram('print(list(map(len)))\n', 'p.py');
  expect(sim.exitCode).toBe(1);
  expect(sim.stderr.trimEnd().split('\n').pop()).toBe('TypeError: map() must have at least two arguments.');
});
