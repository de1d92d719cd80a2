import type { AuditEvent } from '@poolkeeper/contract';
import type pg from 'pg';
import { AUDIT_COLUMNS, type AuditSqlRow, fromSqlRow } from './audit-rows';

/** An attempt with no outcome, with its place in the chain (the reconciler pages on it). */
export type PendingAttempt = AuditEvent & { sequence: string };

export interface PendingAttemptsQuery {
  /** Only attempts after this sequence (what the reconciler already checked); null: from the start. */
  afterSequence: string | null;
  /** Only attempts up to this sequence (the newest event older than the grace period). */
  throughSequence: string;
  limit: number;
}

const ATTEMPT_COLUMNS = AUDIT_COLUMNS.replace(/"(\w+)"/g, 'a."$1"');

/**
 * Attempts in (afterSequence, throughSequence] whose correlation id has no outcome, oldest first. The walk
 * reads attempts only (index on outcome, sequence: migration audit_reconcile); the anti-join probes the
 * correlation_id index once per attempt.
 */
export async function pendingAttempts(
  db: Pick<pg.Pool, 'query'>,
  query: PendingAttemptsQuery,
): Promise<PendingAttempt[]> {
  const { rows } = await db.query<AuditSqlRow>(
    `SELECT ${ATTEMPT_COLUMNS} FROM "audit_events" a
      WHERE a."outcome" = 'attempted' AND a."sequence" > $1::bigint AND a."sequence" <= $2::bigint
        AND NOT EXISTS (SELECT 1 FROM "audit_events" o
                         WHERE o."correlation_id" = a."correlation_id" AND o."outcome" <> 'attempted')
      ORDER BY a."sequence" LIMIT $3`,
    [query.afterSequence ?? '0', query.throughSequence, query.limit],
  );
  return rows.map((row) => {
    const { prevHash: _p, hash: _h, ...event } = fromSqlRow(row);
    return event;
  });
}

/**
 * The sequence of the newest event that occurred before `instant` (occurred_at never decreases along the
 * chain, so every event up to it is older too), or null when there is none. Uses the occurred_at index.
 */
export async function lastSequenceBefore(db: Pick<pg.Pool, 'query'>, instant: Date): Promise<string | null> {
  const { rows } = await db.query<{ sequence: string }>(
    `SELECT "sequence" FROM "audit_events" WHERE "occurred_at" < $1
      ORDER BY "occurred_at" DESC, "sequence" DESC LIMIT 1`,
    [instant],
  );
  return rows[0] ? String(rows[0].sequence) : null;
}

/**
 * Runs `work` while this connection holds the session-level advisory lock `lockId`, or not at all when another
 * connection (another API process, the command line) holds it. The lock goes with the session, so a process
 * that dies frees it.
 */
export async function exclusively<T>(
  pool: pg.Pool,
  lockId: number,
  work: () => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      lockId,
    ]);
    if (!rows[0]?.locked) return { ran: false };
    try {
      return { ran: true, value: await work() };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [lockId]).catch(() => undefined);
    }
  } finally {
    client.release();
  }
}

/** Session-level advisory lock of the reconciler: one reconciler pass at a time across processes. */
export const AUDIT_RECONCILER_LOCK_ID = 72707402;
