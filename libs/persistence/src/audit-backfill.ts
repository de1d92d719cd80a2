import pg from 'pg';
import { GENESIS_HASH, chainHash } from './audit-chain';
import { AUDIT_COLUMNS, type AuditSqlRow, fromSqlRow } from './audit-rows';
import { AUDIT_CHAIN_LOCK_ID } from './audit-append';

/**
 * As the owner, after the migrations: hashes the rows written before the chain existed (hash IS NULL), in
 * sequence order, continuing from the last hashed row (or the genesis hash). The append-only trigger is
 * disabled for this one transaction only, by the owner, holding the chain lock so no append interleaves — the
 * same pattern as migration audit_targets. Idempotent: nothing to do once every row is hashed. Returns how many
 * rows it hashed.
 */
export async function backfillAuditChain(ownerUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: 'poolkeeper-migrate' });
  client.on('error', () => undefined); // surfaced by the awaited queries
  await client.connect();
  try {
    const pending = await client.query('SELECT 1 FROM "audit_events" WHERE "hash" IS NULL LIMIT 1');
    if (!pending.rowCount) return 0;
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK_ID]);
    const { rows } = await client.query<AuditSqlRow>(
      `SELECT ${AUDIT_COLUMNS} FROM "audit_events" ORDER BY "sequence"`,
    );
    await client.query('ALTER TABLE "audit_events" DISABLE TRIGGER "audit_events_no_update_delete"');
    let prevHash = GENESIS_HASH;
    let hashed = 0;
    for (const row of rows) {
      if (row.hash !== null) {
        prevHash = row.hash; // never rewrites a hashed row: verify judges those
        continue;
      }
      const event = fromSqlRow(row);
      const hash = chainHash(prevHash, event);
      await client.query('UPDATE "audit_events" SET "prev_hash" = $1, "hash" = $2 WHERE "id" = $3', [
        prevHash,
        hash,
        row.id,
      ]);
      prevHash = hash;
      hashed += 1;
    }
    await client.query('ALTER TABLE "audit_events" ENABLE TRIGGER "audit_events_no_update_delete"');
    await client.query('COMMIT');
    return hashed;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new Error(`Could not hash the audit rows written before the chain: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    await client.end();
  }
}
