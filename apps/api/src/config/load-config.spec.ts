import { describe, expect, it } from '@jest/globals';
import { ConfigError } from './config-error';
import { assertRunnable, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('has defaults for local mode', () => {
    const c = loadConfig({});
    expect(c.http).toEqual({
      host: '127.0.0.1',
      port: 3000,
      consoleOrigins: [],
      consoleDist: 'dist/console',
    });
    expect(c.databaseUrl).toBeNull();
    expect(c.databaseMigrationUrl).toBeNull();
    expect(c.dataDir).toBe('.poolkeeper');
    expect(c.logLevel).toBe('info');
    expect(c.cognito.mode).toBe('local');
    expect(c.cognito.credentials).toEqual({ accessKeyId: 'local', secretAccessKey: 'local' });
    expect(c.cognito.roleGroups).toEqual({
      admin: 'poolkeeper-admin',
      support: 'poolkeeper-support',
      auditor: 'poolkeeper-auditor',
    });
    expect(c.local).toEqual({ emulatorPort: 9325, seedDemoUsers: 520 });
    expect(c.audit).toEqual({ reconcileGraceSeconds: 120, reconcileIntervalSeconds: 60 });
  });

  it('reads the reconciler grace period and interval, and names a bad one', () => {
    const c = loadConfig({ AUDIT_RECONCILE_GRACE_SECONDS: '300', AUDIT_RECONCILE_INTERVAL_SECONDS: '0' });
    expect(c.audit).toEqual({ reconcileGraceSeconds: 300, reconcileIntervalSeconds: 0 });
    expect(() => loadConfig({ AUDIT_RECONCILE_GRACE_SECONDS: 'soon' })).toThrow(
      /AUDIT_RECONCILE_GRACE_SECONDS: must be a whole number of seconds/,
    );
    expect(() => loadConfig({ AUDIT_RECONCILE_INTERVAL_SECONDS: '999999' })).toThrow(
      /AUDIT_RECONCILE_INTERVAL_SECONDS: must be at most 86400/,
    );
  });

  it('switches to aws mode when OPERATOR_USER_POOL_ID is set, and uses the SDK chain', () => {
    const c = loadConfig({
      OPERATOR_USER_POOL_ID: 'eu-west-1_Ab12',
      OPERATOR_CLIENT_IDS: 'abc, def',
      AWS_REGION: 'eu-west-1',
      MANAGED_USER_POOL_IDS: 'eu-west-1_X1,eu-west-1_Y2',
    });
    expect(c.cognito).toMatchObject({
      mode: 'aws',
      region: 'eu-west-1',
      endpoint: null,
      credentials: null,
      operatorClientIds: ['abc', 'def'],
      managedPoolIds: ['eu-west-1_X1', 'eu-west-1_Y2'],
    });
  });

  it('prefers the service-specific endpoint override', () => {
    const c = loadConfig({
      AWS_ENDPOINT_URL: 'http://a:1',
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: 'http://b:2/',
    });
    expect(c.cognito.endpoint).toBe('http://b:2');
  });

  it('reads the serving and the migration database URLs', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgresql://poolkeeper_app:s@db:5432/poolkeeper',
      DATABASE_MIGRATION_URL: ' postgres://poolkeeper_owner:o@db:5432/poolkeeper ',
    });
    expect(c.databaseUrl).toBe('postgresql://poolkeeper_app:s@db:5432/poolkeeper');
    expect(c.databaseMigrationUrl).toBe('postgres://poolkeeper_owner:o@db:5432/poolkeeper');
    expect(loadConfig({ DATABASE_URL: 'postgres://x@db/p' }).databaseMigrationUrl).toBeNull();
  });

  it('allows LOG_LEVEL=silent and a launcher override by spreading', () => {
    const c = loadConfig({ LOG_LEVEL: 'silent' });
    const filled = {
      ...c,
      cognito: { ...c.cognito, operatorPoolId: 'us-east-1_Op1', operatorClientIds: ['cid'] },
    };
    expect(() => assertRunnable(filled)).not.toThrow();
    expect(() => assertRunnable(c)).toThrow(/OPERATOR_USER_POOL_ID/);
  });

  const bad: Array<[Record<string, string>, string]> = [
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ COGNITO_MODE: 'cloud' }, 'COGNITO_MODE'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://a@db/p', DATABASE_MIGRATION_URL: 'db.internal' }, 'DATABASE_MIGRATION_URL'],
    [{ DATABASE_MIGRATION_URL: 'postgres://owner@db/p' }, 'DATABASE_MIGRATION_URL'],
    [{ AWS_ENDPOINT_URL: 'not a url' }, 'AWS_ENDPOINT_URL'],
    [{ MANAGED_USER_POOL_IDS: 'pool-without-underscore' }, 'MANAGED_USER_POOL_IDS'],
    [{ CONSOLE_ORIGINS: 'nope' }, 'CONSOLE_ORIGINS'],
    [{ EMULATOR_PORT: '-1' }, 'EMULATOR_PORT'],
    [{ SEED_DEMO_USERS: 'many' }, 'SEED_DEMO_USERS'],
    [
      { COGNITO_MODE: 'aws', OPERATOR_USER_POOL_ID: 'eu-west-1_Ab12', OPERATOR_CLIENT_IDS: 'abc' },
      'AWS_REGION',
    ],
    [{ COGNITO_MODE: 'aws', AWS_REGION: 'eu-west-1', OPERATOR_CLIENT_IDS: 'abc' }, 'OPERATOR_USER_POOL_ID'],
    [{ AWS_REGION: 'eu-west-1', OPERATOR_USER_POOL_ID: 'eu-west-1_Ab12' }, 'OPERATOR_CLIENT_IDS'],
    [{ ROLE_GROUP_SUPPORT: 'poolkeeper-admin' }, 'ROLE_GROUP_ADMIN'],
  ];
  it.each(bad)('%j → ConfigError naming %s', (env, name) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message.startsWith(`${name}:`)).toBe(true);
  });
});
