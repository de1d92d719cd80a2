import { join, resolve } from 'node:path';
import { startApi, type ApiConfig, type RunningApi } from '@poolkeeper/api';
import {
  seedLocalCognito,
  startEmulator,
  type LocalSeed,
  type RunningEmulator,
} from '@poolkeeper/cognito-emulator';

export interface RunningStack {
  url: string;
  /** Set in local mode: the local Cognito endpoint and what was seeded into it. */
  local: { endpoint: string; seed: LocalSeed } | null;
  stop(): Promise<void>;
}

/**
 * The whole poolkeeper stack in one process: in local mode the local Cognito (seeded on first run), then
 * the API, which starts embedded Postgres itself when no DATABASE_URL is given and serves the console.
 */
export async function startStack(config: ApiConfig): Promise<RunningStack> {
  const dataDir = resolve(config.dataDir);
  let emulator: RunningEmulator | null = null;
  let local: RunningStack['local'] = null;
  let apiConfig: ApiConfig = { ...config, dataDir };
  try {
    if (config.cognito.mode === 'local') {
      emulator = await startEmulator({
        dataDir: join(dataDir, 'cognito'),
        port: config.local.emulatorPort,
        region: config.cognito.region,
      });
      const seed = await seedLocalCognito(emulator.endpoint, emulator.region, {
        demoUsers: config.local.seedDemoUsers,
      });
      local = { endpoint: emulator.endpoint, seed };
      apiConfig = {
        ...apiConfig,
        cognito: {
          ...config.cognito,
          region: emulator.region,
          endpoint: emulator.endpoint,
          operatorPoolId: seed.operatorPool.id,
          operatorClientIds: [seed.operatorPool.clientId],
          managedPoolIds: seed.managedPools.map((p) => p.id),
        },
      };
    }
    const api: RunningApi = await startApi(apiConfig);
    let stopping: Promise<void> | null = null;
    return {
      url: api.url,
      local,
      stop: () =>
        (stopping ??= (async () => {
          await api.close();
          await emulator?.stop();
        })()),
    };
  } catch (error) {
    await emulator?.stop().catch(() => undefined);
    throw error;
  }
}
