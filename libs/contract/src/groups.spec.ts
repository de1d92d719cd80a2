import { describe, expect, it } from '@jest/globals';
import { createGroupBodySchema, roleArnSchema, tokenRolesFor, updateGroupBodySchema } from './groups';

const arn = (name: string) => `arn:aws:iam::123456789012:role/${name}`;

describe('tokenRolesFor (cognito:roles and cognito:preferred_role as AWS documents them)', () => {
  it('no groups, or groups without roles: no roles, no preferred role', () => {
    expect(tokenRolesFor([])).toEqual({ roles: [], preferredRole: null });
    expect(tokenRolesFor([{ precedence: 0, roleArn: null }])).toEqual({ roles: [], preferredRole: null });
  });

  it('the lowest precedence wins; null precedence loses to any number', () => {
    expect(
      tokenRolesFor([
        { precedence: null, roleArn: arn('None') },
        { precedence: 5, roleArn: arn('Five') },
        { precedence: 1, roleArn: arn('One') },
      ]),
    ).toEqual({ roles: [arn('One'), arn('Five'), arn('None')], preferredRole: arn('One') });
  });

  it('a group without a role does not block the next one', () => {
    expect(
      tokenRolesFor([
        { precedence: 0, roleArn: null },
        { precedence: 3, roleArn: arn('Three') },
      ]).preferredRole,
    ).toBe(arn('Three'));
  });

  it('the two best tie with different roles: no preferred role; with the same role: that role', () => {
    expect(
      tokenRolesFor([
        { precedence: 2, roleArn: arn('A') },
        { precedence: 2, roleArn: arn('B') },
        { precedence: 9, roleArn: arn('C') },
      ]),
    ).toEqual({ roles: [arn('A'), arn('B'), arn('C')], preferredRole: null });
    expect(
      tokenRolesFor([
        { precedence: 2, roleArn: arn('A') },
        { precedence: 2, roleArn: arn('A') },
      ]),
    ).toEqual({ roles: [arn('A')], preferredRole: arn('A') });
    expect(
      tokenRolesFor([
        { precedence: null, roleArn: arn('A') },
        { precedence: null, roleArn: arn('B') },
      ]).preferredRole,
    ).toBeNull();
  });
});

describe('group bodies', () => {
  it('accepts role ARNs with a path and other partitions; refuses users, policies and garbage', () => {
    for (const ok of [
      arn('Editors'),
      'arn:aws:iam::123456789012:role/app/team/Editors',
      'arn:aws-cn:iam::123456789012:role/x',
    ])
      expect(roleArnSchema.safeParse(ok).success).toBe(true);
    for (const bad of [
      'arn:aws:iam::123456789012:user/bob',
      'arn:aws:iam::1234:role/x',
      'role/x',
      arn('has space'),
    ])
      expect(roleArnSchema.safeParse(bad).success).toBe(false);
  });

  it('precedence is a non-negative whole number up to 2^31-1', () => {
    expect(createGroupBodySchema.safeParse({ groupName: 'g', precedence: -1 }).success).toBe(false);
    expect(createGroupBodySchema.safeParse({ groupName: 'g', precedence: 1.5 }).success).toBe(false);
    expect(createGroupBodySchema.safeParse({ groupName: 'g', precedence: 2 ** 31 }).success).toBe(false);
    expect(createGroupBodySchema.safeParse({ groupName: 'g', precedence: 2 ** 31 - 1 }).success).toBe(true);
  });

  it('an update names at least one field', () => {
    expect(updateGroupBodySchema.safeParse({}).success).toBe(false);
    expect(updateGroupBodySchema.safeParse({ precedence: 0 }).success).toBe(true);
  });
});
