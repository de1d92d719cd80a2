import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Role } from '@poolkeeper/contract';
import { POOL, type TestApp, startTestApp } from '../test-support/test-app';

describe('MFA API (fake gateway)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => {
    t.gateway.users.set(POOL, []);
    t.gateway.addUsers(POOL, [{ username: 'alice' }, { username: 'bob' }]);
    t.gateway.mfa.users.clear();
    t.gateway.mfa.pools.clear();
    t.gateway.calls.length = 0;
    t.store.events = [];
  });

  const call = async (role: Role, method: string, path: string, body?: unknown) => {
    const res = await t.call(method, `/api/pools/${POOL}${path}`, {
      token: t.token([role]),
      ...(body !== undefined ? { body } : {}),
    });
    const text = await res.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- loose JSON keeps the assertions readable
    return { status: res.status, body: (text ? JSON.parse(text) : null) as any };
  };
  const writes = () =>
    t.gateway.calls
      .filter((c) => ['deleteSoftwareToken', 'setUserMfaPreference', 'setPoolMfaConfig'].includes(c.method))
      .map((c) => [c.method, ...c.args.slice(1)]);

  it('reset: always deletes the software token; turns off only the other factors the user has', async () => {
    Object.assign(t.gateway.mfa.of(POOL, 'alice'), {
      enabled: ['SOFTWARE_TOKEN_MFA'],
      preferred: 'SOFTWARE_TOKEN_MFA',
    });
    const res = await call('support', 'POST', '/users/alice/reset-mfa', { reason: 'lost phone' });
    expect(res).toEqual({
      status: 200,
      body: { username: 'alice', enabled: [], preferred: null, poolMode: 'OPTIONAL' },
    });
    expect(writes()).toEqual([['deleteSoftwareToken', 'alice']]);

    t.gateway.calls.length = 0;
    Object.assign(t.gateway.mfa.of(POOL, 'bob'), {
      enabled: ['SOFTWARE_TOKEN_MFA', 'SMS_MFA'],
      preferred: 'SMS_MFA',
    });
    expect((await call('admin', 'POST', '/users/bob/reset-mfa', { reason: 'new phone' })).body).toMatchObject(
      {
        enabled: [],
        preferred: null,
      },
    );
    expect(writes()).toEqual([
      ['deleteSoftwareToken', 'bob'],
      ['setUserMfaPreference', 'bob', { sms: { enabled: false, preferred: false } }],
    ]);
    const succeeded = t.store.events.filter((e) => e.outcome === 'succeeded');
    expect(succeeded.at(-1)).toMatchObject({
      action: 'user.reset-mfa',
      reason: 'new phone',
      targets: [{ type: 'user', id: 'bob' }],
      request: {
        changes: {
          mfa: {
            before: { enabled: ['SOFTWARE_TOKEN_MFA', 'SMS_MFA'], preferred: 'SMS_MFA' },
            after: { enabled: [], preferred: null },
          },
        },
      },
    });
  });

  it('reset needs a reason and the users.reset-mfa permission; nothing is called otherwise', async () => {
    for (const body of [undefined, {}, { reason: '   ' }]) {
      expect(await call('support', 'POST', '/users/alice/reset-mfa', body)).toMatchObject({
        status: 400,
        body: { code: 'VALIDATION_FAILED' },
      });
    }
    expect((await call('support', 'POST', '/users/alice/reset-mfa', {})).body.details).toEqual([
      { field: 'reason', message: expect.stringMatching(/required/) },
    ]);
    expect(await call('auditor', 'POST', '/users/alice/reset-mfa', { reason: 'x' })).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    expect(await call('admin', 'POST', '/users/nobody/reset-mfa', { reason: 'x' })).toMatchObject({
      status: 404,
      body: { code: 'USER_NOT_FOUND' },
    });
    expect(writes()).toEqual([]);
    expect(t.store.events).toEqual([]);
  });

  it('pool MFA config: everyone with pools.read reads it; only admin changes it, audited before/after', async () => {
    for (const role of ['admin', 'support', 'auditor'] as const) {
      expect(await call(role, 'GET', '/mfa-config')).toEqual({
        status: 200,
        body: { mode: 'OPTIONAL', softwareTokenMfa: true, sms: null, email: null },
      });
    }
    const body = { mode: 'ON', softwareTokenMfa: true, sms: null, email: null, reason: 'require MFA' };
    for (const role of ['support', 'auditor'] as const) {
      expect((await call(role, 'PUT', '/mfa-config', body)).status).toBe(403);
    }
    expect(writes()).toEqual([]);
    expect(await call('admin', 'PUT', '/mfa-config', body)).toEqual({
      status: 200,
      body: { mode: 'ON', softwareTokenMfa: true, sms: null, email: null },
    });
    expect(t.store.events.at(-1)).toMatchObject({
      action: 'pool.set-mfa-config',
      outcome: 'succeeded',
      targets: [],
      reason: 'require MFA',
      request: { changes: { mode: { before: 'OPTIONAL', after: 'ON' } } },
    });
  });

  it('pool MFA config: invalid combinations and settings are 400 with the field, nothing sent', async () => {
    const base = { softwareTokenMfa: false, sms: null, email: null, reason: 'r' };
    const cases: Array<[unknown, string]> = [
      [{ ...base, mode: 'ON' }, 'mode'],
      [{ ...base, mode: 'OFF', softwareTokenMfa: true }, 'mode'],
      [{ ...base, mode: 'SOMETIMES' }, 'mode'],
      [{ ...base, mode: 'ON', softwareTokenMfa: true, reason: '' }, 'reason'],
      [{ ...base, mode: 'ON', sms: { snsCallerArn: 'arn:aws:iam::1:user/x' } }, 'sms.snsCallerArn'],
      [
        {
          ...base,
          mode: 'ON',
          sms: { snsCallerArn: 'arn:aws:iam::123456789012:role/Sns', message: 'no code' },
        },
        'sms.message',
      ],
      [{ ...base, mode: 'ON', email: { subject: '' } }, 'email.subject'],
    ];
    for (const [body, field] of cases) {
      const res = await call('admin', 'PUT', '/mfa-config', body);
      expect({ status: res.status, code: res.body.code, field: res.body.details?.[0]?.field }).toEqual({
        status: 400,
        code: 'VALIDATION_FAILED',
        field,
      });
    }
    expect(writes()).toEqual([]);
  });

  it("user MFA: enrolled and preferred factors with the pool's mode, for every reading role", async () => {
    Object.assign(t.gateway.mfa.of(POOL, 'alice'), {
      enabled: ['SOFTWARE_TOKEN_MFA'],
      preferred: 'SOFTWARE_TOKEN_MFA',
    });
    for (const role of ['admin', 'support', 'auditor'] as const) {
      expect(await call(role, 'GET', '/users/alice/mfa')).toEqual({
        status: 200,
        body: {
          username: 'alice',
          enabled: ['SOFTWARE_TOKEN_MFA'],
          preferred: 'SOFTWARE_TOKEN_MFA',
          poolMode: 'OPTIONAL',
        },
      });
    }
  });
});
