import pg from 'pg';

/**
 * The two database roles poolkeeper uses. Migrations run as the owner role, which owns every object; the API
 * serves as a role that may only do what SERVING_TABLE_PRIVILEGES lists, so a bug or an injected statement on
 * the serving connection cannot switch off the audit log's append-only triggers (only a table's owner or a
 * superuser can disable or drop a trigger, and only a superuser can set `session_replication_role`).
 */
export const OWNER_ROLE = 'poolkeeper_owner';
export const SERVING_ROLE = 'poolkeeper_app';

/** The schema Prisma's client reads and writes (no `?schema=` in our URLs). */
export const APP_SCHEMA = 'public';

/**
 * Everything the serving role may do, table by table: the one list of its privileges. A table that a later
 * migration adds and the API must use gets its line here; tables not listed are not readable by the API.
 * Sequences behind a listed table's serial/identity columns get USAGE when the table gets INSERT.
 * Reading `_prisma_migrations` lets the API start with the serving role alone (DATABASE_URL only) when the
 * migrations were applied by someone else (`prisma migrate deploy` as the owner): it finds nothing to do.
 */
export const SERVING_TABLE_PRIVILEGES: Readonly<Record<string, readonly ('SELECT' | 'INSERT')[]>> = {
  audit_events: ['SELECT', 'INSERT'],
  _prisma_migrations: ['SELECT'],
};

/** Role attributes of both roles: nothing beyond logging in. */
const PLAIN_ROLE = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT';

export interface EmbeddedRolePasswords {
  owner: string;
  serving: string;
}

/**
 * Embedded mode, as the superuser connected to the app's database: creates (or resets) the owner and serving
 * roles, makes the owner own the database and every object in it (a cluster made by an earlier poolkeeper has
 * them owned by the superuser), and limits the database to CONNECT for the serving role. Idempotent: it runs
 * on every start, in one transaction.
 */
export async function provisionEmbeddedRoles(
  superuserUrl: string,
  passwords: EmbeddedRolePasswords,
): Promise<void> {
  const client = new pg.Client({ connectionString: superuserUrl, application_name: 'poolkeeper-provision' });
  client.on('error', () => undefined); // surfaced by the awaited queries
  await client.connect();
  const id = (name: string) => client.escapeIdentifier(name);
  try {
    await client.query('BEGIN');
    for (const [role, password] of [
      [OWNER_ROLE, passwords.owner],
      [SERVING_ROLE, passwords.serving],
    ] as const) {
      const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const verb = exists.rowCount ? 'ALTER' : 'CREATE';
      await client.query(
        `${verb} ROLE ${id(role)} WITH ${PLAIN_ROLE} PASSWORD ${client.escapeLiteral(password)}`,
      );
      // No role is a member of another: SET ROLE to the owner must be impossible for the serving role.
      const memberships = await client.query<{ parent: string }>(
        `SELECT p.rolname AS parent FROM pg_auth_members m
           JOIN pg_roles p ON p.oid = m.roleid JOIN pg_roles r ON r.oid = m.member
          WHERE r.rolname = $1`,
        [role],
      );
      for (const { parent } of memberships.rows) await client.query(`REVOKE ${id(parent)} FROM ${id(role)}`);
    }
    const database = id(
      ((await client.query('SELECT current_database() AS db')).rows[0] as { db: string }).db,
    );
    await client.query(`ALTER DATABASE ${database} OWNER TO ${id(OWNER_ROLE)}`);
    await client.query(`REVOKE ALL ON DATABASE ${database} FROM PUBLIC`);
    await client.query(`GRANT CONNECT ON DATABASE ${database} TO ${id(SERVING_ROLE)}`);
    await giveObjectsTo(client, OWNER_ROLE);
    // PostgreSQL 15+ gives PUBLIC no CREATE on `public`; make sure nobody granted it since.
    await client.query(`REVOKE CREATE ON SCHEMA ${id(APP_SCHEMA)} FROM PUBLIC, ${id(SERVING_ROLE)}`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new Error(`Could not set up the database roles: ${(error as Error).message}`, { cause: error });
  } finally {
    await client.end();
  }
}

/**
 * Every schema, table, view, sequence, function and type outside the system schemas that `owner` does not own
 * is given to it (indexes, triggers and column sequences follow their table; extension members stay).
 */
async function giveObjectsTo(client: pg.Client, owner: string): Promise<void> {
  const { rows } = await client.query<{ statement: string }>(
    `WITH target AS (SELECT oid FROM pg_roles WHERE rolname = $1),
          user_schema AS (
            SELECT oid, nspname, nspowner FROM pg_namespace
             WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'),
          from_extension AS (SELECT objid FROM pg_depend WHERE deptype = 'e')
     SELECT format('ALTER SCHEMA %I OWNER TO %I', s.nspname, $1) AS statement
       FROM user_schema s
      WHERE s.nspowner NOT IN (SELECT oid FROM target UNION SELECT 'pg_database_owner'::regrole::oid)
        AND s.oid NOT IN (SELECT objid FROM from_extension)
     UNION ALL
     SELECT format('ALTER %s %s OWNER TO %I',
              CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
                             WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'c' THEN 'TYPE' ELSE 'TABLE' END,
              CASE c.relkind WHEN 'c' THEN c.reltype::regtype::text ELSE c.oid::regclass::text END, $1)
       FROM pg_class c JOIN user_schema s ON s.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'c')
        AND c.relowner <> (SELECT oid FROM target)
        AND c.oid NOT IN (SELECT objid FROM from_extension)
        AND NOT (c.relkind = 'S' AND EXISTS (
              SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                 AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')))
     UNION ALL
     SELECT format('ALTER %s %s OWNER TO %I',
              CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END,
              p.oid::regprocedure, $1)
       FROM pg_proc p JOIN user_schema s ON s.oid = p.pronamespace
      WHERE p.proowner <> (SELECT oid FROM target) AND p.oid NOT IN (SELECT objid FROM from_extension)
     UNION ALL
     SELECT format('ALTER %s %s OWNER TO %I', CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END,
              t.oid::regtype, $1)
       FROM pg_type t JOIN user_schema s ON s.oid = t.typnamespace
      WHERE t.typtype IN ('e', 'd', 'r')
        AND t.typowner <> (SELECT oid FROM target) AND t.oid NOT IN (SELECT objid FROM from_extension)`,
    [owner],
  );
  for (const { statement } of rows) await client.query(statement);
}
