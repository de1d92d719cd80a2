import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type LocalSeed,
  type RunningEmulator,
  operatorPassword,
  seedLocalCognito,
  startEmulator,
} from '@poolkeeper/cognito-emulator';
import {
  AUDIT_RECONCILER_SUB,
  type AuditEvent,
  type Role,
  auditReconciliationOf,
  awsJsonCall,
} from '@poolkeeper/contract';
import {
  AUDIT_CHAIN_LOCK_ID,
  type RunningPostgres,
  holdAdvisoryLock,
  runSql,
  startEmbeddedPostgres,
} from '@poolkeeper/persistence';
import { UNDETERMINABLE_REASON } from './reconciler-checks';

/**
 * "Nothing lost after a crash": an API process (its own child process, the real main.ts) is killed with SIGKILL
 * between the attempts of two changes and their outcomes: a disable and a sign-out. To land exactly there, the
 * local Cognito delays both calls (its fault injection), and the spec holds the chain's advisory lock as the
 * superuser once both attempts are written, so the outcomes wait on it until the kill. Then two fresh API
 * processes on the same database run the reconciler (grace 0, every second): the disable, whose user is now
 * disabled, is reconciled `succeeded`; the sign-out, which leaves no state to check, is `unknown` with the
 * reason; each attempt has exactly one outcome although two reconcilers ran; the chain verifies.
 */
const root = fileURLToPath(new URL('../../../../', import.meta.url));

interface Child {
  process: ChildProcess;
  url: string;
}

describe('audit reconciler after an API process is killed between attempt and outcome', () => {
  let dir: string;
  let postgres: RunningPostgres;
  let emulator: RunningEmulator;
  let seed: LocalSeed;
  let main: string;
  const children: ChildProcess[] = [];

  async function startChild(env: Record<string, string>): Promise<Child> {
    const child = spawn(process.execPath, [main], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        LOG_LEVEL: 'silent',
        PORT: '0',
        POOLKEEPER_DATA_DIR: join(dir, 'api-data'),
        CONSOLE_DIST: join(dir, 'no-console'),
        DATABASE_URL: postgres.servingUrl,
        DATABASE_MIGRATION_URL: postgres.migrationUrl,
        COGNITO_MODE: 'local',
        AWS_REGION: emulator.region,
        AWS_ENDPOINT_URL: emulator.endpoint,
        OPERATOR_USER_POOL_ID: seed.operatorPool.id,
        OPERATOR_CLIENT_IDS: seed.operatorPool.clientId,
        MANAGED_USER_POOL_IDS: seed.managedPools.map((p) => p.id).join(','),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    const url = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`API process exited with ${code}`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const m = /listening on (http:\/\/\S+)/.exec(line);
        if (m) resolve(m[1]!);
      });
    });
    return { process: child, url };
  }

  const killed = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });

  async function token(role: Role): Promise<string> {
    const res = await awsJsonCall(emulator.endpoint, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: seed.operatorPool.clientId,
      AuthParameters: { USERNAME: role, PASSWORD: operatorPassword },
    });
    const access = (res.body as { AuthenticationResult?: { AccessToken?: string } })?.AuthenticationResult
      ?.AccessToken;
    if (!access) throw new Error(`sign-in as ${role} failed`);
    return access;
  }

  const events = (where: string) =>
    runSql<{ sequence: string; correlation_id: string; outcome: string; action: string }>(
      postgres.url,
      `SELECT sequence, correlation_id, outcome, action FROM audit_events WHERE ${where} ORDER BY sequence`,
    );

  async function until<T>(what: string, probe: () => Promise<T | null>, ms = 20_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (value !== null) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'poolkeeper-reconciler-crash-'));
    // The server build (dist/api/main.js, rebuilt only when its sources changed): the real entry point.
    const built = spawnSync(process.execPath, [join(root, 'tools/build/build.mjs'), 'server'], {
      cwd: root,
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`server build failed: ${built.stdout}${built.stderr}`);
    main = join(root, 'dist', 'api', 'main.js');
    postgres = await startEmbeddedPostgres({ dataDir: join(dir, 'postgres') });
    emulator = await startEmulator({ dataDir: join(dir, 'cognito'), port: 0 });
    seed = await seedLocalCognito(emulator.endpoint, emulator.region, { demoUsers: 3 });
  }, 180_000);

  afterAll(async () => {
    for (const child of children) await killed(child);
    await emulator?.stop().catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('resolves what Cognito shows, marks the rest unknown, once each, and the chain verifies', async () => {
    const pool = seed.managedPools[0]!.id;
    const listed = await awsJsonCall(emulator.endpoint, 'ListUsers', { UserPoolId: pool, Limit: 2 });
    const [toDisable, toSignOut] = (listed.body as { Users: { Username: string; Enabled: boolean }[] }).Users;
    expect(toDisable!.Enabled).toBe(true);
    const admin = await token('admin');

    // 1. The first API process: no reconciler of its own; both Cognito calls take 3 s (room for a busy machine).
    const first = await startChild({ AUDIT_RECONCILE_INTERVAL_SECONDS: '0' });
    emulator.setFaults({ latencyMs: 3000, operations: ['AdminDisableUser', 'AdminUserGlobalSignOut'] });
    const post = (path: string) =>
      fetch(`${first.url}/api/pools/${pool}/users/${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ reason: 'crash drill' }),
      }).catch(() => null); // the process dies before it answers
    const requests = [post(`${toDisable!.Username}/disable`), post(`${toSignOut!.Username}/sign-out`)];

    // 2. Both attempts written: hold the chain lock so no outcome can be, let Cognito apply, then kill.
    const attempts = await until('both attempts', async () => {
      const rows = await events(`action IN ('user.disable', 'user.sign-out') AND outcome = 'attempted'`);
      return rows.length === 2 ? rows : null;
    });
    const lock = await holdAdvisoryLock(postgres.url, AUDIT_CHAIN_LOCK_ID);
    try {
      await until('the disable applied in Cognito', async () => {
        const user = await awsJsonCall(emulator.endpoint, 'AdminGetUser', {
          UserPoolId: pool,
          Username: toDisable!.Username,
        });
        return (user.body as { Enabled?: boolean }).Enabled === false ? true : null;
      });
      await new Promise((resolve) => setTimeout(resolve, 300)); // the sign-out's delay ends with the disable's
      await killed(first.process);
    } finally {
      await lock.release();
    }
    await Promise.all(requests);
    emulator.setFaults(false);
    const ids = attempts.map((a) => `'${a.correlation_id}'`).join(', ');
    expect(await events(`correlation_id IN (${ids}) AND outcome <> 'attempted'`)).toEqual([]);

    // 3. Two API processes with the reconciler (grace 0, every second) on the same database.
    const second = await startChild({
      AUDIT_RECONCILE_GRACE_SECONDS: '0',
      AUDIT_RECONCILE_INTERVAL_SECONDS: '1',
    });
    await startChild({ AUDIT_RECONCILE_GRACE_SECONDS: '0', AUDIT_RECONCILE_INTERVAL_SECONDS: '1' });
    const outcomes = await until('both outcomes', async () => {
      const rows = await events(`correlation_id IN (${ids}) AND outcome <> 'attempted'`);
      return rows.length >= 2 ? rows : null;
    });
    await new Promise((resolve) => setTimeout(resolve, 2_500)); // both reconcilers have had further passes
    expect(await events(`correlation_id IN (${ids}) AND outcome <> 'attempted'`)).toEqual(outcomes);
    expect(outcomes).toHaveLength(2);

    const auditor = await token('auditor');
    const read = async (path: string) =>
      (
        await fetch(`${second.url}/api${path}`, { headers: { authorization: `Bearer ${auditor}` } })
      ).json() as Promise<Record<string, unknown>>;
    const all = ((await read('/audit-events?limit=200')) as { items: AuditEvent[] }).items;
    const outcomeOf = (action: string) =>
      all.find((e) => e.action === action && e.outcome !== 'attempted' && ids.includes(e.correlationId))!;

    const disable = outcomeOf('user.disable');
    expect(disable).toMatchObject({
      outcome: 'succeeded',
      actor: { kind: 'system', sub: AUDIT_RECONCILER_SUB },
      targets: [{ type: 'user', id: toDisable!.Username }],
      reason: 'crash drill',
    });
    expect(auditReconciliationOf(disable)).toMatchObject({
      method: 'state-check',
      observed: 'the user is disabled',
    });
    const signOut = outcomeOf('user.sign-out');
    expect(signOut).toMatchObject({ outcome: 'unknown', actor: { sub: AUDIT_RECONCILER_SUB } });
    expect(auditReconciliationOf(signOut)).toMatchObject({
      method: 'undeterminable',
      observed: null,
      reason: UNDETERMINABLE_REASON,
    });

    // No attempt is left without an outcome, and the chain (with the reconciler's events) verifies.
    expect(
      await events(
        `outcome = 'attempted' AND NOT EXISTS (SELECT 1 FROM audit_events o
          WHERE o.correlation_id = audit_events.correlation_id AND o.outcome <> 'attempted')`,
      ),
    ).toEqual([]);
    const [{ n }] = (await runSql<{ n: string }>(postgres.url, 'SELECT count(*) AS n FROM audit_events')) as [
      { n: string },
    ];
    expect(await read('/audit-events/verify')).toMatchObject({ ok: true, count: Number(n) });
  }, 180_000);
});
