import type {
  AuditAction,
  AuditActorKind,
  AuditOutcome,
  AuditQuery,
  AuditTarget,
  ChainedAuditEvent,
  ErrorCode,
} from '@poolkeeper/contract';

/** `audit_events` as node-postgres returns it (bigint as a string, timestamptz as a Date, JSONB parsed). */
export interface AuditSqlRow {
  id: string;
  sequence: string;
  occurred_at: Date;
  correlation_id: string;
  outcome: string;
  action: string;
  pool_id: string | null;
  targets: unknown;
  actor_kind: string;
  actor_sub: string;
  actor_username: string;
  actor_roles: string[] | null;
  actor_ip: string | null;
  actor_user_agent: string | null;
  reason: string | null;
  request: unknown;
  error_code: string | null;
  error_message: string | null;
  aws_request_id: string | null;
  request_id: string | null;
  prev_hash: string | null;
  hash: string | null;
}

export const AUDIT_COLUMNS = `"id", "sequence", "occurred_at", "correlation_id", "outcome", "action", "pool_id",
  "targets", "actor_kind", "actor_sub", "actor_username", "actor_roles", "actor_ip", "actor_user_agent", "reason",
  "request", "error_code", "error_message", "aws_request_id", "request_id", "prev_hash", "hash"`;

/** A row in the shape the chain hashes and the export writes (null hashes become ""). */
export function fromSqlRow(row: AuditSqlRow): ChainedAuditEvent {
  const request = row.request;
  return {
    id: row.id,
    sequence: String(row.sequence),
    occurredAt: row.occurred_at.toISOString(),
    correlationId: row.correlation_id,
    outcome: row.outcome as AuditOutcome,
    action: row.action as AuditAction,
    poolId: row.pool_id,
    targets: Array.isArray(row.targets) ? (row.targets as AuditTarget[]) : [],
    actor: {
      kind: row.actor_kind as AuditActorKind,
      sub: row.actor_sub,
      username: row.actor_username,
      roles: row.actor_roles ?? [],
      ip: row.actor_ip,
      userAgent: row.actor_user_agent,
    },
    reason: row.reason,
    request:
      request !== null && typeof request === 'object' && !Array.isArray(request)
        ? (request as Record<string, unknown>)
        : {},
    errorCode: row.error_code as ErrorCode | null,
    errorMessage: row.error_message,
    awsRequestId: row.aws_request_id,
    requestId: row.request_id,
    prevHash: row.prev_hash ?? '',
    hash: row.hash ?? '',
  };
}

/** The list's filters as SQL conditions ($n placeholders from `values`), for the export's raw queries. */
export function sqlFilters(query: Omit<AuditQuery, 'limit' | 'cursor'>, values: unknown[]): string[] {
  const where: string[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (query.actor) {
    const p = param(query.actor);
    where.push(`("actor_username" = ${p} OR "actor_sub" = ${p})`);
  }
  if (query.action) {
    where.push(
      query.action.endsWith('.*')
        ? `starts_with("action", ${param(query.action.slice(0, -1))})`
        : `"action" = ${param(query.action)}`,
    );
  }
  if (query.poolId) where.push(`"pool_id" = ${param(query.poolId)}`);
  if (query.target) where.push(`"targets" @> ${param(JSON.stringify([{ id: query.target }]))}::jsonb`);
  if (query.outcome) where.push(`"outcome" = ${param(query.outcome)}`);
  if (query.from) where.push(`"occurred_at" >= ${param(new Date(query.from))}`);
  if (query.to) where.push(`"occurred_at" <= ${param(new Date(query.to))}`);
  return where;
}
