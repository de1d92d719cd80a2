import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type LocalSeed,
  type RunningEmulator,
  seedLocalCognito,
  startEmulator,
} from '@poolkeeper/cognito-emulator';
import { type AuditAction, awsJsonCall } from '@poolkeeper/contract';
import {
  type AuditStore,
  type RunningPostgres,
  createAuditStore,
  prepareDatabase,
  startEmbeddedPostgres,
} from '@poolkeeper/persistence';
import { main } from './reconcile-cli';

/**
 * `npm run audit:reconcile` against a real Postgres and the local Cognito: attempts left without an outcome (as
 * after a crash) are resolved in one pass; while another process holds the reconciler's lock it does nothing.
 */
const dir = mkdtempSync(join(tmpdir(), 'pk-audit-reconcile-cli-'));
let server: RunningPostgres;
let emulator: RunningEmulator;
let seed: LocalSeed;
let store: AuditStore;

async function run() {
  const out: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((text: string) => void out.push(text));
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const code = await main({
      DATABASE_URL: server.servingUrl,
      COGNITO_MODE: 'local',
      AWS_REGION: emulator.region,
      AWS_ENDPOINT_URL: emulator.endpoint,
      AUDIT_RECONCILE_GRACE_SECONDS: '0',
    });
    return { code, out: JSON.parse(out.join('\n')) as Record<string, unknown> };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

const attempt = (action: AuditAction, username: string) =>
  store.record({
    correlationId: randomUUID(),
    outcome: 'attempted',
    action,
    poolId: seed.managedPools[0]!.id,
    targets: [{ type: 'user', id: username }],
    actor: { kind: 'operator', sub: 's-1', username: 'admin', roles: ['admin'], ip: null, userAgent: null },
    reason: null,
    request: {},
  });

beforeAll(async () => {
  server = await startEmbeddedPostgres({ dataDir: join(dir, 'postgres') });
  await prepareDatabase(server);
  store = createAuditStore(server.servingUrl);
  emulator = await startEmulator({ dataDir: join(dir, 'cognito'), port: 0 });
  seed = await seedLocalCognito(emulator.endpoint, emulator.region, { demoUsers: 2 });
}, 120_000);

afterAll(async () => {
  await store?.close();
  await emulator?.stop();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run audit:reconcile', () => {
  it('resolves attempts left without an outcome, and skips while another process reconciles', async () => {
    const pool = seed.managedPools[0]!.id;
    const listed = await awsJsonCall(emulator.endpoint, 'ListUsers', { UserPoolId: pool, Limit: 2 });
    const [a, b] = (listed.body as { Users: { Username: string }[] }).Users;
    // As after a crash: the disable reached Cognito, its outcome was never written.
    await attempt('user.disable', a!.Username);
    await awsJsonCall(emulator.endpoint, 'AdminDisableUser', { UserPoolId: pool, Username: a!.Username });
    await attempt('user.reset-password', b!.Username);

    const locked = await store.whileReconcilerLocked(run);
    expect(locked).toEqual({ ran: true, value: { code: 0, out: expect.objectContaining({ ran: false }) } });

    expect(await run()).toEqual({
      code: 0,
      out: { ran: true, succeeded: 1, unknown: 1, alreadyResolved: 0, deferred: 0 },
    });
    expect(await run()).toEqual({
      code: 0,
      out: { ran: true, succeeded: 0, unknown: 0, alreadyResolved: 0, deferred: 0 },
    });
    expect(await store.verify()).toMatchObject({ ok: true, count: 4 });
  });
});
