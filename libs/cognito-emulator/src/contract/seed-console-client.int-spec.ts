import { describe, expect, it, afterAll, beforeAll } from '@jest/globals';
import {
  DescribeUserPoolClientCommand,
  GetUserCommand,
  AdminListGroupsForUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { defaultRoleGroups } from '@poolkeeper/contract';
import { clientEphemeral } from '../core/srp';
import {
  demoTotpSecretFor,
  OPERATOR_TOTP_USERS,
  operatorPassword,
  seedLocalCognito,
  totpCode,
  type LocalSeed,
} from '../index';
import { Harness, startHarness } from './harness';

describe("the seeded operator pool's console client", () => {
  let h: Harness;
  let seed: LocalSeed;
  beforeAll(async () => {
    h = await startHarness(undefined, { totpSecretFor: demoTotpSecretFor });
    seed = await seedLocalCognito(h.emulator.endpoint, h.emulator.region, { demoUsers: 3 });
  }, 60_000);
  afterAll(() => h.close());

  const describeConsole = async () =>
    (
      await h.client.send(
        new DescribeUserPoolClientCommand({
          UserPoolId: seed.operatorPool.id,
          ClientId: seed.operatorPool.clientId,
        }),
      )
    ).UserPoolClient!;

  it('issues 15-minute access tokens that REFRESH_TOKEN_AUTH renews, and allows token revocation', async () => {
    expect(await describeConsole()).toMatchObject({
      AccessTokenValidity: 15,
      IdTokenValidity: 15,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
      EnableTokenRevocation: true,
    });
    const auth = await h.client.send(
      new InitiateAuthCommand({
        ClientId: seed.operatorPool.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'admin', PASSWORD: operatorPassword },
      }),
    );
    expect(auth.AuthenticationResult?.ExpiresIn).toBe(900);
    const renewed = await h.client.send(
      new InitiateAuthCommand({
        ClientId: seed.operatorPool.clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: auth.AuthenticationResult!.RefreshToken! },
      }),
    );
    expect(renewed.AuthenticationResult?.ExpiresIn).toBe(900);
    const me = await h.client.send(
      new GetUserCommand({ AccessToken: renewed.AuthenticationResult!.AccessToken! }),
    );
    expect(me.Username).toBe('admin');
  });

  it('is brought to those settings when an operator pool seeded earlier still has 60-minute tokens', async () => {
    await h.client.send(
      new UpdateUserPoolClientCommand({
        UserPoolId: seed.operatorPool.id,
        ClientId: seed.operatorPool.clientId,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    expect(await describeConsole()).toMatchObject({
      AccessTokenValidity: 60,
      TokenValidityUnits: { AccessToken: 'minutes' },
    });
    const again = await seedLocalCognito(h.emulator.endpoint, h.emulator.region, { demoUsers: 3 });
    expect(again).toEqual(seed);
    expect(await describeConsole()).toMatchObject({
      ClientName: 'poolkeeper-console',
      AccessTokenValidity: 15,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
  });

  it("allows USER_SRP_AUTH, the console's sign-in (PASSWORD_VERIFIER for the operator)", async () => {
    const started = await h.client.send(
      new InitiateAuthCommand({
        ClientId: seed.operatorPool.clientId,
        AuthFlow: 'USER_SRP_AUTH',
        AuthParameters: { USERNAME: 'admin', SRP_A: clientEphemeral().A },
      }),
    );
    expect(started.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(started.ChallengeParameters).toMatchObject({ USER_ID_FOR_SRP: 'admin' });
  });

  it('enrols the TOTP operator with its documented secret; the other operators sign in without MFA', async () => {
    const [operator] = OPERATOR_TOTP_USERS;
    const signIn = (USERNAME: string) =>
      h.client.send(
        new InitiateAuthCommand({
          ClientId: seed.operatorPool.clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME, PASSWORD: operatorPassword },
        }),
      );
    for (const role of ['admin', 'support', 'auditor'])
      expect((await signIn(role)).AuthenticationResult?.AccessToken).toBeDefined();
    const challenge = await signIn(operator!.username);
    expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    // the seed's enrolment spent this 30-second step's code: the next one is accepted (one step of drift)
    const answered = await h.client.send(
      new RespondToAuthChallengeCommand({
        ClientId: seed.operatorPool.clientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: challenge.Session,
        ChallengeResponses: {
          USERNAME: operator!.username,
          SOFTWARE_TOKEN_MFA_CODE: totpCode(operator!.secret, Date.now() + 30_000),
        },
      }),
    );
    expect(answered.AuthenticationResult?.AccessToken).toBeDefined();
    const groups = await h.client.send(
      new AdminListGroupsForUserCommand({ UserPoolId: seed.operatorPool.id, Username: operator!.username }),
    );
    expect(groups.Groups?.map((g) => g.GroupName)).toEqual([defaultRoleGroups[operator!.role]]);
  });
});
