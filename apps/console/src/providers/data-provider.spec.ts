import { beforeAll, beforeEach, describe, expect, it } from '@jest/globals';

/** The combined data provider against a stand-in for the API (fetch), signed in. */
type Module = typeof import('./data-provider');
type Users = import('../resources/users/users-provider').UsersDataProvider;

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
  ({ dataProvider } = await import('./data-provider'));
});

beforeEach(() => {
  calls = [];
  answers = {};
});

const user = (username: string) => ({
  username,
  sub: null,
  email: null,
  phoneNumber: null,
  name: null,
  status: 'CONFIRMED',
  enabled: true,
  createdAt: null,
  updatedAt: null,
  attributes: {},
});

describe('the combined data provider', () => {
  it('sends each resource to its own provider: users of the pool in meta, with cursor pages', async () => {
    answers['GET /api/pools/eu-west-1_A1/users'] = { items: [user('ana')], nextCursor: 'c2' };
    const page = await dataProvider.getList('users', {
      pagination: { page: 1, perPage: 60 },
      sort: { field: '', order: 'ASC' },
      filter: { status: 'disabled' },
      meta: { poolId: 'eu-west-1_A1' },
    });
    expect(page).toEqual({
      data: [{ ...user('ana'), id: 'ana' }],
      pageInfo: { hasNextPage: true, hasPreviousPage: false },
      meta: { page: 1 },
    });
    expect(calls.map((call) => call.url)).toEqual(['/api/pools/eu-west-1_A1/users?status=disabled&limit=60']);

    answers['GET /api/pools/eu-west-1_A1/users'] = { items: [user('bo')], nextCursor: null };
    await dataProvider.getList('users', {
      pagination: { page: 2, perPage: 60 },
      sort: { field: '', order: 'ASC' },
      filter: { status: 'disabled' },
      meta: { poolId: 'eu-west-1_A1' },
    });
    expect(calls[1]!.url).toBe('/api/pools/eu-west-1_A1/users?status=disabled&limit=60&cursor=c2');
  });

  it('serves page 1, and says so, for a page whose cursor it never saw (a reload, a shared link)', async () => {
    answers['GET /api/pools/eu-west-1_A1/users'] = { items: [user('ana')], nextCursor: 'c2' };
    const page = await dataProvider.getList('users', {
      pagination: { page: 4, perPage: 60 },
      sort: { field: '', order: 'ASC' },
      filter: { status: 'enabled' },
      meta: { poolId: 'eu-west-1_A1' },
    });
    expect(calls[0]!.url).toBe('/api/pools/eu-west-1_A1/users?status=enabled&limit=60');
    expect(page.meta).toEqual({ page: 1 });
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
  });

  it('pages the audit log and lists pools', async () => {
    answers['GET /api/audit-events'] = { items: [], nextCursor: null };
    answers['GET /api/pools'] = [
      { id: 'eu-west-1_A1', name: 'A', region: 'eu-west-1', estimatedNumberOfUsers: 1, customAttributes: [] },
    ];
    await dataProvider.getList('audit-events', {
      pagination: { page: 1, perPage: 500 },
      sort: { field: '', order: 'DESC' },
      filter: { poolId: 'eu-west-1_A1', target: ' ana ' },
    });
    expect(calls[0]!.url).toBe('/api/audit-events?poolId=eu-west-1_A1&target=ana&limit=200');
    const pools = await dataProvider.getList('pools', {
      pagination: { page: 1, perPage: 1000 },
      sort: { field: '', order: 'ASC' },
      filter: {},
    });
    expect(pools.data.map((pool) => pool.id)).toEqual(['eu-west-1_A1']);
  });

  it("reaches the users provider's custom methods through the combined provider", async () => {
    answers['POST /api/pools/eu-west-1_A1/users/ana%20b/disable'] = undefined;
    await (dataProvider as unknown as Users).userAction('users', {
      poolId: 'eu-west-1_A1',
      username: 'ana b',
      action: 'disable',
      reason: '  lost laptop ',
    });
    expect(calls).toEqual([
      {
        method: 'POST',
        url: '/api/pools/eu-west-1_A1/users/ana%20b/disable',
        body: { reason: 'lost laptop' },
      },
    ]);
  });

  it('refuses plainly what a resource does not support, and resources it does not know', async () => {
    await expect(dataProvider.deleteMany('users', { ids: ['ana'] })).rejects.toThrow(
      'deleteMany is not supported for users.',
    );
    await expect(dataProvider.getOne('audit-events', { id: 'x' })).rejects.toThrow(
      'getOne is not supported for audit-events.',
    );
    expect(() =>
      dataProvider.getList('widgets', {
        pagination: { page: 1, perPage: 1 },
        sort: { field: '', order: 'ASC' },
        filter: {},
      }),
    ).toThrow('The console has no data provider for "widgets".');
    expect(calls).toEqual([]);
  });

  it('needs the pool for users', async () => {
    await expect(dataProvider.getOne('users', { id: 'ana' })).rejects.toThrow('No user pool is selected.');
  });
});
