import { randomUUID } from 'node:crypto';
import type { AuditEvent, AuditQuery, Page } from '@poolkeeper/contract';
import type { AuditGuardReport, AuditRecordInput, AuditStore } from '@poolkeeper/persistence';

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

  async ping(): Promise<boolean> {
    return this.up;
  }

  async auditGuard(): Promise<AuditGuardReport> {
    if (!this.up) throw new Error('database is down');
    return this.guard;
  }

  async close(): Promise<void> {}
}
