import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AuditAction, AuditEvent, AuditQuery, Page } from '@poolkeeper/contract';
import { GatewayError } from '@poolkeeper/cognito-gateway';
import {
  type AuditActor,
  type AuditRecordInput,
  type AuditStore,
  InvalidCursorError,
} from '@poolkeeper/persistence';
import type { Logger } from 'pino';
import { APP_LOGGER, AUDIT_STORE } from '../app/tokens';
import { AppError } from '../errors/app-error';
import type { RequestContext } from './request-context';
import { summarizeRequest } from './request-summary';

export interface AuditSpec {
  action: AuditAction;
  poolId: string | null;
  target: string | null;
  /** What was asked; secrets are stripped before it is stored. */
  request: Record<string, unknown>;
  reason?: string | null;
}

/** What a mutation returns: its value and the AWS request id of the (last) Cognito call. */
export interface Outcome<T> {
  value: T;
  requestId: string | null;
}

@Injectable()
export class AuditService {
  constructor(
    @Inject(AUDIT_STORE) private readonly store: AuditStore,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Every mutation goes through here: the attempt is recorded first (if that fails, AUDIT_UNAVAILABLE and `fn` is
   * never called), then `fn` runs, then its outcome is recorded; the value is returned or the error rethrown.
   */
  async run<T>(ctx: RequestContext, spec: AuditSpec, fn: () => Promise<Outcome<T>>): Promise<T> {
    const base: Omit<AuditRecordInput, 'outcome'> = {
      correlationId: randomUUID(),
      action: spec.action,
      poolId: spec.poolId,
      target: spec.target,
      actor: actorOf(ctx),
      reason: spec.reason ?? null,
      request: summarizeRequest(spec.request),
      requestId: ctx.requestId,
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
    let outcome: Outcome<T>;
    try {
      outcome = await fn();
    } catch (error) {
      await this.recordOutcome({ ...base, outcome: 'failed', ...failureOf(error) });
      throw error;
    }
    await this.recordOutcome({ ...base, outcome: 'succeeded', awsRequestId: outcome.requestId });
    return outcome.value;
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

function actorOf(ctx: RequestContext): AuditActor {
  return {
    sub: ctx.principal.sub,
    username: ctx.principal.username,
    roles: [...ctx.principal.roles],
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  };
}

function failureOf(error: unknown): Pick<AuditRecordInput, 'errorCode' | 'errorMessage' | 'awsRequestId'> {
  if (error instanceof GatewayError)
    return { errorCode: error.code, errorMessage: error.message, awsRequestId: error.requestId };
  if (error instanceof AppError)
    return { errorCode: error.code, errorMessage: error.message, awsRequestId: null };
  return {
    errorCode: 'INTERNAL_ERROR',
    errorMessage: error instanceof Error ? error.message : String(error),
    awsRequestId: null,
  };
}
