#!/usr/bin/env node
// Measurement of the local Cognito's store at pool sizes (issue 10, "Measured today"): for each size a fresh
// emulator (the built CLI, its own process) is bulk-seeded (`--seed-users`), then, straight to it over HTTP:
// AdminCreateUser rate and p50/p95, a page-by-page ListUsers read of the whole pool (users/s against the
// 1 800 users/s Cognito's UserList quota allows: 30 requests/s × 60), disable + enable pairs on seeded users,
// the emulator's RSS and store size. Every size runs at once and the rounds alternate between them, so the
// ratios between sizes come from one run under the same load. Prints the "before" figures (measured
// on the old single-document store; not runnable here) beside today's as ratios.
// Usage: node tools/bench/emulator-store.mjs [--sizes 10000,100000] [--creates 1000] [--pairs 300]
//        [--concurrency 8] [--list-users all]
//        (`--sizes 10000,100000,1000000 --list-users 100000` for the "flat from 10 k to 1 M" goal)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../build/build.mjs';
import { formatMs, percentiles } from './stats.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
const sizes = (arg('--sizes') ?? '10000,100000').split(',').map(Number);
const creates = Number(arg('--creates')) || 1000;
const pairs = Number(arg('--pairs')) || 300;
const concurrency = Number(arg('--concurrency')) || 8;
// how many users the ListUsers scan reads per pool (default: the whole pool); e.g. 100000 with a 1 M pool
const listUsers = Number(arg('--list-users')) || Infinity;
const USER_LIST_QUOTA = 30 * 60; // ListUsers 30 requests/s × 60 users a page

/** Issue 10, "Measured today" (fresh clone, 2 cores, the single-document store before v4). */
const BEFORE = {
  createRate: { 40_000: 52, 96_000: 20 },
  createP50: { 40_000: 288, 96_000: 765 },
  listRate100k: 650,
  pairRate100k: 4.7,
  rss100kMb: 520,
  store96kMb: 41,
};

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

/** Runs `count` jobs on `concurrency` workers; returns each job's ms and the wall time. */
async function timed(count, job) {
  const ms = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await job(i);
        ms.push(performance.now() - t);
      }
    }),
  );
  return { ms, wallMs: performance.now() - started };
}

function startEmulator(dataDir, seedUsers) {
  const child = spawn(
    process.execPath,
    [
      join(root, 'dist/emulator/cli.js'),
      ...['--port', '0', '--data-dir', dataDir, '--report', 'json'],
      ...['--seed-users', String(seedUsers)],
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const started = performance.now();
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const msg = JSON.parse(line);
      if (msg.event === 'ready') resolve({ child, ready: msg, readyMs: performance.now() - started });
    });
  });
}

const rssMb = (pid) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
const fileMb = (file) => {
  try {
    return statSync(file).size / 1024 / 1024;
  } catch {
    return 0;
  }
};

/** Starts one bulk-seeded emulator per size (all running at once, so the rounds below can alternate). */
async function setUp(size) {
  const dataDir = mkdtempSync(join(tmpdir(), 'poolkeeper-bench-store-'));
  const { child, ready, readyMs } = await startEmulator(dataDir, size);
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return {
    size,
    dataDir,
    child,
    endpoint: ready.endpoint,
    poolId: ready.bulkSeed.poolId,
    seedMs: ready.bulkSeed.ms,
    readyMs,
    usernames: [],
    pageMs: [],
    listMs: 0,
    createMs: [],
    createWallMs: 0,
    pairMs: [],
    pairWallMs: 0,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** ListUsers of the whole pool, page by page (sequential, as a sync reads it), `pages` pages at a time. */
async function listSome(e, pages) {
  const started = performance.now();
  for (let n = 0; n < pages && e.token !== null; n++) {
    const t = performance.now();
    const page = await cognito(e.endpoint, 'ListUsers', {
      UserPoolId: e.poolId,
      Limit: 60,
      ...(e.token ? { PaginationToken: e.token } : {}),
    });
    e.pageMs.push(performance.now() - t);
    for (const u of page.Users) e.usernames.push(u.Username);
    e.token = page.PaginationToken ?? null;
    if (e.usernames.length >= listUsers) e.token = null;
  }
  e.listMs += performance.now() - started;
}

async function createSome(e, from, count) {
  const r = await timed(count, (i) =>
    cognito(e.endpoint, 'AdminCreateUser', {
      UserPoolId: e.poolId,
      Username: `bench.create.${String(from + i).padStart(6, '0')}`,
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: `bench.create.${from + i}@example.com` }],
    }),
  );
  e.createMs.push(...r.ms);
  e.createWallMs += r.wallMs;
}

/** disable + enable pairs on seeded users spread over the pool (one user per pair). */
async function pairSome(e, from, count) {
  const step = Math.max(1, Math.floor(e.usernames.length / pairs));
  const r = await timed(count, async (i) => {
    const Username = e.usernames[((from + i) * step) % e.usernames.length];
    await cognito(e.endpoint, 'AdminDisableUser', { UserPoolId: e.poolId, Username });
    await cognito(e.endpoint, 'AdminEnableUser', { UserPoolId: e.poolId, Username });
  });
  e.pairMs.push(...r.ms);
  e.pairWallMs += r.wallMs;
}

/** Every size gets the same rounds in turn: load on the machine changes both sides alike. */
async function measureAll(emulators) {
  const ROUNDS = 10;
  for (const e of emulators) e.token = undefined;
  while (emulators.some((e) => e.token !== null))
    for (const e of emulators) if (e.token !== null) await listSome(e, 50);
  for (const e of emulators)
    if (e.usernames.length < Math.min(e.size, listUsers))
      throw new Error(`listed ${e.usernames.length} of ${e.size} users`);
  const perCreate = Math.ceil(creates / ROUNDS);
  const perPair = Math.ceil(pairs / ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    for (const e of emulators) await createSome(e, round * perCreate, perCreate);
    for (const e of emulators) await pairSome(e, round * perPair, perPair);
  }
  return emulators.map((e) => ({
    size: e.size,
    seedMs: e.seedMs,
    readyMs: e.readyMs,
    listed: e.usernames.length,
    listRate: (e.usernames.length / e.listMs) * 1000,
    page: percentiles(e.pageMs),
    createRate: (e.createMs.length / e.createWallMs) * 1000,
    create: percentiles(e.createMs),
    pairRate: (e.pairMs.length / e.pairWallMs) * 1000,
    pair: percentiles(e.pairMs),
    rssMb: rssMb(e.child.pid),
    storeMb: fileMb(join(e.dataDir, 'cognito-snapshot.jsonl')) + fileMb(join(e.dataDir, 'cognito-log.jsonl')),
  }));
}

const fmt = (n, digits = 0) => n.toFixed(digits);
const pct = (p) => `p50 ${formatMs(p.p50)} · p95 ${formatMs(p.p95)} · max ${formatMs(p.max)}`;

await buildServer();
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
console.log(`load average at start: ${load()} (${cpus().length} cores)`);
console.log(
  `local Cognito store: pools of ${sizes.join(', ')} users (bulk seed), ${creates} creates and ${pairs} ` +
    `disable+enable pairs at concurrency ${concurrency}, ListUsers of the whole pool page by page (60 a page); ` +
    `sizes side by side, rounds alternating`,
);
const emulators = [];
let results;
try {
  for (const size of sizes) emulators.push(await setUp(size));
  results = await measureAll(emulators);
} finally {
  for (const e of emulators) await e.stop();
}
for (const r of results) {
  console.log(`\n## ${r.size} users (seeded in ${formatMs(r.seedMs)}, ready in ${formatMs(r.readyMs)})`);
  console.log(`AdminCreateUser      ${fmt(r.createRate).padStart(6)} users/s   ${pct(r.create)}`);
  console.log(
    `ListUsers (${String(r.listed === r.size ? 'all' : r.listed).padEnd(6)})  ${fmt(r.listRate).padStart(6)} users/s   per page ${pct(r.page)}   ` +
      `= ${fmt(r.listRate / USER_LIST_QUOTA, 1)}× the UserList quota (1 800 users/s)`,
  );
  console.log(
    `disable+enable       ${fmt(r.pairRate, 1).padStart(6)} pairs/s   ${pct(r.pair)}   ` +
      `(${fmt(r.pairRate * 2)} calls/s = ${fmt((r.pairRate * 2) / 25, 1)}× the UserUpdate quota of 25/s)`,
  );
  console.log(
    `emulator RSS         ${fmt(r.rssMb).padStart(6)} MB        store on disk ${fmt(r.storeMb, 1)} MB`,
  );
}

console.log(`\nload average at the end: ${load()}`);

// the figures beside today's (the issue measured 40 k and 96 k; compared with the sizes nearest them)
const nearest = (n) => results.reduce((a, b) => (Math.abs(b.size - n) < Math.abs(a.size - n) ? b : a));
const rows = [];
const small = nearest(40_000);
const big = nearest(96_000);
const ratio = (today, before, higherIsBetter = true) =>
  `${fmt(higherIsBetter ? today / before : before / today, 1)}×`;
rows.push([
  `AdminCreateUser users/s (before 40 k, today ${small.size})`,
  BEFORE.createRate[40_000],
  fmt(small.createRate),
  ratio(small.createRate, BEFORE.createRate[40_000]),
]);
rows.push([
  `AdminCreateUser users/s (before 96 k, today ${big.size})`,
  BEFORE.createRate[96_000],
  fmt(big.createRate),
  ratio(big.createRate, BEFORE.createRate[96_000]),
]);
rows.push([
  `AdminCreateUser p50 ms (before 96 k, today ${big.size}; lower is better)`,
  BEFORE.createP50[96_000],
  fmt(big.create.p50, 1),
  ratio(big.create.p50, BEFORE.createP50[96_000], false),
]);
rows.push([
  `ListUsers all pages users/s (${big.size})`,
  BEFORE.listRate100k,
  fmt(big.listRate),
  ratio(big.listRate, BEFORE.listRate100k),
]);
rows.push([
  `disable+enable pairs/s (${big.size})`,
  BEFORE.pairRate100k,
  fmt(big.pairRate, 1),
  ratio(big.pairRate, BEFORE.pairRate100k),
]);
rows.push([
  `RSS MB (${big.size}; lower is better)`,
  BEFORE.rss100kMb,
  fmt(big.rssMb),
  ratio(big.rssMb, BEFORE.rss100kMb, false),
]);
console.log('\n## before (issue 10) → today');
for (const [label, before, today, r] of rows)
  console.log(`${label.padEnd(72)} ${String(before).padStart(7)} → ${String(today).padStart(7)}  ${r}`);
if (results.length > 1) {
  const first = results[0];
  const last = results[results.length - 1];
  console.log(
    `\ncreate rate ${last.size} / ${first.size} users: ${fmt(last.createRate / first.createRate, 2)} ` +
      `(goal: flat, 1.0; before: ${fmt(BEFORE.createRate[96_000] / BEFORE.createRate[40_000], 2)} for 96 k / 40 k)`,
  );
}
