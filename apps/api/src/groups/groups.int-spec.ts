import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { defaultRoleGroups } from '@poolkeeper/contract';
import { type LocalApi, type Role, startLocalApi } from '../test-support/local-api';

const ROLE = 'arn:aws:iam::123456789012:role/Editors';
const OTHER_ROLE = 'arn:aws:iam::123456789012:role/Viewers';

/** Real emulator + real embedded Postgres + real gateway; the operator pool is managed too (self-protection). */
describe('groups API against the local Cognito and Postgres', () => {
  let local: LocalApi;
  let pool: string;
  let operatorPool: string;
  const call = (role: Role | null, method: string, path: string, body?: unknown) =>
    local.call(role, method, path, body);
  const groups = (p = pool) => `/api/pools/${p}/groups`;

  beforeAll(async () => {
    local = await startLocalApi({ demoUsers: 5, manageOperatorPool: true });
    pool = local.pool;
    operatorPool = local.seed.operatorPool.id;
  }, 120_000);
  afterAll(() => local?.close(), 60_000);

  async function demoUsers(n: number): Promise<string[]> {
    const res = await call('admin', 'GET', `/api/pools/${pool}/users?limit=${n}`);
    return res.body!.items.map((u: { username: string }) => u.username);
  }

  it('creates, reads, pages, updates (diff audited), lists members, deletes with confirm', async () => {
    const name = `int-${Date.now()}`;
    const created = await call('admin', 'POST', groups(), {
      groupName: name,
      description: 'Editors',
      precedence: 3,
      roleArn: ROLE,
    });
    expect(created).toMatchObject({
      status: 201,
      body: { groupName: name, description: 'Editors', precedence: 3, roleArn: ROLE },
    });
    expect(await call('admin', 'POST', groups(), { groupName: name })).toMatchObject({
      status: 409,
      body: { code: 'GROUP_EXISTS' },
    });
    expect(await call('support', 'GET', `${groups()}/${name}`)).toMatchObject({
      status: 200,
      body: { groupName: name, precedence: 3 },
    });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call(
        'auditor',
        'GET',
        `${groups()}?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(res.status).toBe(200);
      expect(res.body!.items.length).toBeLessThanOrEqual(1);
      seen.push(...res.body!.items.map((g: { groupName: string }) => g.groupName));
      cursor = res.body!.nextCursor;
    } while (cursor);
    expect(seen).toContain(name);
    expect(new Set(seen).size).toBe(seen.length);

    const patched = await call('admin', 'PATCH', `${groups()}/${name}`, { precedence: 7, reason: 'reorder' });
    expect(patched).toMatchObject({
      status: 200,
      body: { precedence: 7, description: 'Editors', roleArn: ROLE },
    });
    const audit = await call('auditor', 'GET', `/api/audit-events?target=${name}&action=group.update`);
    expect(audit.body!.items[0]).toMatchObject({
      action: 'group.update',
      reason: 'reorder',
      request: { precedence: 7, changes: { precedence: { before: 3, after: 7 } } },
    });

    const [a, b] = await demoUsers(2);
    for (const u of [a!, b!]) {
      expect((await call('admin', 'PUT', `${groups()}/${name}/members/${u}`)).status).toBe(204);
    }
    const page1 = await call('support', 'GET', `${groups()}/${name}/members?limit=1`);
    expect(page1.body!.items).toHaveLength(1);
    const page2 = await call(
      'support',
      'GET',
      `${groups()}/${name}/members?limit=1&cursor=${encodeURIComponent(page1.body!.nextCursor)}`,
    );
    expect([page1.body!.items[0].username, page2.body!.items[0].username].sort()).toEqual([a, b].sort());
    const membership = await call('auditor', 'GET', `/api/audit-events?target=${a}&action=group.add-member`);
    expect(membership.body!.items[0]).toMatchObject({
      outcome: 'succeeded',
      targets: [
        { type: 'group', id: name },
        { type: 'user', id: a },
      ],
      request: { changes: { groups: { after: expect.arrayContaining([name]) } } },
    });

    expect((await call('admin', 'DELETE', `${groups()}/${name}/members/${b}`)).status).toBe(204);
    expect(
      (await call('admin', 'GET', `/api/pools/${pool}/users/${b}/groups`)).body!.groups,
    ).not.toContainEqual(expect.objectContaining({ groupName: name }));

    expect(await call('admin', 'DELETE', `${groups()}/${name}`, { confirm: 'wrong' })).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', details: [{ field: 'confirm' }] },
    });
    expect(await call('admin', 'DELETE', `${groups()}/${name}`)).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED' },
    });
    expect((await call('admin', 'GET', `${groups()}/${name}`)).status).toBe(200);
    expect((await call('admin', 'DELETE', `${groups()}/${name}`, { confirm: name })).status).toBe(204);
    expect(await call('admin', 'GET', `${groups()}/${name}`)).toMatchObject({
      status: 404,
      body: { code: 'GROUP_NOT_FOUND' },
    });
  });

  it('bad input: 400 with the field; missing group or user 404', async () => {
    expect(
      await call('admin', 'POST', groups(), { groupName: 'x', roleArn: 'arn:aws:iam::1:user/bob' }),
    ).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', details: [{ field: 'roleArn' }] },
    });
    expect(await call('admin', 'POST', groups(), { groupName: 'x', precedence: -1 })).toMatchObject({
      status: 400,
      body: { details: [{ field: 'precedence' }] },
    });
    expect(await call('admin', 'PATCH', `${groups()}/nope-${Date.now()}`, { precedence: 1 })).toMatchObject({
      status: 404,
      body: { code: 'GROUP_NOT_FOUND' },
    });
    const [a] = await demoUsers(1);
    expect(await call('admin', 'PUT', `${groups()}/nope-${Date.now()}/members/${a}`)).toMatchObject({
      status: 404,
      body: { code: 'GROUP_NOT_FOUND' },
    });
    await call('admin', 'POST', groups(), { groupName: 'int-404' });
    expect(await call('admin', 'PUT', `${groups()}/int-404/members/nobody-${Date.now()}`)).toMatchObject({
      status: 404,
      body: { code: 'USER_NOT_FOUND' },
    });
  });

  it("a user's groups say which roles a token carries (ties on precedence with different roles: none)", async () => {
    const [u] = await demoUsers(1);
    const stamp = Date.now();
    const make = async (suffix: string, precedence: number, roleArn: string) => {
      const groupName = `tok-${stamp}-${suffix}`;
      await call('admin', 'POST', groups(), { groupName, precedence, roleArn });
      await call('admin', 'PUT', `${groups()}/${groupName}/members/${u}`);
      return groupName;
    };
    await make('a', 1, ROLE);
    let res = await call('support', 'GET', `/api/pools/${pool}/users/${u}/groups`);
    expect(res.body!.tokenRoles).toMatchObject({ preferredRole: ROLE });
    await make('b', 1, OTHER_ROLE);
    res = await call('support', 'GET', `/api/pools/${pool}/users/${u}/groups`);
    expect(res.status).toBe(200);
    expect(res.body!.tokenRoles.roles).toEqual(expect.arrayContaining([ROLE, OTHER_ROLE]));
    expect(res.body!.tokenRoles.preferredRole).toBeNull();
    expect(res.body!.groups).toContainEqual(
      expect.objectContaining({ groupName: `tok-${stamp}-b`, precedence: 1, roleArn: OTHER_ROLE }),
    );
  });

  describe('permissions per route and role', () => {
    const g = 'perm-group';
    beforeAll(async () => {
      await call('admin', 'POST', groups(), { groupName: g });
    });
    const cases = (user: string): Array<[string, string, unknown, Record<Role, number>]> => [
      ['GET', groups(), undefined, { admin: 200, support: 200, auditor: 200 }],
      ['GET', `${groups()}/${g}`, undefined, { admin: 200, support: 200, auditor: 200 }],
      ['GET', `${groups()}/${g}/members`, undefined, { admin: 200, support: 200, auditor: 200 }],
      [
        'GET',
        `/api/pools/${pool}/users/${user}/groups`,
        undefined,
        { admin: 200, support: 200, auditor: 200 },
      ],
      ['POST', groups(), { groupName: 'perm-new' }, { admin: 201, support: 403, auditor: 403 }],
      ['PATCH', `${groups()}/${g}`, { precedence: 4 }, { admin: 200, support: 403, auditor: 403 }],
      ['PUT', `${groups()}/${g}/members/${user}`, undefined, { admin: 204, support: 403, auditor: 403 }],
      ['DELETE', `${groups()}/${g}/members/${user}`, undefined, { admin: 204, support: 403, auditor: 403 }],
      ['DELETE', `${groups()}/perm-new`, { confirm: 'perm-new' }, { admin: 204, support: 403, auditor: 403 }],
    ];

    it('support and auditor read; only admin changes (403 FORBIDDEN, nothing audited)', async () => {
      const [user] = await demoUsers(1);
      const table = cases(user!);
      const results: string[] = [];
      const expected: string[] = [];
      for (const role of ['support', 'auditor', 'admin'] as const) {
        for (const [method, path, body, want] of table) {
          const res = await call(role, method, path, body);
          results.push(`${role} ${method} ${path} ${res.status} ${res.status === 403 ? res.body!.code : ''}`);
          expected.push(`${role} ${method} ${path} ${want[role]} ${want[role] === 403 ? 'FORBIDDEN' : ''}`);
        }
      }
      expect(results).toEqual(expected);
      const refused = await call('auditor', 'GET', `/api/audit-events?target=perm-new&action=group.create`);
      expect(
        refused.body!.items.every((e: { actor: { username: string } }) => e.actor.username === 'admin'),
      ).toBe(true);
    });
  });

  describe('self-protection in the operator pool', () => {
    const admins = defaultRoleGroups.admin;

    it('the last member of the admin group cannot be removed, nor the group deleted (409 LAST_ADMIN)', async () => {
      expect(await call('admin', 'DELETE', `${groups(operatorPool)}/${admins}/members/admin`)).toMatchObject({
        status: 409,
        body: { code: 'LAST_ADMIN' },
      });
      expect(
        await call('admin', 'DELETE', `${groups(operatorPool)}/${admins}`, { confirm: admins }),
      ).toMatchObject({
        status: 409,
        body: { code: 'LAST_ADMIN' },
      });
      const still = await call('admin', 'GET', `${groups(operatorPool)}/${admins}/members`);
      expect(still.body!.items.map((u: { username: string }) => u.username)).toEqual(['admin']);
    });

    it('with a second admin, one can be removed; then the other is the last again', async () => {
      expect((await call('admin', 'PUT', `${groups(operatorPool)}/${admins}/members/support`)).status).toBe(
        204,
      );
      expect(
        (await call('admin', 'DELETE', `${groups(operatorPool)}/${admins}/members/support`)).status,
      ).toBe(204);
      expect((await call('admin', 'DELETE', `${groups(operatorPool)}/${admins}/members/admin`)).status).toBe(
        409,
      );
    });

    it('the same group name in a pool that is not the operator pool is an ordinary group', async () => {
      await call('admin', 'POST', groups(), { groupName: admins });
      const [u] = await demoUsers(1);
      await call('admin', 'PUT', `${groups()}/${admins}/members/${u}`);
      expect((await call('admin', 'DELETE', `${groups()}/${admins}/members/${u}`)).status).toBe(204);
    });

    it('an operator cannot disable, delete or sign out their own account; another operator can be', async () => {
      const users = `/api/pools/${operatorPool}/users`;
      for (const [method, path] of [
        ['POST', `${users}/support/disable`],
        ['POST', `${users}/support/sign-out`],
        ['DELETE', `${users}/admin`],
        ['POST', `${users}/admin/disable`],
        ['POST', `${users}/admin/sign-out`],
      ] as const) {
        const role = path.includes('/support/') ? 'support' : 'admin';
        expect({ path, ...(await call(role, method, path)) }).toMatchObject({
          path,
          status: 409,
          body: { code: 'SELF_PROTECTED' },
        });
      }
      const admin = await local.cognito('AdminGetUser', { UserPoolId: operatorPool, Username: 'admin' });
      expect(admin.body.Enabled).toBe(true);
      expect((await call('admin', 'GET', '/api/me')).status).toBe(200);
      expect((await call('admin', 'POST', `${users}/auditor/disable`)).status).toBe(204);
      expect((await call('admin', 'POST', `${users}/auditor/enable`)).status).toBe(204);
    });
  });
});
