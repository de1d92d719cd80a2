import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_APP_CLIENT_NAME, demoTemporaryPassword, totpCode } from '@poolkeeper/cognito-emulator';
import { type LocalApi, type Role, startLocalApi } from '../test-support/local-api';

const PASSWORD = 'Int-Passw0rd!';
const SNS_ROLE = 'arn:aws:iam::123456789012:role/CognitoSms';

/** Real emulator + real embedded Postgres + real gateway (SDK) + the API over HTTP; nothing of ours faked. */
describe('MFA API against the local Cognito and Postgres', () => {
  let local: LocalApi;
  let pool: string;
  let appClient: string;
  const call = (role: Role | null, method: string, path: string, body?: unknown) =>
    local.call(role, method, `/api/pools/${pool}${path}`, body);
  async function cognito(operation: string, input: Record<string, unknown>) {
    const res = await local.cognito(operation, input);
    expect({ operation, status: res.status, body: res.status === 200 ? null : res.body }).toEqual({
      operation,
      status: 200,
      body: null,
    });
    return res.body;
  }
  const signIn = (username: string) =>
    local.cognito('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: appClient,
      AuthParameters: { USERNAME: username, PASSWORD },
    });

  /** A new user of the demo pool enrolled in TOTP as an authenticator app would do it. */
  async function totpUser(prefix: string): Promise<string> {
    const username = `${prefix}-${Date.now().toString(36)}`;
    await cognito('AdminCreateUser', {
      UserPoolId: pool,
      Username: username,
      TemporaryPassword: demoTemporaryPassword,
      MessageAction: 'SUPPRESS',
    });
    await cognito('AdminSetUserPassword', {
      UserPoolId: pool,
      Username: username,
      Password: PASSWORD,
      Permanent: true,
    });
    const first = await signIn(username);
    const AccessToken = first.body.AuthenticationResult.AccessToken as string;
    const { SecretCode } = await cognito('AssociateSoftwareToken', { AccessToken });
    await cognito('VerifySoftwareToken', { AccessToken, UserCode: totpCode(SecretCode, Date.now()) });
    await cognito('SetUserMFAPreference', {
      AccessToken,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    });
    return username;
  }
  const latestAudit = async (action: string, target?: string) =>
    (
      await local.call(
        'auditor',
        'GET',
        `/api/audit-events?action=${action}${target ? `&target=${encodeURIComponent(target)}` : ''}`,
      )
    ).body!.items[0];

  beforeAll(async () => {
    local = await startLocalApi({ demoUsers: 5 });
    pool = local.pool;
    const clients = await cognito('ListUserPoolClients', { UserPoolId: pool, MaxResults: 60 });
    appClient = clients.UserPoolClients.find(
      (c: { ClientName: string }) => c.ClientName === DEMO_APP_CLIENT_NAME,
    ).ClientId;
  }, 180_000);
  afterAll(() => local?.close(), 60_000);

  it('user MFA: every role reads the factors; support resets with a reason (audited); auditor cannot', async () => {
    const username = await totpUser('int-mfa');
    for (const role of ['admin', 'support', 'auditor'] as const) {
      expect(await call(role, 'GET', `/users/${username}/mfa`)).toMatchObject({
        status: 200,
        body: {
          username,
          enabled: ['SOFTWARE_TOKEN_MFA'],
          preferred: 'SOFTWARE_TOKEN_MFA',
          poolMode: 'OPTIONAL',
        },
      });
    }
    expect(await call('auditor', 'POST', `/users/${username}/reset-mfa`, { reason: 'x' })).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    expect(await call('support', 'POST', `/users/${username}/reset-mfa`, {})).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', details: [{ field: 'reason' }] },
    });
    // Refused calls changed nothing: the user still gets the code step.
    expect((await signIn(username)).body).toMatchObject({ ChallengeName: 'SOFTWARE_TOKEN_MFA' });

    expect(
      await call('support', 'POST', `/users/${username}/reset-mfa`, { reason: 'ticket 42: lost phone' }),
    ).toMatchObject({ status: 200, body: { enabled: [], preferred: null, poolMode: 'OPTIONAL' } });
    const user = await cognito('AdminGetUser', { UserPoolId: pool, Username: username });
    expect(user.UserMFASettingList ?? []).toEqual([]);
    expect(user.PreferredMfaSetting).toBeUndefined();
    // MFA is optional here: the next sign-in needs no code.
    expect((await signIn(username)).body).toMatchObject({
      AuthenticationResult: { AccessToken: expect.any(String) },
    });
    expect(await latestAudit('user.reset-mfa', username)).toMatchObject({
      outcome: 'succeeded',
      reason: 'ticket 42: lost phone',
      actor: { username: 'support' },
      targets: [{ type: 'user', id: username }],
      request: {
        changes: {
          mfa: {
            before: { enabled: ['SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' },
            after: { enabled: [], preferred: null },
          },
        },
      },
    });

    // A user without any factor: the reset still succeeds (AdminDeleteSoftwareToken only).
    expect(await call('admin', 'POST', `/users/${username}/reset-mfa`, { reason: 'again' })).toMatchObject({
      status: 200,
    });
    expect(
      await call('admin', 'POST', `/users/nobody-${Date.now()}/reset-mfa`, { reason: 'x' }),
    ).toMatchObject({ status: 404, body: { code: 'USER_NOT_FOUND' } });
    expect(await call('support', 'GET', `/users/nobody-${Date.now()}/mfa`)).toMatchObject({
      status: 404,
      body: { code: 'USER_NOT_FOUND' },
    });
  });

  it('pool MFA config: all roles read; only admin changes it (audited); bad combinations are 400', async () => {
    for (const role of ['admin', 'support', 'auditor'] as const) {
      expect(await call(role, 'GET', '/mfa-config')).toEqual(
        expect.objectContaining({
          status: 200,
          body: { mode: 'OPTIONAL', softwareTokenMfa: true, sms: null, email: null },
        }),
      );
    }
    const required = { mode: 'ON', softwareTokenMfa: true, sms: null, email: null, reason: 'policy' };
    for (const role of ['support', 'auditor'] as const) {
      expect(await call(role, 'PUT', '/mfa-config', required)).toMatchObject({
        status: 403,
        body: { code: 'FORBIDDEN' },
      });
    }
    expect(await call('admin', 'PUT', '/mfa-config', { ...required, softwareTokenMfa: false })).toMatchObject(
      { status: 400, body: { code: 'VALIDATION_FAILED', details: [{ field: 'mode' }] } },
    );
    expect(await call('admin', 'PUT', '/mfa-config', { ...required, mode: 'OFF' })).toMatchObject({
      status: 400,
      body: { details: [{ field: 'mode' }] },
    });
    expect(await call('admin', 'PUT', '/mfa-config', { ...required, reason: undefined })).toMatchObject({
      status: 400,
      body: { details: [{ field: 'reason' }] },
    });
    expect((await cognito('GetUserPoolMfaConfig', { UserPoolId: pool })).MfaConfiguration).toBe('OPTIONAL');

    // Factors with their settings round-trip (the demo pool is on the Plus plan: email MFA is offered).
    const factors = {
      mode: 'OPTIONAL',
      softwareTokenMfa: true,
      sms: { snsCallerArn: SNS_ROLE, externalId: 'acme', message: 'Your code is {####}' },
      email: { subject: 'Your sign-in code' },
      reason: 'offer SMS and email',
    };
    expect(await call('admin', 'PUT', '/mfa-config', factors)).toMatchObject({
      status: 200,
      body: {
        mode: 'OPTIONAL',
        sms: { snsCallerArn: SNS_ROLE, externalId: 'acme', message: 'Your code is {####}', snsRegion: null },
        email: { subject: 'Your sign-in code', message: null },
      },
    });
    expect((await call('auditor', 'GET', '/mfa-config')).body).toMatchObject({ sms: { externalId: 'acme' } });

    // Required: a user whose factors were reset is put into MFA_SETUP at the next sign-in.
    const username = await totpUser('int-mfa-on');
    expect(await call('admin', 'PUT', '/mfa-config', required)).toMatchObject({
      status: 200,
      body: { mode: 'ON', softwareTokenMfa: true, sms: null, email: null },
    });
    expect(await cognito('GetUserPoolMfaConfig', { UserPoolId: pool })).toMatchObject({
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
    expect(await latestAudit('pool.set-mfa-config')).toMatchObject({
      outcome: 'succeeded',
      poolId: pool,
      reason: 'policy',
      actor: { username: 'admin' },
      targets: [],
      request: {
        changes: {
          mode: { before: 'OPTIONAL', after: 'ON' },
          sms: { before: { snsCallerArn: SNS_ROLE }, after: null },
          email: { before: { subject: 'Your sign-in code' }, after: null },
        },
      },
    });
    expect((await signIn(username)).body).toMatchObject({ ChallengeName: 'SOFTWARE_TOKEN_MFA' });
    expect(
      await call('support', 'POST', `/users/${username}/reset-mfa`, { reason: 'new phone' }),
    ).toMatchObject({ status: 200, body: { enabled: [], poolMode: 'ON' } });
    expect((await signIn(username)).body).toMatchObject({ ChallengeName: 'MFA_SETUP' });

    expect(
      await call('admin', 'PUT', '/mfa-config', { ...required, mode: 'OPTIONAL', reason: 'back' }),
    ).toMatchObject({ status: 200, body: { mode: 'OPTIONAL' } });
  });
});
