import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { POOL, type TestApp, startTestApp } from '../test-support/test-app';

describe('audit wrapper', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => {
    t.gateway.users.set(POOL, []);
    t.gateway.addUsers(POOL, [{ username: 'alice', attributes: { email: 'alice@example.com' } }]);
    t.gateway.calls.length = 0;
    t.store.events = [];
    t.store.failRecords = false;
  });

  const users = `/api/pools/${POOL}/users`;

  it('when the attempt cannot be recorded: 503 AUDIT_UNAVAILABLE with Retry-After, Cognito never called', async () => {
    t.store.failRecords = true;
    const res = await t.call('POST', `${users}/alice/disable`, { token: t.token(['admin']) });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await res.json()).toMatchObject({ code: 'AUDIT_UNAVAILABLE' });
    expect(t.gateway.calls).toEqual([]);
  });

  it('records attempt then success with the AWS request id, actor, reason and request id', async () => {
    const res = await t.call('POST', `${users}/alice/disable`, {
      token: t.token(['support']),
      body: { reason: 'ticket 42' },
      headers: { 'x-request-id': 'req-abc.1', 'user-agent': 'jest' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('x-request-id')).toBe('req-abc.1');
    const [attempt, outcome] = t.store.events;
    expect(attempt).toMatchObject({
      outcome: 'attempted',
      action: 'user.disable',
      poolId: POOL,
      targets: [{ type: 'user', id: 'alice' }],
      reason: 'ticket 42',
      requestId: 'req-abc.1',
      awsRequestId: null,
    });
    expect(attempt!.actor).toMatchObject({
      kind: 'operator',
      sub: 'sub-support',
      username: 'op-support',
      roles: ['support'],
      userAgent: 'jest',
    });
    expect(outcome).toMatchObject({
      outcome: 'succeeded',
      correlationId: attempt!.correlationId,
      awsRequestId: expect.stringMatching(/^req-/),
    });
  });

  it('records a failure with the error code and rethrows it', async () => {
    const res = await t.call('POST', `${users}/ghost/enable`, { token: t.token(['admin']) });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'USER_NOT_FOUND' });
    expect(t.store.events.map((e) => [e.outcome, e.errorCode])).toEqual([
      ['attempted', null],
      ['failed', 'USER_NOT_FOUND'],
    ]);
    expect(t.store.events[1]!.awsRequestId).toMatch(/^req-/);
  });

  it('never stores passwords', async () => {
    await t.call('POST', users, {
      token: t.token(['admin']),
      body: { username: 'bob', temporaryPassword: 'Temp-Secret-1', attributes: { email: 'b@example.com' } },
    });
    await t.call('POST', `${users}/alice/password`, {
      token: t.token(['admin']),
      body: { password: 'Perm-Secret-1', permanent: true },
    });
    const stored = JSON.stringify(t.store.events);
    expect(t.store.events).toHaveLength(4);
    expect(stored).not.toContain('Secret-1');
    expect(stored).not.toMatch(/"(temporary)?password":/i);
  });
});
