import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Role } from '@poolkeeper/contract';
import { POOL, type TestApp, startTestApp } from '../test-support/test-app';

describe('role → permission table over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => {
    t.gateway.users.set(POOL, []);
    t.gateway.addUsers(POOL, [{ username: 'alice', attributes: { email: 'alice@example.com' } }]);
    t.gateway.calls.length = 0;
  });

  const users = `/api/pools/${POOL}/users`;
  const cases: Array<[string, string, unknown]> = [
    ['POST', users, { username: 'bob', attributes: { email: 'bob@example.com' } }],
    ['PATCH', `${users}/alice`, { set: { name: 'Alice' } }],
    ['DELETE', `${users}/alice`, undefined],
    ['POST', `${users}/alice/disable`, undefined],
    ['POST', `${users}/alice/enable`, undefined],
    ['POST', `${users}/alice/reset-password`, undefined],
    ['POST', `${users}/alice/sign-out`, undefined],
    ['POST', `${users}/alice/password`, { password: 'Secret-123456', permanent: true }],
  ];

  async function status(role: Role, method: string, path: string, body: unknown) {
    const res = await t.call(method, path, {
      token: t.token([role]),
      ...(body !== undefined ? { body } : {}),
    });
    const json = res.status === 204 ? null : await res.json();
    return { status: res.status, code: (json as { code?: string } | null)?.code };
  }

  it('auditor cannot mutate anything: 403 FORBIDDEN and Cognito is not called', async () => {
    for (const [method, path, body] of cases) {
      expect({ route: `${method} ${path}`, ...(await status('auditor', method, path, body)) }).toEqual({
        route: `${method} ${path}`,
        status: 403,
        code: 'FORBIDDEN',
      });
    }
    expect(t.gateway.calls.filter((c) => c.method !== 'getUser' && c.method !== 'listGroupsForUser')).toEqual(
      [],
    );
    expect(t.store.events).toEqual([]);
  });

  it('support cannot create, update, delete or set passwords', async () => {
    for (const [method, path, body] of [cases[0]!, cases[1]!, cases[2]!, cases[7]!]) {
      expect(await status('support', method, path, body)).toEqual({ status: 403, code: 'FORBIDDEN' });
    }
  });

  it('support can disable, enable, reset and sign out', async () => {
    for (const [method, path, body] of [cases[3]!, cases[4]!, cases[5]!, cases[6]!]) {
      expect((await status('support', method, path, body)).status).toBe(204);
    }
  });

  it('auditor reads users and audit events; support cannot read audit events', async () => {
    expect((await status('auditor', 'GET', users, undefined)).status).toBe(200);
    expect((await status('auditor', 'GET', '/api/audit-events', undefined)).status).toBe(200);
    expect(await status('support', 'GET', '/api/audit-events', undefined)).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
  });

  it('an operator without a role may call /api/me but nothing else', async () => {
    const token = t.token([]);
    expect((await t.call('GET', '/api/me', { token })).status).toBe(200);
    expect((await t.call('GET', '/api/pools', { token })).status).toBe(403);
  });
});
