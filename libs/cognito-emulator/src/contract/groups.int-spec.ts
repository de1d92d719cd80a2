import { describe, expect, it, afterAll, beforeAll } from '@jest/globals';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminListGroupsForUserCommand,
  CreateGroupCommand,
  ListGroupsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createPoolWithClient, expectAwsError, Harness, startHarness } from './harness';

describe('groups', () => {
  let h: Harness;
  let poolId: string;
  beforeAll(async () => {
    h = await startHarness();
    ({ poolId } = await createPoolWithClient(h.client));
    await h.client.send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'gina', MessageAction: 'SUPPRESS' }),
    );
  });
  afterAll(() => h.close());

  it('creates groups with description, precedence and role, and refuses duplicates', async () => {
    const out = await h.client.send(
      new CreateGroupCommand({
        UserPoolId: poolId,
        GroupName: 'admins',
        Description: 'Admins',
        Precedence: 1,
        RoleArn: 'arn:aws:iam::123456789012:role/Admin',
      }),
    );
    expect(out.Group).toMatchObject({
      GroupName: 'admins',
      UserPoolId: poolId,
      Description: 'Admins',
      Precedence: 1,
      RoleArn: 'arn:aws:iam::123456789012:role/Admin',
    });
    expect(out.Group?.CreationDate).toBeInstanceOf(Date);
    await expectAwsError(
      h.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'admins' })),
      'GroupExistsException',
    );
    await expectAwsError(
      h.client.send(new CreateGroupCommand({ UserPoolId: 'us-east-1_AAAAAAAAA', GroupName: 'x' })),
      'ResourceNotFoundException',
    );
  });

  it('lists groups with Limit and NextToken', async () => {
    for (const n of ['g1', 'g2', 'g3', 'g4'])
      await h.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: n }));
    const names: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await h.client.send(new ListGroupsCommand({ UserPoolId: poolId, Limit: 2, NextToken }));
      expect(page.Groups!.length).toBeLessThanOrEqual(2);
      names.push(...page.Groups!.map((g) => g.GroupName!));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(names.sort()).toEqual(['admins', 'g1', 'g2', 'g3', 'g4']);
    await expectAwsError(
      h.client.send(new ListGroupsCommand({ UserPoolId: poolId, Limit: 61 })),
      'InvalidParameterException',
    );
  });

  it("adds users to groups (idempotently) and lists a user's groups with paging", async () => {
    for (const GroupName of ['admins', 'g1', 'g2']) {
      await h.client.send(
        new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'GINA', GroupName }),
      );
    }
    await h.client.send(
      new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'gina', GroupName: 'admins' }),
    );
    const first = await h.client.send(
      new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: 'gina', Limit: 2 }),
    );
    expect(first.Groups).toHaveLength(2);
    const second = await h.client.send(
      new AdminListGroupsForUserCommand({
        UserPoolId: poolId,
        Username: 'gina',
        Limit: 2,
        NextToken: first.NextToken,
      }),
    );
    expect(second.Groups).toHaveLength(1);
    expect(second.NextToken).toBeUndefined();
    expect([...first.Groups!, ...second.Groups!].map((g) => g.GroupName).sort()).toEqual([
      'admins',
      'g1',
      'g2',
    ]);
    await expectAwsError(
      h.client.send(
        new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'gina', GroupName: 'nope' }),
      ),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      h.client.send(
        new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'ghost', GroupName: 'g1' }),
      ),
      'UserNotFoundException',
    );
    await expectAwsError(
      h.client.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: 'ghost' })),
      'UserNotFoundException',
    );
  });
});
