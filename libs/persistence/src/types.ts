import type { AuditEvent, AuditOutcome, AuditQuery, Page } from '@poolkeeper/contract';

export interface AuditActor {
  sub: string;
  username: string;
  roles: string[];
  ip: string | null;
  userAgent: string | null;
}

export interface AuditRecordInput {
  correlationId: string;
  outcome: AuditOutcome;
  action: string;
  poolId: string | null;
  target: string | null;
  actor: AuditActor;
  reason: string | null;
  /** Already stripped of secrets by the caller; the store strips known secret keys again. */
  request: Record<string, unknown>;
  errorCode?: string | null;
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
