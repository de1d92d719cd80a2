#!/usr/bin/env node
// `npm test`: every check and test tier as Nx targets (cached: a target whose inputs did not change is
// replayed from .nx/cache, result files included), phase by phase, stopping after the first phase that fails.
// Ends with one plain line "tests: N passed, N failed" summing the tiers' result files.
//
//   node tools/test/run-all.mjs                      everything
//   node tools/test/run-all.mjs unit integration     only these targets (any of the phase targets below)
//   node tools/test/run-all.mjs --affected [--base=REF]   only projects changed against main (or REF)
//   other --flags (e.g. --skip-nx-cache) are passed to Nx
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { shadowedNodeProblem } from './node-runtime.mjs';
import { readTierCounts } from './test-results.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const results = join(root, 'dist', 'test-results');

/** In order: cheap checks and unit tests first, then the tiers that start servers, then the other Node. */
export const phases = [
  { name: 'checks and unit', targets: ['typecheck', 'lint', 'prisma-check', 'unit'] },
  { name: 'integration', targets: ['integration'] },
  { name: 'build and e2e', targets: ['build', 'e2e'] },
  { name: 'Node 24', targets: ['unit-node24', 'integration-node24'] },
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
  const known = phases.flatMap((p) => p.targets);
  const unknown = only.filter((t) => !known.includes(t));
  if (unknown.length) {
    console.error(`unknown step ${unknown.join(', ')}; steps: ${known.join(', ')}`);
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

  let failedPhase = null;
  const started = Date.now();
  for (const phase of phases) {
    const targets = phase.targets.filter((t) => !only.length || only.includes(t));
    if (!targets.length) continue;
    const phaseStarted = Date.now();
    console.log(`\n▶ ${phase.name}: ${targets.join(', ')}`);
    const nxArgs = [
      join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'),
      ...(affected ? ['affected'] : ['run-many']),
      '-t',
      ...targets,
      '--outputStyle=static',
      ...nxFlags,
    ];
    const run = spawnSync(process.execPath, nxArgs, { cwd: root, env, stdio: 'inherit' });
    const ok = run.status === 0;
    const seconds = ((Date.now() - phaseStarted) / 1000).toFixed(1);
    console.log(`◀ ${phase.name}: ${ok ? 'ok' : 'FAILED'} in ${seconds} s`);
    if (!ok) {
      failedPhase = phase.name;
      break;
    }
  }

  const tiers = readTierCounts(results);
  let passed = 0;
  let failed = failedPhase ? 1 : 0;
  let skipped = 0;
  console.log('\nTests per tier:');
  for (const [tier, c] of Object.entries(tiers)) {
    console.log(`  ${tier.padEnd(20)} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
    passed += c.passed;
    failed += c.failed;
    skipped += c.skipped;
  }
  if (failedPhase) console.log(`\nphase "${failedPhase}" failed (see Nx's list of failed tasks above)`);
  console.log(`npm test took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(failedPhase ? 1 : 0);
}

main();
