// Integration tier: 60 s per test and hook (servers, embedded PostgreSQL). Jest ignores `testTimeout` inside a
// `projects` entry, so the tier sets it here (jest.config.js setupFilesAfterEnv of the integration project).
import { jest } from '@jest/globals';

jest.setTimeout(60_000);
