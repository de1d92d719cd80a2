import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cognitoUser, type LocalApi, startLocalApi } from '../test-support/local-api';

/**
 * Usernames that are keys of Object.prototype. A probe of the running stack found that disabling
 * `__proto__` answered 204 and then broke every later mutation (and audit reads) until restart, and that
 * reading `constructor` answered 503 with the local Cognito's internal error text. They are ordinary names.
 */
const RESERVED = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

describe('usernames that are JavaScript built-in names, through the API', () => {
  let local: LocalApi;
  const users = () => `/api/pools/${local.pool}/users`;
  const path = (name: string) => `${users()}/${encodeURIComponent(name)}`;

  beforeAll(async () => {
    local = await startLocalApi({ demoUsers: 5 });
  }, 120_000);
  afterAll(() => local?.close(), 60_000);

  it.each(RESERVED)(
    '%s: 404 USER_NOT_FOUND for get, disable, enable and delete while it does not exist',
    async (name) => {
      const notFound = { status: 404, body: { code: 'USER_NOT_FOUND' } };
      expect(await local.call('support', 'GET', path(name))).toMatchObject(notFound);
      expect(await local.call('support', 'POST', `${path(name)}/disable`, { reason: 'probe' })).toMatchObject(
        notFound,
      );
      expect(await local.call('support', 'POST', `${path(name)}/enable`, { reason: 'probe' })).toMatchObject(
        notFound,
      );
      expect(await local.call('admin', 'DELETE', path(name), { reason: 'probe' })).toMatchObject(notFound);
      expect(await cognitoUser(local, name)).toEqual({ missing: 'UserNotFoundException' });
    },
  );

  it('the stack still works after those calls: another user can be disabled and the audit log reads', async () => {
    const someone = (await local.call('admin', 'GET', `${users()}?limit=1`)).body!.items[0]
      .username as string;
    expect(
      (await local.call('support', 'POST', `${path(someone)}/disable`, { reason: 'after probe' })).status,
    ).toBe(204);
    expect(await cognitoUser(local, someone)).toMatchObject({ Username: someone, Enabled: false });
    expect((await local.call('support', 'POST', `${path(someone)}/enable`)).status).toBe(204);
    const audit = await local.call('auditor', 'GET', '/api/audit-events?limit=5');
    expect(audit.status).toBe(200);
    expect(audit.body!.items.length).toBeGreaterThan(0);
  });

  it.each(RESERVED)('%s can be created, read, disabled and deleted when it exists', async (name) => {
    const created = await local.call('admin', 'POST', users(), {
      username: name,
      attributes: { email: `${name.replace(/_/g, 'u')}@example.com` },
      reason: 'reserved name',
    });
    expect(created).toMatchObject({ status: 201, body: { username: name } });
    expect(await local.call('support', 'GET', path(name))).toMatchObject({
      status: 200,
      body: { username: name, enabled: true },
    });
    expect(
      (await local.call('support', 'POST', `${path(name)}/disable`, { reason: 'reserved' })).status,
    ).toBe(204);
    expect(await local.call('support', 'GET', path(name))).toMatchObject({
      status: 200,
      body: { username: name, enabled: false },
    });
    expect(await cognitoUser(local, name)).toMatchObject({ Username: name, Enabled: false });
    expect((await local.call('admin', 'DELETE', path(name), { reason: 'reserved' })).status).toBe(204);
    expect(await local.call('support', 'GET', path(name))).toMatchObject({
      status: 404,
      body: { code: 'USER_NOT_FOUND' },
    });
  });

  it('afterwards the stack still works: another user can be disabled, the audit log names every action', async () => {
    const page = (await local.call('admin', 'GET', `${users()}?limit=60`)).body!.items as Array<{
      username: string;
      enabled: boolean;
    }>;
    expect(page.map((u) => u.username)).not.toEqual(expect.arrayContaining(RESERVED.slice(0, 1)));
    const someone = page.find((u) => u.enabled)!.username;
    expect(
      (await local.call('support', 'POST', `${path(someone)}/disable`, { reason: 'after' })).status,
    ).toBe(204);
    expect(await cognitoUser(local, someone)).toMatchObject({ Enabled: false });
    for (const name of RESERVED) {
      const events = await local.call(
        'auditor',
        'GET',
        `/api/audit-events?target=${encodeURIComponent(name)}`,
      );
      expect(events.status).toBe(200);
      const outcomes = events.body!.items.map(
        (e: { action: string; outcome: string }) => `${e.action}:${e.outcome}`,
      );
      expect(outcomes).toEqual(
        expect.arrayContaining(['user.create:succeeded', 'user.disable:succeeded', 'user.delete:succeeded']),
      );
    }
    const audit = await local.call('auditor', 'GET', '/api/audit-events?limit=200');
    expect(audit.status).toBe(200);
  });
});
