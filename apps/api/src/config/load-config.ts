import { type Role, type RoleGroups, defaultRoleGroups, poolIdSchema, roles } from '@poolkeeper/contract';
import { z } from 'zod';
import type { ApiConfig, CognitoMode } from './api-config';
import { logLevels } from './api-config';
import { ConfigError } from './config-error';

/** The one place that reads environment variables (main.ts passes `process.env` in). */
type Env = Record<string, string | undefined>;

const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  );

const port = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? String(fallback) : v.trim()))
    .pipe(
      z
        .string()
        .regex(/^\d+$/, 'must be a whole number')
        .transform(Number)
        .pipe(z.number().int().min(0).max(65535)),
    );

const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const poolId = poolIdSchema;
const text = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? fallback : v.trim()));
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const seconds = (fallback: string, min: number, max: number) =>
  text(fallback).pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number of seconds')
      .transform(Number)
      .pipe(z.number().int().min(min).max(max, `must be at most ${max}`)),
  );

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL');

const envSchema = z.object({
  PORT: port(3000),
  HOST: text('127.0.0.1'),
  DATABASE_URL: optionalText.pipe(postgresUrl.optional()),
  DATABASE_MIGRATION_URL: optionalText.pipe(postgresUrl.optional()),
  POOLKEEPER_DATA_DIR: text('.poolkeeper'),
  LOG_LEVEL: text('info').pipe(
    z.enum(logLevels as [string, ...string[]], { error: `must be one of ${logLevels.join(', ')}` }),
  ),
  AWS_REGION: optionalText.pipe(
    z
      .string()
      .regex(/^[a-z0-9-]+$/, 'must be a region such as eu-west-1')
      .optional(),
  ),
  AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: optionalText.pipe(url.optional()),
  AWS_ENDPOINT_URL_COGNITO_IDENTITY: optionalText.pipe(url.optional()),
  AWS_ENDPOINT_URL_IAM: optionalText.pipe(url.optional()),
  AWS_ENDPOINT_URL: optionalText.pipe(url.optional()),
  COGNITO_MODE: optionalText.pipe(z.enum(['local', 'aws'], { error: 'must be local or aws' }).optional()),
  OPERATOR_USER_POOL_ID: optionalText.pipe(poolId.optional()),
  OPERATOR_CLIENT_IDS: list.pipe(z.array(z.string().regex(/^[\w+]+$/, 'must be app client ids'))),
  MANAGED_USER_POOL_IDS: list.pipe(z.array(poolId)),
  ...roleGroupVariables(),
  OPERATOR_RECHECK_SECONDS: text('30').pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number of seconds')
      .transform(Number)
      .pipe(z.number().int().min(0, 'must be 0 to 60').max(60, 'must be 0 to 60 (the revocation bound)')),
  ),
  AUDIT_RECONCILE_GRACE_SECONDS: seconds('120', 0, 86_400),
  AUDIT_RECONCILE_INTERVAL_SECONDS: seconds('60', 0, 86_400),
  CONSOLE_ORIGINS: list.pipe(z.array(z.url({ error: 'must be origins such as https://admin.example.com' }))),
  CONSOLE_DIST: text('dist/console'),
  EMULATOR_PORT: port(9325),
  SEED_DEMO_USERS: text('520').pipe(z.string().regex(/^\d+$/, 'must be a whole number').transform(Number)),
});

/** `ROLE_GROUP_ADMIN`, `ROLE_GROUP_SUPPORT`, …: one variable per role of the contract. */
function roleGroupVariable(role: Role): `ROLE_GROUP_${Uppercase<Role>}` {
  return `ROLE_GROUP_${role.toUpperCase() as Uppercase<Role>}`;
}

function roleGroupVariables() {
  return Object.fromEntries(
    roles.map((role) => [roleGroupVariable(role), text(defaultRoleGroups[role])]),
  ) as Record<`ROLE_GROUP_${Uppercase<Role>}`, ReturnType<typeof text>>;
}

const LOCAL_REGION = 'us-east-1';

/** Parses and validates the environment once; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env): ApiConfig {
  const parsed = envSchema.safeParse(pick(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`${name}: ${issue.message} (got ${JSON.stringify(env[name] ?? '')})`);
  }
  const e = parsed.data;
  const mode: CognitoMode = e.COGNITO_MODE ?? (e.OPERATOR_USER_POOL_ID ? 'aws' : 'local');
  const endpointOf = (specific: string | undefined) => {
    const chosen = specific ?? e.AWS_ENDPOINT_URL ?? null;
    return chosen ? chosen.replace(/\/+$/, '') : null;
  };
  if (mode === 'aws') {
    if (!e.AWS_REGION) throw new ConfigError('AWS_REGION: required when COGNITO_MODE=aws');
    if (!e.OPERATOR_USER_POOL_ID)
      throw new ConfigError('OPERATOR_USER_POOL_ID: required when COGNITO_MODE=aws');
    if (e.OPERATOR_CLIENT_IDS.length === 0)
      throw new ConfigError(
        'OPERATOR_CLIENT_IDS: required when COGNITO_MODE=aws (comma-separated app client ids)',
      );
  }
  if (e.DATABASE_MIGRATION_URL && !e.DATABASE_URL)
    throw new ConfigError(
      'DATABASE_MIGRATION_URL: needs DATABASE_URL too (the role the API serves with); unset, both are embedded',
    );
  const roleGroups = Object.fromEntries(
    roles.map((role) => [role, e[roleGroupVariable(role)]]),
  ) as RoleGroups;
  const groups = Object.values(roleGroups);
  if (new Set(groups).size !== groups.length) {
    const names = roles.map(roleGroupVariable);
    throw new ConfigError(`${names[0]}: ${names.join(', ')} must all differ`);
  }
  return {
    http: {
      host: e.HOST,
      port: e.PORT,
      consoleOrigins: e.CONSOLE_ORIGINS.map((o) => new URL(o).origin),
      consoleDist: e.CONSOLE_DIST,
    },
    databaseUrl: e.DATABASE_URL ?? null,
    databaseMigrationUrl: e.DATABASE_MIGRATION_URL ?? null,
    dataDir: e.POOLKEEPER_DATA_DIR,
    logLevel: e.LOG_LEVEL as ApiConfig['logLevel'],
    cognito: {
      mode,
      region: e.AWS_REGION ?? LOCAL_REGION,
      endpoint: endpointOf(e.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER),
      identityEndpoint: endpointOf(e.AWS_ENDPOINT_URL_COGNITO_IDENTITY),
      iamEndpoint: endpointOf(e.AWS_ENDPOINT_URL_IAM),
      credentials: mode === 'local' ? { accessKeyId: 'local', secretAccessKey: 'local' } : null,
      operatorPoolId: e.OPERATOR_USER_POOL_ID ?? null,
      operatorClientIds: e.OPERATOR_CLIENT_IDS,
      managedPoolIds: e.MANAGED_USER_POOL_IDS,
      roleGroups,
      operatorRecheckSeconds: e.OPERATOR_RECHECK_SECONDS,
    },
    audit: {
      reconcileGraceSeconds: e.AUDIT_RECONCILE_GRACE_SECONDS,
      reconcileIntervalSeconds: e.AUDIT_RECONCILE_INTERVAL_SECONDS,
    },
    local: { emulatorPort: e.EMULATOR_PORT, seedDemoUsers: e.SEED_DEMO_USERS },
  };
}

/** Checks what startApi needs that the launcher may fill in after loadConfig (local mode). */
export function assertRunnable(config: ApiConfig): void {
  if (!config.cognito.operatorPoolId)
    throw new ConfigError('OPERATOR_USER_POOL_ID: not set (required unless the launcher fills it in)');
  if (config.cognito.operatorClientIds.length === 0)
    throw new ConfigError('OPERATOR_CLIENT_IDS: not set (required unless the launcher fills it in)');
}

function pick(env: Env): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const key of Object.keys(envSchema.shape)) out[key] = env[key];
  return out;
}
