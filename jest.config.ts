/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';

// Type checking is done once by `npm run typecheck` (tsc --noEmit); ts-jest only transpiles
// (isolatedModules in tsconfig.json), which keeps a cold run of the suite fast on 2 cores.
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  testTimeout: 120_000,
};

export default config;
