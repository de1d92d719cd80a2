import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningPostgres, startEmbeddedPostgres } from '@poolkeeper/persistence';
import { type LocalApi, cognitoUser, startLocalApi } from '../test-support/local-api';

/**
 * The API runs on a DATABASE_URL of a Postgres this spec stops half-way: no mutation may then reach Cognito,
 * each answers 503 AUDIT_UNAVAILABLE with Retry-After, and /api/health says the database is down.
 */
describe('when the audit log cannot be written', () => {
  let dir: string;
  let postgres: RunningPostgres;
  let local: LocalApi;
  let victim: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'poolkeeper-audit-down-'));
    postgres = await startEmbeddedPostgres({ dataDir: join(dir, 'external-postgres') });
    // An external server set up as the README says: the API serves as a role that may only read and insert.
    local = await startLocalApi({
      databaseUrl: postgres.servingUrl,
      databaseMigrationUrl: postgres.migrationUrl,
      demoUsers: 5,
    });
    const page = await local.call('admin', 'GET', `/api/pools/${local.pool}/users?status=enabled&limit=1`);
    victim = page.body!.items[0].username as string;
    expect((await local.call(null, 'GET', '/api/health')).body).toEqual({
      status: 'ok',
      database: 'up',
      auditGuard: 'enforced',
    });
    await postgres.stop();
  }, 120_000);

  afterAll(async () => {
    await local?.close();
    await postgres?.stop().catch(() => undefined);
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  const users = () => `/api/pools/${local.pool}/users`;

  it('reports the database down on /api/health (still 200: liveness)', async () => {
    expect(await local.call(null, 'GET', '/api/health')).toMatchObject({
      status: 200,
      body: { status: 'degraded', database: 'down' },
    });
  });

  it.each([
    ['disable', 'POST', (u: string) => `/${u}/disable`, { reason: 'audit down' }],
    ['enable', 'POST', (u: string) => `/${u}/enable`, undefined],
    ['reset-password', 'POST', (u: string) => `/${u}/reset-password`, undefined],
    ['sign-out', 'POST', (u: string) => `/${u}/sign-out`, undefined],
    [
      'set-password',
      'POST',
      (u: string) => `/${u}/password`,
      { password: 'Another!Pass2026', permanent: true },
    ],
    ['update', 'PATCH', (u: string) => `/${u}`, { set: { name: 'Changed While Down' } }],
    ['delete', 'DELETE', (u: string) => `/${u}`, undefined],
  ] as const)(
    '%s answers 503 AUDIT_UNAVAILABLE with Retry-After and leaves Cognito as it was',
    async (_a, method, path, body) => {
      const before = await cognitoUser(local, victim);
      const res = await local.call('admin', method, `${users()}${path(victim)}`, body);
      expect(res).toMatchObject({ status: 503, body: { code: 'AUDIT_UNAVAILABLE' } });
      expect(res.body!.message).toMatch(/audit log/i);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await cognitoUser(local, victim)).toEqual(before);
    },
  );

  it('create answers 503 and no user is created', async () => {
    const name = `audit-down-${Date.now()}`;
    const res = await local.call('admin', 'POST', users(), { username: name, reason: 'audit down' });
    expect(res).toMatchObject({ status: 503, body: { code: 'AUDIT_UNAVAILABLE' } });
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await cognitoUser(local, name)).toEqual({ missing: 'UserNotFoundException' });
  });

  it('reading users still works; reading the audit log is 503 AUDIT_UNAVAILABLE too', async () => {
    expect((await local.call('support', 'GET', `${users()}/${victim}`)).status).toBe(200);
    const audit = await local.call('auditor', 'GET', '/api/audit-events');
    expect(audit).toMatchObject({ status: 503, body: { code: 'AUDIT_UNAVAILABLE' } });
    expect(audit.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
