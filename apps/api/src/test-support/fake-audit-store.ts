import { randomUUID } from 'node:crypto';
import type {
  AuditChainHead,
  AuditEvent,
  AuditQuery,
  AuditVerifyResult,
  ChainedAuditEvent,
  Page,
} from '@poolkeeper/contract';
import {
  type AuditGuardReport,
  type AuditRecordInput,
  type AuditStore,
  GENESIS_HASH,
  type PendingAttempt,
  type PendingAttemptsQuery,
  chainHash,
} from '@poolkeeper/persistence';

/** Unit-test fake of the AuditStore interface. `failNext` makes the next record() reject. */
export class FakeAuditStore implements AuditStore {
  events: AuditEvent[] = [];
  failRecords = false;
  up = true;
  guard: AuditGuardReport = { role: 'fake', enforced: true, weaknesses: [] };

  async record(input: AuditRecordInput): Promise<AuditEvent> {
    if (this.failRecords) throw new Error('database is down');
    const event: AuditEvent = {
      id: randomUUID(),
      occurredAt: new Date().toISOString(),
      correlationId: input.correlationId,
      outcome: input.outcome,
      action: input.action,
      poolId: input.poolId,
      targets: input.targets,
      actor: input.actor,
      reason: input.reason,
      request: input.request,
      errorCode: input.errorCode ?? null,
      errorMessage: input.errorMessage ?? null,
      awsRequestId: input.awsRequestId ?? null,
      requestId: input.requestId ?? null,
    };
    this.events.push(event);
    return event;
  }

  /** Same rules as the real store: only while the correlation has no outcome. */
  async recordOutcomeIfUnresolved(input: AuditRecordInput): Promise<AuditEvent | null> {
    if (this.events.some((e) => e.correlationId === input.correlationId && e.outcome !== 'attempted'))
      return null;
    return this.record(input);
  }

  async pendingAttempts(query: PendingAttemptsQuery): Promise<PendingAttempt[]> {
    const after = BigInt(query.afterSequence ?? '0');
    const through = BigInt(query.throughSequence);
    return this.events
      .map((event, i) => ({ ...event, sequence: String(i + 1) }))
      .filter((e) => e.outcome === 'attempted' && BigInt(e.sequence) > after && BigInt(e.sequence) <= through)
      .filter(
        (a) => !this.events.some((e) => e.correlationId === a.correlationId && e.outcome !== 'attempted'),
      )
      .slice(0, query.limit);
  }

  async lastSequenceBefore(instant: Date): Promise<string | null> {
    let last: string | null = null;
    this.events.forEach((e, i) => {
      if (Date.parse(e.occurredAt) < instant.getTime()) last = String(i + 1);
    });
    return last;
  }

  private reconcilerLocked = false;

  async whileReconcilerLocked<T>(work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    if (this.reconcilerLocked) return { ran: false };
    this.reconcilerLocked = true;
    try {
      return { ran: true, value: await work() };
    } finally {
      this.reconcilerLocked = false;
    }
  }

  async list(query: AuditQuery): Promise<Page<AuditEvent>> {
    return { items: [...this.events].reverse().slice(0, query.limit), nextCursor: null };
  }

  /** The events as the chain would hold them (hashed with the real canonical form). */
  chained(): ChainedAuditEvent[] {
    let prevHash = GENESIS_HASH;
    return this.events.map((event, i) => {
      const hashed = { ...event, sequence: String(i + 1) };
      const hash = chainHash(prevHash, hashed);
      const chained = { ...hashed, prevHash, hash };
      prevHash = hash;
      return chained;
    });
  }

  async head(): Promise<AuditChainHead | null> {
    const last = this.chained().at(-1);
    return last ? { sequence: last.sequence, hash: last.hash, occurredAt: last.occurredAt } : null;
  }

  async verify(): Promise<AuditVerifyResult> {
    return { ok: true, count: this.events.length, head: await this.head() };
  }

  async *exportBatches(): AsyncIterable<ChainedAuditEvent[]> {
    yield this.chained();
  }

  async *chainBatches(): AsyncIterable<ChainedAuditEvent[]> {
    yield this.chained();
  }

  async ping(): Promise<boolean> {
    return this.up;
  }

  async auditGuard(): Promise<AuditGuardReport> {
    if (!this.up) throw new Error('database is down');
    return this.guard;
  }

  async close(): Promise<void> {}
}
