import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { ListUsersInput } from '@poolkeeper/cognito-gateway';
import { OTHER_POOL, POOL, type TestApp, startTestApp } from '../test-support/test-app';

describe('users API (fake gateway)', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = t.token(['admin']);
  });
  afterAll(() => t.close());
  beforeEach(() => {
    t.gateway.users.set(POOL, []);
    t.gateway.addUsers(
      POOL,
      Array.from({ length: 150 }, (_, i) => ({
        username: `user${String(i).padStart(3, '0')}`,
        attributes: { email: `${i % 2 === 0 ? 'even' : 'odd'}${i}@example.com`, sub: `sub-${i}` },
        enabled: i % 3 !== 0,
      })),
    );
    t.gateway.calls.length = 0;
  });

  const users = `/api/pools/${POOL}/users`;
  const listCalls = () =>
    t.gateway.calls.filter((c) => c.method === 'listUsers').map((c) => c.args[0] as ListUsersInput);
  const get = async (path: string) => {
    const res = await t.call('GET', path, { token: admin });
    return {
      status: res.status,
      body: (await res.json()) as {
        items: Array<{ username: string; enabled: boolean }>;
        nextCursor: string | null;
        code?: string;
        details?: unknown;
      },
    };
  };

  it('passes the search raw to the gateway as a UserFilter (the gateway escapes it)', async () => {
    const { status } = await get(
      `${users}?search=${encodeURIComponent('a"b\\c')}&attribute=email&match=exact`,
    );
    expect(status).toBe(200);
    expect(listCalls()[0]!.filter).toEqual({ attribute: 'email', match: 'exact', value: 'a"b\\c' });
  });

  it('filters status in Cognito when there is no search', async () => {
    await get(`${users}?status=disabled&limit=5`);
    expect(listCalls()[0]!.filter).toEqual({ attribute: 'status', match: 'exact', value: 'Disabled' });
    await get(`${users}?status=FORCE_CHANGE_PASSWORD`);
    expect(listCalls()[1]!.filter).toEqual({
      attribute: 'cognito:user_status',
      match: 'exact',
      value: 'FORCE_CHANGE_PASSWORD',
    });
  });

  it('search + status: filters search in Cognito, status here, and pages honestly to the end', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const { status, body } = await get(
        `${users}?search=even&status=disabled&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(status).toBe(200);
      expect(body.items.length).toBeLessThanOrEqual(7);
      expect(body.items.every((u) => !u.enabled)).toBe(true);
      seen.push(...body.items.map((u) => u.username));
      cursor = body.nextCursor;
    } while (cursor);
    const expected = Array.from({ length: 150 }, (_, i) => i)
      .filter((i) => i % 2 === 0 && i % 3 === 0)
      .map((i) => `user${String(i).padStart(3, '0')}`);
    expect(seen).toEqual(expected);
    expect(listCalls().every((c) => c.filter?.attribute === 'email')).toBe(true);
  });

  it('plain paging returns every user exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const { body }: Awaited<ReturnType<typeof get>> = await get(
        `${users}?limit=60${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...body.items.map((u) => u.username));
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(150);
    expect(seen).toHaveLength(150);
  });

  it('rejects a forged cursor or one from another search with 400 naming cursor', async () => {
    expect((await get(`${users}?cursor=garbage`)).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'cursor' }],
    });
    const first = await get(`${users}?search=even&limit=2`);
    const other = await get(`${users}?search=odd&cursor=${first.body.nextCursor}`);
    expect(other.status).toBe(400);
  });

  it('rejects a bad query naming the field', async () => {
    const { status, body } = await get(`${users}?limit=500`);
    expect(status).toBe(400);
    expect(body.details).toEqual([{ field: 'limit', message: expect.any(String) }]);
  });

  it('never touches an unmanaged pool: 404 POOL_NOT_FOUND', async () => {
    for (const path of [
      `/api/pools/${OTHER_POOL}/users`,
      `/api/pools/${OTHER_POOL}/users/alice`,
      `/api/pools/${OTHER_POOL}`,
    ]) {
      const res = await t.call('GET', path, { token: admin });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ code: 'POOL_NOT_FOUND' });
    }
    const del = await t.call('DELETE', `/api/pools/${OTHER_POOL}/users/alice`, { token: admin });
    expect(del.status).toBe(404);
    expect(t.gateway.calls).toEqual([]);
  });

  it('creates (201, detail), conflicts (409), updates, deletes (204)', async () => {
    const created = await t.call('POST', users, {
      token: admin,
      body: { username: 'new1', attributes: { email: 'n@example.com' } },
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      username: 'new1',
      email: 'n@example.com',
      groups: [],
      mfa: { enabled: [], preferred: null },
    });
    expect((t.gateway.calls.at(-1)!.args[0] as { messageAction?: string }).messageAction).toBe('SUPPRESS');
    const dup = await t.call('POST', users, { token: admin, body: { username: 'new1' } });
    expect(dup.status).toBe(409);
    expect(await dup.json()).toMatchObject({ code: 'USERNAME_EXISTS' });
    const patched = await t.call('PATCH', `${users}/new1`, {
      token: admin,
      body: { set: { name: 'New' }, remove: ['email'] },
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ name: 'New', email: null, groups: [] });
    expect((await t.call('DELETE', `${users}/new1`, { token: admin })).status).toBe(204);
    expect((await t.call('GET', `${users}/new1`, { token: admin })).status).toBe(404);
  });

  it('lists the managed pools only', async () => {
    const res = await t.call('GET', '/api/pools', { token: t.token(['auditor']) });
    expect(await res.json()).toEqual({
      items: [
        {
          id: POOL,
          name: 'customers',
          region: 'us-east-1',
          estimatedNumberOfUsers: 3,
          customAttributes: ['custom:tenant'],
        },
      ],
      nextCursor: null,
    });
  });

  it('answers unknown /api routes with JSON 404 and bad JSON with 400', async () => {
    const res = await t.call('GET', '/api/nowhere', { token: admin });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    const bad = await t.call('POST', users, { token: admin, rawBody: '{"username":' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: '(body)' }] });
    const big = await t.call('POST', users, {
      token: admin,
      body: { username: 'x', attributes: { name: 'y'.repeat(200_000) } },
    });
    expect(big.status).toBe(400);
  });
});
