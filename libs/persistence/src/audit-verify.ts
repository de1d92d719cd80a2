import type { AuditChainHead, AuditVerifyResult, ChainedAuditEvent } from '@poolkeeper/contract';
import type pg from 'pg';
import { GENESIS_HASH, chainBreak } from './audit-chain';
import { AUDIT_COLUMNS, type AuditSqlRow, fromSqlRow } from './audit-rows';

const BATCH = 5000;

type Queryable = Pick<pg.Pool, 'query'>;

/** The newest event's place in the chain, or null when the log is empty. */
export async function readChainHead(db: Queryable): Promise<AuditChainHead | null> {
  const { rows } = await db.query<{ sequence: string; hash: string | null; occurred_at: Date }>(
    'SELECT "sequence", "hash", "occurred_at" FROM "audit_events" ORDER BY "sequence" DESC LIMIT 1',
  );
  const row = rows[0];
  return row
    ? { sequence: String(row.sequence), hash: row.hash ?? '', occurredAt: row.occurred_at.toISOString() }
    : null;
}

/** Every event in chain order, in batches of keyset pages (constant memory). */
export async function* chainBatches(db: Queryable, batch = BATCH): AsyncGenerator<ChainedAuditEvent[]> {
  let after = '-1';
  for (;;) {
    const { rows }: { rows: AuditSqlRow[] } = await db.query<AuditSqlRow>(
      `SELECT ${AUDIT_COLUMNS} FROM "audit_events"
        WHERE "sequence" > $1::bigint ORDER BY "sequence" LIMIT ${batch}`,
      [after],
    );
    if (!rows.length) return;
    yield rows.map(fromSqlRow);
    after = String(rows[rows.length - 1]!.sequence);
  }
}

/**
 * Walks the whole chain from the genesis hash: each event's prev_hash must be the hash of the event before it
 * (a removed, inserted or moved event breaks here) and its hash must match its content (an edit breaks here).
 * Reports the first event that does not check.
 */
export async function verifyChain(db: Queryable): Promise<AuditVerifyResult> {
  let prevHash = GENESIS_HASH;
  let count = 0;
  let head: AuditChainHead | null = null;
  for await (const events of chainBatches(db)) {
    for (const event of events) {
      const reason = chainBreak(prevHash, event);
      if (reason) return { ok: false, brokenAt: { sequence: event.sequence, id: event.id }, reason, count };
      prevHash = event.hash;
      count += 1;
      head = { sequence: event.sequence, hash: event.hash, occurredAt: event.occurredAt };
    }
  }
  return { ok: true, count, head };
}
