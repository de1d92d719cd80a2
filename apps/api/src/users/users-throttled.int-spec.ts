import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type LocalApi, cognitoUser, startLocalApi } from '../test-support/local-api';

/** The local Cognito enforces a UserUpdate quota of 3 calls (no refill within the test); the API gets a burst. */
describe('users API when Cognito throttles', () => {
  let local: LocalApi;
  let targets: string[];

  beforeAll(async () => {
    local = await startLocalApi({ demoUsers: 12 });
    const page = await local.call('admin', 'GET', `/api/pools/${local.pool}/users?status=enabled&limit=6`);
    targets = page.body!.items.map((u: { username: string }) => u.username);
    expect(targets).toHaveLength(6);
    // after seeding and sign-in: only the burst below is throttled
    local.emulator.setQuotas({ UserUpdate: { rps: 0.001, burst: 3 } });
  }, 120_000);

  afterAll(() => local?.close(), 60_000);

  it('a burst beyond the quota: the rest are 429 COGNITO_THROTTLED with Retry-After, audited, Cognito unchanged', async () => {
    const results = await Promise.all(
      targets.map((u) =>
        local.call('support', 'POST', `/api/pools/${local.pool}/users/${u}/disable`, { reason: 'burst' }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([204, 204, 204, 429, 429, 429]);
    const throttled = targets.filter((_, i) => results[i]!.status === 429);
    const done = targets.filter((_, i) => results[i]!.status === 204);
    for (const res of results.filter((r) => r.status === 429)) {
      expect(res.body).toMatchObject({ code: 'COGNITO_THROTTLED', message: expect.any(String) });
      expect(res.body!.message.length).toBeGreaterThan(0);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    // the SDK retried each rejected call before giving up (3 attempts each, per the gateway's default)
    expect(local.emulator.quotaStats().UserUpdate).toEqual({ allowed: 3, throttled: 9 });

    for (const u of throttled) expect(await cognitoUser(local, u)).toMatchObject({ Enabled: true });
    for (const u of done) expect(await cognitoUser(local, u)).toMatchObject({ Enabled: false });

    for (const u of throttled) {
      const events = await local.call('auditor', 'GET', `/api/audit-events?target=${u}&action=user.disable`);
      const outcomes = events.body!.items.map((e: { outcome: string; errorCode: string | null }) => [
        e.outcome,
        e.errorCode,
      ]);
      expect(outcomes).toEqual([
        ['failed', 'COGNITO_THROTTLED'],
        ['attempted', null],
      ]);
    }
  });

  it('reads in other categories keep working while UserUpdate is exhausted; never a 500', async () => {
    expect((await local.call('support', 'GET', `/api/pools/${local.pool}/users/${targets[0]}`)).status).toBe(
      200,
    );
    const res = await local.call('admin', 'PATCH', `/api/pools/${local.pool}/users/${targets[0]}`, {
      set: { name: 'Throttled' },
    });
    expect(res).toMatchObject({ status: 429, body: { code: 'COGNITO_THROTTLED' } });
  });
});
