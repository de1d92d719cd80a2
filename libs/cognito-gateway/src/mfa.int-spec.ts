import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { failureOf, startLocalStack, uniqueName, type LocalStack } from './test-support/local-stack';

/** The MFA, sign-in history and invitation operations the API calls, against the seeded local Cognito. */
let stack: LocalStack;
let acme: string;
let globex: string;
const gw = () => stack.gateway;

beforeAll(async () => {
  stack = await startLocalStack(40);
  [acme, globex] = stack.managedPoolIds as [string, string];
}, 120000);

afterAll(async () => {
  await stack?.stop();
});

describe('mfa port', () => {
  it('reads and writes the pool MFA configuration', async () => {
    expect(await gw().mfa.getPoolMfaConfig(acme)).toMatchObject({
      mode: 'OPTIONAL',
      softwareToken: true,
      sms: false,
    });
    const set = await gw().mfa.setPoolMfaConfig({
      poolId: globex,
      mode: 'ON',
      softwareToken: true,
      sms: null,
      email: null,
    });
    expect(set.value).toMatchObject({ mode: 'ON', softwareToken: true });
    expect(set.requestId).toEqual(expect.any(String));
    const bad = await failureOf(() =>
      gw().mfa.setPoolMfaConfig({ poolId: globex, mode: 'ON', softwareToken: false, sms: null, email: null }),
    );
    expect(bad).toMatchObject({ code: 'INVALID_PARAMETER', awsErrorName: 'InvalidParameterException' });
    await gw().mfa.setPoolMfaConfig({
      poolId: globex,
      mode: 'OFF',
      softwareToken: false,
      sms: null,
      email: null,
    });
    expect((await gw().mfa.getPoolMfaConfig(globex)).mode).toBe('OFF');
  });

  it('resets a seeded TOTP user: deleteSoftwareToken clears the factor and the preference', async () => {
    expect(await gw().users.getUser(acme, 'sam.lee')).toMatchObject({
      mfaEnabled: ['SOFTWARE_TOKEN_MFA'],
      mfaPreferred: 'SOFTWARE_TOKEN_MFA',
    });
    await gw().mfa.deleteSoftwareToken(acme, 'sam.lee');
    expect(await gw().users.getUser(acme, 'sam.lee')).toMatchObject({ mfaEnabled: [], mfaPreferred: null });
    const err = await failureOf(() =>
      gw().mfa.setUserMfaPreference(acme, 'sam.lee', { softwareToken: { enabled: true, preferred: true } }),
    );
    expect(err.code).toBe('INVALID_PARAMETER');
    await gw().mfa.setUserMfaPreference(acme, 'siobhan.obrien', {
      softwareToken: { enabled: true, preferred: false },
    });
    expect(await gw().users.getUser(acme, 'siobhan.obrien')).toMatchObject({ mfaPreferred: null });
  });
});

describe('sessions port: sign-in history', () => {
  it('pages a seeded user’s history newest first', async () => {
    const first = await gw().sessions.listAuthEvents(acme, 'liam.chen.billing', { limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.nextToken).toEqual(expect.any(String));
    const rest = await gw().sessions.listAuthEvents(acme, 'liam.chen.billing', {
      limit: 60,
      nextToken: first.nextToken!,
    });
    const all = [...first.items, ...rest.items];
    expect(all.length).toBeGreaterThanOrEqual(2);
    const times = all.map((e) => e.createdAt!.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(all.some((e) => e.challenges.some((c) => c.name === 'Mfa' && c.response === 'Success'))).toBe(
      true,
    );
  });

  it('a pool without threat protection says so', async () => {
    const someone = (await gw().users.listUsers({ poolId: globex, limit: 1 })).items[0]!;
    const err = await failureOf(() => gw().sessions.listAuthEvents(globex, someone.username, { limit: 10 }));
    expect(err).toMatchObject({
      code: 'COGNITO_FEATURE_UNAVAILABLE',
      awsErrorName: 'UserPoolAddOnNotEnabledException',
    });
  });
});

describe('users port: invitations, sign-up confirmation, verified flags', () => {
  it('resends an invitation while FORCE_CHANGE_PASSWORD, CONFLICT after', async () => {
    const username = uniqueName('invitee');
    await gw().users.createUser({ poolId: acme, username, attributes: {}, messageAction: 'SUPPRESS' });
    const resent = await gw().users.resendInvitation({
      poolId: acme,
      username,
      temporaryPassword: 'Resent!Passw0rd',
    });
    expect(resent.value).toMatchObject({ username, status: 'FORCE_CHANGE_PASSWORD' });
    await gw().users.setUserPassword(acme, username, 'Str0ng!Passw0rd#1', true);
    expect((await failureOf(() => gw().users.resendInvitation({ poolId: acme, username }))).code).toBe(
      'CONFLICT',
    );
    const err = await failureOf(() => gw().users.confirmSignUp(acme, username));
    expect(err).toMatchObject({
      code: 'NOT_AUTHORIZED',
      message: 'User cannot be confirmed. Current status is CONFIRMED',
    });
  });

  it('marks email and phone verified again after an edit unverified them', async () => {
    const username = uniqueName('verify');
    await gw().users.createUser({
      poolId: acme,
      username,
      attributes: { email: `${username}@example.com`, email_verified: 'true', phone_number: '+15550001111' },
      messageAction: 'SUPPRESS',
    });
    await gw().users.updateUserAttributes(acme, username, { email: `${username}@example.org` });
    expect((await gw().users.getUser(acme, username)).attributes.email_verified).toBe('false');
    await gw().users.markAttributesVerified(acme, username, ['email', 'phone_number']);
    expect((await gw().users.getUser(acme, username)).attributes).toMatchObject({
      email: `${username}@example.org`,
      email_verified: 'true',
      phone_number_verified: 'true',
    });
  });
});
