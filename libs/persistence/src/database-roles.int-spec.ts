import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createAuditStore,
  defaultMigrationsDir,
  migrateDatabase,
  prepareDatabase,
  runSql,
  startEmbeddedPostgres,
} from './index';
import type { AuditRecordInput, RunningPostgres } from './types';

const dataDir = mkdtempSync(join(tmpdir(), 'pk-db-roles-'));
let server: RunningPostgres;

const admin = <T extends Record<string, unknown>>(text: string) => runSql<T>(server.url, text);

const event = (action: string): AuditRecordInput => ({
  correlationId: randomUUID(),
  outcome: 'attempted',
  // Marker actions only this spec writes: the store keeps whatever it is given.
  action: action as AuditRecordInput['action'],
  poolId: null,
  targets: [],
  actor: { kind: 'operator', sub: 's', username: 'alice', roles: ['admin'], ip: null, userAgent: null },
  reason: null,
  request: {},
});

async function owners(): Promise<Record<string, string>> {
  const rows = await admin<{ name: string; owner: string }>(
    `SELECT c.relname AS name, pg_get_userbyid(c.relowner) AS owner FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'S')
     UNION ALL SELECT p.proname, pg_get_userbyid(p.proowner) FROM pg_proc p
      WHERE p.pronamespace = 'public'::regnamespace
     UNION ALL SELECT 'database ' || datname, pg_get_userbyid(datdba) FROM pg_database
      WHERE datname = current_database()`,
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.owner]));
}

beforeAll(async () => {
  server = await startEmbeddedPostgres({ dataDir });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('embedded roles', () => {
  it('upgrades a cluster made before the roles existed: the superuser owned everything', async () => {
    // Turn this cluster into what earlier poolkeeper left behind: no roles, no role passwords, the
    // superuser owning the database and, after migrating as the superuser, every table.
    await admin(`ALTER DATABASE poolkeeper OWNER TO postgres`);
    await admin(`REVOKE ALL ON DATABASE poolkeeper FROM poolkeeper_app`);
    await admin(`GRANT CONNECT, TEMPORARY ON DATABASE poolkeeper TO PUBLIC`);
    await admin(`DROP ROLE poolkeeper_app`);
    await admin(`DROP ROLE poolkeeper_owner`);
    rmSync(join(dataDir, 'owner-password'));
    rmSync(join(dataDir, 'app-password'));
    await migrateDatabase(server.url);
    const old = createAuditStore(server.url);
    const kept = await old.record(event('before.upgrade'));
    await old.close();
    expect(await owners()).toMatchObject({ audit_events: 'postgres', 'database poolkeeper': 'postgres' });
    await server.stop();

    server = await startEmbeddedPostgres({ dataDir });
    const everything = await owners();
    expect(Object.keys(everything)).toEqual(
      expect.arrayContaining(['audit_events', '_prisma_migrations', 'audit_events_sequence_seq']),
    );
    for (const [name, owner] of Object.entries(everything))
      expect([name, owner]).toEqual([name, 'poolkeeper_owner']);
    for (const file of ['owner-password', 'app-password']) {
      expect(statSync(join(dataDir, file)).mode & 0o777).toBe(0o600);
    }

    expect(await prepareDatabase(server)).toMatchObject({ grantedTo: 'poolkeeper_app' });
    const store = createAuditStore(server.servingUrl);
    try {
      await store.record(event('after.upgrade'));
      const { items } = await store.list({ limit: 10 });
      expect(items.map((i) => i.action)).toEqual(['after.upgrade', 'before.upgrade']);
      expect(items[1]).toEqual(kept);
      expect(await store.auditGuard()).toMatchObject({ enforced: true });
    } finally {
      await store.close();
    }
  }, 60_000);

  it('is idempotent across restarts: same passwords, same grants; a lost role password is replaced', async () => {
    const password = readFileSync(join(dataDir, 'app-password'), 'utf8');
    const credentials = (url: string) => url.split('@')[0];
    const { servingUrl } = server;
    await server.stop();
    server = await startEmbeddedPostgres({ dataDir });
    expect(credentials(server.servingUrl)).toBe(credentials(servingUrl));
    expect(readFileSync(join(dataDir, 'app-password'), 'utf8')).toBe(password);
    expect(await prepareDatabase(server)).toEqual({
      applied: [],
      grantedTo: 'poolkeeper_app',
      backfilled: 0,
    });

    rmSync(join(dataDir, 'app-password'));
    await server.stop();
    server = await startEmbeddedPostgres({ dataDir });
    expect(existsSync(join(dataDir, 'app-password'))).toBe(true);
    expect(credentials(server.servingUrl)).not.toBe(credentials(servingUrl));
    const oldPassword = `${credentials(servingUrl)}@${server.servingUrl.split('@')[1]}`;
    await expect(runSql(oldPassword, 'SELECT 1')).rejects.toThrow(/password authentication failed/);
    expect(await runSql(server.servingUrl, 'SELECT count(*)::int AS n FROM audit_events')).toEqual([
      { n: 2 },
    ]);
  }, 60_000);

  it('takes back, on every prepare, privileges granted to the serving role by hand', async () => {
    await admin(`GRANT UPDATE, DELETE, TRUNCATE, TRIGGER ON audit_events TO poolkeeper_app`);
    await admin(`GRANT ALL ON _prisma_migrations TO PUBLIC`);
    const store = createAuditStore(server.servingUrl);
    try {
      expect((await store.auditGuard()).weaknesses).toEqual([
        'has UPDATE on audit_events',
        'has DELETE on audit_events',
        'has TRUNCATE on audit_events',
        'has TRIGGER on audit_events',
      ]);
      await prepareDatabase(server);
      expect(await store.auditGuard()).toEqual({ role: 'poolkeeper_app', enforced: true, weaknesses: [] });
      await expect(runSql(server.servingUrl, 'DELETE FROM _prisma_migrations')).rejects.toThrow(
        /permission denied/,
      );
    } finally {
      await store.close();
    }
  });
});

describe('migrating as the serving role (DATABASE_URL alone, migrations applied by the owner)', () => {
  it('finds nothing to do when up to date, and cannot apply a pending migration', async () => {
    expect(await migrateDatabase(server.servingUrl)).toEqual({ applied: [] });
    const dir = mkdtempSync(join(tmpdir(), 'pk-db-roles-migrations-'));
    try {
      cpSync(defaultMigrationsDir(), dir, { recursive: true });
      mkdirSync(join(dir, '29991231000000_pending'));
      writeFileSync(join(dir, '29991231000000_pending', 'migration.sql'), 'CREATE TABLE pending (n int);');
      await expect(migrateDatabase(server.servingUrl, { migrationsDir: dir })).rejects.toThrow(
        /29991231000000_pending failed.*permission denied for schema public/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('AuditStore.auditGuard and ping', () => {
  it('reports a superuser, and the owner, as weak, naming why', async () => {
    const asSuperuser = createAuditStore(server.url);
    const asOwner = createAuditStore(server.migrationUrl);
    try {
      const superuser = await asSuperuser.auditGuard();
      expect(superuser).toMatchObject({ role: 'postgres', enforced: false });
      expect(superuser.weaknesses[0]).toMatch(/superuser.*session_replication_role/);
      expect(await asOwner.auditGuard()).toEqual({
        role: 'poolkeeper_owner',
        enforced: false,
        weaknesses: [
          'owns audit_events (or is a member of its owner): may disable or drop its triggers',
          'owns the schema of audit_events: may drop and recreate the table',
          'owns the database: owns its public schema and may drop it',
          'has UPDATE on audit_events',
          'has DELETE on audit_events',
          'has TRUNCATE on audit_events',
          'has TRIGGER on audit_events',
        ],
      });
    } finally {
      await asSuperuser.close();
      await asOwner.close();
    }
  });

  it('ping is false when the serving role lost SELECT or INSERT, or the table is gone; true again after', async () => {
    const store = createAuditStore(server.servingUrl);
    try {
      expect(await store.ping()).toBe(true);
      await runSql(server.migrationUrl, 'REVOKE SELECT ON audit_events FROM poolkeeper_app');
      expect(await store.ping()).toBe(false);
      await runSql(server.migrationUrl, 'GRANT SELECT ON audit_events TO poolkeeper_app');
      expect(await store.ping()).toBe(true);
      await runSql(server.migrationUrl, 'REVOKE INSERT ON audit_events FROM poolkeeper_app');
      expect(await store.ping()).toBe(false);
      await runSql(server.migrationUrl, 'GRANT INSERT ON audit_events TO poolkeeper_app');
      await runSql(server.migrationUrl, 'ALTER TABLE audit_events RENAME TO audit_events_away');
      expect(await store.ping()).toBe(false);
      await expect(store.auditGuard()).rejects.toThrow(/audit_events/);
      await runSql(server.migrationUrl, 'ALTER TABLE audit_events_away RENAME TO audit_events');
      expect(await store.ping()).toBe(true);
    } finally {
      await store.close();
    }
  });
});
