import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AuditAction, AuditEvent, AuditQuery, AuditTarget, Page } from '@poolkeeper/contract';
import { stripSecrets } from '@poolkeeper/contract';
import type { CognitoGateway, CognitoWrites } from '@poolkeeper/cognito-gateway';
import { type AuditRecordInput, type AuditStore, InvalidCursorError } from '@poolkeeper/persistence';
import type { Logger } from 'pino';
import { APP_LOGGER, AUDIT_STORE } from '../app/tokens';
import { AppError } from '../errors/app-error';
import { classifyError } from '../errors/classify';
import type { AuditCaller } from './audit-caller';
import { AuditScope } from './audit-scope';

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
