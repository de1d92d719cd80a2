import { randomUUID } from 'node:crypto';
import { type ChainedAuditEvent, redactSecrets } from '@poolkeeper/contract';
import type pg from 'pg';
import { GENESIS_HASH, chainHash, type HashedAuditEvent } from './audit-chain';
import { AUDIT_COLUMNS, type AuditSqlRow, fromSqlRow } from './audit-rows';
import type { AuditRecordInput } from './types';

/**
 * Transaction-scoped advisory lock that serialises appends to the chain across every connection and process on
 * the database (the insert trigger of migration audit_chain takes it as well). Prisma's migrate lock is 72707369.
 */
export const AUDIT_CHAIN_LOCK_ID = 72707401;

const INSERT = `INSERT INTO "audit_events" (${AUDIT_COLUMNS})
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)`;

/**
 * Appends one event: lock the chain, read its head, build the event after it (sequence + 1, occurred_at never
 * before the head's), hash it and insert it, in one transaction. JSON values are normalised through
 * JSON.stringify first, so what is hashed is exactly what JSONB gives back.
 */
export async function appendAuditEvent(pool: pg.Pool, input: AuditRecordInput): Promise<ChainedAuditEvent> {
  const event = await appendUnder(pool, input, null);
  return event!;
}

/**
 * Appends an outcome for `input.correlationId` only if that correlation has no outcome yet, checked under the
 * chain lock: two reconcilers never resolve one attempt twice, and a reconciler never adds a second outcome to
 * an attempt whose real outcome landed meanwhile. Null when an outcome was already there.
 */
export async function appendOutcomeIfUnresolved(
  pool: pg.Pool,
  input: AuditRecordInput,
): Promise<ChainedAuditEvent | null> {
  if (input.outcome === 'attempted') throw new Error('appendOutcomeIfUnresolved: expects an outcome');
  return appendUnder(pool, input, async (client) => {
    const { rows } = await client.query(
      `SELECT 1 FROM "audit_events" WHERE "correlation_id" = $1 AND "outcome" <> 'attempted' LIMIT 1`,
      [input.correlationId],
    );
    return rows.length === 0;
  });
}

/** The append transaction; `keep`, when given, runs under the chain lock and may refuse (null, nothing written). */
async function appendUnder(
  pool: pg.Pool,
  input: AuditRecordInput,
  keep: ((client: pg.PoolClient) => Promise<boolean>) | null,
): Promise<ChainedAuditEvent | null> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK_ID]);
      if (keep && !(await keep(client))) {
        await client.query('COMMIT');
        return null;
      }
      const { rows } = await client.query<{ sequence: string; hash: string | null; occurred_at: Date }>(
        'SELECT "sequence", "hash", "occurred_at" FROM "audit_events" ORDER BY "sequence" DESC LIMIT 1',
      );
      const head = rows[0];
      const now = Date.now();
      const occurredAt = new Date(head ? Math.max(now, head.occurred_at.getTime()) : now);
      const event: HashedAuditEvent = JSON.parse(
        JSON.stringify({
          id: randomUUID(),
          sequence: head ? (BigInt(head.sequence) + 1n).toString() : '1',
          occurredAt: occurredAt.toISOString(),
          correlationId: input.correlationId,
          outcome: input.outcome,
          action: input.action,
          poolId: input.poolId,
          targets: input.targets.map((t) => ({ type: t.type, id: t.id })),
          actor: {
            kind: input.actor.kind,
            sub: input.actor.sub,
            username: input.actor.username,
            roles: [...input.actor.roles],
            ip: input.actor.ip,
            userAgent: input.actor.userAgent,
          },
          reason: input.reason,
          request: redactSecrets(input.request),
          errorCode: input.errorCode ?? null,
          errorMessage: input.errorMessage ?? null,
          awsRequestId: input.awsRequestId ?? null,
          requestId: input.requestId ?? null,
        }),
      ) as HashedAuditEvent;
      const prevHash = head ? (head.hash ?? '') : GENESIS_HASH;
      const hash = chainHash(prevHash, event);
      const row: AuditSqlRow = {
        id: event.id,
        sequence: event.sequence,
        occurred_at: occurredAt,
        correlation_id: event.correlationId,
        outcome: event.outcome,
        action: event.action,
        pool_id: event.poolId,
        targets: event.targets,
        actor_kind: event.actor.kind,
        actor_sub: event.actor.sub,
        actor_username: event.actor.username,
        actor_roles: event.actor.roles,
        actor_ip: event.actor.ip,
        actor_user_agent: event.actor.userAgent,
        reason: event.reason,
        request: event.request,
        error_code: event.errorCode,
        error_message: event.errorMessage,
        aws_request_id: event.awsRequestId,
        request_id: event.requestId,
        prev_hash: prevHash,
        hash,
      };
      await client.query(INSERT, [
        row.id,
        row.sequence,
        row.occurred_at,
        row.correlation_id,
        row.outcome,
        row.action,
        row.pool_id,
        JSON.stringify(row.targets),
        row.actor_kind,
        row.actor_sub,
        row.actor_username,
        row.actor_roles,
        row.actor_ip,
        row.actor_user_agent,
        row.reason,
        JSON.stringify(row.request),
        row.error_code,
        row.error_message,
        row.aws_request_id,
        row.request_id,
        row.prev_hash,
        row.hash,
      ]);
      await client.query('COMMIT');
      return fromSqlRow(row);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    client.release();
  }
}
