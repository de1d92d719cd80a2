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
  /** Is the database reachable (for /api/health). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}
