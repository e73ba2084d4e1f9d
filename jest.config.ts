/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';

// Type checking is done once by `npm run typecheck` (tsc --noEmit); ts-jest only transpiles
// (isolatedModules in tsconfig.json), which keeps a cold run of the suite fast on 2 cores.
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  // A guard against hangs, not a speed target: grading and CPython comparisons take minutes on a
  // loaded 2-core machine, and no test asserts a duration (the benchmark measures those).
  testTimeout: 600_000,
};

export default config;
