import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createCognitoGateway, type CognitoUser } from './index';
import {
  addToNewGroups,
  allUsers,
  closedPort,
  failureOf,
  largestPool,
  localCredentials,
  startLocalStack,
  uniqueName,
  type LocalStack,
} from './test-support/local-stack';

const PASSWORD = 'Str0ng!Passw0rd#1';
let stack: LocalStack;
let poolId: string;
const gw = () => stack.gateway;
const usernamesOf = (page: { items: CognitoUser[] }) => page.items.map((u) => u.username);

beforeAll(async () => {
  stack = await startLocalStack(80);
  poolId = await largestPool(gw(), stack.managedPoolIds);
});

afterAll(async () => {
  await stack?.stop();
});

describe('pools', () => {
  it('listUserPools returns the operator and managed pools', async () => {
    const pools = await gw().userPools.listUserPools();
    expect(pools.map((p) => p.id)).toEqual(
      expect.arrayContaining([stack.operatorPoolId, ...stack.managedPoolIds]),
    );
    expect(pools.every((p) => p.name.length > 0)).toBe(true);
  });

  it('describeUserPool maps id, name, estimate and custom attributes', async () => {
    const info = await gw().userPools.describeUserPool(poolId);
    expect(info).toMatchObject({ id: poolId, name: expect.any(String) });
    expect(info.estimatedNumberOfUsers === null || info.estimatedNumberOfUsers >= 0).toBe(true);
    expect(info.customAttributes.every((n) => /^(dev:)?custom:/.test(n))).toBe(true);
  });

  it('an unknown pool is POOL_NOT_FOUND', async () => {
    const missing = `${stack.region}_doesNotExist`;
    const err = await failureOf(() => gw().userPools.describeUserPool(missing));
    expect(err).toMatchObject({ code: 'POOL_NOT_FOUND', awsErrorName: 'ResourceNotFoundException' });
    expect((await failureOf(() => gw().users.listUsers({ poolId: missing, limit: 10 }))).code).toBe(
      'POOL_NOT_FOUND',
    );
  });
});

describe('listUsers', () => {
  it('pages with limit 60 across all seeded users without repeats', async () => {
    const { users, pageSizes } = await allUsers(gw(), poolId);
    expect(users.length).toBeGreaterThanOrEqual(80);
    expect(pageSizes.length).toBeGreaterThanOrEqual(2);
    expect(pageSizes.every((n) => n <= 60)).toBe(true);
    expect(new Set(users.map((u) => u.username)).size).toBe(users.length);
    const sample = users[0] as CognitoUser;
    expect(sample).toMatchObject({ enabled: expect.any(Boolean), status: expect.any(String) });
    expect(sample.createdAt).toBeInstanceOf(Date);
    expect(sample.attributes.sub).toEqual(expect.any(String));
  });

  it('searches by email prefix and exact email', async () => {
    const { users } = await allUsers(gw(), poolId);
    const target = users.find((u) => (u.attributes.email ?? '').length >= 3) as CognitoUser;
    const email = target.attributes.email as string;
    const prefix = email.slice(0, 3);
    const page = await gw().users.listUsers({
      poolId,
      limit: 60,
      filter: { attribute: 'email', match: 'prefix', value: prefix },
    });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((u) => (u.attributes.email ?? '').startsWith(prefix))).toBe(true);
    const exact = await gw().users.listUsers({
      poolId,
      limit: 60,
      filter: { attribute: 'email', match: 'exact', value: email },
    });
    expect(usernamesOf(exact)).toContain(target.username);
  });

  it('a quote or backslash in the value finds nothing, without error or widening', async () => {
    for (const value of ['"', 'a"', '" or email ^= "', '\\', '\\"', '"\\']) {
      const page = await gw().users.listUsers({
        poolId,
        limit: 60,
        filter: { attribute: 'email', match: 'prefix', value },
      });
      expect(page.items).toEqual([]);
    }
  });

  it('finds values containing an apostrophe, a quote, a backslash and unicode exactly', async () => {
    const names = {
      family_name: "O'Brien",
      given_name: 'Zoë "Z" \\o/',
      email: `${uniqueName('quote')}@example.com`,
    };
    const username = uniqueName('obrien');
    await gw().users.createUser({ poolId, username, attributes: names, messageAction: 'SUPPRESS' });
    try {
      for (const [attribute, value] of Object.entries(names)) {
        const page = await gw().users.listUsers({
          poolId,
          limit: 60,
          filter: { attribute, match: 'exact', value },
        });
        expect(usernamesOf(page)).toContain(username);
      }
      const prefix = { attribute: 'given_name', match: 'prefix' as const, value: 'Zoë "Z" \\' };
      expect(usernamesOf(await gw().users.listUsers({ poolId, limit: 60, filter: prefix }))).toEqual([
        username,
      ]);
    } finally {
      await gw().users.deleteUser(poolId, username);
    }
  });

  it('rejects a disallowed attribute with VALIDATION_FAILED', async () => {
    const filter = { attribute: 'custom:tenant', match: 'exact' as const, value: 'x' };
    expect((await failureOf(() => gw().users.listUsers({ poolId, limit: 10, filter }))).code).toBe(
      'VALIDATION_FAILED',
    );
  });
});

describe('user lifecycle', () => {
  const username = uniqueName('gw-user');
  const email = `${username}@example.com`;

  it('createUser returns the user and a request id; a second create is USERNAME_EXISTS', async () => {
    const created = await gw().users.createUser({
      poolId,
      username,
      attributes: { email, given_name: 'Gate' },
      temporaryPassword: PASSWORD,
      messageAction: 'SUPPRESS',
    });
    expect(created.requestId).toEqual(expect.any(String));
    expect(created.value).toMatchObject({ username, status: 'FORCE_CHANGE_PASSWORD', enabled: true });
    expect(created.value.attributes.email).toBe(email);
    const again = () =>
      gw().users.createUser({ poolId, username, attributes: {}, messageAction: 'SUPPRESS' });
    const err = await failureOf(again);
    expect(err).toMatchObject({ code: 'USERNAME_EXISTS', requestId: expect.any(String) });
  });

  it('getUser maps attributes and MFA settings', async () => {
    const user = await gw().users.getUser(poolId, username);
    expect(user).toMatchObject({ username, mfaEnabled: [], mfaPreferred: null });
    expect(user.attributes.email).toBe(email);
  });

  it('updateUserAttributes and deleteUserAttributes', async () => {
    const updated = await gw().users.updateUserAttributes(poolId, username, {
      given_name: 'Updated',
      family_name: 'Way',
    });
    expect(updated.requestId).toEqual(expect.any(String));
    const attributes = (await gw().users.getUser(poolId, username)).attributes;
    expect(attributes).toMatchObject({ given_name: 'Updated', family_name: 'Way' });
    expect((await gw().users.deleteUserAttributes(poolId, username, ['family_name'])).requestId).toEqual(
      expect.any(String),
    );
    expect((await gw().users.getUser(poolId, username)).attributes.family_name).toBeUndefined();
  });

  it('disableUser and enableUser, visible through the status filter', async () => {
    expect((await gw().users.disableUser(poolId, username)).requestId).toEqual(expect.any(String));
    expect((await gw().users.getUser(poolId, username)).enabled).toBe(false);
    const filter = { attribute: 'status', match: 'exact' as const, value: 'Disabled' };
    expect(usernamesOf(await gw().users.listUsers({ poolId, limit: 60, filter }))).toContain(username);
    expect((await gw().users.enableUser(poolId, username)).requestId).toEqual(expect.any(String));
    expect((await gw().users.getUser(poolId, username)).enabled).toBe(true);
  });

  it('setUserPassword: a weak password is INVALID_PASSWORD, a strong permanent one confirms', async () => {
    const err = await failureOf(() => gw().users.setUserPassword(poolId, username, 'short', true));
    expect(err.code).toBe('INVALID_PASSWORD');
    expect((await gw().users.setUserPassword(poolId, username, PASSWORD, true)).requestId).toEqual(
      expect.any(String),
    );
    expect((await gw().users.getUser(poolId, username)).status).toBe('CONFIRMED');
  });

  it('globalSignOut and resetUserPassword return request ids', async () => {
    expect((await gw().users.globalSignOut(poolId, username)).requestId).toEqual(expect.any(String));
    expect((await gw().users.resetUserPassword(poolId, username)).requestId).toEqual(expect.any(String));
    expect((await gw().users.getUser(poolId, username)).status).toBe('RESET_REQUIRED');
  });

  it('listGroupsForUser follows NextToken past one page', async () => {
    expect(await gw().groups.listGroupsForUser(poolId, username)).toEqual([]);
    const names = Array.from({ length: 62 }, (_, i) => `${username}-g${String(i).padStart(2, '0')}`);
    await addToNewGroups(stack, poolId, username, names);
    expect([...(await gw().groups.listGroupsForUser(poolId, username))].sort()).toEqual(names);
  });

  it('deleteUser, after which the user is USER_NOT_FOUND', async () => {
    expect((await gw().users.deleteUser(poolId, username)).requestId).toEqual(expect.any(String));
    const err = await failureOf(() => gw().users.getUser(poolId, username));
    expect(err).toMatchObject({ code: 'USER_NOT_FOUND', awsErrorName: 'UserNotFoundException' });
    expect(err.requestId).toEqual(expect.any(String));
    expect(err.message.length).toBeGreaterThan(0);
  });
});

describe('errors', () => {
  it('calls on a missing user are USER_NOT_FOUND', async () => {
    const ghost = uniqueName('ghost');
    const calls = [
      () => gw().users.disableUser(poolId, ghost),
      () => gw().users.updateUserAttributes(poolId, ghost, { given_name: 'x' }),
      () => gw().users.setUserPassword(poolId, ghost, PASSWORD, true),
      () => gw().groups.listGroupsForUser(poolId, ghost),
    ];
    for (const call of calls) expect((await failureOf(call)).code).toBe('USER_NOT_FOUND');
  });

  it('an unreachable endpoint is COGNITO_UNAVAILABLE', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const offline = createCognitoGateway({
      defaultRegion: stack.region,
      endpoints: { cognitoIdp: endpoint },
      credentials: localCredentials,
      maxAttempts: 1,
    });
    try {
      const err = await failureOf(() => offline.userPools.listUserPools());
      expect(err).toMatchObject({ code: 'COGNITO_UNAVAILABLE', message: 'Cognito could not be reached.' });
    } finally {
      offline.destroy();
    }
  });
});
