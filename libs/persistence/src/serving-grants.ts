import pg from 'pg';
import { APP_SCHEMA, SERVING_TABLE_PRIVILEGES } from './database-roles';
import { migrateDatabase, type MigrateOptions } from './migrate';
import { backfillAuditChain } from './audit-backfill';

export interface DatabaseUrls {
  /** Runs migrations and grants: the owner of the schema's objects. */
  migrationUrl: string;
  /** What the API serves with (DATABASE_URL). */
  servingUrl: string;
}

export interface PrepareResult {
  /** Migrations applied by this call. */
  applied: string[];
  /** The serving role the grants went to; null when it is the migration role itself (nothing to grant). */
  grantedTo: string | null;
  /** Rows from before the hash chain that this call hashed (README "Audit log integrity"). */
  backfilled: number;
}

/**
 * Start-up order: migrate as the owner, hash the rows written before the chain existed (as the owner), then give
 * the serving role exactly its privileges.
 */
export async function prepareDatabase(
  urls: DatabaseUrls,
  options: MigrateOptions = {},
): Promise<PrepareResult> {
  const { applied } = await migrateDatabase(urls.migrationUrl, options);
  const backfilled = await backfillAuditChain(urls.migrationUrl);
  const grantedTo = await grantServingRole(urls);
  return { applied, grantedTo, backfilled };
}

/**
 * As the migration role (after migrations): every table and sequence of the app schema that it owns is
 * stripped of whatever it had granted to the serving role or PUBLIC, then the serving role gets exactly
 * SERVING_TABLE_PRIVILEGES (plus USAGE on the sequences of its INSERT tables). Runs on every start, in one
 * transaction, so a migration that recreates a table, or a grant added by hand, does not linger.
 * Returns the serving role's name, or null when both URLs log in as the same role.
 */
export async function grantServingRole(urls: DatabaseUrls): Promise<string | null> {
  const serving = await currentUser(urls.servingUrl);
  const client = new pg.Client({
    connectionString: urls.migrationUrl,
    application_name: 'poolkeeper-migrate',
  });
  client.on('error', () => undefined); // surfaced by the awaited queries
  await client.connect();
  const id = (name: string) => client.escapeIdentifier(name);
  try {
    const { rows: who } = await client.query<{ name: string }>('SELECT current_user AS name');
    if (who[0]?.name === serving) return null;
    await client.query('BEGIN');
    const owned = await client.query<{ name: string; kind: string }>(
      `SELECT c.relname AS name, CASE c.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
          AND pg_has_role(current_user, c.relowner, 'USAGE')`,
      [APP_SCHEMA],
    );
    for (const { name, kind } of owned.rows) {
      await client.query(`REVOKE ALL ON ${kind} ${id(APP_SCHEMA)}.${id(name)} FROM PUBLIC, ${id(serving)}`);
    }
    for (const [table, privileges] of Object.entries(SERVING_TABLE_PRIVILEGES)) {
      const qualified = `${id(APP_SCHEMA)}.${id(table)}`;
      await client.query(`GRANT ${privileges.join(', ')} ON TABLE ${qualified} TO ${id(serving)}`);
      if (!privileges.includes('INSERT')) continue;
      const sequences = await client.query<{ name: string }>(
        `SELECT d.objid::regclass::text AS name FROM pg_depend d JOIN pg_class s ON s.oid = d.objid
          WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
            AND d.refobjid = $1::regclass AND d.deptype IN ('a', 'i') AND s.relkind = 'S'`,
        [qualified],
      );
      for (const { name } of sequences.rows) {
        await client.query(`GRANT USAGE ON SEQUENCE ${name} TO ${id(serving)}`);
      }
    }
    await client.query('COMMIT');
    return serving;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new Error(
      `Could not grant the serving role ${JSON.stringify(serving)} its privileges as the migration role ` +
        `(it must own the tables: run the migrations with it): ${(error as Error).message}`,
      { cause: error },
    );
  } finally {
    await client.end();
  }
}

async function currentUser(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, application_name: 'poolkeeper-migrate' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>('SELECT current_user AS name');
    return rows[0]!.name;
  } finally {
    await client.end();
  }
}
