import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuditStore, prepareDatabase, startEmbeddedPostgres, runSql } from './index';
import type { AuditStore, RunningPostgres } from './types';

/**
 * The API's own database role (the serving URL of embedded mode) attacks the audit log every way a probe did
 * and more: each must fail, and the rows and triggers must be as they were. Recording and listing still work.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'pk-serving-role-'));
let server: RunningPostgres;
let store: AuditStore;
let servingUrl: string;

const serving = <T extends Record<string, unknown>>(text: string) => runSql<T>(servingUrl, text);
const admin = <T extends Record<string, unknown>>(text: string) => runSql<T>(server.url, text);

const actor = {
  kind: 'operator' as const,
  sub: 's-1',
  username: 'alice',
  roles: ['admin'],
  ip: null,
  userAgent: null,
};

beforeAll(async () => {
  server = await startEmbeddedPostgres({ dataDir });
  servingUrl = server.servingUrl;
  await prepareDatabase(server);
  store = createAuditStore(servingUrl);
  for (const outcome of ['attempted', 'succeeded'] as const) {
    await store.record({
      correlationId: randomUUID(),
      outcome,
      action: 'user.disable',
      poolId: 'us-east-1_Pool1',
      targets: [{ type: 'user' as const, id: 'carol' }],
      actor,
      reason: 'ticket 7',
      request: {},
    });
  }
}, 60_000);

afterAll(async () => {
  await store?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the serving role', () => {
  let before: unknown[];

  beforeAll(async () => {
    before = await admin('SELECT * FROM audit_events ORDER BY sequence');
    expect(before).toHaveLength(2);
  });

  it('is a plain role: no superuser, CREATEROLE, CREATEDB, REPLICATION or BYPASSRLS, member of nothing', async () => {
    const [role] = await serving(
      `SELECT rolname, rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls,
              (SELECT count(*)::int FROM pg_auth_members WHERE member = r.oid) AS memberships
         FROM pg_roles r WHERE rolname = current_user`,
    );
    expect(role).toEqual({
      rolname: 'poolkeeper_app',
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolreplication: false,
      rolbypassrls: false,
      memberships: 0,
    });
  });

  it('owns nothing; has SELECT and INSERT on audit_events, USAGE on its sequence, SELECT on the migration history', async () => {
    const owned = await admin(
      `SELECT c.relname FROM pg_class c WHERE c.relowner = 'poolkeeper_app'::regrole
       UNION ALL SELECT p.proname FROM pg_proc p WHERE p.proowner = 'poolkeeper_app'::regrole
       UNION ALL SELECT n.nspname FROM pg_namespace n WHERE n.nspowner = 'poolkeeper_app'::regrole
       UNION ALL SELECT d.datname FROM pg_database d WHERE d.datdba = 'poolkeeper_app'::regrole`,
    );
    expect(owned).toEqual([]);
    const grants = await admin<{ table_name: string; privilege_type: string }>(
      `SELECT table_name, privilege_type FROM information_schema.role_table_grants
        WHERE grantee IN ('poolkeeper_app', 'PUBLIC') AND table_schema = 'public'
        ORDER BY table_name, privilege_type`,
    );
    expect(grants).toEqual([
      { table_name: '_prisma_migrations', privilege_type: 'SELECT' },
      { table_name: 'audit_events', privilege_type: 'INSERT' },
      { table_name: 'audit_events', privilege_type: 'SELECT' },
    ]);
    const [sequence] = await serving<{ usage: boolean; update: boolean }>(
      `SELECT has_sequence_privilege(pg_get_serial_sequence('audit_events', 'sequence'), 'USAGE') AS usage,
              has_sequence_privilege(pg_get_serial_sequence('audit_events', 'sequence'), 'UPDATE') AS update`,
    );
    expect(sequence).toEqual({ usage: true, update: false });
  });

  it('records and lists through the audit store, and its guard check says enforced', async () => {
    const { items } = await store.list({ limit: 10 });
    expect(items.map((i) => i.outcome)).toEqual(['succeeded', 'attempted']);
    expect(await store.ping()).toBe(true);
    expect(await store.auditGuard()).toEqual({ role: 'poolkeeper_app', enforced: true, weaknesses: [] });
  });

  it.each([
    ['UPDATE', `UPDATE audit_events SET action = 'edited'`, /permission denied/],
    ['DELETE', `DELETE FROM audit_events`, /permission denied/],
    ['write the migration history', `DELETE FROM _prisma_migrations`, /permission denied/],
    ['TRUNCATE', `TRUNCATE audit_events`, /permission denied/],
    [
      'DISABLE TRIGGER',
      `ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`,
      /must be owner/,
    ],
    ['DISABLE TRIGGER ALL', `ALTER TABLE audit_events DISABLE TRIGGER ALL`, /must be owner/],
    ['DROP TRIGGER', `DROP TRIGGER audit_events_no_update_delete ON audit_events`, /must be owner/],
    ['DROP FUNCTION', `DROP FUNCTION audit_events_append_only() CASCADE`, /must be owner/],
    ['DROP TABLE', `DROP TABLE audit_events`, /must be owner/],
    ['RENAME TABLE', `ALTER TABLE audit_events RENAME TO audit_events_old`, /must be owner/],
    [
      'session_replication_role = replica, then UPDATE',
      `SET session_replication_role = replica; UPDATE audit_events SET action = 'edited'`,
      /permission denied to set parameter "session_replication_role"/,
    ],
    [
      'SET LOCAL session_replication_role',
      `BEGIN; SET LOCAL session_replication_role = replica; DELETE FROM audit_events; COMMIT`,
      /permission denied to set parameter/,
    ],
    ['CREATE TABLE', `CREATE TABLE public.shadow (n int)`, /permission denied for schema public/],
    [
      'CREATE FUNCTION',
      `CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1'`,
      /permission denied for schema public/,
    ],
    ['CREATE SCHEMA', `CREATE SCHEMA evil`, /permission denied for database/],
    ['CREATE TEMP TABLE', `CREATE TEMP TABLE t (n int)`, /permission denied to create temporary tables/],
    ['ALTER ROLE SUPERUSER', `ALTER ROLE poolkeeper_app SUPERUSER`, /permission denied to alter role/],
    ['ALTER ROLE CREATEROLE', `ALTER ROLE poolkeeper_app CREATEROLE`, /permission denied to alter role/],
    ['ALTER ROLE BYPASSRLS', `ALTER ROLE poolkeeper_app BYPASSRLS`, /permission denied to alter role/],
    ['CREATE ROLE', `CREATE ROLE helper SUPERUSER`, /permission denied to create role/],
    ['GRANT the owner role to itself', `GRANT poolkeeper_owner TO poolkeeper_app`, /permission denied/],
    ['SET ROLE to the owner', `SET ROLE poolkeeper_owner`, /permission denied to set role/],
    ['SET ROLE to the superuser', `SET ROLE postgres`, /permission denied to set role/],
    ['SET SESSION AUTHORIZATION', `SET SESSION AUTHORIZATION postgres`, /permission denied/],
    ['COPY FROM PROGRAM', `COPY audit_events FROM PROGRAM 'true'`, /permission denied to COPY/],
    ['COPY TO PROGRAM', `COPY audit_events TO PROGRAM 'cat > /dev/null'`, /permission denied to COPY/],
    ['COPY FROM a server file', `COPY audit_events FROM '/etc/hostname'`, /permission denied to COPY/],
    ['COPY TO a server file', `COPY audit_events TO '/tmp/pk-audit-copy'`, /permission denied to COPY/],
    ['ALTER DATABASE', `ALTER DATABASE poolkeeper OWNER TO poolkeeper_app`, /must be owner/],
    ['DROP DATABASE', `DROP DATABASE poolkeeper`, /must be owner|cannot drop the currently open/],
    ['ALTER SYSTEM', `ALTER SYSTEM SET session_replication_role = replica`, /permission denied/],
    // the hash chain (migration audit_chain): its order, its trigger, and rows that do not continue it
    [
      'setval the sequence to rewrite the order',
      `SELECT setval(pg_get_serial_sequence('audit_events', 'sequence'), 1)`,
      /permission denied for sequence/,
    ],
    ['ALTER SEQUENCE … RESTART', `ALTER SEQUENCE audit_events_sequence_seq RESTART WITH 1`, /must be owner/],
    [
      'DISABLE the chain trigger',
      `ALTER TABLE audit_events DISABLE TRIGGER audit_events_chain`,
      /must be owner/,
    ],
    ['DROP the chain trigger', `DROP TRIGGER audit_events_chain ON audit_events`, /must be owner/],
    ['DROP the chain function', `DROP FUNCTION audit_events_chain_append() CASCADE`, /must be owner/],
    [
      'replace the chain function',
      `CREATE OR REPLACE FUNCTION audit_events_chain_append() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'`,
      /must be owner|permission denied/,
    ],
    [
      'insert a row that forks the chain (wrong prev_hash)',
      `INSERT INTO audit_events (id, sequence, correlation_id, outcome, action, actor_sub, actor_username, request,
         prev_hash, hash)
       SELECT gen_random_uuid(), max(sequence) + 1, 'c', 'succeeded', 'user.disable', 's', 'mallory', '{}',
              repeat('1', 64), repeat('2', 64) FROM audit_events`,
      /does not continue the chain/,
    ],
    [
      'insert a row that reuses the head sequence',
      `INSERT INTO audit_events (id, sequence, correlation_id, outcome, action, actor_sub, actor_username, request,
         prev_hash, hash)
       SELECT gen_random_uuid(), sequence, 'c', 'succeeded', 'user.disable', 's', 'mallory', '{}', hash, repeat('2', 64)
         FROM audit_events ORDER BY sequence DESC LIMIT 1`,
      /sequence must be/,
    ],
    [
      'insert a row without a hash',
      `INSERT INTO audit_events (id, sequence, correlation_id, outcome, action, actor_sub, actor_username, request)
       VALUES (gen_random_uuid(), 999, 'c', 'succeeded', 'user.disable', 's', 'mallory', '{}')`,
      /hash must be/,
    ],
    [
      'INSERT … ON CONFLICT DO UPDATE',
      `INSERT INTO audit_events (id, correlation_id, outcome, action, actor_sub, actor_username, request)
       SELECT id, 'c', 'x', 'x', 's', 'u', '{}' FROM audit_events LIMIT 1
       ON CONFLICT (id) DO UPDATE SET action = 'edited'`,
      /permission denied/,
    ],
    ['lock rows FOR UPDATE', `SELECT * FROM audit_events FOR UPDATE`, /permission denied/],
    [
      'LOCK TABLE … ACCESS EXCLUSIVE',
      `BEGIN; LOCK TABLE audit_events IN ACCESS EXCLUSIVE MODE; COMMIT`,
      /permission denied/,
    ],
    [
      'CREATE TRIGGER on audit_events',
      `CREATE TRIGGER t BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`,
      /must be owner|permission denied/,
    ],
    [
      'CREATE RULE on audit_events',
      `CREATE RULE r AS ON INSERT TO audit_events DO INSTEAD NOTHING`,
      /must be owner/,
    ],
    ['ENABLE ROW LEVEL SECURITY', `ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY`, /must be owner/],
    ['ALTER COLUMN', `ALTER TABLE audit_events ALTER COLUMN action TYPE varchar(3)`, /must be owner/],
    ['DROP COLUMN', `ALTER TABLE audit_events DROP COLUMN hash`, /must be owner/],
    ['CLUSTER', `CLUSTER audit_events USING audit_events_pkey`, /must be owner|permission denied/],
  ])('cannot %s', async (_name, statement, error) => {
    await expect(serving(statement)).rejects.toThrow(error);
  });

  it('cannot GRANT itself more (nothing is granted)', async () => {
    // A role without grant options gets a warning, not an error, and nothing is granted.
    await serving('GRANT UPDATE, DELETE, TRUNCATE, TRIGGER ON audit_events TO poolkeeper_app').catch(
      () => undefined,
    );
    await serving('GRANT ALL ON audit_events TO PUBLIC').catch(() => undefined);
    const [privileges] = await admin(
      `SELECT has_table_privilege('poolkeeper_app', 'audit_events', 'UPDATE') AS update,
              has_table_privilege('poolkeeper_app', 'audit_events', 'DELETE') AS delete,
              has_table_privilege('poolkeeper_app', 'audit_events', 'TRUNCATE') AS truncate,
              has_table_privilege('poolkeeper_app', 'audit_events', 'TRIGGER') AS trigger`,
    );
    expect(privileges).toEqual({ update: false, delete: false, truncate: false, trigger: false });
    await expect(serving(`UPDATE audit_events SET action = 'edited'`)).rejects.toThrow(/permission denied/);
  });

  it('leaves every row and every trigger as they were, whatever was tried', async () => {
    expect(await admin('SELECT * FROM audit_events ORDER BY sequence')).toEqual(before);
    const triggers = await admin<{ name: string; enabled: string }>(
      `SELECT tgname AS name, tgenabled AS enabled FROM pg_trigger
        WHERE tgrelid = 'audit_events'::regclass AND NOT tgisinternal ORDER BY tgname`,
    );
    expect(triggers).toEqual([
      { name: 'audit_events_chain', enabled: 'O' },
      { name: 'audit_events_no_truncate', enabled: 'O' },
      { name: 'audit_events_no_update_delete', enabled: 'O' },
    ]);
  });
});
