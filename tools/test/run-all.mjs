#!/usr/bin/env node
// `npm test`: every check and test tier as Nx targets, in one Nx run (cached: a target whose inputs did not
// change is replayed from .nx/cache, result files included). Order comes from the targets' dependsOn in
// nx.json: typecheck, lint, prisma-check and unit start first; a project's integration tier waits for its
// unit tier, each -node24 twin for its Node 20 run, e2e for the two builds. A failed task stops what depends
// on it; the rest still runs, so one run reports every failure (pass --nxBail to stop at the first).
// Ends with one plain line "tests: N passed, N failed" summing the tiers' result files.
//
//   node tools/test/run-all.mjs                           everything
//   node tools/test/run-all.mjs unit integration          only these targets
//   node tools/test/run-all.mjs --affected [--base=REF]   only projects changed against main (or REF)
//   other --flags (e.g. --skip-nx-cache, --nxBail) are passed to Nx
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { shadowedNodeProblem } from './node-runtime.mjs';
import { readTierCounts } from './test-results.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const results = join(root, 'dist', 'test-results');

export const targets = [
  'typecheck',
  'lint',
  'prisma-check',
  'unit',
  'integration',
  'build',
  'e2e',
  'unit-node24',
  'integration-node24',
];

function main() {
  const shadowed = shadowedNodeProblem();
  if (shadowed) {
    console.error(shadowed);
    process.exit(1);
  }
  const args = process.argv.slice(2);
  const affected = args.includes('--affected');
  const nxFlags = args.filter((a) => a.startsWith('--') && a !== '--affected');
  const only = args.filter((a) => !a.startsWith('--'));
  const unknown = only.filter((t) => !targets.includes(t));
  if (unknown.length) {
    console.error(`unknown step ${unknown.join(', ')}; steps: ${targets.join(', ')}`);
    process.exit(2);
  }

  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });
  const env = {
    ...process.env,
    NX_DAEMON: process.env.NX_DAEMON ?? 'false',
    NX_NO_CLOUD: 'true',
    NX_TUI: 'false',
    FORCE_COLOR: process.env.CI ? '0' : (process.env.FORCE_COLOR ?? '1'),
  };

  const started = Date.now();
  const selected = only.length ? targets.filter((t) => only.includes(t)) : targets;
  const nx = (ts) =>
    spawnSync(
      process.execPath,
      [
        join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'),
        affected ? 'affected' : 'run-many',
        '-t',
        ...ts,
        '--outputStyle=static',
        ...nxFlags,
      ],
      { cwd: root, env, stdio: 'inherit' },
    ).status;
  // The browser tier runs on its own, after the rest: beside a Jest tier on 2 cores its 15 s waits flaked.
  const phases = [selected.filter((t) => t !== 'e2e'), selected.filter((t) => t === 'e2e')];
  let failedRun = false;
  for (const phase of phases.filter((ts) => ts.length > 0)) {
    if (failedRun && nxFlags.includes('--nxBail')) break;
    if (nx(phase) !== 0) failedRun = true;
  }

  const tiers = readTierCounts(results);
  let passed = 0;
  let failed = failedRun ? 1 : 0;
  let skipped = 0;
  console.log('\nTests per tier:');
  for (const [tier, c] of Object.entries(tiers)) {
    console.log(`  ${tier.padEnd(20)} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
    passed += c.passed;
    failed += c.failed;
    skipped += c.skipped;
  }
  if (failedRun) console.log('\nNx reported failed tasks (listed above); counted as one more failure');
  console.log(`npm test took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(failedRun ? 1 : 0);
}

main();
