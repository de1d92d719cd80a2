import { parseArgs } from 'node:util';
import { parseFaultOption, type FaultOptions } from './core/faults';
import { AWS_PER_USER_RPS } from './core/per-user-quota';
import { bulkSeedUsers, type BulkSeedResult } from './seed/bulk-users';
import {
  demoTotpSecretFor,
  type QuotaOption,
  parseQuotaOption,
  seedLocalCognito,
  startEmulator,
} from './index';
import type { IssuerMode } from './services/registry';

/**
 * Standalone local Cognito:
 * `cli --port 9325 --data-dir .poolkeeper/cognito [--region us-east-1] [--seed [--seed-demo-users 520]]
 *  [--seed-users N [--seed-users-pool poolkeeper-bulk]] [--quotas aws|Category=rps[/burst],…]
 *  [--per-user-rps aws|N] [--faults latency=ms,jitter=ms,error=rate,reset=rate,ops=A+B]
 *  [--issuer endpoint|aws] [--report text|json] [--exit-with-parent]`.
 * - `--seed-users N` bulk-seeds the pool named `--seed-users-pool` until it holds N users (seed/bulk-users.ts:
 *   straight into the store, one snapshot write), after `--seed`.
 * - `--quotas` enforces Cognito's request-rate quotas, `--per-user-rps` AWS's per-user cap (core/per-user-quota.ts;
 *   `aws` = 10/s) and `--faults` injects latency, 500s and connection resets (core/faults.ts) — all after
 *   seeding, so the seed is never throttled or failed.
 * - `--report json` prints one line `{"event":"ready","endpoint":…,"region":…,"seed":…}` on stdout once it
 *   listens (and has seeded): how the `npm start` launcher learns the endpoint of its child.
 * - `--exit-with-parent` stops when stdin closes, so a launcher that is killed leaves no emulator behind.
 */
let stopping = false;

const ISSUERS: readonly string[] = ['endpoint', 'aws'];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '9325' },
      'data-dir': { type: 'string', default: '.poolkeeper/cognito' },
      region: { type: 'string', default: 'us-east-1' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'boolean', default: false },
      'seed-demo-users': { type: 'string', default: '520' },
      'seed-users': { type: 'string' },
      'seed-users-pool': { type: 'string' },
      quotas: { type: 'string' },
      'per-user-rps': { type: 'string' },
      faults: { type: 'string' },
      issuer: { type: 'string', default: 'endpoint' },
      report: { type: 'string', default: 'text' },
      'exit-with-parent': { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port ${values.port}`);
  const demoUsers = Number(values['seed-demo-users']);
  if (!Number.isInteger(demoUsers) || demoUsers < 0)
    throw new Error(`invalid --seed-demo-users ${values['seed-demo-users']}`);
  if (!ISSUERS.includes(values.issuer))
    throw new Error(`invalid --issuer ${values.issuer} (endpoint or aws)`);
  if (values.report !== 'text' && values.report !== 'json')
    throw new Error(`invalid --report ${values.report} (text or json)`);
  const json = values.report === 'json';
  const quotas: QuotaOption | false = values.quotas === undefined ? false : parseQuotaOption(values.quotas);
  const seedUsers = values['seed-users'] === undefined ? undefined : Number(values['seed-users']);
  if (seedUsers !== undefined && !(Number.isInteger(seedUsers) && seedUsers >= 0))
    throw new Error(`invalid --seed-users ${values['seed-users']} (a whole number ≥ 0)`);
  if (values['seed-users-pool'] !== undefined && seedUsers === undefined)
    throw new Error('--seed-users-pool needs --seed-users');
  const perUserRps = parsePerUserRps(values['per-user-rps']);
  const faults: FaultOptions | false = values.faults === undefined ? false : parseFaultOption(values.faults);
  const emulator = await startEmulator({
    dataDir: values['data-dir'],
    port,
    region: values.region,
    host: values.host,
    issuer: values.issuer as IssuerMode,
    // a seeded demo hands out its documented TOTP secrets (README, "Demo MFA")
    ...(values.seed ? { totpSecretFor: demoTotpSecretFor } : {}),
  });
  if (!json)
    process.stdout.write(
      `cognito-emulator listening on ${emulator.endpoint} (region ${emulator.region}, data ${values['data-dir']})\n`,
    );
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  if (values['exit-with-parent']) {
    process.stdin.on('end', shutdown).on('close', shutdown).on('error', shutdown).resume();
  }
  const seed = values.seed ? await seedLocalCognito(emulator.endpoint, emulator.region, { demoUsers }) : null;
  if (seed && !json) process.stdout.write(`seeded: ${JSON.stringify(seed)}\n`);
  let bulkSeed: BulkSeedResult | null = null;
  if (seedUsers !== undefined) {
    bulkSeed = await bulkSeedUsers(emulator, {
      count: seedUsers,
      ...(values['seed-users-pool'] !== undefined ? { poolName: values['seed-users-pool'] } : {}),
    });
    if (!json) process.stdout.write(`bulk-seeded: ${JSON.stringify(bulkSeed)}\n`);
  }
  if (quotas || perUserRps) {
    emulator.setQuotas(quotas, perUserRps);
    if (!json && quotas) process.stdout.write(`enforcing Cognito request quotas: ${values.quotas}\n`);
    if (!json && perUserRps) process.stdout.write(`enforcing ${perUserRps} requests/s per user\n`);
  }
  if (faults) {
    emulator.setFaults(faults);
    if (!json) process.stdout.write(`injecting faults: ${values.faults}\n`);
  }
  if (json) {
    const ready = {
      event: 'ready',
      endpoint: emulator.endpoint,
      region: emulator.region,
      pid: process.pid,
      seed,
      ...(bulkSeed ? { bulkSeed } : {}),
    };
    process.stdout.write(`${JSON.stringify(ready)}\n`);
  }
}

/** `--per-user-rps`: `aws` (AWS's ~10 requests/s per user) or a number of requests/s > 0. */
function parsePerUserRps(text: string | undefined): number | false {
  if (text === undefined) return false;
  if (text === 'aws') return AWS_PER_USER_RPS;
  const rps = Number(text);
  if (!(Number.isFinite(rps) && rps > 0))
    throw new Error(`invalid --per-user-rps ${text} (aws or a number > 0)`);
  return rps;
}

main().catch((err: unknown) => {
  if (stopping) return; // e.g. a seed interrupted by Ctrl-C: the shutdown handler exits
  process.stderr.write(`cognito-emulator: ${(err as Error).message ?? String(err)}\n`);
  process.exit(1);
});
