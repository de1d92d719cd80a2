import { randomUUID } from 'node:crypto';
import type { AuditReconciliation } from '@poolkeeper/contract';
import type { CognitoReads } from '@poolkeeper/cognito-gateway';
import type { AuditStore, PendingAttempt } from '@poolkeeper/persistence';
import type { Logger } from 'pino';
import { systemCaller } from './audit-caller';
import {
  type Resolution,
  TransientCheckError,
  UNDETERMINABLE_REASON,
  resolveAttempt,
} from './reconciler-checks';

/** The actor of every outcome the reconciler writes (`system:reconciler`). */
export const RECONCILER_NAME = 'reconciler';

export interface ReconcilerOptions {
  /** An attempt is the reconciler's once it is this old (the API process that wrote it has surely ended). */
  graceSeconds: number;
  /** Attempts read per query. */
  batchSize?: number;
  now?: () => Date;
}

/** What one pass did. `ran: false`: another process held the reconciler's lock, so this one did nothing. */
export interface ReconcilePass {
  ran: boolean;
  /** Outcomes written, by outcome. */
  succeeded: number;
  unknown: number;
  /** Attempts whose outcome landed meanwhile (the original process, or another reconciler). */
  alreadyResolved: number;
  /** Attempts left for the next pass: Cognito could not be read for now. */
  deferred: number;
}

const idle = (ran: boolean): ReconcilePass => ({
  ran,
  succeeded: 0,
  unknown: 0,
  alreadyResolved: 0,
  deferred: 0,
});

/**
 * Resolves attempts that have no outcome after the grace period (the API process ended between attempt and
 * outcome): for each, Cognito's current state decides where it can (resolveAttempt), otherwise the outcome is
 * `unknown` with the reason. The outcome is appended to the chain like any event, with the attempt's correlation
 * id, actor `system:reconciler` and `request.reconciliation`; only while the attempt is still unresolved
 * (checked under the chain lock). One pass at a time across processes (the store's reconciler lock). Reads
 * Cognito only: it never changes anything there.
 */
export class AuditReconciler {
  /** Every attempt up to this sequence was resolved by an earlier pass of this process. */
  private checkedThrough: string | null = null;
  private readonly batchSize: number;
  private readonly now: () => Date;

  constructor(
    private readonly store: AuditStore,
    private readonly reads: CognitoReads,
    private readonly logger: Logger,
    private readonly options: ReconcilerOptions,
  ) {
    this.batchSize = options.batchSize ?? 100;
    this.now = options.now ?? (() => new Date());
  }

  async reconcileOnce(): Promise<ReconcilePass> {
    const result = await this.store.whileReconcilerLocked(() => this.pass());
    return result.ran ? result.value : idle(false);
  }

  private async pass(): Promise<ReconcilePass> {
    const summary = idle(true);
    const cutoff = new Date(this.now().getTime() - this.options.graceSeconds * 1000);
    const through = await this.store.lastSequenceBefore(cutoff);
    if (!through) return summary;
    const runId = randomUUID();
    let after = this.checkedThrough;
    let firstDeferred: string | null = null;
    for (;;) {
      const batch = await this.store.pendingAttempts({
        afterSequence: after,
        throughSequence: through,
        limit: this.batchSize,
      });
      for (const attempt of batch) {
        const resolution = await this.resolve(attempt);
        if (!resolution) {
          summary.deferred++;
          firstDeferred ??= attempt.sequence;
          continue;
        }
        const written = await this.append(attempt, resolution, runId);
        if (!written) summary.alreadyResolved++;
        else summary[resolution.outcome]++;
      }
      if (batch.length < this.batchSize) break;
      after = batch[batch.length - 1]!.sequence;
    }
    this.checkedThrough = firstDeferred ? (BigInt(firstDeferred) - 1n).toString() : through;
    if (summary.succeeded + summary.unknown + summary.deferred > 0)
      this.logger.warn({ runId, ...summary }, 'audit reconciler resolved attempts left without an outcome');
    return summary;
  }

  /** The resolution, or null to try again next pass. */
  private async resolve(attempt: PendingAttempt): Promise<Resolution | null> {
    try {
      return await resolveAttempt(this.reads, attempt);
    } catch (error) {
      if (error instanceof TransientCheckError) {
        this.logger.info(
          { correlationId: attempt.correlationId, err: error },
          'reconciler: Cognito not readable now',
        );
        return null;
      }
      this.logger.error(
        { correlationId: attempt.correlationId, err: error },
        'reconciler: state check failed',
      );
      const code = (error as { code?: unknown }).code;
      return {
        outcome: 'unknown',
        method: 'state-check',
        observed: `Cognito refused the read${typeof code === 'string' ? ` (${code})` : ''}`,
        reason: UNDETERMINABLE_REASON,
      };
    }
  }

  private async append(attempt: PendingAttempt, resolution: Resolution, runId: string): Promise<boolean> {
    const reconciliation: AuditReconciliation = {
      method: resolution.method,
      attemptId: attempt.id,
      attemptOccurredAt: attempt.occurredAt,
      observed: resolution.observed,
      reason: resolution.reason,
    };
    const caller = systemCaller(RECONCILER_NAME, runId);
    const written = await this.store.recordOutcomeIfUnresolved({
      correlationId: attempt.correlationId,
      outcome: resolution.outcome,
      action: attempt.action,
      poolId: attempt.poolId,
      targets: attempt.targets,
      actor: caller.actor,
      reason: attempt.reason,
      request: { ...attempt.request, reconciliation },
      requestId: caller.requestId,
    });
    return written !== null;
  }
}
