import type {
  AuditAction,
  AuditActor,
  AuditEvent,
  AuditOutcome,
  AuditQuery,
  AuditTarget,
  ErrorCode,
  Page,
} from '@poolkeeper/contract';
import type { AuditGuardReport } from './audit-guard';

export type { AuditActor };

export interface AuditRecordInput {
  correlationId: string;
  outcome: AuditOutcome;
  action: AuditAction;
  poolId: string | null;
  targets: AuditTarget[];
  actor: AuditActor;
  reason: string | null;
  /** Already stripped of secrets by the caller; the store strips known secret keys again. */
  request: Record<string, unknown>;
  errorCode?: ErrorCode | null;
  errorMessage?: string | null;
  awsRequestId?: string | null;
  requestId?: string | null;
}

/** Append-only audit log. */
export interface AuditStore {
  record(input: AuditRecordInput): Promise<AuditEvent>;
  /** Newest first; cursor pagination. */
  list(query: AuditQuery): Promise<Page<AuditEvent>>;
  /**
   * Can the store work (for /api/health): the connection is up, `audit_events` is readable and an insert would
   * be allowed. False, never a rejection, otherwise.
   */
  ping(): Promise<boolean>;
  /** Could this connection's role get round the append-only triggers? Rejects when the check cannot run. */
  auditGuard(): Promise<AuditGuardReport>;
  close(): Promise<void>;
}

export interface RunningPostgres {
  /** The superuser `postgres`: administration and tests only, never the API. */
  url: string;
  /** `poolkeeper_owner`: owns the database and its objects; runs migrations and grants. */
  migrationUrl: string;
  /** `poolkeeper_app`: what the API serves with (SELECT and INSERT on `audit_events`, after grants). */
  servingUrl: string;
  stop(): Promise<void>;
}
