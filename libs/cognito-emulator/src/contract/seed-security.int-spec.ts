import { describe, expect, it, afterAll, beforeAll } from '@jest/globals';
import {
  AdminGetUserCommand,
  AdminListUserAuthEventsCommand,
  DescribeUserPoolCommand,
  GetGroupCommand,
  GetUserPoolMfaConfigCommand,
  InitiateAuthCommand,
  ListUserPoolClientsCommand,
  ListUsersCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  DEMO_APP_CLIENT_NAME,
  DEMO_TOTP_USERS,
  demoTotpSecretFor,
  operatorPassword,
  seedLocalCognito,
  type LocalSeed,
} from '../index';
import { totpCode } from '../core/totp';
import { expectAwsError, Harness, startHarness, tempDataDir } from './harness';

describe('seed: MFA, threat protection, group roles, sign-in history, the Essentials pool', () => {
  let h: Harness;
  let seed: LocalSeed;
  /** The emulator runs this far ahead of the wall clock once seeded: the seed's TOTP codes are spent. */
  let ahead = 0;
  const now = () => Date.now() + ahead;

  beforeAll(async () => {
    h = await startHarness(tempDataDir(), { now, totpSecretFor: demoTotpSecretFor });
    seed = await seedLocalCognito(h.emulator.endpoint, h.emulator.region, { demoUsers: 40 });
    ahead = 5 * 60_000;
  }, 120000);
  afterAll(() => h.close());

  const acme = () => seed.managedPools[0]!.id;
  const globex = () => seed.managedPools[1]!.id;

  it('Acme Customers is a Plus pool with threat protection and optional TOTP', async () => {
    const pool = (await h.client.send(new DescribeUserPoolCommand({ UserPoolId: acme() }))).UserPool!;
    expect(pool).toMatchObject({ UserPoolTier: 'PLUS', UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' } });
    expect(await h.client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: acme() }))).toMatchObject({
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
    const group = await h.client.send(
      new GetGroupCommand({ UserPoolId: acme(), GroupName: 'enterprise-admins' }),
    );
    expect(group.Group).toMatchObject({
      Precedence: 1,
      RoleArn: 'arn:aws:iam::000000000000:role/acme-enterprise',
    });
  });

  it('the demo TOTP users sign in with codes from the documented secrets', async () => {
    const clients = await h.client.send(
      new ListUserPoolClientsCommand({ UserPoolId: acme(), MaxResults: 60 }),
    );
    const ClientId = clients.UserPoolClients!.find((c) => c.ClientName === DEMO_APP_CLIENT_NAME)!.ClientId!;
    for (const { username, secret } of DEMO_TOTP_USERS) {
      const user = await h.client.send(new AdminGetUserCommand({ UserPoolId: acme(), Username: username }));
      expect(user).toMatchObject({
        UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
        PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
      });
      const challenge = await h.client.send(
        new InitiateAuthCommand({
          ClientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: username, PASSWORD: operatorPassword },
        }),
      );
      expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
      const done = await h.client.send(
        new RespondToAuthChallengeCommand({
          ClientId,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: challenge.Session,
          ChallengeResponses: { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: totpCode(secret, now()) },
        }),
      );
      expect(done.AuthenticationResult?.IdToken).toBeTruthy();
    }
  });

  it('demo users have a sign-in history with passes, failures, MFA and client context', async () => {
    const events = await h.client.send(
      new AdminListUserAuthEventsCommand({ UserPoolId: acme(), Username: 'sam.lee', MaxResults: 60 }),
    );
    const list = events.AuthEvents!;
    expect(list.length).toBeGreaterThanOrEqual(3);
    expect(list.some((e) => e.ChallengeResponses?.some((c) => c.ChallengeName === 'Mfa'))).toBe(true);
    expect(list.every((e) => e.EventType === 'SignIn')).toBe(true);
    expect(list.filter((e) => e.EventContextData?.IpAddress).length).toBeGreaterThan(0);
    const users = await h.client.send(new ListUsersCommand({ UserPoolId: acme(), Limit: 60 }));
    let withHistory = 0;
    for (const u of users.Users!) {
      const e = await h.client.send(
        new AdminListUserAuthEventsCommand({ UserPoolId: acme(), Username: u.Username!, MaxResults: 1 }),
      );
      if (e.AuthEvents!.length > 0) withHistory++;
    }
    expect(withHistory).toBeGreaterThanOrEqual(8);
  });

  it('Globex Partners: Essentials, no threat protection, ~30 users; the operator pool offers TOTP', async () => {
    expect(seed.managedPools[1]!.name).toBe('Globex Partners');
    const pool = (await h.client.send(new DescribeUserPoolCommand({ UserPoolId: globex() }))).UserPool!;
    expect(pool.UserPoolTier).toBe('ESSENTIALS');
    expect(pool.UserPoolAddOns).toBeUndefined();
    expect(pool.EstimatedNumberOfUsers).toBe(30);
    const someone = (await h.client.send(new ListUsersCommand({ UserPoolId: globex(), Limit: 1 })))
      .Users![0]!;
    await expectAwsError(
      h.client.send(
        new AdminListUserAuthEventsCommand({ UserPoolId: globex(), Username: someone.Username! }),
      ),
      'UserPoolAddOnNotEnabledException',
    );
    expect(
      await h.client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: seed.operatorPool.id })),
    ).toMatchObject({
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
    const again = await seedLocalCognito(h.emulator.endpoint, h.emulator.region, { demoUsers: 40 });
    expect(again).toEqual(seed);
  });
});
