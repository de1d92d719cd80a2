import { describe, expect, it, afterAll, beforeAll } from '@jest/globals';
import {
  AdminListGroupsForUserCommand,
  DescribeUserPoolCommand,
  InitiateAuthCommand,
  ListGroupsCommand,
  ListUsersCommand,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { operatorPassword, seedLocalCognito, type LocalSeed } from '../index';
import { Harness, startHarness } from './harness';

describe('seedLocalCognito', () => {
  let h: Harness;
  let seed: LocalSeed;
  // seeding speed is measured by tools/bench/start-time.mjs, not asserted here
  beforeAll(async () => {
    h = await startHarness();
    seed = await seedLocalCognito(h.emulator.endpoint, h.emulator.region);
  }, 120000);
  afterAll(() => h.close());

  it('creates the operator pool, console client, groups and users who can sign in', async () => {
    expect(seed.operatorPool.name).toBe('poolkeeper-operators');
    expect(seed.operatorPool.id).toMatch(/^us-east-1_[A-Za-z0-9]{9}$/);
    expect(seed.operatorPool.clientId).toMatch(/^[a-z0-9]{26}$/);
    const groups = await h.client.send(new ListGroupsCommand({ UserPoolId: seed.operatorPool.id }));
    expect(groups.Groups!.map((g) => g.GroupName).sort()).toEqual([
      'poolkeeper-admin',
      'poolkeeper-auditor',
      'poolkeeper-support',
    ]);
    for (const role of ['admin', 'support', 'auditor']) {
      const auth = await h.client.send(
        new InitiateAuthCommand({
          ClientId: seed.operatorPool.clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: role, PASSWORD: operatorPassword },
        }),
      );
      const claims = JSON.parse(
        Buffer.from(auth.AuthenticationResult!.IdToken!.split('.')[1]!, 'base64url').toString(),
      );
      expect(claims).toMatchObject({
        email: `${role}@poolkeeper.local`,
        'cognito:groups': [`poolkeeper-${role}`],
      });
    }
  });

  it('creates >= 500 demo users with custom attributes and a status mix, listable 60 at a time', async () => {
    expect(seed.managedPools.map((p) => p.name)).toEqual(['Acme Customers', 'Globex Partners']);
    const demo = seed.managedPools[0]!;
    expect(demo.name).toBe('Acme Customers');
    const users: UserType[] = [];
    let token: string | undefined;
    do {
      const page = await h.client.send(
        new ListUsersCommand({ UserPoolId: demo.id, Limit: 60, PaginationToken: token }),
      );
      expect(page.Users!.length).toBeLessThanOrEqual(60);
      users.push(...page.Users!);
      token = page.PaginationToken;
    } while (token);
    expect(users.length).toBe(520);
    const attr = (u: UserType, n: string) => u.Attributes!.find((a) => a.Name === n)?.Value;
    expect(
      users.every(
        (u) =>
          attr(u, 'custom:tenant')?.startsWith('acme-') &&
          ['free', 'pro', 'enterprise'].includes(attr(u, 'custom:plan')!),
      ),
    ).toBe(true);
    expect(users.every((u) => /^\+1\d{10}$/.test(attr(u, 'phone_number')!))).toBe(true);
    expect(new Set(users.map((u) => attr(u, 'email'))).size).toBe(520);
    const count = (f: (u: UserType) => boolean) => users.filter(f).length;
    expect(count((u) => u.UserStatus === 'CONFIRMED')).toBeGreaterThan(300);
    expect(count((u) => u.UserStatus === 'FORCE_CHANGE_PASSWORD')).toBeGreaterThan(20);
    expect(count((u) => u.UserStatus === 'RESET_REQUIRED')).toBeGreaterThan(10);
    expect(count((u) => !u.Enabled)).toBeGreaterThan(10);
    const obrien = await h.client.send(
      new ListUsersCommand({ UserPoolId: demo.id, Filter: `family_name = "O'Brien"` }),
    );
    expect(obrien.Users).toHaveLength(1);
    const plus = await h.client.send(
      new ListUsersCommand({ UserPoolId: demo.id, Filter: 'email ^= "liam.chen+"' }),
    );
    expect(plus.Users).toHaveLength(1);
    const groups = await h.client.send(new ListGroupsCommand({ UserPoolId: demo.id }));
    expect(groups.Groups!.map((g) => g.GroupName).sort()).toEqual([
      'beta-testers',
      'enterprise-admins',
      'support-escalations',
    ]);
    const member = await h.client.send(
      new AdminListGroupsForUserCommand({ UserPoolId: demo.id, Username: 'sam.lee' }),
    );
    expect(member.Groups!.map((g) => g.GroupName)).toEqual(['enterprise-admins']);
  });

  it('is idempotent', async () => {
    const again = await seedLocalCognito(h.emulator.endpoint, h.emulator.region);
    expect(again).toEqual(seed);
    const pool = await h.client.send(new DescribeUserPoolCommand({ UserPoolId: seed.managedPools[0]!.id }));
    expect(pool.UserPool?.EstimatedNumberOfUsers).toBe(520);
    expect(pool.UserPool?.SchemaAttributes!.map((a) => a.Name)).toEqual(
      expect.arrayContaining(['custom:tenant', 'custom:plan']),
    );
  });
});
