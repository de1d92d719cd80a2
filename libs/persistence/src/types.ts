import type {
  AuditAction,
  AuditActor,
  AuditChainHead,
  AuditEvent,
  AuditExportQuery,
  AuditVerifyResult,
  ChainedAuditEvent,
  AuditOutcome,
  AuditQuery,
  AuditTarget,
  ErrorCode,
  Page,
} from '@poolkeeper/contract';
import type { AuditGuardReport } from './audit-guard';
import type { PendingAttempt, PendingAttemptsQuery } from './audit-pending';

export type { AuditActor, PendingAttempt, PendingAttemptsQuery };

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
  /** Appends to the hash chain (serialised across processes by the chain lock). */
  record(input: AuditRecordInput): Promise<AuditEvent>;
  /**
   * Appends an outcome for `input.correlationId` unless one is already there (checked under the chain lock);
   * null when it was. The reconciler's append.
   */
  recordOutcomeIfUnresolved(input: AuditRecordInput): Promise<AuditEvent | null>;
  /** Attempts without an outcome in a sequence range, oldest first (the reconciler's work list). */
  pendingAttempts(query: PendingAttemptsQuery): Promise<PendingAttempt[]>;
  /** The newest event that occurred before `instant` (the end of the reconciler's range), or null. */
  lastSequenceBefore(instant: Date): Promise<string | null>;
  /** Runs `work` unless another connection holds the reconciler's lock (another process is reconciling). */
  whileReconcilerLocked<T>(work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
  /** Newest first; cursor pagination. */
  list(query: AuditQuery): Promise<Page<AuditEvent>>;
  /** The newest event's sequence and hash (to anchor outside), or null when the log is empty. */
  head(): Promise<AuditChainHead | null>;
  /** Walks the whole chain; the first event that does not check, or the count and head. */
  verify(): Promise<AuditVerifyResult>;
  /** Filtered events, oldest first, in batches (constant memory), with their hashes. */
  exportBatches(query: Omit<AuditExportQuery, 'format'>): AsyncIterable<ChainedAuditEvent[]>;
  /** Every event in chain order, in batches. */
  chainBatches(): AsyncIterable<ChainedAuditEvent[]>;
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
