// Jest runs as native ESM (NestJS 12 is ESM-only): see README "Tests". TypeScript is compiled with the
// build's swc options and workspace aliases come from tsconfig.base.json (tools/build/), so a spec runs the
// code as it ships. `tools/test/jest-target.mjs` runs one tier for one Nx project.
import { swcOptions } from './tools/build/swc-options.mjs';
import { jestModuleNameMapper } from './tools/build/workspace-aliases.mjs';

const shared = {
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools'],
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: {
    '^.+\\.(t|j)sx$': ['@swc/jest', swcOptions({ tsx: true })],
    '^.+\\.(c|m)?(t|j)s$': ['@swc/jest', swcOptions({ tsx: false })],
  },
  moduleNameMapper: {
    ...jestModuleNameMapper(),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.poolkeeper/'],
};

export default {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/apps/console-e2e/'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/tools/test/integration-timeout.mjs'],
    },
  ],
};
