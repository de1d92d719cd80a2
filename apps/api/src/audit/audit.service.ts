import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type {
  AuditAction,
  AuditChainHead,
  AuditEvent,
  AuditExportQuery,
  AuditQuery,
  AuditTarget,
  AuditVerifyResult,
  Page,
} from '@poolkeeper/contract';
import { stripSecrets } from '@poolkeeper/contract';
import type { CognitoGateway, CognitoWrites } from '@poolkeeper/cognito-gateway';
import { type AuditRecordInput, type AuditStore, InvalidCursorError } from '@poolkeeper/persistence';
import type { Logger } from 'pino';
import { APP_LOGGER, AUDIT_STORE } from '../app/tokens';
import { AppError } from '../errors/app-error';
import { classifyError } from '../errors/classify';
import type { AuditCaller } from './audit-caller';
import { AuditScope } from './audit-scope';
import { exportPreamble, formatExportBatch } from './audit-export-format';

/** Where an export's text goes (the HTTP response); resolves when the chunk may be followed by the next. */
export interface ExportSink {
  write(text: string): Promise<void>;
}

/** What an export wrote: recorded in its outcome event. */
export interface ExportSummary {
  count: number;
  firstSequence: string | null;
  lastSequence: string | null;
}

/** The full gateway, provided to this module only: the writes leave it only through `run`. */
export const AUDITED_GATEWAY = Symbol('AUDITED_GATEWAY');

export interface AuditSpec {
  action: AuditAction;
  poolId: string | null;
  /** What the change concerns, most specific first (a user; a group and a user; an identity pool and a role). */
  targets: AuditTarget[];
  /** What was asked; secrets are stripped before it is stored. */
  request: Record<string, unknown>;
  reason?: string | null;
}

@Injectable()
export class AuditService {
  constructor(
    @Inject(AUDIT_STORE) private readonly store: AuditStore,
    @Inject(APP_LOGGER) private readonly logger: Logger,
    @Inject(AUDITED_GATEWAY) private readonly gateway: CognitoGateway,
  ) {}

  /**
   * The only way to change Cognito: the attempt is recorded first (if that fails, AUDIT_UNAVAILABLE and `change`
   * never runs), then `change` runs with the gateway's writes — live only until it settles — then its outcome is
   * recorded with the AWS request ids of its calls; the value is returned or the error rethrown.
   */
  async run<T>(
    caller: AuditCaller,
    spec: AuditSpec,
    change: (cognito: CognitoWrites) => Promise<T>,
  ): Promise<T> {
    const base: Omit<AuditRecordInput, 'outcome'> = {
      correlationId: randomUUID(),
      action: spec.action,
      poolId: spec.poolId,
      targets: spec.targets.map((t) => ({ ...t })),
      actor: { ...caller.actor, roles: [...caller.actor.roles] },
      reason: spec.reason ?? null,
      request: stripSecrets(spec.request),
      requestId: caller.requestId,
    };
    try {
      await this.store.record({ ...base, outcome: 'attempted' });
    } catch (error) {
      this.logger.error(
        { err: error, correlationId: base.correlationId },
        'audit attempt could not be written; change not made',
      );
      throw new AppError(
        'AUDIT_UNAVAILABLE',
        'The audit log cannot be written, so the change was not made; try again shortly',
      );
    }
    const scope = new AuditScope(this.gateway, base.correlationId);
    let value: T;
    try {
      value = await change(scope.writes);
    } catch (error) {
      scope.end();
      const failure = classifyError(error);
      await this.recordOutcome({
        ...base,
        outcome: 'failed',
        errorCode: failure.code,
        errorMessage: failure.unexpected ? describe(error) : failure.message,
        awsRequestId: scope.requestIdsText() ?? failure.awsRequestId,
      });
      throw error;
    }
    scope.end();
    await this.recordOutcome({ ...base, outcome: 'succeeded', awsRequestId: scope.requestIdsText() });
    return value;
  }

  async list(query: AuditQuery): Promise<Page<AuditEvent>> {
    try {
      return await this.store.list(query);
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (error instanceof InvalidCursorError) {
        throw new AppError('VALIDATION_FAILED', 'cursor: is not a cursor returned by this API', [
          { field: 'cursor', message: 'is not a cursor returned by this API' },
        ]);
      }
      this.logger.error({ err: error }, 'audit log could not be read');
      throw new AppError('AUDIT_UNAVAILABLE', 'The audit log cannot be read right now; try again shortly');
    }
  }

  async head(): Promise<AuditChainHead | null> {
    return this.reading(() => this.store.head());
  }

  async verify(): Promise<AuditVerifyResult> {
    return this.reading(() => this.store.verify());
  }

  /**
   * Streams the filtered range to `sink`, and audits it like a change: an `audit.export` attempt before the first
   * byte (if it cannot be written, AUDIT_UNAVAILABLE and nothing is exported), then its outcome with the rows
   * written (count, first and last sequence). Not a Cognito change, so no gateway is involved.
   */
  async export(caller: AuditCaller, query: AuditExportQuery, sink: ExportSink): Promise<ExportSummary> {
    const { format, ...filters } = query;
    const base: Omit<AuditRecordInput, 'outcome'> = {
      correlationId: randomUUID(),
      action: 'audit.export',
      poolId: filters.poolId ?? null,
      targets: [],
      actor: { ...caller.actor, roles: [...caller.actor.roles] },
      reason: null,
      request: { format, ...filters },
      requestId: caller.requestId,
    };
    try {
      await this.store.record({ ...base, outcome: 'attempted' });
    } catch (error) {
      this.logger.error(
        { err: error, correlationId: base.correlationId },
        'audit export attempt not written',
      );
      throw new AppError('AUDIT_UNAVAILABLE', 'The audit log cannot be written, so nothing was exported');
    }
    const summary: ExportSummary = { count: 0, firstSequence: null, lastSequence: null };
    try {
      await sink.write(exportPreamble(format));
      for await (const events of this.store.exportBatches(filters)) {
        if (!events.length) continue;
        summary.firstSequence ??= events[0]!.sequence;
        summary.lastSequence = events[events.length - 1]!.sequence;
        summary.count += events.length;
        await sink.write(formatExportBatch(format, events));
      }
    } catch (error) {
      await this.recordOutcome({
        ...base,
        request: { ...base.request, exported: { ...summary } },
        outcome: 'failed',
        errorCode: 'AUDIT_UNAVAILABLE',
        errorMessage: describe(error),
      });
      throw error;
    }
    await this.recordOutcome({
      ...base,
      request: { ...base.request, exported: { ...summary } },
      outcome: 'succeeded',
    });
    return summary;
  }

  private async reading<T>(read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      this.logger.error({ err: error }, 'audit log could not be read');
      throw new AppError('AUDIT_UNAVAILABLE', 'The audit log cannot be read right now; try again shortly');
    }
  }

  /** The change already happened: a failed outcome write is logged loudly but does not turn success into an error. */
  private async recordOutcome(input: AuditRecordInput): Promise<void> {
    try {
      await this.store.record(input);
    } catch (error) {
      this.logger.error(
        { err: error, correlationId: input.correlationId, outcome: input.outcome },
        'audit outcome could not be written',
      );
    }
  }
}

/** An unexpected error's own text, for the audit row only (the caller sees an errorId, never this). */
function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
