import { createDefaultEsmPreset } from 'ts-jest';

/** @type {import('jest').Config} */
export default {
  ...createDefaultEsmPreset({ tsconfig: { isolatedModules: true } }),
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  globalSetup: '<rootDir>/__tests__/build.setup.js',
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // Sources import './x.js' as Node's ESM requires; jest must find the .ts behind it.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};
