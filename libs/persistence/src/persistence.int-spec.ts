import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { defaultMigrationsDir, migrateDatabase, readMigrations, startEmbeddedPostgres } from './index';
import type { RunningPostgres } from './types';

const root = mkdtempSync(join(tmpdir(), 'pk-persistence-'));
// mkdtemp makes a mode-700 directory: it must be dataDir itself (chowned to `postgres`), not its parent.
const dataDir = mkdtempSync(join(tmpdir(), 'pk-persistence-db-'));
let server: RunningPostgres;

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

function postgresPids(): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => line.includes(dataDir))
    .map((line) => Number.parseInt(line.trim(), 10));
}

beforeAll(async () => {
  server = await startEmbeddedPostgres({ dataDir });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('startEmbeddedPostgres', () => {
  it('explains when the data directory sits under a directory the postgres user cannot enter', async () => {
    // the folder holding the data directory is made traversable; one further up is not touched
    await expect(startEmbeddedPostgres({ dataDir: join(root, 'nested', 'db') })).rejects.toThrow(
      /not reachable by the "postgres" OS user/,
    );
  });

  it('makes the folder that holds the data directory traversable (e.g. a mode-700 mkdtemp folder)', async () => {
    const holder = mkdtempSync(join(tmpdir(), 'pk-persistence-holder-'));
    try {
      const inner = await startEmbeddedPostgres({ dataDir: join(holder, 'postgres') });
      await inner.stop();
      expect(statSync(holder).mode & 0o777).toBe(0o701);
    } finally {
      rmSync(holder, { recursive: true, force: true });
    }
  }, 60_000);

  it('serves the poolkeeper database on 127.0.0.1 with a stored password', async () => {
    expect(server.url).toMatch(/^postgresql:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/poolkeeper$/);
    const [row] = await sql<{ db: string; addr: string }>(
      `SELECT current_database() AS db, current_setting('listen_addresses') AS addr`,
    );
    expect(row).toEqual({ db: 'poolkeeper', addr: '127.0.0.1' });
    const password = readFileSync(join(dataDir, 'superuser-password'), 'utf8').trim();
    expect(server.url).toContain(`:${encodeURIComponent(password)}@`);
  });

  it('restarts over a stale postmaster.pid, keeping data and password, and stop() leaves no process', async () => {
    const firstUrl = server.url;
    await sql('CREATE TABLE IF NOT EXISTS restart_probe (n int)');
    await server.stop();
    expect(postgresPids()).toEqual([]);

    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const taken = (blocker.address() as AddressInfo).port;
    await expect(startEmbeddedPostgres({ dataDir, port: taken })).rejects.toThrow(
      new RegExp(`did not start on 127.0.0.1:${taken}`),
    );
    await new Promise((r) => blocker.close(r));
    expect(postgresPids()).toEqual([]);

    const dead = spawnSync('true').pid; // a process that has already exited
    writeFileSync(
      join(dataDir, 'pgdata', 'postmaster.pid'),
      `${dead}\n${join(dataDir, 'pgdata')}\n0\n5432\n\n\n`,
    );
    server = await startEmbeddedPostgres({ dataDir });
    expect(server.url.split('@')[0]).toBe(firstUrl.split('@')[0]);
    expect(await sql('SELECT n FROM restart_probe')).toEqual([]);
    expect(postgresPids().length).toBeGreaterThan(0);
  }, 60_000);

  it('recovers after the server was killed with SIGKILL', async () => {
    const pidFile = join(dataDir, 'pgdata', 'postmaster.pid');
    const pid = Number.parseInt(readFileSync(pidFile, 'utf8'), 10);
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 300 && postgresPids().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(postgresPids()).toEqual([]);
    expect(existsSync(pidFile)).toBe(true);
    await server.stop(); // already dead: must return, not hang
    server = await startEmbeddedPostgres({ dataDir });
    expect(await sql('SELECT n FROM restart_probe')).toEqual([]);
  }, 60_000);
});

describe('migrateDatabase', () => {
  const migrationsDir = defaultMigrationsDir();

  it('creates audit_events and _prisma_migrations exactly as Prisma would, then is a no-op', async () => {
    const all = (await readMigrations(migrationsDir)).map((m) => m.name);
    expect(all.slice(0, 2)).toEqual(['20261201000000_init', '20261202000000_audit_targets']);
    const first = await migrateDatabase(server.url);
    expect(first.applied).toEqual(all);

    const columns = await sql<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
    }>(
      `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name IN ('audit_events', '_prisma_migrations')
        ORDER BY table_name, ordinal_position`,
    );
    const of = (table: string) =>
      columns
        .filter((c) => c.table_name === table)
        .map((c) => `${c.column_name} ${c.data_type} ${c.is_nullable}`);
    expect(of('_prisma_migrations')).toEqual([
      'id character varying NO',
      'checksum character varying NO',
      'finished_at timestamp with time zone YES',
      'migration_name character varying NO',
      'logs text YES',
      'rolled_back_at timestamp with time zone YES',
      'started_at timestamp with time zone NO',
      'applied_steps_count integer NO',
    ]);
    expect(of('audit_events')).toEqual([
      'id uuid NO',
      'occurred_at timestamp with time zone NO',
      'sequence bigint NO',
      'correlation_id text NO',
      'outcome text NO',
      'action text NO',
      'pool_id text YES',
      'actor_sub text NO',
      'actor_username text NO',
      'actor_roles ARRAY YES',
      'actor_ip text YES',
      'actor_user_agent text YES',
      'reason text YES',
      'request jsonb NO',
      'error_code text YES',
      'error_message text YES',
      'aws_request_id text YES',
      'request_id text YES',
      'actor_kind text NO',
      'targets jsonb NO',
      'hash text YES',
      'prev_hash text YES',
    ]);
    const indexes = await sql<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'audit_events' ORDER BY indexname`,
    );
    expect(indexes.map((i) => i.indexname)).toEqual(
      expect.arrayContaining([
        'audit_events_pkey',
        'audit_events_sequence_key',
        'audit_events_occurred_at_sequence_idx',
        'audit_events_targets_idx',
      ]),
    );

    const file = readFileSync(join(migrationsDir, '20261201000000_init', 'migration.sql'));
    const recorded = await sql<Record<string, unknown>>(
      `SELECT * FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(recorded.map((r) => r['migration_name'])).toEqual(all);
    expect(recorded[0]).toMatchObject({
      migration_name: '20261201000000_init',
      checksum: createHash('sha256').update(file).digest('hex'),
      logs: null,
      rolled_back_at: null,
      applied_steps_count: 1,
    });
    expect(recorded[0]?.['id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(recorded[0]?.['finished_at']).toBeInstanceOf(Date);

    expect(await migrateDatabase(server.url, { migrationsDir })).toEqual({ applied: [] });
    expect(await sql(`SELECT 1 FROM _prisma_migrations`)).toHaveLength(all.length);
  });

  it('serialises concurrent runs with the advisory lock', async () => {
    await sql('CREATE DATABASE concurrent_probe');
    const url = server.url.replace(/\/poolkeeper$/, '/concurrent_probe');
    const results = await Promise.all([migrateDatabase(url), migrateDatabase(url), migrateDatabase(url)]);
    const all = (await readMigrations(migrationsDir)).map((m) => m.name);
    expect(results.flatMap((r) => r.applied)).toEqual(all);
  });

  it('carries the target of events written before the targets migration into targets', async () => {
    await sql('CREATE DATABASE targets_upgrade');
    const url = server.url.replace(/\/poolkeeper$/, '/targets_upgrade');
    const onlyInit = join(root, 'init-only');
    mkdirSync(join(onlyInit, '20261201000000_init'), { recursive: true });
    writeFileSync(
      join(onlyInit, '20261201000000_init', 'migration.sql'),
      readFileSync(join(migrationsDir, '20261201000000_init', 'migration.sql')),
    );
    await migrateDatabase(url, { migrationsDir: onlyInit });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO audit_events (id, correlation_id, outcome, action, target, actor_sub, actor_username, actor_roles, request)
         VALUES (gen_random_uuid(), 'c1', 'attempted', 'user.disable', 'alice', 's', 'u', '{}', '{}'),
                (gen_random_uuid(), 'c2', 'attempted', 'user.disable', NULL, 's', 'u', '{}', '{}')`,
      );
      await migrateDatabase(url);
      const rows = await client.query(
        `SELECT correlation_id, targets, actor_kind FROM audit_events ORDER BY correlation_id`,
      );
      expect(rows.rows).toEqual([
        { correlation_id: 'c1', targets: [{ type: 'user', id: 'alice' }], actor_kind: 'operator' },
        { correlation_id: 'c2', targets: [], actor_kind: 'operator' },
      ]);
      await expect(client.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });

  it('rolls back a failing migration completely and does not record it', async () => {
    const dir = join(root, 'bad-migrations');
    mkdirSync(join(dir, '20261201000000_init'), { recursive: true });
    writeFileSync(
      join(dir, '20261201000000_init', 'migration.sql'),
      readFileSync(join(migrationsDir, '20261201000000_init', 'migration.sql')),
    );
    mkdirSync(join(dir, '20261202000000_broken'));
    writeFileSync(
      join(dir, '20261202000000_broken', 'migration.sql'),
      `CREATE TABLE "half_done" ("note" TEXT DEFAULT 'a;b');\nCREATE TABLEE oops ();\n`,
    );
    await expect(migrateDatabase(server.url, { migrationsDir: dir })).rejects.toThrow(
      /20261202000000_broken failed and was rolled back/,
    );
    expect(await sql(`SELECT to_regclass('half_done') AS t`)).toEqual([{ t: null }]);
    expect(
      await sql(`SELECT 1 FROM _prisma_migrations WHERE migration_name = '20261202000000_broken'`),
    ).toEqual([]);
  });

  it('refuses to run when an applied migration was edited', async () => {
    const dir = join(root, 'edited-migrations');
    mkdirSync(join(dir, '20261201000000_init'), { recursive: true });
    writeFileSync(join(dir, '20261201000000_init', 'migration.sql'), '-- edited\nSELECT 1;\n');
    await expect(migrateDatabase(server.url, { migrationsDir: dir })).rejects.toThrow(
      /20261201000000_init was already applied but its migration.sql has changed/,
    );
  });

  it('makes audit_events append-only at the database level', async () => {
    await sql(
      // a row that continues the hash chain (the chain trigger of migration audit_chain refuses any other)
      `INSERT INTO audit_events (id, sequence, correlation_id, outcome, action, actor_sub, actor_username,
                                 actor_roles, request, prev_hash, hash)
       SELECT gen_random_uuid(), coalesce(max(sequence), 0) + 1, 'c', 'attempted', 'probe', 's', 'u', '{}', '{}',
              coalesce((SELECT hash FROM audit_events ORDER BY sequence DESC LIMIT 1), repeat('0', 64)),
              repeat('a', 64)
         FROM audit_events`,
    );
    await expect(sql(`UPDATE audit_events SET action = 'edited'`)).rejects.toThrow(/append-only: UPDATE/);
    await expect(sql(`DELETE FROM audit_events`)).rejects.toThrow(/append-only: DELETE/);
    await expect(sql(`TRUNCATE audit_events`)).rejects.toThrow(/append-only: TRUNCATE/);
    expect(await sql(`SELECT action FROM audit_events WHERE action = 'probe'`)).toHaveLength(1);
  });
});
