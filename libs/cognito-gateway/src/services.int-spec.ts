import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { quietNodeVersionWarning } from './client';
import { localCredentials, startLocalStack, type LocalStack } from './test-support/local-stack';

let stack: LocalStack;
let euPool: string;

beforeAll(async () => {
  stack = await startLocalStack(5);
  // A pool in another region than the stack's default, made as an operator would with the SDK.
  quietNodeVersionWarning();
  const eu = new CognitoIdentityProviderClient({
    region: 'eu-west-1',
    endpoint: stack.endpoint,
    credentials: localCredentials,
  });
  try {
    const created = await eu.send(new CreateUserPoolCommand({ PoolName: 'Europe' }));
    euPool = created.UserPool!.Id!;
    await eu.send(
      new AdminCreateUserCommand({ UserPoolId: euPool, Username: 'elsa', MessageAction: 'SUPPRESS' }),
    );
  } finally {
    eu.destroy();
  }
});

afterAll(async () => {
  await stack?.stop();
});

describe('one gateway, pools in several regions', () => {
  it('calls each pool in the region its id names (the local Cognito refuses a pool of another region)', async () => {
    expect(euPool).toMatch(/^eu-west-1_/);
    expect(stack.region).not.toBe('eu-west-1');
    expect(await stack.gateway.userPools.describeUserPool(euPool)).toMatchObject({
      id: euPool,
      name: 'Europe',
    });
    const page = await stack.gateway.users.listUsers({ poolId: euPool, limit: 10 });
    expect(page.items.map((u) => u.username)).toEqual(['elsa']);
    expect(await stack.gateway.users.disableUser(euPool, 'elsa')).toMatchObject({
      requestId: expect.any(String),
    });
    const home = await stack.gateway.userPools.describeUserPool(stack.managedPoolIds[0]!);
    expect(home.id.startsWith(`${stack.region}_`)).toBe(true);
  });

  it('lists the pools of the region asked for', async () => {
    const eu = await stack.gateway.userPools.listUserPools('eu-west-1');
    expect(eu.map((p) => p.id)).toEqual([euPool]);
    const home = await stack.gateway.userPools.listUserPools();
    expect(home.map((p) => p.id)).not.toContain(euPool);
  });
});

describe('user pool clients', () => {
  it('user pool clients are read with their secrets left out', async () => {
    const [client] = await stack.gateway.userPoolClients.listUserPoolClients(stack.operatorPoolId);
    const info = await stack.gateway.userPoolClients.describeUserPoolClient(
      stack.operatorPoolId,
      client!.clientId,
    );
    expect(info).toMatchObject({
      clientId: client!.clientId,
      hasSecret: false,
      accessTokenValiditySeconds: 900,
    });
  });
});
