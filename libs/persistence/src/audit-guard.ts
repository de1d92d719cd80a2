import { APP_SCHEMA } from './database-roles';

/** Whether the serving connection could get round the append-only triggers of `audit_events`. */
export interface AuditGuardReport {
  /** The role the store connects as. */
  role: string;
  /** True when none of `weaknesses` applies. */
  enforced: boolean;
  /** Each way this role could change or remove audit rows, in words; empty when enforced. */
  weaknesses: string[];
}

/** Runs one query on the serving connection and returns its rows (the store's Prisma client or a pg client). */
export type QueryRows = (sql: string) => Promise<Record<string, unknown>[]>;

/**
 * Each check is a way round the triggers: a superuser may `SET session_replication_role = replica` (so would a
 * role granted SET on that parameter); an owner of the table, its schema or database (or a member of one) may
 * disable, drop or recreate it; UPDATE/DELETE/TRUNCATE/TRIGGER privileges are the ones the triggers stand
 * behind; CREATEROLE could grant itself more; server-program and server-file roles reach the data files.
 */
const CHECKS: readonly [column: string, weakness: string][] = [
  ['superuser', 'is a superuser (or a member of one): may SET session_replication_role = replica'],
  ['set_replication_role', 'may SET session_replication_role'],
  ['owns_table', 'owns audit_events (or is a member of its owner): may disable or drop its triggers'],
  ['owns_schema', 'owns the schema of audit_events: may drop and recreate the table'],
  ['owns_database', 'owns the database: owns its public schema and may drop it'],
  ['can_update', 'has UPDATE on audit_events'],
  ['can_delete', 'has DELETE on audit_events'],
  ['can_truncate', 'has TRUNCATE on audit_events'],
  ['can_trigger', 'has TRIGGER on audit_events'],
  ['createrole', 'has CREATEROLE: may grant itself other roles'],
  [
    'server_files',
    'may run server programs or write server files (pg_execute_server_program, pg_write_server_files)',
  ],
];

const table = `'${APP_SCHEMA}.audit_events'::regclass`;

function guardQuery(serverVersion: number): string {
  // has_parameter_privilege exists from PostgreSQL 15; before it only superusers could set the parameter.
  const setParam =
    serverVersion >= 150000 ? `has_parameter_privilege('session_replication_role', 'SET')` : 'false';
  return `SELECT r.rolname AS role,
      EXISTS (SELECT 1 FROM pg_roles s WHERE s.rolsuper AND pg_has_role(r.oid, s.oid, 'MEMBER')) AS superuser,
      ${setParam} AS set_replication_role,
      pg_has_role(r.oid, c.relowner, 'MEMBER') AS owns_table,
      pg_has_role(r.oid, n.nspowner, 'MEMBER') AS owns_schema,
      pg_has_role(r.oid, d.datdba, 'MEMBER') AS owns_database,
      has_table_privilege(r.oid, c.oid, 'UPDATE') AS can_update,
      has_table_privilege(r.oid, c.oid, 'DELETE') AS can_delete,
      has_table_privilege(r.oid, c.oid, 'TRUNCATE') AS can_truncate,
      has_table_privilege(r.oid, c.oid, 'TRIGGER') AS can_trigger,
      r.rolcreaterole AS createrole,
      (pg_has_role(r.oid, 'pg_execute_server_program', 'MEMBER')
        OR pg_has_role(r.oid, 'pg_write_server_files', 'MEMBER')) AS server_files
    FROM pg_roles r, pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace,
         pg_database d
   WHERE r.rolname = current_user AND c.oid = ${table} AND d.datname = current_database()`;
}

/** Inspects the role behind `query` (run it on the serving connection itself). */
export async function inspectAuditGuard(query: QueryRows): Promise<AuditGuardReport> {
  const [version] = await query(`SELECT current_setting('server_version_num')::int AS v`);
  const [row] = await query(guardQuery(Number(version?.['v'] ?? 0)));
  if (!row) throw new Error('audit guard check returned no row');
  const weaknesses = CHECKS.filter(([column]) => row[column] === true).map(([, text]) => text);
  return { role: String(row['role']), enforced: weaknesses.length === 0, weaknesses };
}
