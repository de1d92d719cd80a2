import {
  type AuditAction,
  type AuditActorKind,
  type AuditEvent,
  type AuditOutcome,
  type AuditQuery,
  type AuditTarget,
  type ErrorCode,
} from '@poolkeeper/contract';
import type { AuditEvent as AuditEventRow, Prisma } from './generated/prisma/client';
import { decodeCursor } from './cursor';

export function toAuditEvent(row: AuditEventRow): AuditEvent {
  const request = row.request;
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    correlationId: row.correlationId,
    outcome: row.outcome as AuditOutcome,
    action: row.action as AuditAction,
    poolId: row.poolId,
    targets: Array.isArray(row.targets) ? (row.targets as unknown as AuditTarget[]) : [],
    actor: {
      kind: row.actorKind as AuditActorKind,
      sub: row.actorSub,
      username: row.actorUsername,
      roles: row.actorRoles,
      ip: row.actorIp,
      userAgent: row.actorUserAgent,
    },
    reason: row.reason,
    request:
      request !== null && typeof request === 'object' && !Array.isArray(request)
        ? (request as Record<string, unknown>)
        : {},
    errorCode: row.errorCode as ErrorCode | null,
    errorMessage: row.errorMessage,
    awsRequestId: row.awsRequestId,
    requestId: row.requestId,
  };
}

/** Filters of the list query; `action: "user.*"` matches every action starting with `user.`. */
export function toWhere(query: AuditQuery): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (query.actor) and.push({ OR: [{ actorUsername: query.actor }, { actorSub: query.actor }] });
  if (query.action) {
    and.push(
      query.action.endsWith('.*')
        ? { action: { startsWith: query.action.slice(0, -1) } }
        : { action: query.action },
    );
  }
  if (query.poolId) and.push({ poolId: query.poolId });
  if (query.target) and.push({ targets: { array_contains: [{ id: query.target }] } });
  if (query.outcome) and.push({ outcome: query.outcome });
  if (query.from) and.push({ occurredAt: { gte: new Date(query.from) } });
  if (query.to) and.push({ occurredAt: { lte: new Date(query.to) } });
  if (query.cursor) and.push({ sequence: { lt: decodeCursor(query.cursor) } });
  return and.length ? { AND: and } : {};
}
