// Test support for the gateway integration specs: a local emulator, seeded, and a gateway pointed at it.
import { seedLocalCognito, startEmulator } from '@poolkeeper/cognito-emulator';
import {
  AdminAddUserToGroupCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { expect } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createCognitoGateway,
  GatewayError,
  paginate,
  type CognitoGateway,
  type CognitoUser,
} from '../index';
import { quietNodeVersionWarning } from '../client';

export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/** The local Cognito serves every service of ours on one port. */
export const localEndpoints = (endpoint: string) => ({
  cognitoIdp: endpoint,
  cognitoIdentity: endpoint,
  iam: endpoint,
});

export interface LocalStack {
  endpoint: string;
  region: string;
  gateway: CognitoGateway;
  operatorPoolId: string;
  managedPoolIds: string[];
  stop(): Promise<void>;
}

export async function startLocalStack(demoUsers: number): Promise<LocalStack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'poolkeeper-gateway-'));
  const emulator = await startEmulator({ dataDir, port: 0 });
  const seeded = await seedLocalCognito(emulator.endpoint, emulator.region, { demoUsers });
  const gateway = createCognitoGateway({
    defaultRegion: emulator.region,
    endpoints: localEndpoints(emulator.endpoint),
    credentials: localCredentials,
  });
  return {
    endpoint: emulator.endpoint,
    region: emulator.region,
    gateway,
    operatorPoolId: seeded.operatorPool.id,
    managedPoolIds: seeded.managedPools.map((p) => p.id),
    stop: async () => {
      gateway.destroy();
      await emulator.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every user of a pool, paging with limit 60; also the size of each page. */
export async function allUsers(
  gateway: CognitoGateway,
  poolId: string,
): Promise<{ users: CognitoUser[]; pageSizes: number[] }> {
  const users: CognitoUser[] = [];
  const pageSizes: number[] = [];
  const pages = paginate(async (token) => {
    const page = await gateway.users.listUsers({
      poolId,
      limit: 60,
      ...(token ? { paginationToken: token } : {}),
    });
    return { items: page.items, nextToken: page.nextToken };
  });
  for await (const items of pages) {
    users.push(...items);
    pageSizes.push(items.length);
  }
  return { users, pageSizes };
}

export async function failureOf(call: () => Promise<unknown>): Promise<GatewayError> {
  try {
    await call();
  } catch (err) {
    expect(err).toBeInstanceOf(GatewayError);
    return err as GatewayError;
  }
  throw new Error('expected the call to fail');
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A localhost port nothing listens on. */
export async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

/** The pool with the most users (where the seed put its demo users). */
export async function largestPool(gateway: CognitoGateway, poolIds: string[]): Promise<string> {
  let best = { id: '', count: -1 };
  for (const id of poolIds) {
    const { users } = await allUsers(gateway, id);
    if (users.length > best.count) best = { id, count: users.length };
  }
  return best.id;
}

/** Group management is not in the gateway yet: creates groups and adds the user with the SDK directly. */
export async function addToNewGroups(stack: LocalStack, poolId: string, username: string, groups: string[]) {
  quietNodeVersionWarning();
  const sdk = new CognitoIdentityProviderClient({
    region: stack.region,
    endpoint: stack.endpoint,
    credentials: localCredentials,
  });
  try {
    for (const GroupName of groups) {
      await sdk.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName }));
      await sdk.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: username, GroupName }));
    }
  } finally {
    sdk.destroy();
  }
}
