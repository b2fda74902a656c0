import { createDefaultEsmPreset } from 'ts-jest';

/** @type {import('jest').Config} */
export default {
  ...createDefaultEsmPreset({ tsconfig: { isolatedModules: true } }),
  testEnvironment: 'node',
  // Jest's default is one worker fewer than the cores: one worker on these 2-core machines. The suite is
  // CPU-bound files of similar size, so two workers halve its time; no test asserts a timing.
  maxWorkers: 2,
  // No test asserts a time, but jest's default of 5 s per test fails the tests that drive ink or a real
  // process key by key when the machine is shared (a fresh-clone CI run at load average 15 did).
  testTimeout: 30_000,
  roots: ['<rootDir>/__tests__'],
  globalSetup: '<rootDir>/__tests__/build.setup.js',
  globalTeardown: '<rootDir>/__tests__/teardown.js',
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // Sources import './x.js' as Node's ESM requires; jest must find the .ts behind it.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};
