import { parseArgs } from 'node:util';
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
 *  [--quotas aws|Category=rps[/burst],…] [--issuer endpoint|aws] [--report text|json] [--exit-with-parent]`.
 * - `--quotas` enforces Cognito's request-rate quotas (after seeding, so the seed is never throttled).
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
      quotas: { type: 'string' },
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
  if (quotas) {
    emulator.setQuotas(quotas);
    if (!json) process.stdout.write(`enforcing Cognito request quotas: ${values.quotas}\n`);
  }
  if (json) {
    const ready = {
      event: 'ready',
      endpoint: emulator.endpoint,
      region: emulator.region,
      pid: process.pid,
      seed,
    };
    process.stdout.write(`${JSON.stringify(ready)}\n`);
  }
}

main().catch((err: unknown) => {
  if (stopping) return; // e.g. a seed interrupted by Ctrl-C: the shutdown handler exits
  process.stderr.write(`cognito-emulator: ${(err as Error).message ?? String(err)}\n`);
  process.exit(1);
});
