import { describe, expect, it, afterAll, beforeAll } from '@jest/globals';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
  CreateGroupCommand,
  DeleteGroupCommand,
  GetGroupCommand,
  InitiateAuthCommand,
  ListUsersInGroupCommand,
  UpdateGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createPoolWithClient, expectAwsError, Harness, startHarness } from './harness';

const PW = 'Str0ng!Passw0rd';
const role = (name: string) => `arn:aws:iam::123456789012:role/${name}`;

/**
 * Group claims in tokens, as API_CreateGroup (Precedence) documents them: `cognito:roles` lists every
 * group's RoleArn, `cognito:preferred_role` is the lowest-Precedence group's, and is not set when the best
 * groups share a Precedence with different roles.
 */
describe('groups in tokens and group management', () => {
  let h: Harness;
  let poolId: string;
  let clientId: string;

  const claimsOf = async (USERNAME: string) => {
    const out = await h.client.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME, PASSWORD: PW },
      }),
    );
    const part = (t: string) =>
      JSON.parse(Buffer.from(t.split('.')[1] as string, 'base64url').toString()) as Record<string, unknown>;
    return {
      id: part(out.AuthenticationResult!.IdToken!),
      access: part(out.AuthenticationResult!.AccessToken!),
    };
  };
  const userIn = async (Username: string, groups: string[]) => {
    await h.client.send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username, MessageAction: 'SUPPRESS' }),
    );
    await h.client.send(
      new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username, Password: PW, Permanent: true }),
    );
    for (const GroupName of groups)
      await h.client.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username, GroupName }));
  };
  const group = (GroupName: string, Precedence?: number, RoleArn?: string) =>
    h.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName, Precedence, RoleArn }));

  beforeAll(async () => {
    h = await startHarness();
    ({ poolId, clientId } = await createPoolWithClient(h.client));
    await group('editors', 1, role('Editor'));
    await group('writers', 1, role('Writer'));
    await group('authors', 1, role('Editor'));
    await group('readers', 5, role('Reader'));
    await group('norole', 0);
    await group('floating', undefined, role('Floating'));
  });
  afterAll(() => h.close());

  it('prefers the role of the lowest-Precedence group that has a role', async () => {
    await userIn('rita', ['readers', 'editors', 'norole', 'floating']);
    const { id, access } = await claimsOf('rita');
    expect(id['cognito:groups']).toEqual(['norole', 'editors', 'readers', 'floating']);
    expect([...(id['cognito:roles'] as string[])].sort()).toEqual(
      [role('Editor'), role('Floating'), role('Reader')].sort(),
    );
    expect(id['cognito:preferred_role']).toBe(role('Editor'));
    expect(access['cognito:groups']).toEqual(id['cognito:groups']);
    expect(access['cognito:preferred_role']).toBeUndefined();
  });

  it('does not set cognito:preferred_role when the best groups tie with different roles', async () => {
    await userIn('tom', ['editors', 'writers', 'readers']);
    const { id } = await claimsOf('tom');
    expect([...(id['cognito:roles'] as string[])].sort()).toEqual(
      [role('Editor'), role('Reader'), role('Writer')].sort(),
    );
    expect(id).not.toHaveProperty('cognito:preferred_role');
  });

  it('keeps cognito:preferred_role when the tied groups have the same role', async () => {
    await userIn('ann', ['editors', 'authors', 'readers']);
    const { id } = await claimsOf('ann');
    expect(id['cognito:preferred_role']).toBe(role('Editor'));
    expect([...(id['cognito:roles'] as string[])].sort()).toEqual([role('Editor'), role('Reader')].sort());
  });

  it('a group without Precedence ranks after every numbered one', async () => {
    await userIn('fay', ['floating', 'readers']);
    expect((await claimsOf('fay')).id['cognito:preferred_role']).toBe(role('Reader'));
    await userIn('flo', ['floating']);
    expect((await claimsOf('flo')).id['cognito:preferred_role']).toBe(role('Floating'));
  });

  it('UpdateGroup changes what it is given; tokens follow', async () => {
    await userIn('uma', ['editors', 'writers']);
    expect((await claimsOf('uma')).id).not.toHaveProperty('cognito:preferred_role');
    const out = await h.client.send(
      new UpdateGroupCommand({ UserPoolId: poolId, GroupName: 'writers', Precedence: 0 }),
    );
    expect(out.Group).toMatchObject({ GroupName: 'writers', Precedence: 0, RoleArn: role('Writer') });
    expect((await claimsOf('uma')).id['cognito:preferred_role']).toBe(role('Writer'));
    await h.client.send(
      new UpdateGroupCommand({ UserPoolId: poolId, GroupName: 'writers', Description: 'Writers' }),
    );
    expect(
      (await h.client.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: 'writers' }))).Group,
    ).toMatchObject({ Description: 'Writers', Precedence: 0 });
    await expectAwsError(
      h.client.send(new UpdateGroupCommand({ UserPoolId: poolId, GroupName: 'ghosts', Precedence: 1 })),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      h.client.send(new UpdateGroupCommand({ UserPoolId: poolId, GroupName: 'writers', RoleArn: 'nope' })),
      'InvalidParameterException',
    );
  });

  it('lists a group’s members with Limit/NextToken; remove and delete take the group out of tokens', async () => {
    for (const u of ['m1', 'm2', 'm3']) await userIn(u, ['readers']);
    const seen: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await h.client.send(
        new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: 'readers', Limit: 2, NextToken }),
      );
      expect(page.Users!.length).toBeLessThanOrEqual(2);
      seen.push(...page.Users!.map((u) => u.Username!));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(seen.sort()).toEqual(['ann', 'fay', 'm1', 'm2', 'm3', 'rita', 'tom']);
    await h.client.send(
      new AdminRemoveUserFromGroupCommand({ UserPoolId: poolId, Username: 'm1', GroupName: 'readers' }),
    );
    expect((await claimsOf('m1')).id).not.toHaveProperty('cognito:groups');
    await h.client.send(new DeleteGroupCommand({ UserPoolId: poolId, GroupName: 'readers' }));
    expect((await claimsOf('m2')).id).not.toHaveProperty('cognito:roles');
    await expectAwsError(
      h.client.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: 'readers' })),
      'ResourceNotFoundException',
    );
  });
});
