/**
 * Every simulated object's memory goes through the pymalloc model: bulk allocations in a Python
 * program change blocks in use per size class, pools and arenas as CPython 3.11 shows between two
 * `sys._debugmallocstats()` calls around the same code; freeing reclaims the same arenas.
 *
 * Measured tolerance: at allocation, CPython's free lists and keys free list hold objects left by
 * its start-up (about 40 list/dict shells, about 70 dict keys objects), so its deltas can be up to
 * 80 blocks smaller in the 64- and 128-byte classes; after freeing, the deltas agree to 2 blocks.
 * CPython starts with 4 partly used arenas and the simulator with an almost empty one, so the
 * blocks fill pools and arenas from a different start: pool counts agree within 8 and arena
 * counts within 1.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { runProgram } from '../../../python/interp/run';
import { parseDebugMallocStats } from '../../../core/pymalloc/parse-debugmallocstats';
import type { DebugMallocStats } from '../../../core/pymalloc/collect-malloc-stats';
import { cpython311, describeWithCPython } from '../../support/cpython311';

const dir = mkdtempSync(path.join(tmpdir(), 'pymemlab-malloc-'));

const BULK: Record<string, string> = {
  'empty lists': 'x.append([])',
  'two-item lists': 'x.append([i, i])',
  'empty dicts': 'x.append({})',
  'one-key dicts': "x.append({'a': i})",
  'instances without attributes': 'x.append(A())',
  'instances with an attribute': 'x.append(B(i))',
  'large ints': 'x.append(i * 1000000000000)',
  'runtime tuples': 'x.append((i, i, i))',
};

function program(statement: string): string {
  return [
    'import sys, gc',
    'gc.disable()',
    'class A:',
    '    pass',
    'class B:',
    '    def __init__(self, v):',
    '        self.v = v',
    'sys._debugmallocstats()',
    'x = []',
    'i = 0',
    'while i < 100000:',
    `    ${statement}`,
    '    i += 1',
    'sys._debugmallocstats()',
    'del x',
    'sys._debugmallocstats()',
    '',
  ].join('\n');
}

function stats(stderr: string): DebugMallocStats[] {
  return stderr
    .split('Small block threshold')
    .slice(1)
    .map((part) => parseDebugMallocStats(`Small block threshold${part}`));
}

function blocks(s: DebugMallocStats): Map<number, number> {
  return new Map(s.classes.map((c) => [c.size, c.blocksInUse]));
}

function delta(a: DebugMallocStats, b: DebugMallocStats) {
  const before = blocks(a);
  const after = blocks(b);
  const sizes = new Set([...before.keys(), ...after.keys()]);
  const perClass = new Map([...sizes].map((size) => [size, (after.get(size) ?? 0) - (before.get(size) ?? 0)]));
  const pools = (s: DebugMallocStats) => s.classes.reduce((n, c) => n + c.numPools, 0);
  return { perClass, pools: pools(b) - pools(a), arenas: b.arenasAllocatedCurrent - a.arenasAllocatedCurrent };
}

describeWithCPython('bulk allocations compared with python3', () => {
  describe.each(Object.entries(BULK))('100,000 %s', (name, statement) => {
    test('blocks per size class, pools and arenas change as in CPython', () => {
      const source = program(statement);
      const file = path.join(dir, `${name.replace(/\W+/g, '_')}.py`);
      writeFileSync(file, source);
      const cpython = stats(spawnSync(cpython311!.executable, [file], { encoding: 'utf8' }).stderr);
      const sim = stats(runProgram(source, file).stderr);
      expect(cpython).toHaveLength(3);
      expect(sim).toHaveLength(3);
      for (const [phase, from, to, tolerance] of [
        ['allocate', 0, 1, 80],
        ['free', 1, 2, 2],
      ] as const) {
        const real = delta(cpython[from], cpython[to]);
        const simulated = delta(sim[from], sim[to]);
        for (const size of new Set([...real.perClass.keys(), ...simulated.perClass.keys()])) {
          const diff = Math.abs((real.perClass.get(size) ?? 0) - (simulated.perClass.get(size) ?? 0));
          if (diff > tolerance)
            throw new Error(
              `${phase}: ${size}-byte class changed by ${simulated.perClass.get(size)} in the simulator, ${real.perClass.get(size)} in CPython`,
            );
        }
        expect(Math.abs(real.pools - simulated.pools)).toBeLessThanOrEqual(8);
        expect(Math.abs(real.arenas - simulated.arenas)).toBeLessThanOrEqual(1);
      }
    });
  });
});
