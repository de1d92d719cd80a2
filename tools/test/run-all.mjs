#!/usr/bin/env node
// `npm test`: every check and every test tier, in order, stopping at the first failure.
// Ends with one plain line "tests: N passed, N failed" summing the tiers.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../..', import.meta.url));
const results = join(root, 'dist', 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  FORCE_COLOR: process.env.CI ? '0' : '1',
};
const jest = (project) => [
  process.execPath,
  [
    '--experimental-vm-modules',
    'node_modules/jest/bin/jest.js',
    '--selectProjects',
    project,
    '--json',
    `--outputFile=${join(results, `${project}.json`)}`,
  ],
];

const steps = [
  ['typecheck', 'node', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint', 'node', ['tools/test/lint.mjs']],
  ['unit', ...jest('unit')],
  ['integration', ...jest('integration')],
  ['build', 'node', ['tools/build/build.mjs']],
  ['e2e', 'node', ['tools/test/e2e.mjs']],
];

const only = process.argv.slice(2);
const tiers = {};
let failedStep = null;
for (const [name, cmd, args] of steps) {
  if (only.length && !only.includes(name)) continue;
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const run = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  console.log(
    `◀ ${name}: ${run.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const counts = readCounts(name);
  if (counts) tiers[name] = counts;
  if (run.status !== 0) {
    failedStep = name;
    break;
  }
}

function readCounts(name) {
  try {
    if (name === 'unit' || name === 'integration') {
      const r = JSON.parse(readFileSync(join(results, `${name}.json`), 'utf8'));
      return {
        passed: r.numPassedTests,
        failed: r.numFailedTests + r.numRuntimeErrorTestSuites,
        skipped: r.numPendingTests,
      };
    }
    if (name === 'e2e') {
      const r = JSON.parse(readFileSync(join(results, 'e2e.json'), 'utf8'));
      return {
        passed: r.stats.expected,
        failed: r.stats.unexpected + r.stats.flaky,
        skipped: r.stats.skipped,
      };
    }
  } catch {
    return null;
  }
  return null;
}

let passed = 0;
let failed = failedStep ? 1 : 0;
let skipped = 0;
console.log('\nTests per tier:');
for (const [tier, c] of Object.entries(tiers)) {
  console.log(`  ${tier.padEnd(12)} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
  passed += c.passed;
  failed += c.failed;
  skipped += c.skipped;
}
if (failedStep) console.log(`\nstep "${failedStep}" failed`);
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedStep ? 1 : 0);
