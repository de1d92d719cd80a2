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
