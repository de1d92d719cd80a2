#!/usr/bin/env node
// Benchmark: how long `npm start`'s stack takes to be ready, cold (empty data directory: initdb, migrations,
// seeding 520 users) and warm (same directory again). Runs the built stack; prints percentiles.
// Usage: node tools/bench/start-time.mjs [--runs 3]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll } from '../build/build.mjs';
import { percentiles, formatMs } from './stats.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function timeStart(dataDir) {
  const env = {
    ...process.env,
    PORT: String(await freePort()),
    EMULATOR_PORT: String(await freePort()),
    POOLKEEPER_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'dist/stack/start.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const ready = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready after 180 s:\n${out}`)), 180_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('poolkeeper is ready at')) {
        clearTimeout(timer);
        resolve(performance.now() - started);
      }
    });
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => reject(new Error(`exited with ${code} before ready:\n${out}`)));
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return ready;
}

await buildAll();
const cold = [];
const warm = [];
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'poolkeeper-bench-'));
  try {
    cold.push(await timeStart(dir));
    warm.push(await timeStart(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write('.');
}
console.log('');
const c = percentiles(cold);
const w = percentiles(warm);
console.log(`start to ready, ${runs} runs each (stack built beforehand)`);
console.log(
  `  cold (empty data dir): p50 ${formatMs(c.p50)}  p90 ${formatMs(c.p90)}  max ${formatMs(c.max)}`,
);
console.log(
  `  warm (second start):   p50 ${formatMs(w.p50)}  p90 ${formatMs(w.p90)}  max ${formatMs(w.max)}`,
);
console.log(`  warm / cold ratio: ${(w.p50 / c.p50).toFixed(2)}`);
