import { join, resolve } from 'node:path';
import { loadConfig, startApi, type RunningApi } from '@poolkeeper/api';
import {
  seedLocalCognito,
  startEmulator,
  type LocalSeed,
  type RunningEmulator,
} from '@poolkeeper/cognito-emulator';

export type Env = Record<string, string | undefined>;

export interface RunningStack {
  url: string;
  /** Set in local mode: the local Cognito endpoint and what was seeded into it. */
  local: { endpoint: string; seed: LocalSeed } | null;
  stop(): Promise<void>;
}

/**
 * The whole poolkeeper stack in one process: in local mode the local Cognito (seeded on first run), then
 * the API, which starts embedded Postgres itself when no DATABASE_URL is given and serves the console.
 * The API is pointed at the local Cognito with the standard AWS variables, exactly as it would be at AWS.
 */
export async function startStack(env: Env): Promise<RunningStack> {
  const config = loadConfig(env);
  const dataDir = resolve(config.dataDir);
  let emulator: RunningEmulator | null = null;
  let local: RunningStack['local'] = null;
  let apiEnv: Env = { ...env, POOLKEEPER_DATA_DIR: dataDir };
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
      apiEnv = {
        ...apiEnv,
        COGNITO_MODE: 'local',
        AWS_REGION: emulator.region,
        AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: emulator.endpoint,
        OPERATOR_USER_POOL_ID: seed.operatorPool.id,
        OPERATOR_CLIENT_IDS: seed.operatorPool.clientId,
        MANAGED_USER_POOL_IDS: seed.managedPools.map((p) => p.id).join(','),
      };
    }
    const api: RunningApi = await startApi(loadConfig(apiEnv));
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
