import { parseArgs } from 'node:util';
import { type QuotaOption, parseQuotaOption, seedLocalCognito, startEmulator } from './index';

/**
 * Standalone local Cognito:
 * `cli --port 9325 --data-dir .poolkeeper/cognito [--region us-east-1] [--seed] [--quotas aws|Category=rps[/burst],…]`.
 * `--quotas` enforces Cognito's request-rate quotas (after seeding, so the seed is never throttled).
 */
let stopping = false;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '9325' },
      'data-dir': { type: 'string', default: '.poolkeeper/cognito' },
      region: { type: 'string', default: 'us-east-1' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'boolean', default: false },
      quotas: { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port ${values.port}`);
  const quotas: QuotaOption | false = values.quotas === undefined ? false : parseQuotaOption(values.quotas);
  const emulator = await startEmulator({
    dataDir: values['data-dir'],
    port,
    region: values.region,
    host: values.host,
  });
  process.stdout.write(
    `cognito-emulator listening on ${emulator.endpoint} (region ${emulator.region}, data ${values['data-dir']})\n`,
  );
  const shutdown = () => {
    stopping = true;
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  if (values.seed) {
    const seed = await seedLocalCognito(emulator.endpoint, emulator.region);
    process.stdout.write(`seeded: ${JSON.stringify(seed)}\n`);
  }
  if (quotas) {
    emulator.setQuotas(quotas);
    process.stdout.write(`enforcing Cognito request quotas: ${values.quotas}\n`);
  }
}

main().catch((err: unknown) => {
  if (stopping) return; // e.g. a seed interrupted by Ctrl-C: the shutdown handler exits
  process.stderr.write(`cognito-emulator: ${(err as Error).message ?? String(err)}\n`);
  process.exit(1);
});
