import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { createAuditStore, migrateDatabase, startEmbeddedPostgres } from '@poolkeeper/persistence';
import type { RunningPostgres } from '@poolkeeper/persistence';
import type { ApiConfig } from '../config/api-config';
import { assertRunnable } from '../config/load-config';
import { createApiApp } from './create-app';

export interface RunningApi {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts embedded Postgres when config.databaseUrl is null (data under `<dataDir>/postgres`), migrates, builds the
 * app and listens on host:port (0 = random). close() stops Nest, the audit store and the embedded Postgres.
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
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      postgres = await startEmbeddedPostgres({ dataDir: join(config.dataDir, 'postgres') });
      databaseUrl = postgres.url;
    }
    await migrateDatabase(databaseUrl);
    store = createAuditStore(databaseUrl);
    app = await createApiApp(config, { auditStore: store });
    await app.listen(config.http.port, config.http.host);
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
