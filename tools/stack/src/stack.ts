import { join, resolve } from 'node:path';
import { loadConfig, startApi, type RunningApi } from '@poolkeeper/api';
import type { LocalSeed } from '@poolkeeper/cognito-emulator';
import { type LocalCognito, type LocalCognitoOptions, startLocalCognito } from './local-cognito';

export type Env = Record<string, string | undefined>;

export interface RunningStack {
  url: string;
  /** Set in local mode: the local Cognito (a supervised child process) and what was seeded into it. */
  local: { endpoint: string; seed: LocalSeed; cognito: LocalCognito } | null;
  stop(): Promise<void>;
}

/** How the launcher runs the local Cognito child (tests point `cli` at a build of their own). */
export type StackOptions = Pick<LocalCognitoOptions, 'cli' | 'restartDelaysMs' | 'log' | 'output'>;

/**
 * The whole poolkeeper stack. In local mode the local Cognito runs as a supervised child process (seeded on
 * first run; restarted if it dies), standing in for AWS, which is never inside the API's process; then the
 * API starts in this process (with embedded Postgres when no DATABASE_URL is given) and serves the console.
 * The API is pointed at the local Cognito with the standard AWS variables, exactly as it would be at AWS.
 */
export async function startStack(env: Env, options: StackOptions = {}): Promise<RunningStack> {
  const config = loadConfig(env);
  const dataDir = resolve(config.dataDir);
  let cognito: LocalCognito | null = null;
  let local: RunningStack['local'] = null;
  let apiEnv: Env = { ...env, POOLKEEPER_DATA_DIR: dataDir };
  try {
    if (config.cognito.mode === 'local') {
      cognito = await startLocalCognito({
        ...options,
        dataDir: join(dataDir, 'cognito'),
        port: config.local.emulatorPort,
        region: config.cognito.region,
        demoUsers: config.local.seedDemoUsers,
      });
      const { seed } = cognito;
      local = { endpoint: cognito.endpoint, seed, cognito };
      apiEnv = {
        ...apiEnv,
        COGNITO_MODE: 'local',
        AWS_REGION: cognito.region,
        // The local Cognito serves cognito-idp, cognito-identity and IAM on one port, as the generic override says.
        AWS_ENDPOINT_URL: cognito.endpoint,
        AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
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
          try {
            await api.close();
          } finally {
            await cognito?.stop();
          }
        })()),
    };
  } catch (error) {
    await cognito?.stop().catch(() => undefined);
    throw error;
  }
}
