import { createAuditStore } from '@poolkeeper/persistence';
import { createApiApp } from '../app/create-app';
import type { ApiConfig } from '../config/api-config';
import type { ReconcilePass } from './reconciler';
import { ReconcilerSchedule } from './reconciler-schedule';

/**
 * One reconciler pass outside the API (`npm run audit:reconcile`): the app is built (not listening) on the audit
 * store at `config.databaseUrl` (required: an embedded database belongs to the API process that runs it), so
 * the reconciler gets the configured Cognito's reads as in the API, and `config.audit.reconcileGraceSeconds`.
 * `ran: false` when an API process is reconciling right now.
 */
export async function reconcileAuditOnce(config: ApiConfig): Promise<ReconcilePass> {
  if (!config.databaseUrl) throw new Error('DATABASE_URL: required (the database the API serves with)');
  const store = createAuditStore(config.databaseUrl);
  try {
    const app = await createApiApp(config, { auditStore: store });
    try {
      return await app.get(ReconcilerSchedule).reconciler.reconcileOnce();
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
  }
}
