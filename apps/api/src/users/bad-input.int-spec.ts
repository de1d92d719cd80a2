import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { errorCodes } from '@poolkeeper/contract';
import { type LocalApi, cognitoUser, startLocalApi } from '../test-support/local-api';
import type { Case } from '../test-support/bad-input/case';
import { changeCases } from '../test-support/bad-input/change-cases';
import { createCases } from '../test-support/bad-input/create-cases';
import { readCases } from '../test-support/bad-input/read-cases';

const reads = readCases;
const mutations = [...createCases, ...changeCases];

/**
 * Every route, fed malformed input: each answer is a 4xx with a contract error code and a plain message
 * (and `details[].field` for validation), never a 500; a rejected mutation leaves the user in Cognito as it was.
 * Paths use `{pool}` (a managed pool), `{user}` (an existing user) and `{taken}` (another existing user).
 */

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
