/**
 * tracemalloc on the simulator: the programs of tracemalloc-programs.ts print what python3 prints,
 * a peak that spans print() says so on stderr, and the figures come from the tracing allocator
 * (a tracer that counted size classes instead of requested bytes would be caught).
 */
import { runProgram } from '../../../python/interp/run';
import { TracedAllocator } from '../../../core/pymalloc/traced-allocator';
import { withSizeClassTracer } from '../../support/buggy-tracer';
import { TRACEMALLOC_PROGRAMS } from './tracemalloc-programs';
import { describeWithCPython } from '../../support/cpython311';
import { expectSameStdout } from '../../support/run-cpython';

describeWithCPython('tracemalloc programs compared with python3', () => {
  test.each(Object.entries(TRACEMALLOC_PROGRAMS))('%s: stdout identical to python3', (name, source) => {
    expectSameStdout(name, source);
  });
});

test('a peak that spans print() is reported as possibly different, once', () => {
  const source = `import tracemalloc
tracemalloc.start()
print('hello')
print(tracemalloc.get_traced_memory()[0])
print(tracemalloc.get_traced_memory()[0])
tracemalloc.reset_peak()
x = tracemalloc.get_traced_memory()
`;
  const sim = runProgram(source, 'prog.py');
  expect(sim.exitCode).toBe(0);
  expect(sim.stderr.match(/tracemalloc's peak spans print\(\)/g)).toHaveLength(1);
  expect(sim.stdout).toBe('hello\n0\n0\n');
});

test('the docs example gives CPython 3.11.7 figures (recorded), and a tracer counting size classes would not', () => {
  const source = TRACEMALLOC_PROGRAMS['the docs example: sum of a large then a small temporary list'];
  const expected = 'first_size=488, first_peak=3991960\nsecond_size=640, second_peak=32512\n';
  expect(runProgram(source, 'prog.py').stdout).toBe(expected);
  expect(withSizeClassTracer(() => runProgram(source, 'prog.py').stdout)).not.toBe(expected);
});

describe('TracedAllocator', () => {
  /** An allocator under the tracer: bump addresses, realloc moves when growing. */
  const inner = () => {
    let next = 16;
    return {
      malloc: (n: number) => (next += 16 + n) - n,
      free: () => undefined,
      realloc: (a: number, n: number) => (n > 64 ? (next += 16 + n) - n : a),
      snapshot: () => {
        throw new Error('unused');
      },
    };
  };

  test('traces requested bytes; free, realloc, reset_peak and clear_traces as _tracemalloc.c', () => {
    const t = new TracedAllocator(inner());
    const a = t.malloc(28);
    const b = t.malloc(100);
    expect([t.traced, t.peak]).toEqual([128, 128]);
    t.free(a);
    expect([t.traced, t.peak]).toEqual([100, 128]);
    t.resetPeak();
    const c = t.realloc(b, 40); // in place: the trace is updated, not added
    expect(c).toBe(b);
    expect([t.traced, t.peak]).toEqual([40, 100]);
    t.realloc(c, 200); // moved: the old trace goes, the new block is traced
    expect([t.traced, t.peak]).toEqual([200, 200]);
    t.free(12345); // a block allocated before tracing: nothing changes
    expect(t.traced).toBe(200);
    t.clearTraces();
    expect([t.traced, t.peak]).toEqual([0, 0]);
  });
});
