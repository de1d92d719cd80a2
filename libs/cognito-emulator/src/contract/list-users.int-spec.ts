import { describe, expect, it, afterAll, beforeAll } from '@jest/globals';
import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminSetUserPasswordCommand,
  ListUsersCommand,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { createPoolWithClient, expectAwsError, Harness, startHarness } from './harness';

describe('ListUsers', () => {
  let h: Harness;
  let poolId: string;
  const people: Array<[string, Record<string, string>]> = [
    [
      'olivia.martin42',
      {
        email: 'olivia.martin@example.com',
        given_name: 'Olivia',
        family_name: 'Martin',
        name: 'Olivia Martin',
        phone_number: '+15550000001',
      },
    ],
    [
      'Oliver.Smith',
      {
        email: 'oliver+news@example.com',
        given_name: 'Oliver',
        family_name: 'Smith',
        name: 'Oliver Smith',
        preferred_username: 'ollie',
      },
    ],
    [
      'siobhan',
      {
        email: 'siobhan@example.com',
        given_name: 'Siobhan',
        family_name: "O'Brien",
        name: 'Siobhan "Shiv" O\'Brien',
      },
    ],
    ['slashy', { email: 'slashy@example.com', family_name: 'Back\\Slash', 'custom:tenant': 'acme' }],
  ];

  beforeAll(async () => {
    h = await startHarness();
    ({ poolId } = await createPoolWithClient(h.client));
    for (const [Username, attrs] of people) {
      await h.client.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username,
          MessageAction: 'SUPPRESS',
          UserAttributes: Object.entries(attrs).map(([Name, Value]) => ({ Name, Value })),
        }),
      );
    }
    for (let i = 0; i < 70; i++) {
      await h.client.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: `bulk${String(i).padStart(3, '0')}`,
          MessageAction: 'SUPPRESS',
        }),
      );
    }
    await h.client.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: 'siobhan',
        Password: 'Str0ng!Passw0rd',
        Permanent: true,
      }),
    );
    await h.client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'slashy' }));
  }, 30000);
  afterAll(() => h.close());

  const list = async (Filter: string) =>
    (await h.client.send(new ListUsersCommand({ UserPoolId: poolId, Filter }))).Users!.map((u) => u.Username);

  it('defaults to 60 per page and pages through everything with an opaque PaginationToken', async () => {
    const first = await h.client.send(new ListUsersCommand({ UserPoolId: poolId }));
    expect(first.Users).toHaveLength(60);
    expect(first.PaginationToken).toBeTruthy();
    const all: UserType[] = [...first.Users!];
    let token = first.PaginationToken;
    while (token) {
      const page = await h.client.send(
        new ListUsersCommand({ UserPoolId: poolId, Limit: 7, PaginationToken: token }),
      );
      expect(page.Users!.length).toBeLessThanOrEqual(7);
      all.push(...page.Users!);
      token = page.PaginationToken;
    }
    expect(all).toHaveLength(74);
    expect(new Set(all.map((u) => u.Username)).size).toBe(74);
  });

  it('validates Limit and the token', async () => {
    expect((await h.client.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 5 }))).Users).toHaveLength(
      5,
    );
    await expectAwsError(
      h.client.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 61 })),
      'InvalidParameterException',
    );
    await expectAwsError(
      h.client.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 0 })),
      'InvalidParameterException',
    );
    await expectAwsError(
      h.client.send(new ListUsersCommand({ UserPoolId: poolId, PaginationToken: 'garbage' })),
      'InvalidParameterException',
    );
    const page = await h.client.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 2 }));
    // a token only works for the query it came from
    await expectAwsError(
      h.client.send(
        new ListUsersCommand({
          UserPoolId: poolId,
          Limit: 2,
          Filter: 'username ^= "bulk"',
          PaginationToken: page.PaginationToken,
        }),
      ),
      'InvalidParameterException',
    );
  });

  it('returns only AttributesToGet', async () => {
    const out = await h.client.send(
      new ListUsersCommand({
        UserPoolId: poolId,
        Filter: 'username = "olivia.martin42"',
        AttributesToGet: ['email'],
      }),
    );
    expect(out.Users).toHaveLength(1);
    expect(out.Users![0]!.Attributes).toEqual([{ Name: 'email', Value: 'olivia.martin@example.com' }]);
    expect(out.Users![0]!.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
  });

  it('filters with = and ^=, with or without whitespace', async () => {
    expect(await list('email = "olivia.martin@example.com"')).toEqual(['olivia.martin42']);
    expect(await list('email="olivia.martin@example.com"')).toEqual(['olivia.martin42']);
    expect((await list('given_name ^= "Oliv"')).sort()).toEqual(['Oliver.Smith', 'olivia.martin42']);
    expect(await list('given_name^="Olive"')).toEqual(['Oliver.Smith']);
    expect(await list('phone_number = "+15550000001"')).toEqual(['olivia.martin42']);
    expect(await list('preferred_username = "ollie"')).toEqual(['Oliver.Smith']);
    expect(await list('name ^= "Oliver S"')).toEqual(['Oliver.Smith']);
    expect(await list('email ^= "oliver+"')).toEqual(['Oliver.Smith']);
    expect(await list('')).toHaveLength(60);
  });

  it('compares usernames case-insensitively and other attributes exactly', async () => {
    expect(await list('username = "OLIVER.SMITH"')).toEqual(['Oliver.Smith']);
    expect(await list('username ^= "oliver."')).toEqual(['Oliver.Smith']);
    expect(await list('email = "OLIVIA.MARTIN@EXAMPLE.COM"')).toEqual([]);
  });

  it('honours \\" and \\\\ escapes', async () => {
    expect(await list(`family_name = "O'Brien"`)).toEqual(['siobhan']);
    expect(await list('name = "Siobhan \\"Shiv\\" O\'Brien"')).toEqual(['siobhan']);
    expect(await list('family_name = "Back\\\\Slash"')).toEqual(['slashy']);
  });

  it('filters on status, cognito:user_status and sub', async () => {
    expect(await list('status = "Disabled"')).toEqual(['slashy']);
    expect(await list('status = "Enabled"')).toHaveLength(60);
    expect(await list('cognito:user_status = "CONFIRMED"')).toEqual(['siobhan']);
    expect(await list('cognito:user_status = "confirmed"')).toEqual(['siobhan']);
    const one = await h.client.send(
      new ListUsersCommand({ UserPoolId: poolId, Filter: 'username = "slashy"' }),
    );
    const sub = one.Users![0]!.Attributes!.find((a) => a.Name === 'sub')!.Value!;
    expect(await list(`sub = "${sub}"`)).toEqual(['slashy']);
  });

  it('rejects custom attributes, other attributes and malformed filters', async () => {
    for (const bad of [
      'custom:tenant = "acme"',
      'locale = "en"',
      'email',
      'email = olivia',
      'email = "unterminated',
      'email ~= "x"',
      'email = "a" and name = "b"',
      'email = "bad \\escape"',
    ]) {
      await expectAwsError(
        h.client.send(new ListUsersCommand({ UserPoolId: poolId, Filter: bad })),
        'InvalidParameterException',
      );
    }
  });
});
