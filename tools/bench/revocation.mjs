#!/usr/bin/env node
// Measurement: seconds from an operator's global sign-out to the API's first 401 for their token, against the
// built stack with its real local Cognito. Worst case on purpose: the token is checked (and cached) right
// before the sign-out, so the figure is the full OPERATOR_RECHECK_SECONDS bound plus one request.
// Usage: node tools/bench/revocation.mjs [--runs 2] [--recheck <seconds>]   (default: the config's default)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll } from '../build/build.mjs';
import { formatMs, percentiles } from './stats.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
const runs = Number(arg('--runs')) || 2;
const recheck = arg('--recheck');

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

await buildAll();
const dataDir = mkdtempSync(join(tmpdir(), 'poolkeeper-revocation-'));
const port = await freePort();
const child = spawn(process.execPath, [join(root, 'dist/stack/start.js')], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(port),
    EMULATOR_PORT: String(await freePort()),
    POOLKEEPER_DATA_DIR: dataDir,
    SEED_DEMO_USERS: '5',
    LOG_LEVEL: 'warn',
    ...(recheck !== undefined ? { OPERATOR_RECHECK_SECONDS: recheck } : {}),
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const exited = new Promise((resolve) => child.on('exit', resolve));
try {
  let out = '';
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (c) => {
      out += c;
      if (out.includes('poolkeeper is ready at')) resolve();
    });
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => reject(new Error(`stack exited with ${code}:\n${out}`)));
  });
  const api = `http://127.0.0.1:${port}`;
  const auth = await (await fetch(`${api}/api/auth/config`)).json();
  const seconds = [];
  for (let i = 0; i < runs; i++) {
    const signedIn = await cognito(auth.endpoint, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: auth.clientId,
      AuthParameters: { USERNAME: 'admin', PASSWORD: 'Poolkeeper!2026' },
    });
    const headers = { Authorization: `Bearer ${signedIn.AuthenticationResult.AccessToken}` };
    const me = () => fetch(`${api}/api/me`, { headers }).then((r) => r.status);
    if ((await me()) !== 200) throw new Error('the fresh token was refused');
    await cognito(auth.endpoint, 'AdminUserGlobalSignOut', {
      UserPoolId: auth.userPoolId,
      Username: 'admin',
    });
    const started = performance.now();
    while ((await me()) === 200) await new Promise((r) => setTimeout(r, 200));
    seconds.push(performance.now() - started);
    process.stdout.write('.');
  }
  const p = percentiles(seconds);
  console.log('');
  console.log(
    `global sign-out → 401, ${runs} runs, OPERATOR_RECHECK_SECONDS=${recheck ?? 'default (30)'}: ` +
      `p50 ${formatMs(p.p50)}  p90 ${formatMs(p.p90)}  max ${formatMs(p.max)}`,
  );
} finally {
  child.kill('SIGTERM');
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
