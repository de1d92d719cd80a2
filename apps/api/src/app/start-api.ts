import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { createAuditStore, prepareDatabase, startEmbeddedPostgres } from '@poolkeeper/persistence';
import type { DatabaseUrls, RunningPostgres } from '@poolkeeper/persistence';
import type { ApiConfig } from '../config/api-config';
import { assertRunnable } from '../config/load-config';
import { ReconcilerSchedule } from '../audit/reconciler-schedule';
import { createApiApp } from './create-app';

export interface RunningApi {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts embedded Postgres when config.databaseUrl is null (data under `<dataDir>/postgres`, with its own owner
 * and serving roles), migrates as the migration role and grants the serving role its privileges, builds the app
 * on a store that connects as the serving role, listens on host:port (0 = random) and starts the audit
 * reconciler's interval. close() stops Nest (and the reconciler), the audit store and the embedded Postgres.
 */
export async function startApi(config: ApiConfig): Promise<RunningApi> {
  assertRunnable(config);
  let postgres: RunningPostgres | null = null;
  let app: INestApplication | null = null;
  let store: ReturnType<typeof createAuditStore> | null = null;
  const stopAll = async () => {
    await app?.close().catch(() => undefined);
    await store?.close().catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
  };
  try {
    let urls: DatabaseUrls;
    if (config.databaseUrl) {
      // Only DATABASE_URL: it migrates too, and the health check reports `auditGuard: 'weak'` if it owns the table.
      urls = {
        servingUrl: config.databaseUrl,
        migrationUrl: config.databaseMigrationUrl ?? config.databaseUrl,
      };
    } else {
      postgres = await startEmbeddedPostgres({ dataDir: join(config.dataDir, 'postgres') });
      urls = postgres;
    }
    await prepareDatabase(urls);
    store = createAuditStore(urls.servingUrl);
    app = await createApiApp(config, { auditStore: store });
    await app.listen(config.http.port, config.http.host);
    app.get(ReconcilerSchedule).start(); // audit.reconcileIntervalSeconds; 0: off
  } catch (error) {
    await stopAll();
    throw error;
  }
  const address = app.getHttpServer().address() as { port: number } | string | null;
  const port = typeof address === 'object' && address ? address.port : config.http.port;
  const host = config.http.host.includes(':') ? `[${config.http.host}]` : config.http.host;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    close: () => (closing ??= stopAll()),
  };
}
