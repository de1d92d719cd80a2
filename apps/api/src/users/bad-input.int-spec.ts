import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { errorCodes } from '@poolkeeper/contract';
import { type LocalApi, type Role, cognitoUser, startLocalApi } from '../test-support/local-api';

/**
 * Every route, fed malformed input: each answer is a 4xx with a contract error code and a plain message
 * (and `details[].field` for validation), never a 500; a rejected mutation leaves the user in Cognito as it was.
 * Paths use `{pool}` (a managed pool), `{user}` (an existing user) and `{taken}` (another existing user).
 */
interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
  path: string;
  body?: unknown;
  /** Send `body` as is (a string), not JSON-encoded. */
  raw?: boolean;
  contentType?: string;
  role?: Role | null;
  status: number;
  code: (typeof errorCodes)[number];
  /** A `details[].field` the answer must name. */
  field?: string;
}

const tooLong = 'u'.repeat(129);
const big = { reason: 'x'.repeat(120 * 1024) };

const reads: Case[] = [
  {
    name: 'pool id of the wrong shape',
    method: 'GET',
    path: '/api/pools/not a pool/users',
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'poolId',
  },
  {
    name: 'pool id with a slash-like shape',
    method: 'GET',
    path: '/api/pools/..%2F..%2Fetc/users',
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'poolId',
  },
  {
    name: 'unmanaged pool (users)',
    method: 'GET',
    path: '/api/pools/us-east-1_NotManaged1/users',
    status: 404,
    code: 'POOL_NOT_FOUND',
  },
  {
    name: 'unmanaged pool (pool)',
    method: 'GET',
    path: '/api/pools/us-east-1_NotManaged1',
    status: 404,
    code: 'POOL_NOT_FOUND',
  },
  {
    name: 'pool id of the wrong shape (pool)',
    method: 'GET',
    path: '/api/pools/%20',
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'poolId',
  },
  {
    name: 'limit 0',
    method: 'GET',
    path: '/api/pools/{pool}/users?limit=0',
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'limit',
  },
  {
    name: 'limit 61',
    method: 'GET',
    path: '/api/pools/{pool}/users?limit=61',
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'limit',
  },
  {
    name: 'limit abc',
    method: 'GET',
    path: '/api/pools/{pool}/users?limit=abc',
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'limit',
  },
  {
    name: 'limit given twice',
    method: 'GET',
    path: '/api/pools/{pool}/users?limit=1&limit=2',
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'limit',
  },
  {
    name: 'bad cursor',
    method: 'GET',
    path: '/api/pools/{pool}/users?cursor=not-a-cursor',
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'cursor',
  },
  {
    name: 'cursor of JSON that is not ours',
    method: 'GET',
    path: `/api/pools/{pool}/users?cursor=${Buffer.from('{"t":1}').toString('base64url')}`,
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'cursor',
  },
  {
    name: 'cursor from another search',
    method: 'GET',
    path: '/api/pools/{pool}/users?cursor={cursor}&search=a',
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'cursor',
  },
  {
    name: 'status not in the enum',
    method: 'GET',
    path: '/api/pools/{pool}/users?status=SLEEPING',
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'status',
  },
  {
    name: 'attribute not searchable',
    method: 'GET',
    path: '/api/pools/{pool}/users?search=a&attribute=custom:tenant',
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'attribute',
  },
  {
    name: 'match not in the enum',
    method: 'GET',
    path: '/api/pools/{pool}/users?search=a&match=contains',
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'match',
  },
  {
    name: 'search too long',
    method: 'GET',
    path: `/api/pools/{pool}/users?search=${'a'.repeat(300)}`,
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'search',
  },
  {
    name: 'username with a space',
    method: 'GET',
    path: '/api/pools/{pool}/users/has%20space',
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'username',
  },
  {
    name: 'username with a control character',
    method: 'GET',
    path: '/api/pools/{pool}/users/bell%07',
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'username',
  },
  {
    name: 'username too long',
    method: 'GET',
    path: `/api/pools/{pool}/users/${tooLong}`,
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'username',
  },
  {
    name: 'bad percent-encoding',
    method: 'GET',
    path: '/api/pools/{pool}/users/%E0%A4%A',
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'user that does not exist',
    method: 'GET',
    path: '/api/pools/{pool}/users/nobody-at-all',
    status: 404,
    code: 'USER_NOT_FOUND',
  },
  {
    name: 'audit limit 0',
    method: 'GET',
    path: '/api/audit-events?limit=0',
    role: 'auditor',
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'limit',
  },
  {
    name: 'audit limit 201',
    method: 'GET',
    path: '/api/audit-events?limit=201',
    role: 'auditor',
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'limit',
  },
  {
    name: 'audit bad cursor',
    method: 'GET',
    path: '/api/audit-events?cursor=zzz',
    role: 'auditor',
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'cursor',
  },
  {
    name: 'audit outcome not in the enum',
    method: 'GET',
    path: '/api/audit-events?outcome=maybe',
    role: 'auditor',
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'outcome',
  },
  {
    name: 'audit from not a date',
    method: 'GET',
    path: '/api/audit-events?from=yesterday',
    role: 'auditor',
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'from',
  },
  { name: 'unknown route', method: 'GET', path: '/api/nothing-here', status: 404, code: 'ROUTE_NOT_FOUND' },
  {
    name: 'unknown method on a route',
    method: 'PUT',
    path: '/api/pools/{pool}/users/{user}',
    body: {},
    status: 404,
    code: 'ROUTE_NOT_FOUND',
  },
  {
    name: 'no token',
    method: 'GET',
    path: '/api/pools/{pool}/users',
    role: null,
    status: 401,
    code: 'UNAUTHENTICATED',
  },
];

const mutations: Case[] = [
  // create
  {
    name: 'create: non-JSON body',
    method: 'POST',
    path: '/api/pools/{pool}/users',
    body: '{"username": ',
    raw: true,
    status: 400,
    code: 'VALIDATION_FAILED',
    field: '(body)',
  },
  {
    name: 'create: JSON array body',
    method: 'POST',
    path: '/api/pools/{pool}/users',
    body: [{ username: 'arr' }],
    status: 400,
    code: 'VALIDATION_FAILED',
    field: '(body)',
  },
  {
    name: 'create: JSON string body',
    method: 'POST',
    path: '/api/pools/{pool}/users',
    body: '"just a string"',
    raw: true,
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'create: null body',
    method: 'POST',
    path: '/api/pools/{pool}/users',
    body: 'null',
    raw: true,
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'create: empty JSON body',
    method: 'POST',
    path: '/api/pools/{pool}/users',
    body: '',
    raw: true,
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'username',
  },
  {
    name: 'create: wrong types',
    method: 'POST',
    path: '/api/pools/{pool}/users',
    body: { username: 42, attributes: 'email' },
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'username',
  },
  {
    name: 'create: unknown field',
    method: 'POST',
    path: '/api/pools/{pool}/users',
    body: { username: 'fresh-user-1', admin: true },
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'admin',
  },
  {
    name: 'create: oversize body',
    method: 'POST',
    path: '/api/pools/{pool}/users',
    body: { username: 'fresh-user-2', ...big },
    status: 400,
    code: 'VALIDATION_FAILED',
    field: '(body)',
  },
  {
    name: 'create: text/plain body',
    method: 'POST',
    path: '/api/pools/{pool}/users',
    body: 'username=x',
    raw: true,
    contentType: 'text/plain',
    status: 400,
    code: 'VALIDATION_FAILED',
    field: '(body)',
  },
  {
    name: 'create: form-encoded body',
    method: 'POST',
    path: '/api/pools/{pool}/users',
    body: 'username=fresh-user-1',
    raw: true,
    contentType: 'application/x-www-form-urlencoded',
    status: 400,
    code: 'VALIDATION_FAILED',
    field: '(body)',
  },
  {
    name: 'create: unsupported charset',
    method: 'POST',
    path: '/api/pools/{pool}/users',
    body: '{}',
    raw: true,
    contentType: 'application/json; charset=klingon',
    status: 400,
    code: 'VALIDATION_FAILED',
    field: '(body)',
  },
  {
    name: 'create: username with spaces',
    method: 'POST',
    path: '/api/pools/{pool}/users',
    body: { username: 'has space' },
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'username',
  },
  {
    name: 'create: username with a control character',
    method: 'POST',
    path: '/api/pools/{pool}/users',
    body: { username: 'tab\there' },
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'username',
  },
  {
    name: 'create: username too long',
    method: 'POST',
    path: '/api/pools/{pool}/users',
    body: { username: tooLong },
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'username',
  },
  {
    name: 'create: attribute not in the schema',
    method: 'POST',
    path: '/api/pools/{pool}/users',
    body: { username: 'fresh-user-3', attributes: { 'custom:nope': 'x' } },
    status: 400,
    code: 'INVALID_PARAMETER',
  },
  {
    name: 'create: attribute name of the wrong shape',
    method: 'POST',
    path: '/api/pools/{pool}/users',
    body: { username: 'fresh-user-4', attributes: { 'bad name': 'x' } },
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'attributes.bad name',
  },
  {
    name: 'create: password failing the pool policy',
    method: 'POST',
    path: '/api/pools/{pool}/users',
    body: { username: 'fresh-user-5', temporaryPassword: 'abcdefgh' },
    status: 400,
    code: 'INVALID_PASSWORD',
  },
  {
    name: 'create: an existing username',
    method: 'POST',
    path: '/api/pools/{pool}/users',
    body: { username: '{taken}' },
    status: 409,
    code: 'USERNAME_EXISTS',
  },
  {
    name: 'create: unmanaged pool',
    method: 'POST',
    path: '/api/pools/us-east-1_NotManaged1/users',
    body: { username: 'fresh-user-6' },
    status: 404,
    code: 'POOL_NOT_FOUND',
  },
  {
    name: 'create: pool id of the wrong shape',
    method: 'POST',
    path: '/api/pools/nope/users',
    body: { username: 'fresh-user-7' },
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'poolId',
  },
  // update
  {
    name: 'update: nothing to change',
    method: 'PATCH',
    path: '/api/pools/{pool}/users/{user}',
    body: {},
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'set',
  },
  {
    name: 'update: only a reason',
    method: 'PATCH',
    path: '/api/pools/{pool}/users/{user}',
    body: { reason: 'why not' },
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'set',
  },
  {
    name: 'update: set and remove the same attribute',
    method: 'PATCH',
    path: '/api/pools/{pool}/users/{user}',
    body: { set: { name: 'A' }, remove: ['name'] },
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'remove',
  },
  {
    name: 'update: wrong types',
    method: 'PATCH',
    path: '/api/pools/{pool}/users/{user}',
    body: { set: { name: 5 } },
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'set.name',
  },
  {
    name: 'update: unknown field',
    method: 'PATCH',
    path: '/api/pools/{pool}/users/{user}',
    body: { set: { name: 'A' }, enabled: false },
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'enabled',
  },
  {
    name: 'update: JSON array body',
    method: 'PATCH',
    path: '/api/pools/{pool}/users/{user}',
    body: [],
    status: 400,
    code: 'VALIDATION_FAILED',
    field: '(body)',
  },
  {
    name: 'update: non-JSON body',
    method: 'PATCH',
    path: '/api/pools/{pool}/users/{user}',
    body: "{'set':{}}",
    raw: true,
    status: 400,
    code: 'VALIDATION_FAILED',
    field: '(body)',
  },
  {
    name: 'update: attribute not in the schema',
    method: 'PATCH',
    path: '/api/pools/{pool}/users/{user}',
    body: { set: { 'custom:nope': 'x' } },
    status: 400,
    code: 'INVALID_PARAMETER',
  },
  {
    name: 'update: set fine, remove an attribute not in the schema',
    method: 'PATCH',
    path: '/api/pools/{pool}/users/{user}',
    body: { set: { name: 'Half Applied' }, remove: ['custom:nope'] },
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'remove.0',
  },
  {
    name: 'update: set an attribute not in the schema, remove a fine one',
    method: 'PATCH',
    path: '/api/pools/{pool}/users/{user}',
    body: { set: { 'custom:nope': 'x' }, remove: ['nickname'] },
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'set.custom:nope',
  },
  {
    name: 'update: form-encoded body',
    method: 'PATCH',
    path: '/api/pools/{pool}/users/{user}',
    body: 'set[name]=Form',
    raw: true,
    contentType: 'application/x-www-form-urlencoded',
    status: 400,
    code: 'VALIDATION_FAILED',
    field: '(body)',
  },
  {
    name: 'update: a user that does not exist',
    method: 'PATCH',
    path: '/api/pools/{pool}/users/nobody-at-all',
    body: { set: { name: 'A' } },
    status: 404,
    code: 'USER_NOT_FOUND',
  },
  {
    name: 'update: username with a space',
    method: 'PATCH',
    path: '/api/pools/{pool}/users/a%20b',
    body: { set: { name: 'A' } },
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'username',
  },
  {
    name: 'update: oversize body',
    method: 'PATCH',
    path: '/api/pools/{pool}/users/{user}',
    body: { set: { name: 'A' }, ...big },
    status: 400,
    code: 'VALIDATION_FAILED',
    field: '(body)',
  },
  // actions and delete
  ...(['disable', 'enable', 'reset-password', 'sign-out'] as const).flatMap((action): Case[] => [
    {
      name: `${action}: JSON array body`,
      method: 'POST',
      path: `/api/pools/{pool}/users/{user}/${action}`,
      body: ['x'],
      status: 400,
      code: 'VALIDATION_FAILED',
      field: '(body)',
    },
    {
      name: `${action}: reason of the wrong type`,
      method: 'POST',
      path: `/api/pools/{pool}/users/{user}/${action}`,
      body: { reason: 7 },
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'reason',
    },
    {
      name: `${action}: unknown field`,
      method: 'POST',
      path: `/api/pools/{pool}/users/{user}/${action}`,
      body: { force: true },
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'force',
    },
    {
      name: `${action}: reason too long`,
      method: 'POST',
      path: `/api/pools/{pool}/users/{user}/${action}`,
      body: { reason: 'r'.repeat(501) },
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'reason',
    },
    {
      name: `${action}: unmanaged pool`,
      method: 'POST',
      path: `/api/pools/us-east-1_NotManaged1/users/{user}/${action}`,
      status: 404,
      code: 'POOL_NOT_FOUND',
    },
    {
      name: `${action}: user that does not exist`,
      method: 'POST',
      path: `/api/pools/{pool}/users/nobody-at-all/${action}`,
      status: 404,
      code: 'USER_NOT_FOUND',
    },
    {
      name: `${action}: username with a control character`,
      method: 'POST',
      path: `/api/pools/{pool}/users/a%0Ab/${action}`,
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'username',
    },
  ]),
  {
    name: 'delete: non-JSON body',
    method: 'DELETE',
    path: '/api/pools/{pool}/users/{user}',
    body: 'nope',
    raw: true,
    status: 400,
    code: 'VALIDATION_FAILED',
    field: '(body)',
  },
  {
    name: 'delete: unknown field',
    method: 'DELETE',
    path: '/api/pools/{pool}/users/{user}',
    body: { cascade: true },
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'cascade',
  },
  {
    name: 'delete: username too long',
    method: 'DELETE',
    path: `/api/pools/{pool}/users/${tooLong}`,
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'username',
  },
  // password
  {
    name: 'password: failing the pool policy',
    method: 'POST',
    path: '/api/pools/{pool}/users/{user}/password',
    body: { password: 'abcdefgh', permanent: true },
    status: 400,
    code: 'INVALID_PASSWORD',
  },
  {
    name: 'password: missing',
    method: 'POST',
    path: '/api/pools/{pool}/users/{user}/password',
    body: { permanent: true },
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'password',
  },
  {
    name: 'password: permanent not a boolean',
    method: 'POST',
    path: '/api/pools/{pool}/users/{user}/password',
    body: { password: 'Good!Pass2026', permanent: 'yes' },
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'permanent',
  },
  {
    name: 'password: no body',
    method: 'POST',
    path: '/api/pools/{pool}/users/{user}/password',
    status: 400,
    code: 'VALIDATION_FAILED',
    field: '(body)',
  },
];

describe('no 500 for bad input', () => {
  let local: LocalApi;
  let user: string;
  let taken: string;
  let cursor: string;

  beforeAll(async () => {
    local = await startLocalApi({ demoUsers: 6 });
    const page = await local.call('admin', 'GET', `/api/pools/${local.pool}/users?limit=2`);
    [user, taken] = page.body!.items.map((u: { username: string }) => u.username);
    cursor = page.body!.nextCursor;
  }, 120_000);

  afterAll(() => local?.close(), 60_000);

  const fill = (text: string) =>
    text
      .replaceAll('{pool}', local.pool)
      .replaceAll('{user}', user)
      .replaceAll('{taken}', taken)
      .replaceAll('{cursor}', encodeURIComponent(cursor));

  async function expectClearError(c: Case) {
    const body = c.raw
      ? fill(c.body as string)
      : c.body === undefined
        ? undefined
        : JSON.parse(fill(JSON.stringify(c.body)));
    const res = await local.call(c.role === undefined ? 'admin' : c.role, c.method, fill(c.path), body, {
      raw: c.raw ?? false,
      ...(c.contentType ? { contentType: c.contentType } : {}),
    });
    const summary = `${c.name}: ${res.status} ${res.text.slice(0, 300)}`;
    expect(summary).toBe(`${c.name}: ${c.status} ${res.text.slice(0, 300)}`);
    expect(res.body).toEqual(expect.objectContaining({ code: c.code, message: expect.any(String) }));
    expect(errorCodes).toContain(res.body!.code);
    const message = res.body!.message as string;
    expect(message.trim().length).toBeGreaterThan(3);
    expect(message).not.toMatch(/\bat \S+\.(ts|js):\d+|Exception:|undefined|\[object /);
    expect(res.body!.errorId).toBeUndefined();
    if (c.field) {
      expect(res.body!.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: c.field, message: expect.any(String) })]),
      );
    }
  }

  it.each(reads.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    await expectClearError(c);
  });

  it.each(mutations.map((c) => [c.name, c] as const))('%s: Cognito unchanged', async (_name, c) => {
    const before = await cognitoUser(local, user);
    const beforeTaken = await cognitoUser(local, taken);
    await expectClearError(c);
    expect(await cognitoUser(local, user)).toEqual(before);
    expect(await cognitoUser(local, taken)).toEqual(beforeTaken);
    for (const fresh of [
      'fresh-user-1',
      'fresh-user-2',
      'fresh-user-3',
      'fresh-user-4',
      'fresh-user-5',
      'arr',
      'has space',
    ]) {
      expect(await cognitoUser(local, fresh)).toEqual({ missing: 'UserNotFoundException' });
    }
  });

  it('a search with quotes, backslashes and unicode is a plain 200, never a 500', async () => {
    for (const search of ['a"b', 'a\\', '"', '\\"', 'Zoë', '名前', '🙂', "o'brien", '%', '*']) {
      for (const attribute of ['email', 'username', 'name']) {
        const res = await local.call(
          'admin',
          'GET',
          `/api/pools/${local.pool}/users?search=${encodeURIComponent(search)}&attribute=${attribute}`,
        );
        expect(`${search} ${attribute}: ${res.status}`).toBe(`${search} ${attribute}: 200`);
      }
    }
  });
});
