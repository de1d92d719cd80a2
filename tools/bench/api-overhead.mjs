#!/usr/bin/env node
// Measurement of the API's overhead over a bare call to the local Cognito (issue 10, "API throughput"): the
// built stack (`dist/stack/start.js`: API, embedded Postgres, local Cognito), an operator signed in, then at
// 1, 50 and 200 concurrent clients, side by side in one run (API and bare alternate per level):
// - GET one user: `GET /api/pools/:poolId/users/:username` vs a bare AdminGetUser;
// - list 60: `GET /api/pools/:poolId/users?limit=60` vs a bare ListUsers Limit 60.
// Prints p50/p99 of each, the latency the API adds and the throughput ratio API / bare (goals: ≤ 1 ms p50
// added at one client; ratio ≥ 0.5 under load). The issue's figures: ~2 ms added at one client, 400–570 ms
// added p50 at 200 clients.
// Usage: node tools/bench/api-overhead.mjs [--seconds 4] [--levels 1,50,200] [--profile <dir>]
// `--profile <dir>` runs the stack (API in the launcher's process) with `node --cpu-prof` into <dir> and
// prints the API process's top self time by package and function (cpu-profile-top.mjs).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../build/build.mjs';
import { printTop } from './cpu-profile-top.mjs';
import { percentiles } from './stats.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
const seconds = Number(arg('--seconds')) || 4;
const levels = (arg('--levels') ?? '1,50,200').split(',').map(Number);
const profileDir = arg('--profile');
if (profileDir) {
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

async function cognito(endpoint, operation, input) {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: JSON.stringify(input),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`${operation}: ${JSON.stringify(body)}`);
  return body;
}

/** `clients` loops calling `call` for `seconds`; every answer must be OK. */
async function load(clients, call) {
  const ms = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        try {
          await call();
          ms.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  return { ...percentiles(ms), rps: (ms.length / (performance.now() - started)) * 1000, errors };
}

await buildServer();
const dataDir = mkdtempSync(join(tmpdir(), 'poolkeeper-bench-api-'));
const port = await freePort();
const profileArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
const child = spawn(process.execPath, [...profileArgs, join(root, 'dist/stack/start.js')], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(port),
    EMULATOR_PORT: String(await freePort()),
    POOLKEEPER_DATA_DIR: dataDir,
    SEED_DEMO_USERS: '120',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const exited = new Promise((resolve) => child.on('exit', resolve));
let code = 0;
try {
  let out = '';
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (c) => {
      out += c;
      if (out.includes('poolkeeper is ready at')) resolve();
    });
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (c) => reject(new Error(`stack exited with ${c}:\n${out}`)));
  });
  const api = `http://127.0.0.1:${port}`;
  const auth = await (await fetch(`${api}/api/auth/config`)).json();
  const signedIn = await cognito(auth.endpoint, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: auth.clientId,
    AuthParameters: { USERNAME: 'admin', PASSWORD: 'Poolkeeper!2026' },
  });
  const headers = { Authorization: `Bearer ${signedIn.AuthenticationResult.AccessToken}` };
  const getJson = async (path) => {
    const res = await fetch(`${api}${path}`, { headers });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const pools = await getJson('/api/pools');
  const pool = pools.items.find((p) => p.name === 'Acme Customers') ?? pools.items[0];
  const first = await getJson(`/api/pools/${pool.id}/users?limit=60`);
  const username = first.items[0].username;
  const scenarios = [
    {
      name: 'GET one user',
      api: () => getJson(`/api/pools/${pool.id}/users/${encodeURIComponent(username)}`),
      bare: () => cognito(auth.endpoint, 'AdminGetUser', { UserPoolId: pool.id, Username: username }),
    },
    {
      name: 'list 60 users',
      api: () => getJson(`/api/pools/${pool.id}/users?limit=60`),
      bare: () => cognito(auth.endpoint, 'ListUsers', { UserPoolId: pool.id, Limit: 60 }),
    },
  ];
  const load0 = loadavg().map((l) => l.toFixed(1));
  console.log(
    `API overhead over the bare local Cognito, ${seconds} s per cell, load average ${load0.join(' ')} ` +
      `(${cpus().length} cores)`,
  );
  const f = (ms) => `${ms.toFixed(1)} ms`;
  for (const s of scenarios) {
    console.log(`\n## ${s.name}`);
    console.log(
      'clients  bare p50 / p99 (req/s)           API p50 / p99 (req/s)            added p50 / p99       API/bare',
    );
    for (const clients of levels) {
      await load(Math.min(clients, 10), s.bare); // warm-up
      const bare = await load(clients, s.bare);
      const viaApi = await load(clients, s.api);
      if (bare.errors || viaApi.errors) code = 1;
      console.log(
        `${String(clients).padStart(7)}  ${`${f(bare.p50)} / ${f(bare.p99)} (${bare.rps.toFixed(0)})`.padEnd(32)} ` +
          `${`${f(viaApi.p50)} / ${f(viaApi.p99)} (${viaApi.rps.toFixed(0)})`.padEnd(32)} ` +
          `${`${f(viaApi.p50 - bare.p50)} / ${f(viaApi.p99 - bare.p99)}`.padEnd(21)} ` +
          `${(viaApi.rps / bare.rps).toFixed(2)}` +
          (bare.errors || viaApi.errors ? `   errors: bare ${bare.errors}, API ${viaApi.errors}` : ''),
      );
    }
  }
  console.log(
    '\ngoals (issue 10): ≤ 1 ms p50 added at one client; API/bare ≥ 0.5 under load. ' +
      'Before: ~2 ms added at one client, 400–570 ms added p50 at 200 clients.',
  );
} catch (error) {
  console.error('bench api-overhead:', error);
  code = 2;
} finally {
  child.kill('SIGTERM');
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
}
if (profileDir) {
  // the launcher + API process (the local Cognito child is not profiled)
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const profiles = readdirSync(profileDir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(profileDir, f))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  if (profiles[0]) printTop(profiles[0]);
  else console.log(`no CPU profile in ${profileDir}`);
}
process.exit(code);
