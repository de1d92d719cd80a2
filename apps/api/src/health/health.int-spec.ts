import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningPostgres, runSql as sql, startEmbeddedPostgres } from '@poolkeeper/persistence';
import { type LocalApi, cognitoUser, startLocalApi } from '../test-support/local-api';

/** The embedded Postgres the API started under `<dir>/postgres`, as one of its roles (passwords beside it). */
async function embeddedUrl(dir: string, user: 'postgres' | 'poolkeeper_owner'): Promise<string> {
  const base = join(dir, 'postgres');
  const file = user === 'postgres' ? 'superuser-password' : 'owner-password';
  const password = (await readFile(join(base, file), 'utf8')).trim();
  const port = (await readFile(join(base, 'pgdata', 'postmaster.pid'), 'utf8')).split('\n')[3]!.trim();
  return `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/poolkeeper`;
}

describe('embedded mode: the API serves as poolkeeper_app and health reads the audit table itself', () => {
  let local: LocalApi;
  let owner: string;
  let victim: string;

  beforeAll(async () => {
    local = await startLocalApi({ demoUsers: 3 });
    owner = await embeddedUrl(local.dir, 'poolkeeper_owner');
    const page = await local.call('admin', 'GET', `/api/pools/${local.pool}/users?status=enabled&limit=1`);
    victim = page.body!.items[0].username as string;
  }, 120_000);

  afterAll(async () => local?.close(), 60_000);

  const health = async () => (await local.call(null, 'GET', '/api/health')).body;
  const disable = () =>
    local.call('admin', 'POST', `/api/pools/${local.pool}/users/${victim}/disable`, { reason: 'health' });

  it('connects to Postgres as the plain serving role, not the superuser that owned the table before', async () => {
    expect(await health()).toEqual({ status: 'ok', database: 'up', auditGuard: 'enforced' });
    const sessions = await sql<{ usename: string; rolsuper: boolean }>(
      await embeddedUrl(local.dir, 'postgres'),
      `SELECT DISTINCT a.usename, r.rolsuper FROM pg_stat_activity a JOIN pg_roles r ON r.oid = a.usesysid
        WHERE a.application_name = 'poolkeeper-api'`,
    );
    expect(sessions).toEqual([{ usename: 'poolkeeper_app', rolsuper: false }]);
  });

  it.each([
    [
      'SELECT is revoked',
      'REVOKE SELECT ON audit_events FROM poolkeeper_app',
      'GRANT SELECT ON audit_events TO poolkeeper_app',
    ],
    [
      'INSERT is revoked',
      'REVOKE INSERT ON audit_events FROM poolkeeper_app',
      'GRANT INSERT ON audit_events TO poolkeeper_app',
    ],
    [
      'the table is gone (renamed)',
      'ALTER TABLE audit_events RENAME TO audit_events_away',
      'ALTER TABLE audit_events_away RENAME TO audit_events',
    ],
  ])(
    'reports the database down while %s, and mutations answer 503 as when offline',
    async (_c, breakIt, fixIt) => {
      const before = await cognitoUser(local, victim);
      await sql(owner, breakIt);
      try {
        expect(await health()).toEqual({ status: 'degraded', database: 'down', auditGuard: 'enforced' });
        const res = await disable();
        expect(res).toMatchObject({ status: 503, body: { code: 'AUDIT_UNAVAILABLE' } });
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(await cognitoUser(local, victim)).toEqual(before);
      } finally {
        await sql(owner, fixIt);
      }
      expect(await health()).toEqual({ status: 'ok', database: 'up', auditGuard: 'enforced' });
    },
  );

  it('works again once the privilege is back', async () => {
    expect((await disable()).status).toBe(204);
    expect((await cognitoUser(local, victim)).Enabled).toBe(false);
  });
});

describe('DATABASE_URL alone, naming the role that owns the tables', () => {
  let dir: string;
  let postgres: RunningPostgres;
  let local: LocalApi;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'poolkeeper-health-owner-'));
    postgres = await startEmbeddedPostgres({ dataDir: join(dir, 'external-postgres') });
    local = await startLocalApi({ databaseUrl: postgres.migrationUrl, demoUsers: 1 });
  }, 120_000);

  afterAll(async () => {
    await local?.close();
    await postgres?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it('migrates with it, serves, and reports the audit guard as weak (still status ok)', async () => {
    expect(await local.call(null, 'GET', '/api/health')).toMatchObject({
      status: 200,
      body: { status: 'ok', database: 'up', auditGuard: 'weak' },
    });
    const [owner] = await sql<{ owner: string }>(
      postgres.url,
      `SELECT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE oid = 'audit_events'::regclass`,
    );
    expect(owner).toEqual({ owner: 'poolkeeper_owner' });
  });
});
