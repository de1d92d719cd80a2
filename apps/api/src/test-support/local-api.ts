// Test support for the API integration specs: the real local Cognito, a real embedded Postgres, the real
// gateway and the API over HTTP. Nothing of ours is faked.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type LocalSeed,
  type RunningEmulator,
  operatorPassword,
  seedLocalCognito,
  startEmulator,
} from '@poolkeeper/cognito-emulator';
import { type Role, awsJsonCall, roles } from '@poolkeeper/contract';
import { type RunningApi, loadConfig, startApi } from '../index';

export type { Role };

export interface ApiResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- loose JSON keeps the assertions readable
  body: Record<string, any> | null;
  text: string;
}

export interface LocalApi {
  api: RunningApi;
  emulator: RunningEmulator;
  seed: LocalSeed;
  /** The first managed (demo) pool. */
  pool: string;
  dir: string;
  /** JSON call as an operator (null: no token). `raw` sends the body as given, with `contentType`. */
  call(
    role: Role | null,
    method: string,
    path: string,
    body?: unknown,
    options?: { raw?: boolean; contentType?: string },
  ): Promise<ApiResponse>;
  /** A cognito-idp call straight to the emulator (awsJson1_1), to check what Cognito holds. */
  cognito(operation: string, input: Record<string, unknown>): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

export interface LocalApiOptions {
  demoUsers?: number;
  /** Use this Postgres instead of an embedded one started by the API (DATABASE_URL: the serving role). */
  databaseUrl?: string;
  /** DATABASE_MIGRATION_URL: the role that migrates and grants (default: databaseUrl itself). */
  databaseMigrationUrl?: string;
  /** Data directory to use (default: a fresh temp dir, removed on close). */
  dir?: string;
  /** OPERATOR_RECHECK_SECONDS (default: the configuration's default). */
  operatorRecheckSeconds?: number;
  /** Also list the operator pool in MANAGED_USER_POOL_IDS (self-protection applies there only). */
  manageOperatorPool?: boolean;
}

export async function startLocalApi(options: LocalApiOptions = {}): Promise<LocalApi> {
  const ownsDir = !options.dir;
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'poolkeeper-api-int-')));
  const emulator = await startEmulator({ dataDir: join(dir, 'cognito'), port: 0 });
  let api: RunningApi | null = null;
  try {
    const seed = await seedLocalCognito(emulator.endpoint, emulator.region, {
      demoUsers: options.demoUsers ?? 10,
    });
    const base = loadConfig({
      LOG_LEVEL: 'silent',
      PORT: '0',
      POOLKEEPER_DATA_DIR: dir,
      CONSOLE_DIST: join(dir, 'no-console'),
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      ...(options.databaseMigrationUrl ? { DATABASE_MIGRATION_URL: options.databaseMigrationUrl } : {}),
      ...(options.operatorRecheckSeconds !== undefined
        ? { OPERATOR_RECHECK_SECONDS: String(options.operatorRecheckSeconds) }
        : {}),
    });
    api = await startApi({
      ...base,
      cognito: {
        ...base.cognito,
        region: emulator.region,
        endpoint: emulator.endpoint,
        identityEndpoint: emulator.endpoint,
        iamEndpoint: emulator.endpoint,
        operatorPoolId: seed.operatorPool.id,
        operatorClientIds: [seed.operatorPool.clientId],
        managedPoolIds: [
          ...seed.managedPools.map((p) => p.id),
          ...(options.manageOperatorPool ? [seed.operatorPool.id] : []),
        ],
      },
    });
    const running = api;

    const cognito: LocalApi['cognito'] = (operation, input) =>
      awsJsonCall(emulator.endpoint, operation, input);

    const tokens = {} as Record<Role, string>;
    for (const role of roles) {
      const res = await cognito('InitiateAuth', {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: seed.operatorPool.clientId,
        AuthParameters: { USERNAME: role, PASSWORD: operatorPassword },
      });
      const token = res.body?.AuthenticationResult?.AccessToken as string | undefined;
      if (!token) throw new Error(`sign-in as ${role} failed: ${JSON.stringify(res.body)}`);
      tokens[role] = token;
    }

    const call: LocalApi['call'] = async (role, method, path, body, opts = {}) => {
      const headers: Record<string, string> = {};
      if (role) headers.authorization = `Bearer ${tokens[role]}`;
      if (body !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
      const res = await fetch(`${running.url}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: opts.raw ? String(body) : JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      let parsed: ApiResponse['body'] = null;
      try {
        parsed = text ? (JSON.parse(text) as ApiResponse['body']) : null;
      } catch {
        parsed = null;
      }
      return { status: res.status, headers: res.headers, body: parsed, text };
    };

    return {
      api: running,
      emulator,
      seed,
      pool: seed.managedPools[0]!.id,
      dir,
      call,
      cognito,
      async close() {
        await running.close();
        await emulator.stop();
        if (ownsDir) await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await api?.close().catch(() => undefined);
    await emulator.stop().catch(() => undefined);
    if (ownsDir) await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** A user as Cognito holds it (AdminGetUser), for "nothing changed" assertions. */
export async function cognitoUser(local: LocalApi, username: string) {
  const res = await local.cognito('AdminGetUser', { UserPoolId: local.pool, Username: username });
  return res.status === 200 ? res.body : { missing: res.body?.__type as string };
}
