import { beforeAll, beforeEach, describe, expect, it } from '@jest/globals';

/** The groups providers through the combined data provider, against a stand-in for the API (fetch). */
type Module = typeof import('../../providers/data-provider');
type Groups = import('./groups-provider').GroupsDataProvider;

interface Call {
  method: string;
  url: string;
  body?: unknown;
}

let calls: Call[] = [];
let answers: Record<string, unknown> = {};
let dataProvider: Module['dataProvider'];

beforeAll(async () => {
  const items = new Map<string, string>();
  (globalThis as { localStorage?: unknown }).localStorage = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
  const tokens = { accessToken: 'a', idToken: 'i', refreshToken: 'r', expiresAt: Date.now() + 3_600_000 };
  localStorage.setItem('poolkeeper.session', JSON.stringify(tokens));
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    const call: Call = {
      method: init?.method ?? 'GET',
      url,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const key = `${call.method} ${url.split('?')[0]}`;
    if (!(key in answers))
      return new Response(JSON.stringify({ code: 'ROUTE_NOT_FOUND', message: key }), { status: 404 });
    const body = answers[key];
    return body === undefined
      ? new Response(null, { status: 204 })
      : new Response(JSON.stringify(body), { status: 200 });
  }) as typeof fetch;
  ({ dataProvider } = await import('../../providers/data-provider'));
});

beforeEach(() => {
  calls = [];
  answers = {};
});

const POOL = 'eu-west-1_A1';
const group = (groupName: string) => ({
  groupName,
  description: null,
  precedence: 1,
  roleArn: null,
  createdAt: null,
  updatedAt: null,
});
const list = { pagination: { page: 1, perPage: 60 }, sort: { field: '', order: 'ASC' as const }, filter: {} };

describe('the groups providers', () => {
  it('pages the groups of the pool in meta with cursors, id = group name', async () => {
    answers[`GET /api/pools/${POOL}/groups`] = { items: [group('staff')], nextCursor: 'n2' };
    const page = await dataProvider.getList('groups', { ...list, meta: { poolId: POOL } });
    expect(page.data).toEqual([{ ...group('staff'), id: 'staff' }]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
    await dataProvider.getList('groups', {
      ...list,
      pagination: { page: 2, perPage: 60 },
      meta: { poolId: POOL },
    });
    expect(calls.map((c) => c.url)).toEqual([
      `/api/pools/${POOL}/groups?limit=60`,
      `/api/pools/${POOL}/groups?limit=60&cursor=n2`,
    ]);
  });

  it("pages a group's members and reads a user's groups", async () => {
    answers[`GET /api/pools/${POOL}/groups/a%2Fb/members`] = {
      items: [{ username: 'ana', email: null, status: 'CONFIRMED', enabled: true }],
      nextCursor: null,
    };
    const members = await dataProvider.getList('group-members', {
      ...list,
      meta: { poolId: POOL, groupName: 'a/b' },
    });
    expect(members.data.map((m) => m.id)).toEqual(['ana']);
    answers[`GET /api/pools/${POOL}/users/ana/groups`] = {
      groups: [],
      tokenRoles: { roles: [], preferredRole: null },
    };
    const mine = await dataProvider.getOne('user-groups', { id: 'ana', meta: { poolId: POOL } });
    expect(mine.data).toEqual({ id: 'ana', groups: [], tokenRoles: { roles: [], preferredRole: null } });
  });

  it('deletes with the typed name, adds members with PUT and removes them with DELETE, reasons trimmed', async () => {
    answers[`DELETE /api/pools/${POOL}/groups/staff`] = undefined;
    answers[`PUT /api/pools/${POOL}/groups/staff/members/ana%20b`] = undefined;
    answers[`DELETE /api/pools/${POOL}/groups/staff/members/ana%20b`] = undefined;
    await dataProvider.delete('groups', {
      id: 'staff',
      meta: { poolId: POOL, confirm: 'staff', reason: ' ' },
    });
    const groups = dataProvider as unknown as Groups;
    await groups.addMember('groups', {
      poolId: POOL,
      groupName: 'staff',
      username: 'ana b',
      reason: ' why ',
    });
    await groups.removeMember('groups', { poolId: POOL, groupName: 'staff', username: 'ana b' });
    expect(calls).toEqual([
      { method: 'DELETE', url: `/api/pools/${POOL}/groups/staff`, body: { confirm: 'staff' } },
      { method: 'PUT', url: `/api/pools/${POOL}/groups/staff/members/ana%20b`, body: { reason: 'why' } },
      { method: 'DELETE', url: `/api/pools/${POOL}/groups/staff/members/ana%20b`, body: {} },
    ]);
  });

  it('puts the API field errors of a create on the form fields (GROUP_EXISTS on the name)', async () => {
    const stand = globalThis.fetch;
    globalThis.fetch = (async () =>
      new Response(JSON.stringify({ code: 'GROUP_EXISTS', message: 'A group named staff exists.' }), {
        status: 409,
      })) as typeof fetch;
    await expect(
      dataProvider.create('groups', { data: { groupName: 'staff' }, meta: { poolId: POOL } }),
    ).rejects.toMatchObject({ status: 409, body: { errors: { groupName: 'A group named staff exists.' } } });
    globalThis.fetch = stand;
  });

  it('needs the pool', async () => {
    await expect(dataProvider.getOne('groups', { id: 'staff' })).rejects.toThrow('No user pool is selected.');
  });
});
