import type { INestApplication } from '@nestjs/common';
import { type Role, roles as allRoles } from '@poolkeeper/contract';
import { type ApiDeps, createApiApp } from '../app/create-app';
import type { ApiConfig } from '../config/api-config';
import { loadConfig } from '../config/load-config';
import { FakeAuditStore } from './fake-audit-store';
import { FakeCognito } from './fake-gateway';
import { type TokenKit, startTokenKit } from './test-tokens';

export const POOL = 'us-east-1_Managed1';
export const OTHER_POOL = 'us-east-1_NotManaged';
export const OPERATOR_POOL = 'us-east-1_Operators';
export const CLIENT_ID = 'consoleclient';

export interface TestApp {
  url: string;
  app: INestApplication;
  config: ApiConfig;
  /** The fake Cognito the app's gateway talks to (`calls`, `users`, operator revocation knobs). */
  gateway: FakeCognito;
  store: FakeAuditStore;
  tokens: TokenKit;
  /** A valid access token for an operator in the given roles. */
  token(roles: Role[], extra?: Record<string, unknown>): string;
  claims(roles: Role[], extra?: Record<string, unknown>): Record<string, unknown>;
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  close(): Promise<void>;
}

/** Unit-test app: real Nest pipeline and auth (JWKS over HTTP), fakes of the gateway and audit store interfaces. */
export async function startTestApp(
  override: (c: ApiConfig) => ApiConfig = (c) => c,
  deps: Pick<ApiDeps, 'logger'> = {},
): Promise<TestApp> {
  const tokens = await startTokenKit();
  const base = loadConfig({
    LOG_LEVEL: 'silent',
    PORT: '0',
    COGNITO_MODE: 'local',
    AWS_ENDPOINT_URL: tokens.endpoint,
    OPERATOR_USER_POOL_ID: OPERATOR_POOL,
    OPERATOR_CLIENT_IDS: CLIENT_ID,
    MANAGED_USER_POOL_IDS: POOL,
    CONSOLE_DIST: '/nonexistent/console',
  });
  const config = override(base);
  const gateway = new FakeCognito(
    [
      { id: POOL, name: 'customers', estimatedNumberOfUsers: 3, customAttributes: ['custom:tenant'] },
      { id: OTHER_POOL, name: 'secret', estimatedNumberOfUsers: 1, customAttributes: [] },
    ],
    OPERATOR_POOL,
  );
  const store = new FakeAuditStore();
  const app = await createApiApp(config, { ...deps, auditStore: store, gateway: gateway.gateway });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  const groupOf = Object.fromEntries(allRoles.map((r) => [r, config.cognito.roleGroups[r]])) as Record<
    Role,
    string
  >;
  const claims = (roles: Role[], extra: Record<string, unknown> = {}) => ({
    sub: `sub-${roles.join('-') || 'none'}`,
    username: `op-${roles.join('-') || 'none'}`,
    token_use: 'access',
    client_id: CLIENT_ID,
    iss: `${tokens.endpoint}/${OPERATOR_POOL}`,
    exp: Math.floor(Date.now() / 1000) + 600,
    iat: Math.floor(Date.now() / 1000),
    'cognito:groups': roles.map((r) => groupOf[r]),
    ...extra,
  });
  return {
    url: url.replace('[::1]', '127.0.0.1'),
    app,
    config,
    gateway,
    store,
    tokens,
    claims,
    token: (roles, extra) => tokens.sign(claims(roles, extra)),
    call: (method, path, options = {}) => {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | undefined = options.rawBody;
      if (options.body !== undefined) body = JSON.stringify(options.body);
      if (body !== undefined) headers['content-type'] ??= 'application/json';
      return fetch(`${url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    },
    close: async () => {
      await app.close();
      await tokens.close();
    },
  };
}
