import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { AuditGuardReport, AuditStore } from '@poolkeeper/persistence';
import type { Logger } from 'pino';
import { APP_LOGGER, AUDIT_STORE } from '../app/tokens';

export type AuditGuardState = 'enforced' | 'weak';

const HINT =
  'The API should serve as a role with only SELECT and INSERT on audit_events: set DATABASE_URL to it and ' +
  'DATABASE_MIGRATION_URL to the tables owner (README, "Database roles").';

/**
 * Checks, at start and on each health request, whether the role the audit store connects as could get round
 * the append-only triggers of `audit_events` (a superuser, the table's owner, UPDATE/DELETE/TRUNCATE/TRIGGER
 * privileges…). A weak guard is logged at error level when first seen; it does not stop the API.
 */
@Injectable()
export class AuditGuardMonitor implements OnApplicationBootstrap {
  /** Last result that could be checked; until one is, the guard is not known to hold: weak. */
  private last: AuditGuardState | null = null;
  private failureLogged = false;

  constructor(
    @Inject(AUDIT_STORE) private readonly store: AuditStore,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.current();
  }

  /** The guard now; when the check cannot run (database down) the last known state, or weak. */
  async current(): Promise<AuditGuardState> {
    let report: AuditGuardReport;
    try {
      report = await this.store.auditGuard();
    } catch (error) {
      if (this.last === null && !this.failureLogged) {
        this.failureLogged = true;
        this.logger.warn({ err: error }, 'audit guard could not be checked');
      }
      return this.last ?? 'weak';
    }
    const state: AuditGuardState = report.enforced ? 'enforced' : 'weak';
    if (state !== this.last) this.report(state, report);
    this.last = state;
    return state;
  }

  private report(state: AuditGuardState, report: AuditGuardReport): void {
    if (state === 'weak') {
      this.logger.error(
        { auditGuard: state, role: report.role, weaknesses: report.weaknesses },
        `audit log not protected: database role "${report.role}" can get round its append-only triggers ` +
          `(${report.weaknesses.join('; ')}). ${HINT}`,
      );
    } else {
      this.logger.debug({ auditGuard: state, role: report.role }, 'audit log append-only guard enforced');
    }
  }
}
