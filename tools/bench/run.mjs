#!/usr/bin/env node
// `npm run bench`: every benchmark in tools/bench, one after the other.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const benches = ['start-time.mjs', 'revocation.mjs', 'audit.mjs', 'emulator-store.mjs', 'api-overhead.mjs'];
for (const bench of benches) {
  console.log(`\n# ${bench}`);
  const run = spawnSync(
    process.execPath,
    [fileURLToPath(new URL(bench, import.meta.url)), ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  );
  if (run.status !== 0) process.exit(run.status ?? 1);
}
