import { describe, expect, it, afterAll, beforeAll } from '@jest/globals';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  GetUserCommand,
  InitiateAuthCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { rmSync } from 'node:fs';
import { startEmulator, type RunningEmulator } from '../index';
import { localSdkClient } from '../seed/sdk-client';
import { expectAwsError, tempDataDir } from './harness';

/**
 * AWS has one cognito-idp endpoint per Region and a pool exists only in its own; the emulator serves every
 * Region on one port, reading the Region from the SigV4 credential scope (unsigned calls: from the pool
 * id, the client or the token they name).
 */
describe('Regions on one port', () => {
  const dataDir = tempDataDir();
  let emulator: RunningEmulator;
  let eu: CognitoIdentityProviderClient;
  let us: CognitoIdentityProviderClient;
  let euPool: string;
  let usPool: string;
  let euClient: string;

  beforeAll(async () => {
    emulator = await startEmulator({ dataDir, port: 0, region: 'ap-southeast-2' });
    eu = localSdkClient(emulator.endpoint, 'eu-west-1', { maxAttempts: 1 });
    us = localSdkClient(emulator.endpoint, 'us-east-1', { maxAttempts: 1 });
    euPool = (await eu.send(new CreateUserPoolCommand({ PoolName: 'europe' }))).UserPool!.Id!;
    usPool = (await us.send(new CreateUserPoolCommand({ PoolName: 'america' }))).UserPool!.Id!;
    euClient = (
      await eu.send(
        new CreateUserPoolClientCommand({
          UserPoolId: euPool,
          ClientName: 'app',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        }),
      )
    ).UserPoolClient!.ClientId!;
  });
  afterAll(async () => {
    eu.destroy();
    us.destroy();
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("creates pools in the request's Region, with ids and ARNs that say so", async () => {
    expect(euPool).toMatch(/^eu-west-1_[A-Za-z0-9]{9}$/);
    expect(usPool).toMatch(/^us-east-1_[A-Za-z0-9]{9}$/);
    const described = await eu.send(new DescribeUserPoolCommand({ UserPoolId: euPool }));
    expect(described.UserPool?.Arn).toBe(`arn:aws:cognito-idp:eu-west-1:000000000000:userpool/${euPool}`);
  });

  it('lists only the pools of the Region', async () => {
    expect((await eu.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools!.map((p) => p.Id)).toEqual(
      [euPool],
    );
    expect((await us.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools!.map((p) => p.Id)).toEqual(
      [usPool],
    );
  });

  it("does not find a pool at another Region's endpoint", async () => {
    await expectAwsError(
      us.send(new DescribeUserPoolCommand({ UserPoolId: euPool })),
      'ResourceNotFoundException',
    );
    await expectAwsError(eu.send(new ListUsersCommand({ UserPoolId: usPool })), 'ResourceNotFoundException');
    await expectAwsError(
      us.send(
        new AdminCreateUserCommand({ UserPoolId: euPool, Username: 'nobody', MessageAction: 'SUPPRESS' }),
      ),
      'ResourceNotFoundException',
    );
    expect((await eu.send(new ListUsersCommand({ UserPoolId: euPool }))).Users).toEqual([]);
  });

  it('unsigned calls (InitiateAuth, GetUser) find the pool through the client and token they name', async () => {
    await eu.send(
      new AdminCreateUserCommand({ UserPoolId: euPool, Username: 'anna', MessageAction: 'SUPPRESS' }),
    );
    await eu.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: euPool,
        Username: 'anna',
        Password: 'Str0ng!Passw0rd',
        Permanent: true,
      }),
    );
    // InitiateAuth is unsigned in the SDK (noAuth), so even the us-east-1 client reaches the eu-west-1 pool's client
    const auth = await us.send(
      new InitiateAuthCommand({
        ClientId: euClient,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'anna', PASSWORD: 'Str0ng!Passw0rd' },
      }),
    );
    const token = auth.AuthenticationResult!.AccessToken!;
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { iss: string };
    expect(claims.iss).toBe(`${emulator.endpoint}/${euPool}`);
    expect((await us.send(new GetUserCommand({ AccessToken: token }))).Username).toBe('anna');
    const jwks = await fetch(`${emulator.endpoint}/${euPool}/.well-known/jwks.json`);
    expect(jwks.status).toBe(200);
  });

  it('an unsigned call that names no Region uses the default Region', async () => {
    const res = await fetch(emulator.endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.CreateUserPool',
      },
      body: JSON.stringify({ PoolName: 'default-region' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { UserPool: { Id: string } };
    expect(body.UserPool.Id).toMatch(/^ap-southeast-2_/);
    expect(emulator.region).toBe('ap-southeast-2');
  });
});
