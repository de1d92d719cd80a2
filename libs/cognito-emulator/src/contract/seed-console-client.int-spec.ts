import { describe, expect, it, afterAll, beforeAll } from '@jest/globals';
import {
  DescribeUserPoolClientCommand,
  GetUserCommand,
  InitiateAuthCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { operatorPassword, seedLocalCognito, type LocalSeed } from '../index';
import { Harness, startHarness } from './harness';

describe("the seeded operator pool's console client", () => {
  let h: Harness;
  let seed: LocalSeed;
  beforeAll(async () => {
    h = await startHarness();
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
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
  });
});
