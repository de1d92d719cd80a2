#!/usr/bin/env node
// Browser tier (the console-e2e:e2e target, after tools:build and console:build): Playwright in Debian's
// Chromium against the built stack (global setup starts it). Results: dist/test-results/console-e2e/e2e.json.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../..', import.meta.url));
if (!existsSync('/usr/bin/chromium')) {
  console.error('Chromium is missing: install it with `apt-get install -y chromium` (.ci/run does).');
  process.exit(1);
}
const run = spawnSync(
  'npx',
  [
    'playwright',
    'test',
    '-c',
    'apps/console-e2e/playwright.config.ts',
    '--reporter=list,json',
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      PLAYWRIGHT_JSON_OUTPUT_NAME: join(root, 'dist', 'test-results', 'console-e2e', 'e2e.json'),
    },
  },
);
process.exit(run.status ?? 1);
