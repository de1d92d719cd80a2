import { describe, expect, it, afterAll, beforeAll } from '@jest/globals';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminUpdateUserAttributesCommand,
  type CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolCommand,
  DeleteGroupCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetGroupCommand,
  InitiateAuthCommand,
  ListGroupsCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
  ListUsersInGroupCommand,
  UpdateGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { rmSync } from 'node:fs';
import { startEmulator, type RunningEmulator } from '../index';
import { createPoolWithClient, expectAwsError, sdkClient, tempDataDir } from './harness';

/**
 * Names that are keys of Object.prototype (or otherwise special to plain objects). A store keyed by plain
 * objects finds `__proto__` or `constructor` "present" in every pool, corrupting state for all users; the
 * emulator must treat them as ordinary names.
 */
const RESERVED = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

describe('reserved JavaScript names as usernames, group names, pool names and ids', () => {
  const dataDir = tempDataDir();
  let emulator: RunningEmulator;
  let client: CognitoIdentityProviderClient;
  let poolId: string;
  let clientId: string;

  const start = async () => {
    emulator = await startEmulator({ dataDir, port: 0 });
    client = sdkClient(emulator.endpoint);
  };
  const stop = async () => {
    client.destroy();
    await emulator.stop();
  };

  beforeAll(async () => {
    await start();
    ({ poolId, clientId } = await createPoolWithClient(client, 'reserved'));
    await client.send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'ordinary', MessageAction: 'SUPPRESS' }),
    );
  });
  afterAll(async () => {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(RESERVED)('%s is an unknown user, group, pool and client until created', async (name) => {
    const user = { UserPoolId: poolId, Username: name };
    await expectAwsError(client.send(new AdminGetUserCommand(user)), 'UserNotFoundException');
    await expectAwsError(client.send(new AdminDisableUserCommand(user)), 'UserNotFoundException');
    await expectAwsError(client.send(new AdminEnableUserCommand(user)), 'UserNotFoundException');
    await expectAwsError(client.send(new AdminDeleteUserCommand(user)), 'UserNotFoundException');
    await expectAwsError(
      client.send(
        new AdminUpdateUserAttributesCommand({ ...user, UserAttributes: [{ Name: 'name', Value: 'x' }] }),
      ),
      'UserNotFoundException',
    );
    const group = { UserPoolId: poolId, GroupName: name };
    await expectAwsError(client.send(new GetGroupCommand(group)), 'ResourceNotFoundException');
    await expectAwsError(client.send(new DeleteGroupCommand(group)), 'ResourceNotFoundException');
    await expectAwsError(
      client.send(new AdminAddUserToGroupCommand({ ...group, Username: 'ordinary' })),
      'ResourceNotFoundException',
    );
    await expectAwsError(client.send(new ListUsersInGroupCommand(group)), 'ResourceNotFoundException');
    for (const id of [name, `us-east-1_${name}`]) {
      await expectAwsError(
        client.send(new DescribeUserPoolCommand({ UserPoolId: id })),
        'ResourceNotFoundException',
      );
      await expectAwsError(
        client.send(new ListUsersCommand({ UserPoolId: id })),
        'ResourceNotFoundException',
      );
      await expectAwsError(
        client.send(new DeleteUserPoolCommand({ UserPoolId: id })),
        'ResourceNotFoundException',
      );
      expect(
        (await fetch(`${emulator.endpoint}/${encodeURIComponent(id)}/.well-known/jwks.json`)).status,
      ).toBe(404);
    }
    await expectAwsError(
      client.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: name })),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      client.send(
        new InitiateAuthCommand({
          ClientId: name,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'ordinary', PASSWORD: 'x' },
        }),
      ),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      client.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: poolId,
          Username: 'ordinary',
          UserAttributes: [{ Name: name, Value: 'x' }],
        }),
      ),
      'InvalidParameterException',
    );
    // nothing leaked into other users
    const ordinary = await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'ordinary' }));
    expect(ordinary).toMatchObject({ Username: 'ordinary', Enabled: true });
  });

  it('creates, reads, lists, updates and deletes users, groups and pools with these names', async () => {
    for (const name of RESERVED) {
      const user = { UserPoolId: poolId, Username: name };
      await client.send(
        new AdminCreateUserCommand({
          ...user,
          MessageAction: 'SUPPRESS',
          UserAttributes: [{ Name: 'email', Value: `${name.replace(/_/g, 'u')}@example.com` }],
        }),
      );
      expect(await client.send(new AdminGetUserCommand(user))).toMatchObject({
        Username: name,
        Enabled: true,
      });
      await client.send(
        new AdminUpdateUserAttributesCommand({ ...user, UserAttributes: [{ Name: 'name', Value: name }] }),
      );
      await client.send(new AdminDisableUserCommand(user));
      await expectAwsError(
        client.send(new AdminCreateUserCommand({ ...user, MessageAction: 'SUPPRESS' })),
        'UsernameExistsException',
      );

      await client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: name, Precedence: 3 }));
      await client.send(
        new UpdateGroupCommand({ UserPoolId: poolId, GroupName: name, Description: `the ${name} group` }),
      );
      await client.send(new AdminAddUserToGroupCommand({ ...user, GroupName: name }));
      await expectAwsError(
        client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: name })),
        'GroupExistsException',
      );

      await client.send(new CreateUserPoolCommand({ PoolName: name }));
    }
    const listed = await client.send(new ListUsersCommand({ UserPoolId: poolId }));
    expect(listed.Users!.map((u) => u.Username).sort()).toEqual([...RESERVED, 'ordinary'].sort());
    const groups = await client.send(new ListGroupsCommand({ UserPoolId: poolId }));
    expect(groups.Groups!.map((g) => g.GroupName).sort()).toEqual([...RESERVED].sort());
    for (const name of RESERVED) {
      expect(
        (await client.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: name }))).Group,
      ).toMatchObject({ GroupName: name, Description: `the ${name} group`, Precedence: 3 });
      const members = await client.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: name }));
      expect(members.Users!.map((u) => u.Username)).toEqual([name]);
      const memberOf = await client.send(
        new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: name }),
      );
      expect(memberOf.Groups!.map((g) => g.GroupName)).toEqual([name]);
    }
    const pools = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
    expect(pools.UserPools!.map((p) => p.Name).sort()).toEqual([...RESERVED, 'reserved'].sort());
  });

  it('keeps all of it across a restart, then deletes it, leaving the other users intact', async () => {
    await stop();
    await start();
    for (const name of RESERVED) {
      const user = { UserPoolId: poolId, Username: name };
      expect(await client.send(new AdminGetUserCommand(user))).toMatchObject({
        Username: name,
        Enabled: false,
        UserAttributes: expect.arrayContaining([{ Name: 'name', Value: name }]),
      });
      await client.send(new AdminEnableUserCommand(user));
      expect(
        (await client.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: name }))).Group?.Description,
      ).toBe(`the ${name} group`);
      await client.send(new DeleteGroupCommand({ UserPoolId: poolId, GroupName: name }));
      await client.send(new AdminDeleteUserCommand(user));
      await expectAwsError(client.send(new AdminGetUserCommand(user)), 'UserNotFoundException');
    }
    const pools = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
    for (const p of pools.UserPools!) {
      if (p.Id === poolId) continue;
      expect(RESERVED).toContain(p.Name);
      expect((await client.send(new DescribeUserPoolCommand({ UserPoolId: p.Id }))).UserPool?.Name).toBe(
        p.Name,
      );
      await client.send(new DeleteUserPoolCommand({ UserPoolId: p.Id }));
    }
    expect((await client.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools).toHaveLength(1);
    expect((await client.send(new ListGroupsCommand({ UserPoolId: poolId }))).Groups).toEqual([]);
    const listed = await client.send(new ListUsersCommand({ UserPoolId: poolId }));
    expect(listed.Users!.map((u) => u.Username)).toEqual(['ordinary']);
    await client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'ordinary' }));
    expect(
      await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'ordinary' })),
    ).toMatchObject({ Enabled: false });
    expect(clientId).toMatch(/^[a-z0-9]{26}$/);
  });
});
