import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { defaultMigrationsDir, readMigrations, type MigrationFile } from './migration-files';

export interface MigrateOptions {
  /** Default: `prisma/migrations` of the repository this module lives in. */
  migrationsDir?: string;
}

export interface MigrateResult {
  /** Names of the migrations applied by this call, in order. */
  applied: string[];
}

/** The advisory lock id Prisma Migrate takes, so we also exclude a concurrent `prisma migrate deploy`. */
export const PRISMA_MIGRATE_LOCK_ID = 72707369;

/** Prisma's own DDL for its history table (schema-engine, PostgreSQL flavour). */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies the committed Prisma migrations that are not yet recorded, without Prisma's native engine.
 * Each file runs as one simple-protocol query inside its own transaction together with its
 * `_prisma_migrations` row, so a failing migration leaves nothing behind; `prisma migrate deploy`
 * afterwards sees the same history ("No pending migrations to apply").
 */
export async function migrateDatabase(
  databaseUrl: string,
  options: MigrateOptions = {},
): Promise<MigrateResult> {
  const migrations = await readMigrations(options.migrationsDir ?? defaultMigrationsDir());
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'poolkeeper-migrate' });
  client.on('error', () => undefined); // a dropped connection surfaces as a rejected query below
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK_ID]);
    try {
      const exists = await client.query(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`);
      if (!exists.rows[0]?.present) await client.query(CREATE_MIGRATIONS_TABLE);
      const applied = await appliedMigrations(client);
      const pending = migrations.filter((m) => {
        const done = applied.get(m.name);
        if (!done) return true;
        if (done.checksum !== m.checksum) {
          throw new Error(
            `Migration ${m.name} was already applied but its migration.sql has changed since ` +
              `(recorded checksum ${done.checksum}, file checksum ${m.checksum}). ` +
              `Applied migrations must not be edited: restore the file and add a new migration instead.`,
          );
        }
        return false;
      });
      const result: string[] = [];
      for (const migration of pending) {
        await applyOne(client, migration);
        result.push(migration.name);
      }
      return { applied: result };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK_ID]).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}

async function appliedMigrations(client: pg.Client): Promise<Map<string, AppliedRow>> {
  const { rows } = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
  );
  const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
  if (failed) {
    throw new Error(
      `Migration ${failed.migration_name} is recorded as failed in _prisma_migrations (started, never finished). ` +
        `Resolve it first, e.g. \`prisma migrate resolve --rolled-back ${failed.migration_name}\`.`,
    );
  }
  const applied = new Map<string, AppliedRow>();
  for (const row of rows)
    if (row.finished_at !== null && row.rolled_back_at === null) applied.set(row.migration_name, row);
  return applied;
}

async function applyOne(client: pg.Client, migration: MigrationFile): Promise<void> {
  await client.query('BEGIN');
  try {
    const startedAt = await client.query<{ now: Date }>('SELECT clock_timestamp() AS now');
    // No parameters: node-postgres sends the whole file as one simple-protocol query, so `;` inside
    // string literals and $$ bodies is fine, and it all belongs to this transaction.
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations"
         (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES ($1, $2, clock_timestamp(), $3, NULL, NULL, $4, 1)`,
      [randomUUID(), migration.checksum, migration.name, startedAt.rows[0]?.now],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${migration.name} failed and was rolled back (nothing applied): ${message}`, {
      cause: error,
    });
  }
}
