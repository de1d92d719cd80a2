import { defineConfig } from '@playwright/test';

/**
 * Browser specs against the built stack (`node dist/stack/start.js`), started by global setup on free
 * ports with a fresh data directory. Set POOLKEEPER_E2E_BASE_URL to run against a stack already running.
 * Uses Debian's Chromium: never download browsers.
 */
export default defineConfig({
  testDir: './src',
  testMatch: '**/*.spec.ts',
  globalSetup: './src/support/global-setup.ts',
  globalTeardown: './src/support/global-teardown.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  outputDir: '../../dist/console-e2e/test-results',
  forbidOnly: !!process.env['CI'],
  use: {
    browserName: 'chromium',
    headless: true,
    baseURL: process.env['POOLKEEPER_E2E_BASE_URL'],
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 15_000,
  },
});
