import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { CognitoReads } from '@poolkeeper/cognito-gateway';
import type { AuditStore } from '@poolkeeper/persistence';
import type { Logger } from 'pino';
import { API_CONFIG, APP_LOGGER, AUDIT_STORE, COGNITO_READS } from '../app/tokens';
import type { ApiConfig } from '../config/api-config';
import { AuditReconciler, type ReconcilePass } from './reconciler';

/**
 * Runs the audit reconciler every `audit.reconcileIntervalSeconds` in the API process once `start()` is called
 * (startApi does, after listening; apps built for tests do not). Passes never overlap in one process, and the
 * reconciler's lock keeps them from overlapping across processes. Stopped on app shutdown.
 */
@Injectable()
export class ReconcilerSchedule implements OnApplicationShutdown {
  readonly reconciler: AuditReconciler;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ReconcilePass | null> | null = null;

  constructor(
    @Inject(AUDIT_STORE) store: AuditStore,
    @Inject(COGNITO_READS) reads: CognitoReads,
    @Inject(APP_LOGGER) private readonly logger: Logger,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.reconciler = new AuditReconciler(store, reads, logger, {
      graceSeconds: config.audit.reconcileGraceSeconds,
    });
  }

  start(): void {
    const seconds = this.config.audit.reconcileIntervalSeconds;
    if (seconds <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.runOnce(), seconds * 1000);
    this.timer.unref();
    void this.runOnce();
  }

  /** One pass unless one is running already; never rejects (a failed pass is logged and retried next time). */
  runOnce(): Promise<ReconcilePass | null> {
    this.running ??= this.reconciler
      .reconcileOnce()
      .catch((error: unknown) => {
        this.logger.error({ err: error }, 'audit reconciler pass failed; retrying at the next interval');
        return null;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
