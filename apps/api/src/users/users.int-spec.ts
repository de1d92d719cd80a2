import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalSeed, RunningEmulator } from '@poolkeeper/cognito-emulator';
import { type LocalApi, type Role, startLocalApi } from '../test-support/local-api';

/** Real emulator + real embedded Postgres + real gateway: nothing of ours is faked. */
describe('users API against the local Cognito and Postgres', () => {
  let local: LocalApi;
  let emulator: RunningEmulator;
  let seed: LocalSeed;
  let pool: string;

  const call = (role: Role | null, method: string, path: string, body?: unknown) =>
    local.call(role, method, path, body);

  beforeAll(async () => {
    local = await startLocalApi({ demoUsers: 80 });
    ({ emulator, seed, pool } = local);
  }, 120_000);

  afterAll(() => local?.close(), 60_000);

  const users = () => `/api/pools/${pool}/users`;

  it('health, me, auth config and pools', async () => {
    expect((await call(null, 'GET', '/api/health')).body).toEqual({
      status: 'ok',
      database: 'up',
      auditGuard: 'enforced',
    });
    expect((await call('support', 'GET', '/api/me')).body).toMatchObject({
      username: 'support',
      kind: 'operator',
      roles: ['support'],
    });
    expect((await call(null, 'GET', '/api/auth/config')).body).toEqual({
      region: emulator.region,
      userPoolId: seed.operatorPool.id,
      clientId: seed.operatorPool.clientId,
      endpoint: emulator.endpoint,
    });
    const pools = await call('auditor', 'GET', '/api/pools');
    // every managed pool (the demo pool first, then the Essentials-tier Globex Partners), nothing else
    expect(pools.body!.items.map((p: { id: string }) => p.id)).toEqual(seed.managedPools.map((p) => p.id));
    expect(seed.managedPools[0]!.id).toBe(pool);
  });

  it('401 without a token', async () => {
    expect(await call(null, 'GET', users())).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHENTICATED' },
    });
  });

  it('pages through all 80 demo users exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call(
        'auditor',
        'GET',
        `${users()}?limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(res.status).toBe(200);
      seen.push(...res.body!.items.map((u: { username: string }) => u.username));
      cursor = res.body!.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(80);
    expect(new Set(seen).size).toBe(80);
  });

  it('searches by email prefix; a search containing " is 200 and does not widen', async () => {
    const all = await call('admin', 'GET', `${users()}?limit=60`);
    const email: string = all.body!.items.find((u: { email: string | null }) => u.email)!.email;
    const prefix = email.slice(0, 4);
    const found = await call(
      'admin',
      'GET',
      `${users()}?search=${encodeURIComponent(prefix)}&attribute=email&match=prefix`,
    );
    expect(found.status).toBe(200);
    expect(found.body!.items.length).toBeGreaterThan(0);
    expect(found.body!.items.every((u: { email: string }) => u.email.startsWith(prefix))).toBe(true);
    const quoted = await call(
      'admin',
      'GET',
      `${users()}?search=${encodeURIComponent('a" or email ^= "')}&attribute=email`,
    );
    expect(quoted).toMatchObject({ status: 200, body: { items: [], nextCursor: null } });
  });

  it('filters by status, alone and with a search', async () => {
    const disabled = await call('admin', 'GET', `${users()}?status=disabled`);
    expect(disabled.status).toBe(200);
    expect(disabled.body!.items.every((u: { enabled: boolean }) => !u.enabled)).toBe(true);
    const forced = await call('admin', 'GET', `${users()}?status=FORCE_CHANGE_PASSWORD&search=&limit=60`);
    expect(forced.body!.items.every((u: { status: string }) => u.status === 'FORCE_CHANGE_PASSWORD')).toBe(
      true,
    );
    const both = await call('admin', 'GET', `${users()}?status=enabled&search=a&attribute=username&limit=5`);
    expect(both.status).toBe(200);
    expect(
      both.body!.items.every(
        (u: { enabled: boolean; username: string }) => u.enabled && u.username.startsWith('a'),
      ),
    ).toBe(true);
  });

  it('creates, reads, updates, disables, enables, resets, signs out, sets a password and deletes, with audit events', async () => {
    const name = `int-${Date.now()}`;
    const created = await call('admin', 'POST', users(), {
      username: name,
      attributes: { email: `${name}@example.com` },
      temporaryPassword: 'Temp!Pass2026',
      reason: 'integration',
    });
    expect(created).toMatchObject({ status: 201, body: { username: name, email: `${name}@example.com` } });
    expect(await call('admin', 'POST', users(), { username: name })).toMatchObject({
      status: 409,
      body: { code: 'USERNAME_EXISTS' },
    });
    const detail = await call('support', 'GET', `${users()}/${name}`);
    expect(detail).toMatchObject({ status: 200, body: { username: name, groups: [], mfa: { enabled: [] } } });
    const patched = await call('admin', 'PATCH', `${users()}/${name}`, { set: { name: 'Integration Test' } });
    expect(patched).toMatchObject({ status: 200, body: { name: 'Integration Test' } });
    expect((await call('support', 'POST', `${users()}/${name}/disable`, { reason: 'int' })).status).toBe(204);
    expect((await call('support', 'GET', `${users()}/${name}`)).body).toMatchObject({ enabled: false });
    expect((await call('support', 'POST', `${users()}/${name}/enable`)).status).toBe(204);
    expect((await call('support', 'POST', `${users()}/${name}/sign-out`)).status).toBe(204);
    expect(
      (
        await call('admin', 'POST', `${users()}/${name}/password`, {
          password: 'Perm!Pass2026x',
          permanent: true,
        })
      ).status,
    ).toBe(204);
    expect((await call('admin', 'GET', `${users()}/${name}`)).body).toMatchObject({ status: 'CONFIRMED' });
    expect((await call('support', 'POST', `${users()}/${name}/reset-password`)).status).toBe(204);
    expect((await call('admin', 'DELETE', `${users()}/${name}`)).status).toBe(204);
    expect(await call('admin', 'GET', `${users()}/${name}`)).toMatchObject({
      status: 404,
      body: { code: 'USER_NOT_FOUND' },
    });

    const events = await call('auditor', 'GET', `/api/audit-events?target=${name}&limit=200`);
    expect(events.status).toBe(200);
    const outcomes = events.body!.items.map(
      (e: { action: string; outcome: string }) => `${e.action}:${e.outcome}`,
    );
    for (const action of [
      'create',
      'update',
      'disable',
      'enable',
      'sign-out',
      'set-password',
      'reset-password',
      'delete',
    ]) {
      expect(outcomes).toEqual(
        expect.arrayContaining([`user.${action}:attempted`, `user.${action}:succeeded`]),
      );
    }
    expect(outcomes).toContain('user.create:failed');
    const success = events.body!.items.find(
      (e: { outcome: string; action: string }) => e.action === 'user.disable' && e.outcome === 'succeeded',
    );
    expect(success).toMatchObject({ reason: 'int', actor: { username: 'support', roles: ['support'] } });
    expect(success.awsRequestId).toEqual(expect.any(String));
    expect(JSON.stringify(events.body)).not.toContain('Pass2026');
  });

  it('404 USER_NOT_FOUND, 400 naming the field, 403 for auditor and support', async () => {
    expect(await call('admin', 'GET', `${users()}/nobody-here`)).toMatchObject({
      status: 404,
      body: { code: 'USER_NOT_FOUND' },
    });
    const bad = await call('admin', 'POST', users(), { username: 'x', deliveryMediums: ['PIGEON'] });
    expect(bad).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', details: [{ field: 'deliveryMediums.0' }] },
    });
    const anyUser = (await call('admin', 'GET', `${users()}?limit=1`)).body!.items[0].username as string;
    expect(await call('auditor', 'POST', `${users()}/${anyUser}/disable`)).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    expect(await call('support', 'DELETE', `${users()}/${anyUser}`)).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    expect((await call('admin', 'GET', `${users()}/${anyUser}`)).status).toBe(200);
  });
});
