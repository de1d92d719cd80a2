import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { operatorPassword } from '@poolkeeper/cognito-emulator';
import { startStack, type RunningStack } from './stack';

/** What `npm start` does, in-process: local Cognito + seed + embedded Postgres + API; then a restart. */
describe('the local stack', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'poolkeeper-stack-'));
  const config = {
    PORT: '0',
    EMULATOR_PORT: '0',
    POOLKEEPER_DATA_DIR: dataDir,
    SEED_DEMO_USERS: '30',
    LOG_LEVEL: 'silent',
  };
  let stack: RunningStack | null = null;

  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function signIn(s: RunningStack, username: string): Promise<string> {
    const auth = (await (await fetch(`${s.url}/api/auth/config`)).json()) as {
      clientId: string;
      endpoint: string;
    };
    const res = await fetch(auth.endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: auth.clientId,
        AuthParameters: { USERNAME: username, PASSWORD: operatorPassword },
      }),
    });
    const body = (await res.json()) as { AuthenticationResult: { AccessToken: string } };
    return body.AuthenticationResult.AccessToken;
  }

  function postgresProcessesFor(dir: string): string[] {
    const ps = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
    return ps.split('\n').filter((line) => line.includes('postgres') && line.includes(dir));
  }

  it('starts with a seeded operator pool and demo pool, and keeps its data across a restart', async () => {
    stack = await startStack(config);
    expect(stack.local?.seed.managedPools.map((p) => p.name)).toEqual(['Acme Customers']);
    const health = await fetch(`${stack.url}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'up' });

    const token = await signIn(stack, 'admin');
    const poolId = stack.local!.seed.managedPools[0]!.id;
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const list = await fetch(`${stack.url}/api/pools/${poolId}/users?limit=10`, { headers });
    expect(list.status).toBe(200);
    const page = (await list.json()) as { items: Array<{ username: string }> };
    const target = page.items[0]!.username;
    const disable = await fetch(
      `${stack.url}/api/pools/${poolId}/users/${encodeURIComponent(target)}/disable`,
      {
        method: 'POST',
        headers,
        body: JSON.stringify({ reason: 'restart test' }),
      },
    );
    expect(disable.status).toBe(204);
    const firstSeed = stack.local!.seed;
    await stack.stop();
    stack = null;
    expect(postgresProcessesFor(dataDir)).toEqual([]);

    stack = await startStack(config);
    expect(stack.local!.seed).toEqual(firstSeed);
    const again = await signIn(stack, 'auditor');
    const user = await fetch(`${stack.url}/api/pools/${poolId}/users/${encodeURIComponent(target)}`, {
      headers: { Authorization: `Bearer ${again}` },
    });
    expect(await user.json()).toMatchObject({ username: target, enabled: false });
    const audit = await fetch(
      `${stack.url}/api/audit-events?action=user.disable&target=${encodeURIComponent(target)}`,
      {
        headers: { Authorization: `Bearer ${again}` },
      },
    );
    const events = (await audit.json()) as { items: Array<{ outcome: string; reason: string }> };
    expect(events.items.map((e) => e.outcome).sort()).toEqual(['attempted', 'succeeded']);
    expect(events.items.every((e) => e.reason === 'restart test')).toBe(true);
    await stack.stop();
    stack = null;
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  }, 120_000);
});
